// The taskforce channel as the screens see it: pick the team and channel (read from Graph), retry the
// outbox's due cards, and the types of what posting returns. Posting itself is src/teams/posting's.
import type { HubData } from '../data/ports';
import { retryDueOutbox } from '../teams/posting';
import type { GraphClientLike, RetryReport } from '../teams/posting';

export { listChannels, listJoinedTeams } from '../teams/posting';
export type { ChannelSummary, GraphClientLike, PostCardResult, RetryReport, TeamSummary } from '../teams/posting';
export type { CelebrateResult } from '../teams/posting/celebrate';

/** Posts the outbox's due cards again (and settles any left in doubt); what happened, for the site owner. */
export function retryOutbox(data: HubData, graph: GraphClientLike): Promise<RetryReport> {
  return retryDueOutbox({ graph, outbox: data.outbox });
}
