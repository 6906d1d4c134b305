// Posting cards to the taskforce channel through Microsoft Graph, via the TaskforcePosts outbox.
export { postCard, retryDueOutbox, IN_PROGRESS_MESSAGE } from './postCard';
export type { PostCardRequest, PostCardResult, PostOptions, RetryReport } from './postCard';
export { listChannels, listJoinedTeams, graphPath } from './graph';
export type { ChannelSummary, GraphClientLike, GraphRequestLike, TeamSummary } from './graph';
export { classifyGraphError, parseRetryAfter, CONSENT_MESSAGE, GraphTimeoutError, TeamsGraphError } from './errors';
export type { PostError, PostErrorKind } from './errors';
export { buildCardMessage, messageBytes, newAttachmentId, ADAPTIVE_CARD_CONTENT_TYPE } from './chatMessage';
export type { CardChatMessage } from './chatMessage';
export { idempotencyKey, MAX_IDEMPOTENCY_KEY_LENGTH } from './outbox';
export type { OutboxPort } from './outbox';
export { celebrateOutcome, successSubject, updateSubject } from './celebrate';
export type { CelebrateRequest, CelebrateResult } from './celebrate';
