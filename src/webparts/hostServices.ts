// What both web parts do on start: read SPFx's context (Teams or SharePoint), follow the Teams theme, and
// build the services the UI is handed. The one place that turns this.context into HubServices.
import { SPPermission } from '@microsoft/sp-page-context';
import type { WebPartContext } from '@microsoft/sp-webpart-base';
import { canManageHubSite, resolveHubSite } from '../app/hubSite';
import { resolveHubLinks, setHubLinks } from '../app/hubLinks';
import { lazyHubData } from '../data/lazyHubData';
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
  options: { siteUrl?: string; onThemeChange: (theme: HostTheme) => void; graph?: boolean },
): Promise<HostSession> {
  const teamsJs = context.sdks.microsoftTeams?.teamsJs;
  // The SharePoint adapter's chunk: started now, beside Teams' context and the Graph client; the tenant property
  // and the lists' site permissions wait for it only when the page's own answers do not do (src/app/hubSite.ts).
  let adapter: Promise<typeof import('./sharePointData')> | undefined;
  const sharePoint = (): Promise<typeof import('./sharePointData')> => (adapter ??= import(/* webpackChunkName: 'hub-data' */ './sharePointData'));
  sharePoint().catch(() => undefined);
  const readTenant = (key: string): Promise<string | undefined> => sharePoint().then((m) => m.tenantPropertyFor(context, key));
  const hostSiteUrl = context.pageContext.web.absoluteUrl;
  const [teams, site, graph] = await Promise.all([
    teamsJs ? teamsJs.app.getContext().then(teamsContextInfo) : Promise.resolve(undefined),
    resolveHubSite({ webPartSiteUrl: options.siteUrl, hostSiteUrl, readTenant }),
    options.graph ? context.msGraphClientFactory.getClient('3') : Promise.resolve(undefined),
  ]);
  // Teams users switch theme while the tab is open; follow them.
  if (teamsJs) teamsJs.app.registerOnThemeChangeHandler((theme: string) => options.onThemeChange(hostThemeFromTeams(theme)));
  const canManageSite = await canManageHubSite(
    site,
    { siteUrl: hostSiteUrl, canManage: context.pageContext.web.permissions.hasPermission(SPPermission.manageWeb) },
    (url) => sharePoint().then((m) => m.canManageSiteFor(context, url)),
  );
  const user = context.pageContext.user;
  const data = lazyHubData(() => sharePoint().then((m) => m.sharePointDataFor(context, site.url)));
  // Cards link the Teams tab when the tenant names the deployed app's id, else this SharePoint page (in Teams, the
  // hub's site): src/app/hubLinks.ts. Read when the first card is built, not before the first render.
  setHubLinks(data, () => resolveHubLinks(readTenant, teams ? site.url : window.location.href));
  const services: HubServices = {
    host: teams ? 'teams' : 'sharepoint',
    siteUrl: site.url,
    hubSite: site,
    user: { displayName: user.displayName, email: user.email, canManageSite },
    teams,
    // The SharePoint adapter loads beside the first render, not before it (see lazyHubData).
    data,
    drafts: window.localStorage,
    graph,
  };
  return { services, theme: teams ? teams.theme : 'light' };
}

/** On a SharePoint page (not in Teams) the page's light or dark section decides. */
export function pageTheme(isInverted: boolean | undefined): HostTheme {
  return isInverted ? 'dark' : 'light';
}
