// Deep links from a card back into the hub's Teams tab. Teams opens the app's tab and hands the
// subEntityId to the tab (app.getContext().page.subPageId), which opens that procurement.

/** What identifies the hub's tab in Teams: never a tenant URL, so the same code works in every tenant. */
export interface HubTabLink {
  /** The Teams app id (env/.env.dev TEAMS_APP_ID, the manifest's "id"). */
  appId: string;
  /** The tab's entityId in the manifest: 'socialvaluehub' for the personal tab. */
  entityId: string;
  /** Tab label shown by Teams while it opens. */
  label?: string;
}

const TEAMS_ENTITY_BASE = 'https://teams.microsoft.com/l/entity/';

/**
 * https://teams.microsoft.com/l/entity/{appId}/{entityId}?label=…&context={"subEntityId":"…"},
 * every part URL-encoded (a reference with "&" or "#" must not cut the link short).
 */
export function hubTabDeepLink(tab: HubTabLink, subEntityId?: string): string {
  if (!tab.appId || !tab.entityId) throw new Error('A deep link into the hub needs the Teams app id and the tab entity id.');
  const query: string[] = [];
  if (tab.label) query.push(`label=${encodeURIComponent(tab.label)}`);
  if (subEntityId) query.push(`context=${encodeURIComponent(JSON.stringify({ subEntityId }))}`);
  const path = `${TEAMS_ENTITY_BASE}${encodeURIComponent(tab.appId)}/${encodeURIComponent(tab.entityId)}`;
  return query.length ? `${path}?${query.join('&')}` : path;
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
