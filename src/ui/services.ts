import type { TeamsContextInfo } from '../teams/teamsContext';

/** Where the hub is running; decides only presentation details (e.g. what a deep link opens). */
export type HostKind = 'sharepoint' | 'teams' | 'local';

export interface CurrentUser {
  displayName: string;
  email: string;
}

/**
 * Everything the UI may call, handed in by the host (the web part or the local page).
 * The UI knows these interfaces only — never PnPjs, the Graph client or SPFx.
 */
export interface HubServices {
  host: HostKind;
  siteUrl: string;
  user: CurrentUser;
  teams?: TeamsContextInfo;
}
