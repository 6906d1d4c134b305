// Record, correct, verify or reject a quarter's outcome, and keep the action plan. The domain decides
// (outcomeLogFor values a log with the proxy locked at award, verifyOutcome/rejectOutcome refuse
// self-verification); the data layer writes; the delivery figures follow every change.
import { outcomeLogFor, rejectOutcome, verifyOutcome } from '../domain';
import type { ActionPlanItem, CommitmentWithProgress, IsoDate, OutcomeLog } from '../domain';
import { ValidationError } from '../data/errors';
import type { HubData, Stored } from '../data/ports';
import { refreshDelivery } from './deliveryFigures';
import type { CurrentUser } from './user';

export interface RecordOutcomeInput {
  periodDate: IsoDate;
  quantity: number;
  evidenceUrl?: string;
  evidenceNotes?: string;
}

/**
 * Records a quarter's outcome for a commitment. The list keeps one log per commitment per period: a
 * second record corrects the first (and must be verified again). Returns the log the correction replaced.
 */
export async function recordOutcome(
  data: HubData,
  commitment: Stored<CommitmentWithProgress>,
  input: RecordOutcomeInput,
  user: CurrentUser,
  now: Date,
): Promise<{ log: Stored<OutcomeLog>; corrected: boolean; previous?: Stored<OutcomeLog> }> {
  const log = outcomeLogFor(commitment, { ...input, reportedBy: user.email, reportedAt: now.toISOString() });
  const previous = (await data.outcomes.query({ procurementReference: commitment.procurementReference, measureCode: commitment.measureCode, periodEnd: log.periodEnd })).items[0];
  // A correction keeps the success card's message id, so the same outcome is never celebrated twice.
  const result = await data.outcomes.record(previous?.celebratedMessageId ? { ...log, celebratedMessageId: previous.celebratedMessageId } : log);
  await refreshDelivery(data, commitment.procurementReference);
  return { ...result, previous };
}

/** An approver other than the reporter verifies the evidence (the domain refuses self-verification; SharePoint, anyone else). */
export async function verifyLog(data: HubData, log: Stored<OutcomeLog>, user: CurrentUser, now: Date): Promise<Stored<OutcomeLog>> {
  const saved = await data.outcomes.update({ ...log, ...verifyOutcome(log, user.email, now.toISOString()) });
  await refreshDelivery(data, log.procurementReference);
  return saved;
}

/** Rejects a log with the reason the supplier needs; a rejected log never counts. */
export async function rejectLog(data: HubData, log: Stored<OutcomeLog>, user: CurrentUser, reason: string, now: Date): Promise<Stored<OutcomeLog>> {
  const saved = await data.outcomes.update({ ...log, ...rejectOutcome(log, user.email, reason, now.toISOString()) });
  await refreshDelivery(data, log.procurementReference);
  return saved;
}

/** Action plan owner and status edits. */
export function saveAction(data: HubData, item: Stored<ActionPlanItem>): Promise<Stored<ActionPlanItem>> {
  return data.actionPlan.update(item);
}

/** Field problems a repository refused, if that is what went wrong (to show under their fields). */
export function refusedFields(error: unknown): { field: string; message: string }[] | undefined {
  return error instanceof ValidationError ? error.problems : undefined;
}
