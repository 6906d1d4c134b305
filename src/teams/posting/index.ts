// Posting cards to the taskforce channel through Microsoft Graph, via the TaskforcePosts outbox.
export { postCard, retryDueOutbox, IN_PROGRESS_MESSAGE } from './postCard';
export type { OutboxCardSource, PostCardRequest, PostCardResult, PostOptions, RetryDueRequest, RetryReport } from './postCard';
export { findPostedCard } from './lookup';
export type { LookupResult } from './lookup';
export { listChannels, listJoinedTeams, graphPath, nextLinkPath } from './graph';
export type { ChannelSummary, GraphClientLike, GraphRequestLike, RawResponseLike, TeamSummary } from './graph';
export { classifyGraphError, errorFromResponse, parseRetryAfter, CONSENT_MESSAGE, GraphTimeoutError, TeamsGraphError } from './errors';
export type { PostError, PostErrorKind } from './errors';
export { attachmentIdFor, buildCardMessage, messageBytes, newAttachmentId, ADAPTIVE_CARD_CONTENT_TYPE } from './chatMessage';
export type { CardChatMessage } from './chatMessage';
export { idempotencyKey, MAX_IDEMPOTENCY_KEY_LENGTH, outboxSubject, UPDATE_SUBJECT } from './outbox';
export type { OutboxPort, OutboxSubject } from './outbox';
export { celebrateOutcome, successSubject, updateSubject } from './celebrate';
export type { CelebrateRequest, CelebrateResult } from './celebrate';
