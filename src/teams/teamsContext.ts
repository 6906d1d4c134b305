import { HostTheme, hostThemeFromTeams } from './hostTheme';

/** What the hub needs to know about the Teams surface it is running in. */
export interface TeamsContextInfo {
  hostName: string;
  theme: HostTheme;
  locale: string;
  /** The team's Microsoft 365 group id (Graph's team id), present in a channel tab. */
  teamId?: string;
  teamName?: string;
  channelId?: string;
  channelName?: string;
  /** From a deep link: the procurement reference to open. */
  subEntityId?: string;
}

/**
 * The part of teams-js's `app.Context` the hub reads. Structural on purpose: SPFx hands the web part
 * its own teams-js copy (this.context.sdks.microsoftTeams.teamsJs), whose version differs from ours.
 */
export interface TeamsAppContext {
  app: { host: { name: string }; theme?: string; locale: string };
  page: { subPageId?: string };
  team?: { groupId?: string; displayName?: string };
  channel?: { id?: string; displayName?: string; ownerGroupId?: string };
}

export function teamsContextInfo(context: TeamsAppContext): TeamsContextInfo {
  return {
    hostName: context.app.host.name,
    theme: hostThemeFromTeams(context.app.theme),
    locale: context.app.locale,
    teamId: context.team?.groupId ?? context.channel?.ownerGroupId,
    teamName: context.team?.displayName,
    channelId: context.channel?.id,
    channelName: context.channel?.displayName,
    subEntityId: context.page.subPageId || undefined,
  };
}
