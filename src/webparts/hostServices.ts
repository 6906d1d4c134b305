// What both web parts do on start: read SPFx's context (Teams or SharePoint), follow the Teams theme, and
// build the services the UI is handed. The one place that turns this.context into HubServices.
import { SPPermission } from '@microsoft/sp-page-context';
import type { WebPartContext } from '@microsoft/sp-webpart-base';
import { canManageHubSite } from '../app/hubSite';
import { landingOf, landingQueries, openingPages } from '../app/firstPages';
import { siteAdapters } from '../app/siteAdapters';
import type { OpeningRead } from '../data/sharepoint/opening';
import { letAskedRequestsLeave } from '../data/sharepoint/requestTurns';
import type { HostTheme } from '../teams/hostTheme';
import { hostThemeFromTeams } from '../teams/hostTheme';
import { teamsContextInfo } from '../teams/teamsContext';
import type { HubServices } from '../ui/services';

export interface HostSession {
  services: HubServices;
  theme: HostTheme;
}

export async function connectHost(
  context: WebPartContext,
  options: {
    siteUrl?: string;
    onThemeChange: (theme: HostTheme) => void;
    graph?: boolean;
    /**
     * What the web part shows: the hub (which opens on the register, whose first page the opening's batch carries, so
     * the rest of the data layer is fetched once that page is drawn: issue 18's first screen) or the dashboard.
     */
    shows: 'hub' | 'dashboard';
    /** Called once the theme is known (Teams' answers at once; SharePoint's is the page's), before the opening's answers. */
    onShell?: (theme: HostTheme) => void;
    /**
     * Called once the opening's batch has left, with services from what the host page knows: their data answers when
     * the batch lands, and is the same object as the returned services' (issue 18: the frame renders meanwhile).
     */
    onOpening?: (session: HostSession) => void;
  },
): Promise<HostSession> {
  const teamsJs = context.sdks.microsoftTeams?.teamsJs;
  // The opening's batch and workflows: a chunk of their own ('hub-opening'), not in the bundle loaded before the web
  // part runs (issue 18's initial bundle), nor waiting for the rest of the data layer, which the batch does not use.
  const opener = import(/* webpackChunkName: 'hub-opening' */ './sharePointOpening');
  opener.catch(() => undefined); // whoever needs it sees the failure
  // The rest of the SharePoint adapter ('hub-data': every repository, provisioning): when a screen first asks for
  // more than the opening answered, or sooner (fetchTheRest below).
  const { adapterFor, fetchTheRest, fetchTheRestAfter } = siteAdapters<OpeningRead>({
    opening: (url, o) => opener.then((m) => m.openingFor(context, url, o ?? {})),
    rest: () => import(/* webpackChunkName: 'hub-data' */ './sharePointData').then((m) => (url, opened) => m.sharePointDataFor(context, url, opened)),
  });
  const tenantOnItsOwn = (key: string): Promise<string | undefined> => opener.then((m) => m.tenantPropertyFor(context, key));
  const hostSiteUrl = context.pageContext.web.absoluteUrl;
  const user = context.pageContext.user;
  // The opening's one $batch (src/app/opening.ts) starts with Teams' context and the Graph client.
  const teamsInfo = teamsJs ? teamsJs.app.getContext().then(teamsContextInfo) : Promise.resolve(undefined);
  // The shell (header, spinner) shows while the opening's chunk and then the batch are on their way, in
  // Teams' theme: Teams answers its context from the host frame, with no request, so it comes well before the chunk
  // (a round trip to the CDN), and the tab is not drawn light and then redrawn dark.
  teamsInfo.then((t) => options.onShell?.(t ? t.theme : 'light'), () => undefined);
  const graphClient = options.graph ? context.msGraphClientFactory.getClient('3') : Promise.resolve(undefined);
  // The landing screen's first pages go with the opening's batch: the page context knows the person's site user id
  // (legacyPageContext.userId, as _spPageContextInfo has it) and e-mail before any request. A Teams deep link,
  // known only once Teams answers, leaves the register's page unused.
  const landing = landingOf(options.shows, window.location.hash);
  const pages = openingPages((context.pageContext.legacyPageContext as { userId?: unknown } | undefined)?.userId, user.email, landing);
  // A first screen other than the register's first page (the dashboard, a deep link) reads beyond the batch at once.
  if (landing !== 'register') fetchTheRest();
  const { openedHubData, openHubSite, resolveHubLinks, setHubLinks } = await opener;
  const opening = openHubSite({ webPartSiteUrl: options.siteUrl, hostSiteUrl, adapterFor, readTenant: tenantOnItsOwn, pages });
  opening.catch(() => undefined); // whoever needs it sees the failure
  const [teams, graph] = await Promise.all([teamsInfo, graphClient]);
  if (teams?.subEntityId) fetchTheRest();
  const theme: HostTheme = teams ? teams.theme : 'light';
  // Teams users switch theme while the tab is open; follow them.
  if (teamsJs) teamsJs.app.registerOnThemeChangeHandler((t: string) => options.onThemeChange(hostThemeFromTeams(t)));
  // The screens' data, the same object before and after the opening lands (src/app/opening.ts). The register's
  // first page and the approver's queue start as soon as it lands (a Teams deep link opens elsewhere, so the
  // register is not started for it).
  const data = openedHubData(opening, landingQueries(user.email, landingOf(options.shows, window.location.hash || teams?.subEntityId)));
  // Cards link the Teams tab when the tenant names the deployed app's id, else this SharePoint page (in Teams, the
  // hub's site): src/app/hubLinks.ts. Read when the first card is built, not before the first render.
  setHubLinks(data, () => opening.then((o) => resolveHubLinks(o.readTenant, teams ? o.site.url : window.location.href)));
  const shared = { host: teams ? ('teams' as const) : ('sharepoint' as const), teams, data, drafts: window.localStorage, graph };
  // The batch has left: the hub's frame (nav, the register's heading and filters) renders while SharePoint answers,
  // with what the page context knows. Rights the opening reads (managing the lists' site, verifying) come after.
  await letAskedRequestsLeave();
  options.onOpening?.({ services: { ...shared, siteUrl: hostSiteUrl, user: { displayName: user.displayName, email: user.email } }, theme });
  const { site, read } = await opening;
  // The register's first page came with the batch: the rest of the data layer follows once it is drawn.
  if (landing === 'register') fetchTheRestAfter(read);
  const canManageSite = await canManageHubSite(
    site,
    { siteUrl: hostSiteUrl, canManage: context.pageContext.web.permissions.hasPermission(SPPermission.manageWeb) },
    // Off the host's site: the opening's batch asked the lists' site already.
    (url) => read.then((a) => a.canManageSite ?? opener.then((m) => m.canManageSiteFor(context, url)), () => opener.then((m) => m.canManageSiteFor(context, url))),
  );
  const services: HubServices = {
    ...shared,
    siteUrl: site.url,
    hubSite: site,
    user: { displayName: user.displayName, email: user.email, canManageSite, canVerify: await read.then((a) => a.canVerify, () => undefined) },
  };
  // The register's first page and the approver's queue leave before the next render holds the page's thread.
  await letAskedRequestsLeave();
  return { services, theme };
}

/** On a SharePoint page (not in Teams) the page's light or dark section decides. */
export function pageTheme(isInverted: boolean | undefined): HostTheme {
  return isInverted ? 'dark' : 'light';
}
