// Deep links from a card back into the hub's Teams tab. Teams opens the app's tab and hands the
// subEntityId to the tab (app.getContext().page.subPageId), which opens that procurement.
import { subEntityHash } from './hubTab';

/** What identifies the hub's tab in Teams: never a tenant URL, so the same code works in every tenant. */
export interface HubTabLink {
  /** The Teams app id (env/.env.dev TEAMS_APP_ID, the manifest's "id"). */
  appId: string;
  /** The tab's entityId in the manifest: 'socialvaluehub' for the personal tab. */
  entityId: string;
  /** Tab label shown by Teams while it opens. */
  label?: string;
  /** The link's webUrl: Microsoft's documented fallback for a client that cannot render the tab. */
  webUrl?: string;
}

const TEAMS_ENTITY_BASE = 'https://teams.microsoft.com/l/entity/';

/**
 * "Teams can't parse deep links that exceed 1900 characters in length on Microsoft Windows" (Microsoft Learn, "Deep
 * link to an application", note under "Configure deep link to browse within your app manually"): past it the
 * optional webUrl fallback is left out of the link, never the procurement it opens.
 */
export const TEAMS_DEEP_LINK_MAX_CHARS = 1900;

/**
 * https://teams.microsoft.com/l/entity/{appId}/{entityId}?webUrl=…&label=…&context={"subEntityId":"…"}, Microsoft's
 * documented shape (Microsoft Learn, "Deep link to an application": "Configure deep link to browse within your app
 * manually"), every part URL-encoded as it asks (a reference with "&" or "#" must not cut the link short).
 */
export function hubTabDeepLink(tab: HubTabLink, subEntityId?: string): string {
  if (!tab.appId || !tab.entityId) throw new Error('A deep link into the hub needs the Teams app id and the tab entity id.');
  const query: string[] = [];
  if (tab.webUrl) query.push(`webUrl=${encodeURIComponent(tab.webUrl)}`);
  if (tab.label) query.push(`label=${encodeURIComponent(tab.label)}`);
  if (subEntityId) query.push(`context=${encodeURIComponent(JSON.stringify({ subEntityId }))}`);
  const path = `${TEAMS_ENTITY_BASE}${encodeURIComponent(tab.appId)}/${encodeURIComponent(tab.entityId)}`;
  return query.length ? `${path}?${query.join('&')}` : path;
}

/**
 * Where a card's button opens the hub: the Teams tab when the id Teams resolves for the deployed app is known
 * (see src/app/hubLinks.ts), else the SharePoint page that shows the hub.
 */
export interface HubLinkTarget {
  tab?: HubTabLink;
  /** The SharePoint page showing the hub (no hash); the hub's screen is added as its hash route. */
  webUrl?: string;
}


/** A card input's hub link, given as the Teams tab alone (the manifest's identity) or as a full target. */
export function asLinkTarget(link: HubTabLink | HubLinkTarget): HubLinkTarget {
  return 'appId' in link ? { tab: link } : link;
}

/**
 * The link a card's button opens for a subEntityId (a procurement reference, the dashboard, or none: the hub):
 * the Teams tab, with the SharePoint page as its documented webUrl fallback, or the SharePoint page alone.
 */
export function hubLink(link: HubTabLink | HubLinkTarget, subEntityId?: string): string {
  const target = asLinkTarget(link);
  const page = target.webUrl ? `${target.webUrl.replace(/#.*$/, '')}${subEntityHash(subEntityId)}` : undefined;
  if (target.tab && target.tab.appId) {
    const withFallback = hubTabDeepLink(page ? { ...target.tab, webUrl: page } : target.tab, subEntityId);
    return withFallback.length <= TEAMS_DEEP_LINK_MAX_CHARS ? withFallback : hubTabDeepLink({ ...target.tab, webUrl: undefined }, subEntityId);
  }
  if (page) return page;
  throw new Error('A link into the hub needs the Teams app id or the SharePoint page that shows the hub.');
}

/**
 * The posted card's thread in its channel, as Microsoft documents the link to a channel conversation
 * ("Deep link to navigate to channel conversation", learn.microsoft.com/microsoftteams/platform/concepts/
 * build-and-test/deep-link-teams): /l/message/{channelId}/{parentMessageId}?groupId={teamId}&parentMessageId=….
 */
export function channelMessageLink(place: { teamId: string; channelId: string; messageId: string }): string {
  const id = encodeURIComponent(place.messageId);
  return `https://teams.microsoft.com/l/message/${encodeURIComponent(place.channelId)}/${id}?groupId=${encodeURIComponent(place.teamId)}&parentMessageId=${id}`;
}
