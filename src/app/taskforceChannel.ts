// The taskforce channel as the screens see it: pick the team and channel (read from Graph), retry the
// outbox's due cards, and the types of what posting returns. Posting itself is src/teams/posting's.
export { retryOutbox } from './outbox';

export { listChannels, listJoinedTeams } from '../teams/posting';
export type { ChannelSummary, GraphClientLike, PostCardResult, RetryReport, TeamSummary } from '../teams/posting';
export type { CelebrateResult } from '../teams/posting/celebrate';
