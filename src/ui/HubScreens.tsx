// The hub's screens behind the shell (App): the set-up check, the nav and every screen. A chunk of its own
// ('hub'), fetched while the shell's first render shows the header and a spinner.
import * as React from 'react';
import { Button, Spinner, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import * as strings from 'SocialValueHubStrings';
import { SETTING_KEYS } from '../domain';
import type { HubData } from '../app/hubData';
import { awaitingMyApprovalQuery } from '../app/firstPages';
import { ErrorNotice } from './common/ErrorNotice';
import { EditionInForceProvider } from './editionInForce';
import { useAsync } from './common/useAsync';
import { preloaded } from './common/preloaded';
import { format } from '../loc/format';
import type { GuideDraft } from './guide/draft';
import { subEntityHash } from '../teams/hubTab';
import type { Route } from './routes';
import { routeFromHash, useRoute } from './routes';
import type { HubServices } from './services';

// The register is the landing screen, in a chunk of its own whose fetch starts as soon as this module runs
// (beside the set-up check's request); every other screen loads when first opened.
const Register = preloaded(import(/* webpackChunkName: 'register' */ './register/Register').then((m) => m.Register));
const ProcurementGuide = React.lazy(() => import(/* webpackChunkName: 'guide' */ './guide/ProcurementGuide').then((m) => ({ default: m.ProcurementGuide })));
const ProcurementPage = React.lazy(() =>
  import(/* webpackChunkName: 'procurement' */ './procurement/ProcurementPage').then((m) => ({ default: m.ProcurementPage })),
);
const VerificationQueue = React.lazy(() => import(/* webpackChunkName: 'delivery' */ './delivery').then((m) => ({ default: m.VerificationQueue })));
const ChaseList = React.lazy(() => import(/* webpackChunkName: 'delivery' */ './delivery').then((m) => ({ default: m.ChaseList })));
const SettingsPage = React.lazy(() => import(/* webpackChunkName: 'admin' */ './settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const MeasureLibraryAdmin = React.lazy(() =>
  import(/* webpackChunkName: 'measure-library' */ './library').then((m) => ({ default: m.MeasureLibraryAdmin })),
);
const OutboxView = React.lazy(() => import(/* webpackChunkName: 'admin' */ './settings/OutboxView').then((m) => ({ default: m.OutboxView })));
// The dashboard (charts, and exceljs for the member report) and the case studies.
const Dashboard = React.lazy(() => import(/* webpackChunkName: 'dashboard' */ './dashboard').then((m) => ({ default: m.Dashboard })));
const PostUpdatePanel = React.lazy(() =>
  import(/* webpackChunkName: 'taskforce-update' */ './taskforce/PostUpdatePanel').then((m) => ({ default: m.PostUpdatePanel })),
);
// Shown only on a site without its lists (or a page without a data service): not part of every first screen.
const ListsMissing = React.lazy(() => import(/* webpackChunkName: 'setup' */ './setup/ListsMissing').then((m) => ({ default: m.ListsMissing })));
const NoDataService = React.lazy(() => import(/* webpackChunkName: 'setup' */ './setup/ListsMissing').then((m) => ({ default: m.NoDataService })));
const CaseStudies = React.lazy(() => import(/* webpackChunkName: 'case-studies' */ './caseStudies').then((m) => ({ default: m.CaseStudies })));

const useStyles = makeStyles({
  nav: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalL },
  // The views wrap onto more rows on a phone rather than running off the side.
  tabs: { flexWrap: 'wrap', minWidth: 0, maxWidth: '100%' },
  main: {
    backgroundColor: tokens.colorNeutralBackground1,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    minWidth: 0,
    // A drop-down is as wide as its longest option unless told otherwise: in a narrow column (a phone, a
    // grid of filters) it must take the column's width and not run over its neighbour.
    '& select, & .fui-Select, & .fui-Input': { minWidth: 0, maxWidth: '100%' },
    // Fluent's Select draws no focus ring we can see (its underline stays hidden): keyboard users must see
    // where they are (WCAG 2.4.7), so a drop-down with keyboard focus gets the theme's focus outline.
    '& select:focus-visible': {
      outlineStyle: 'solid',
      outlineWidth: tokens.strokeWidthThick,
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: '1px',
    },
    // Tabs within a screen (the measure library's) wrap on a phone like the hub's own.
    '& .fui-TabList': { flexWrap: 'wrap', maxWidth: '100%' },
    // Long words (references, e-mail addresses, authority names) break rather than push the page sideways.
    overflowWrap: 'anywhere',
  },
});

/** Everything below the header: the lists' set-up check, then the nav and the current screen. */
export function HubScreens({ services }: { services: HubServices }): React.ReactElement {
  return services.data ? (
    <ReadyCheck data={services.data} canProvision={!!services.user.canManageSite}>
      {/* The edition in force loads beside the register's own load; only deciding screens wait for it. */}
      <EditionInForceProvider data={services.data}>
        <Hub services={services} data={services.data} />
      </EditionInForceProvider>
    </ReadyCheck>
  ) : (
    <React.Suspense fallback={<Spinner label={strings.LoadingLabel} />}>
      <NoDataService />
    </React.Suspense>
  );
}

/**
 * The hub needs its lists: when some are missing, a site owner is offered to provision them. While the check is on
 * its way the hub itself shows: the answer comes in the opening's one batch with the register's first page, and the
 * nav and the register's filters render meanwhile rather than after it (issue 18). A site without its lists (once,
 * before set-up) then swaps them for the set-up screen.
 */
function ReadyCheck({ data, canProvision, children }: { data: HubData; canProvision: boolean; children: React.ReactNode }): React.ReactElement {
  const missing = useAsync(() => data.provisioning.missingLists(), [data]);
  if (missing.error !== undefined) return <ErrorNotice title={strings.Setup.CannotReachLists} error={missing.error} onRetry={missing.reload} />;
  if (missing.value && missing.value.length > 0) {
    return (
      <React.Suspense fallback={<Spinner label={strings.LoadingLabel} />}>
        <ListsMissing data={data} missing={missing.value} canProvision={canProvision} onProvisioned={missing.reload} />
      </React.Suspense>
    );
  }
  return <>{children}</>;
}

function Hub({ services, data }: { services: HubServices; data: HubData }): React.ReactElement {
  const styles = useStyles();
  // A deep link from Teams opens straight on its place: a procurement (its reference), or one of the hub’s screens.
  const subEntityId = services.teams?.subEntityId;
  const deepLink: Route | undefined = subEntityId ? routeFromHash(subEntityHash(subEntityId)) : undefined;
  const [route, navigate] = useRoute(deepLink);
  const [fresh, setFresh] = React.useState<GuideDraft | undefined>();
  const awaiting = useAwaitingMyApproval(data, services.user.email, route);
  // Each person lands on what they can act on: an approver with decisions waiting lands on that queue
  // (only when they opened the hub itself, not a link to a particular place).
  const landed = React.useRef(false);
  React.useEffect(() => {
    if (landed.current || awaiting === undefined) return;
    landed.current = true;
    if (awaiting.count > 0 && !deepLink && route.screen === 'register' && route.scope === 'mine' && !window.location.hash.replace(/^#\/?/, '')) {
      navigate({ screen: 'register', scope: 'approvals' });
    }
  }, [awaiting]);

  const startNew = async (): Promise<void> => {
    // The guide's chunk: its draft code comes with it rather than with every first screen.
    const { startDraft } = await import(/* webpackChunkName: 'guide' */ './guide/startDraft');
    const draft = startDraft(services.user, services.drafts);
    setFresh(draft);
    navigate({ screen: 'guide', reference: draft.reference });
  };
  // Always a value (never undefined), so the tab list stays controlled; 'none' selects no tab.
  const tab =
    route.screen === 'register'
      ? route.scope
      : route.screen === 'guide' || route.screen === 'procurement'
        ? 'none'
        : route.screen;
  // One function for the hub's life: the register (memoised) then skips the hub's renders, such as the approver's count.
  const open = React.useCallback((reference: string): void => navigate({ screen: 'procurement', reference }), [navigate]);
  const canManage = !!services.user.canManageSite;

  return (
    <>
      <nav className={styles.nav} aria-label={strings.Nav.Label}>
        <Button appearance="primary" onClick={() => startNew()}>
          {strings.Nav.New}
        </Button>
        <TabList
          className={styles.tabs}
          selectedValue={tab}
          onTabSelect={(_, d) => {
            const value = String(d.value);
            if (value === 'mine' || value === 'all' || value === 'approvals') navigate({ screen: 'register', scope: value });
            else navigate(routeFromHash(`#/${value}`));
          }}
        >
          {navTabs(awaiting, canManage).map((t) => (
            <Tab key={t.value} value={t.value}>
              {t.label}
            </Tab>
          ))}
        </TabList>
      </nav>
      <main className={styles.main}>
        <React.Suspense fallback={<Spinner label={strings.Nav.LoadingScreen} />}>
          {route.screen === 'register' && (
            <Register
              data={data}
              scope={route.scope}
              userEmail={services.user.email}
              onOpen={open}
            />
          )}
          {route.screen === 'guide' && (
            <ProcurementGuide
              key={route.reference}
              data={data}
              user={services.user}
              drafts={services.drafts}
              reference={route.reference}
              initialDraft={fresh?.reference === route.reference ? fresh : undefined}
              onSubmitted={(reference) => navigate({ screen: 'procurement', reference })}
              onClose={(reference) => navigate(reference ? { screen: 'procurement', reference } : { screen: 'register', scope: 'mine' })}
            />
          )}
          {route.screen === 'verify' && <VerificationQueue data={data} user={services.user} onOpen={open} />}
          {route.screen === 'chase' && <ChaseList data={data} onOpen={open} />}
          {route.screen === 'dashboard' && <Dashboard data={data} />}
          {route.screen === 'case-studies' && <CaseStudies data={data} canWrite={!!services.user.email} />}
          {route.screen === 'update' && <PostUpdatePanel data={data} graph={services.graph} />}
          {route.screen === 'library' && <MeasureLibraryAdmin data={data} canManageSite={canManage} />}
          {route.screen === 'settings' && <SettingsPage data={data} graph={services.graph} teams={services.teams} canManageSite={canManage} hubSite={services.hubSite} />}
          {route.screen === 'outbox' && <OutboxView data={data} graph={services.graph} />}
          {route.screen === 'procurement' && (
            <ProcurementPage
              key={route.reference}
              data={data}
              graph={services.graph}
              user={services.user}
              reference={route.reference}
              onEdit={(reference) => navigate({ screen: 'guide', reference })}
              onBack={() => navigate({ screen: 'register', scope: 'mine' })}
            />
          )}
        </React.Suspense>
      </main>
    </>
  );
}

/** The views in the nav: the approval queue for approvers, the site's administration for its owners. */
function navTabs(awaiting: { approver: boolean; countText: string } | undefined, canManage: boolean): { value: string; label: string }[] {
  const tab = (value: string, label: string): { value: string; label: string } => ({ value, label });
  return [
    ...(awaiting?.approver ? [tab('approvals', format(strings.Nav.ApprovalsCount, awaiting.countText))] : []),
    tab('mine', strings.Nav.Mine),
    tab('all', strings.Nav.All),
    tab('verify', strings.Nav.Verify),
    tab('chase', strings.Nav.Chase),
    tab('dashboard', strings.Nav.Dashboard),
    tab('case-studies', strings.Nav.CaseStudies),
    tab('update', strings.Nav.Update),
    ...(canManage ? [tab('library', strings.Nav.Library), tab('settings', strings.Nav.Settings), tab('outbox', strings.Nav.Outbox)] : []),
  ];
}

/** How many decisions wait for this person; undefined while unknown. Refreshed whenever they go back to a register. */
function useAwaitingMyApproval(data: HubData, email: string, route: Route): { approver: boolean; count: number; countText: string } | undefined {
  const onRegister = route.screen === 'register' ? route.scope : '';
  const queue = useAsync(async () => {
    const [page, approver] = await Promise.all([
      data.procurements.query(awaitingMyApprovalQuery(email)),
      data.settings.get(SETTING_KEYS.approverEmail),
    ]);
    const count = page.items.length;
    return {
      // Whoever the settings name as approver, or anyone something waits for, has the queue.
      approver: count > 0 || (approver ?? '').trim().toLowerCase() === email.toLowerCase(),
      count,
      countText: page.nextPageToken ? `${count}+` : String(count),
    };
  }, [data, email, onRegister]);
  return queue.value;
}
