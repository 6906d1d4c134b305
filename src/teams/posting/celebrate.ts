// Celebrating a verified outcome: the success card goes through postCard (once per outcome log), and
// the Teams message id is written on the log, so the hub can show "celebrated" and link the thread.
import type { OutcomeLog } from '../../domain';
import type { OutcomeLogRepository, Stored } from '../../data';
import type { AdaptiveCardJson } from '../cards';
import type { GraphClientLike } from './graph';
import type { OutboxPort } from './outbox';
import { isConflict, UPDATE_SUBJECT } from './outbox';
import { postCard, PostCardResult, PostOptions } from './postCard';

/** One outcome log is one measure on one contract in one period: that is what a success card is about. */
export function successSubject(log: Pick<OutcomeLog, 'procurementReference' | 'measureCode' | 'periodEnd'>): { subjectId: string; period: string } {
  return { subjectId: `${log.procurementReference}|${log.measureCode}`, period: log.periodEnd };
}

/** A taskforce update is about one reporting period (its last day). */
export function updateSubject(periodEnd: string): { subjectId: string; period: string } {
  return { subjectId: UPDATE_SUBJECT, period: periodEnd };
}

export type CelebrateResult = PostCardResult & {
  /** Set when the card is in the channel but the message id could not be written on the log (retry later). */
  logError?: string;
};

export interface CelebrateRequest {
  graph: GraphClientLike;
  outbox: OutboxPort;
  outcomes: Pick<OutcomeLogRepository, 'get' | 'update'>;
  log: Stored<OutcomeLog>;
  card: AdaptiveCardJson;
  teamId: string;
  channelId: string;
  options?: PostOptions;
}

async function recordOnLog(outcomes: CelebrateRequest['outcomes'], log: Stored<OutcomeLog>, messageId: string): Promise<string | undefined> {
  let current: Stored<OutcomeLog> | undefined = log;
  for (let i = 0; i < 3 && current; i++) {
    if (current.celebratedMessageId === messageId) return undefined;
    try {
      await outcomes.update({ ...current, celebratedMessageId: messageId });
      return undefined;
    } catch (e) {
      // Someone saved the log meanwhile (a correction, a second celebrate): add the id to their version.
      if (!isConflict(e)) return e instanceof Error ? e.message : String(e);
      current = await outcomes.get(log.id);
    }
  }
  return 'The outcome log kept changing while the message id was being saved.';
}

export async function celebrateOutcome(request: CelebrateRequest): Promise<CelebrateResult> {
  const { log } = request;
  if (log.verification !== 'Verified') throw new Error('Only a verified outcome can be celebrated in the taskforce channel.');
  const subject = successSubject(log);
  const result = await postCard({
    graph: request.graph,
    outbox: request.outbox,
    teamId: request.teamId,
    channelId: request.channelId,
    kind: 'success',
    ...subject,
    card: request.card,
    title: `Success: ${log.procurementReference} ${log.measureCode}, period ending ${log.periodEnd}`,
    options: request.options,
  });
  if (result.status !== 'posted') return result;
  const logError = await recordOnLog(request.outcomes, log, result.messageId);
  return logError ? { ...result, logError } : result;
}
