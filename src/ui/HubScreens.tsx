// The hub's screens behind the shell (App): the set-up check, the nav and every screen. A chunk of its own
// ('hub'), fetched while the shell's first render shows the header and a spinner.
import * as React from 'react';
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import * as strings from 'SocialValueHubStrings';
import { SETTING_KEYS } from '../domain';
import type { HubData, ProvisionReport } from '../app/hubData';
import { awaitingMyApprovalQuery } from '../app/opening';
import { ErrorNotice } from './common/ErrorNotice';
import { EditionInForceProvider } from './editionInForce';
import { useAsync } from './common/useAsync';
import { format } from '../loc/format';
import { isoDateFromDate } from '../domain';
import { newDraft } from './guide/draft';
import { DraftStore } from './guide/draftStore';
import type { GuideDraft } from './guide/draft';
import { DASHBOARD_SUB_ENTITY } from '../teams/hubTab';
import type { Route } from './routes';
import { routeFromHash, useRoute } from './routes';
import type { HubServices } from './services';

// The register is the landing screen, in a chunk of its own whose fetch starts as soon as this module runs
// (beside the set-up check's request); every other screen loads when first opened.
const register = import(/* webpackChunkName: 'register' */ './register/Register');
register.catch(() => undefined); // a failure surfaces where the register renders
const Register = React.lazy(() => register.then((m) => ({ default: m.Register })));
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
    <MessageBar intent="info">
      <MessageBarBody>
        <MessageBarTitle>{strings.NoDataServiceTitle}</MessageBarTitle>
        {strings.NoDataServiceBody}
      </MessageBarBody>
    </MessageBar>
  );
}

/** The hub needs its lists: when some are missing, a site owner is offered to provision them. */
function ReadyCheck({ data, canProvision, children }: { data: HubData; canProvision: boolean; children: React.ReactNode }): React.ReactElement {
  const missing = useAsync(() => data.provisioning.missingLists(), [data]);
  const [report, setReport] = React.useState<ProvisionReport | undefined>();
  const [running, setRunning] = React.useState(false);
  const [error, setError] = React.useState<unknown>(undefined);
  if (missing.loading && !missing.value) return <Spinner label={strings.LoadingLabel} />;
  if (missing.error !== undefined) return <ErrorNotice title={strings.Setup.CannotReachLists} error={missing.error} onRetry={missing.reload} />;
  if (missing.value && missing.value.length > 0) {
    const provision = async (): Promise<void> => {
      setRunning(true);
      setError(undefined);
      try {
        setReport(await data.provisioning.provision());
        missing.reload();
      } catch (e) {
        setError(e);
      } finally {
        setRunning(false);
      }
    };
    return (
      <MessageBar intent="warning">
        <MessageBarBody>
          <MessageBarTitle>{strings.Setup.ListsMissingTitle}</MessageBarTitle>
          {format(strings.Setup.ListsMissing, missing.value.join(', '))}{' '}
          {canProvision ? strings.Setup.OwnerCanProvision : strings.Setup.AskOwner}
          {error !== undefined && <ErrorNotice title={strings.Setup.ProvisionStopped} error={error} />}
          {report && <Text block>{format(strings.Setup.ProvisionReport, report.created.length, report.updated.length)}</Text>}
          {canProvision && (
            <div>
              <Button appearance="primary" onClick={() => provision()} disabled={running}>
                {running ? strings.Setup.Provisioning : strings.Setup.Provision}
              </Button>
            </div>
          )}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return <>{children}</>;
}

function Hub({ services, data }: { services: HubServices; data: HubData }): React.ReactElement {
  const styles = useStyles();
  // A deep link from Teams (subEntityId = procurement reference) opens straight on the procurement.
  const subEntityId = services.teams?.subEntityId;
  const deepLink: Route | undefined = !subEntityId
    ? undefined
    : subEntityId === DASHBOARD_SUB_ENTITY
      ? { screen: 'dashboard' }
      : { screen: 'procurement', reference: subEntityId };
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

  const startNew = (): void => {
    const draft = newDraft(services.user, isoDateFromDate(new Date()));
    // Stored at once, so a reload before the first keystroke still finds the draft.
    new DraftStore(services.drafts).save(draft);
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
  const open = (reference: string): void => navigate({ screen: 'procurement', reference });
  const canManage = !!services.user.canManageSite;

  return (
    <>
      <nav className={styles.nav} aria-label={strings.Nav.Label}>
        <Button appearance="primary" onClick={startNew}>
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
          {awaiting?.approver && <Tab value="approvals">{format(strings.Nav.ApprovalsCount, awaiting.countText)}</Tab>}
          <Tab value="mine">{strings.Nav.Mine}</Tab>
          <Tab value="all">{strings.Nav.All}</Tab>
          <Tab value="verify">{strings.Nav.Verify}</Tab>
          <Tab value="chase">{strings.Nav.Chase}</Tab>
          <Tab value="dashboard">{strings.Nav.Dashboard}</Tab>
          <Tab value="case-studies">{strings.Nav.CaseStudies}</Tab>
          <Tab value="update">{strings.Nav.Update}</Tab>
          {canManage && <Tab value="library">{strings.Nav.Library}</Tab>}
          {canManage && <Tab value="settings">{strings.Nav.Settings}</Tab>}
          {canManage && <Tab value="outbox">{strings.Nav.Outbox}</Tab>}
        </TabList>
      </nav>
      <main className={styles.main}>
        <React.Suspense fallback={<Spinner label={strings.Nav.LoadingScreen} />}>
          {route.screen === 'register' && (
            <Register
              data={data}
              scope={route.scope}
              userEmail={services.user.email}
              onOpen={(reference) => navigate({ screen: 'procurement', reference })}
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
