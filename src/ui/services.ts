import type { CurrentUser } from '../app/user';
import type { HubSite } from '../app/hubSite';
import type { HubData } from '../app/hubData';
import type { GraphClientLike } from '../app/taskforceChannel';
import type { TeamsContextInfo } from '../teams/teamsContext';

/** Where the hub is running; decides only presentation details (e.g. what a deep link opens). */
export type HostKind = 'sharepoint' | 'teams' | 'local';

export type { CurrentUser };

/** Key-value storage for drafts that must survive a closed tab (window.localStorage in every host). */
export interface DraftStorage {
  getItem(key: string): string | null; // eslint-disable-line @rushstack/no-new-null -- the Web Storage API's own shape
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * Everything the UI may call, handed in by the host (the web part or the local page).
 * The UI knows these interfaces only — never PnPjs, the Graph client or SPFx.
 */
export interface HubServices {
  host: HostKind;
  siteUrl: string;
  /** Where the lists' site came from (web part property, tenant property, host page): Settings shows it. */
  hubSite?: HubSite;
  user: CurrentUser;
  teams?: TeamsContextInfo;
  /** The hub's lists; absent when the host could not build a data service. */
  data?: HubData;
  drafts?: DraftStorage;
  /** Microsoft Graph (SPFx's MSGraphClientV3, or graph-client locally): the taskforce channel's cards and picker. */
  graph?: GraphClientLike;
  /** Local runtime only: sign in as another demo user (officer, manager, admin). */
  switchUser?: (login: string) => Promise<void>;
}
