// What Microsoft Graph and Teams accept, as Microsoft documents it — the local Graph's own copy, never the
// app's: the app builds its cards to fit its own limits, and this side judges them the way the platform
// would. tests/teams/platformLimits.test.ts fails when an app limit is looser than these.

/**
 * A channel message is limited to about 28 KB, counting the whole message (text, links, mentions, cards);
 * over it Graph answers 413 "Request Entity too large".
 * Source: "Limits and specifications for Microsoft Teams", Messaging, footnote: "28 KB is an approximate limit
 * because it includes the message itself (text, image links, etc.), @-mentions, number of connectors, and
 * reactions" (https://learn.microsoft.com/microsoftteams/limits-specifications-teams#messaging). Counted here
 * in UTF-8 bytes of the request body, as sent.
 */
export const PLATFORM_MAX_MESSAGE_BYTES = 28 * 1024;

/**
 * The newest Adaptive Card schema Teams renders: "Teams is also limited to version 1.5"
 * (https://learn.microsoft.com/microsoft-copilot-studio/guidance/adaptive-cards-overview).
 */
export const PLATFORM_MAX_CARD_VERSION = '1.5';

/**
 * List channel messages: "The default page size is 20 messages. Each page can be expanded to a maximum of 50
 * channel messages"; only $top and $expand are supported
 * (https://learn.microsoft.com/graph/api/channel-list-messages). Asking for more is refused: "Limit of '50' for
 * Top Query has been exceeded." (microsoftgraph/msgraph-sdk-powershell#874).
 */
export const PLATFORM_LIST_MESSAGES_DEFAULT_TOP = 20;
export const PLATFORM_LIST_MESSAGES_MAX_TOP = 50;

/** "1.5" ≤ "1.5", "1.10" > "1.5": schema versions compared as numbers, part by part. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] || 0;
    const y = pb[i] || 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
