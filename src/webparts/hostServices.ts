// What both web parts do on start: read SPFx's context (Teams or SharePoint), follow the Teams theme, and
// build the services the UI is handed. The one place that turns this.context into HubServices.
import { SPPermission } from '@microsoft/sp-page-context';
import type { WebPartContext } from '@microsoft/sp-webpart-base';
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
  const teams = teamsJs ? teamsContextInfo(await teamsJs.app.getContext()) : undefined;
  // Teams users switch theme while the tab is open; follow them.
  if (teamsJs) teamsJs.app.registerOnThemeChangeHandler((theme: string) => options.onThemeChange(hostThemeFromTeams(theme)));
  const user = context.pageContext.user;
  const siteUrl = options.siteUrl || context.pageContext.web.absoluteUrl;
  const services: HubServices = {
    host: teams ? 'teams' : 'sharepoint',
    siteUrl,
    user: {
      displayName: user.displayName,
      email: user.email,
      canManageSite: context.pageContext.web.permissions.hasPermission(SPPermission.manageWeb),
    },
    teams,
    // The SharePoint adapter loads beside the first render, not before it (see lazyHubData).
    data: lazyHubData(() => import(/* webpackChunkName: 'hub-data' */ './sharePointData').then((m) => m.sharePointDataFor(context, siteUrl))),
    drafts: window.localStorage,
    graph: options.graph ? await context.msGraphClientFactory.getClient('3') : undefined,
  };
  return { services, theme: teams ? teams.theme : 'light' };
}

/** On a SharePoint page (not in Teams) the page's light or dark section decides. */
export function pageTheme(isInverted: boolean | undefined): HostTheme {
  return isInverted ? 'dark' : 'light';
}
