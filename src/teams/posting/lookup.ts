// Did an earlier post land? A post whose answer never came (a timeout, a dropped connection, a gateway error —
// and SPFx's own graph-client retries POSTs on 429/503/504 underneath) may be in the channel already. Every
// card is posted under an attachment id derived from its outbox key (attachmentIdFor), which Graph keeps, so
// the channel's newest messages say whether it is there. Needs ChannelMessage.Read.All (delegated).
import { attachmentIdFor } from './chatMessage';
import { classifyGraphError, PostError } from './errors';
import { getPages, GraphClientLike, graphPath } from './graph';

/** Graph's largest page of channel messages (https://learn.microsoft.com/graph/api/channel-list-messages). */
export const LOOKUP_PAGE_SIZE = 50;

export type LookupResult = { found: true; messageId: string } | { found: false } | { found: undefined; error: PostError };

/** Looks through the channel's newest messages (maxPages × 50) for the card posted under this outbox key. */
export async function findPostedCard(graph: GraphClientLike, teamId: string, channelId: string, idempotencyKey: string, maxPages: number): Promise<LookupResult> {
  const attachmentId = attachmentIdFor(idempotencyKey);
  let messageId: string | undefined;
  try {
    await getPages(graph, `${graphPath('teams', teamId, 'channels', channelId, 'messages')}?$top=${LOOKUP_PAGE_SIZE}`, maxPages, (messages) => {
      for (const m of messages) {
        const attachments = Array.isArray(m.attachments) ? (m.attachments as { id?: unknown }[]) : [];
        if (!m.deletedDateTime && typeof m.id === 'string' && attachments.some((a) => a && a.id === attachmentId)) {
          messageId = m.id;
          return true;
        }
      }
      return false;
    });
  } catch (e) {
    return { found: undefined, error: classifyGraphError(e, { permission: 'ChannelMessage.Read.All' }) };
  }
  return messageId ? { found: true, messageId } : { found: false };
}
