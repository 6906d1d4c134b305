// What the delivery screens' buttons do. The domain decides (commitmentFor locks the proxy, outcomeLogFor
// values a log, verifyOutcome/rejectOutcome refuse self-verification, commitmentProgress gives the RAG,
// transition allows the status move); the data layer writes. After any change to a log, the
// commitments' RAG and verified quantity and the quarter's rollups are brought up to date, so the
// list views and the dashboard never lag behind the logs.
import { isoDateFromDate, outcomeLogFor, rejectOutcome, transition, verifyOutcome } from '../../domain';
import type { ActionPlanItem, Commitment, IsoDate, OutcomeLog, Procurement, Supplier } from '../../domain';
import { DataError, ValidationError } from '../../data/ports';
import type { BundleSaveResult, CommitmentWithProgress, HubData, Rollup, Stored } from '../../data/ports';
import { allPages } from '../../data/paging';
import { staleProgress } from '../../delivery/progress';
import { procurementRollups } from '../../delivery/rollups';
import { rollupsForProcurement, rollupsToSave } from '../../reporting/rollups';
import type { CurrentUser } from '../services';

export function logsOf(data: HubData, reference: string): Promise<Stored<OutcomeLog>[]> {
  return allPages((pageToken) => data.outcomes.query({ procurementReference: reference, pageSize: 500, pageToken }));
}

export interface AwardDetails {
  supplier: Supplier;
  awardValuePence: number;
  contractStart: IsoDate;
  contractEnd: IsoDate;
}

/** Part of a bundle did not land. Saving again completes it, from `procurement`: the record as it now stands. */
export class PartlySavedError extends DataError {
  public readonly procurement?: Stored<Procurement>;

  public constructor(result: BundleSaveResult, message: string) {
    super(result.failed[0]?.error.kind ?? 'server', message);
    this.procurement = result.procurement;
  }
}

/**
 * Tendering → Awarded: the supplier, value and dates, the commitments (proxies locked by commitmentFor)
 * and the delivery plan, in one saveBundle. SharePoint batches are not transactional: when a part
 * fails the officer saves again, which completes the set without duplicates.
 */
export async function recordAward(
  data: HubData,
  p: Stored<Procurement>,
  award: AwardDetails,
  commitments: readonly Commitment[],
  actionPlan: readonly ActionPlanItem[],
): Promise<BundleSaveResult> {
  const procurement: Stored<Procurement> = { ...p, ...award, status: p.status === 'Awarded' ? 'Awarded' : transition(p.status, 'Awarded') };
  const result = await data.procurements.saveBundle({ procurement, commitments, actionPlan });
  if (!result.ok) {
    throw new PartlySavedError(
      result,
      `Part of the award was not saved (${result.failed.map((f) => f.what).join(', ')}): ${result.failed.map((f) => f.error.message).join(' ')} Save again to finish; nothing is saved twice.`,
    );
  }
  await refreshDelivery(data, p.reference, undefined);
  return result;
}

/** Start delivery or close the contract, as the lifecycle allows. */
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
  await refreshDelivery(data, commitment.procurementReference, [log.periodEnd]);
  return { ...result, previous };
}

/** Records the logs of a supplier return the officer confirmed; each one Reported, awaiting verification. */
export async function recordReturn(data: HubData, reference: string, logs: readonly OutcomeLog[]): Promise<number> {
  for (const log of logs) await data.outcomes.record(log);
  const periods = logs.map((l) => l.periodEnd);
  await refreshDelivery(data, reference, periods.filter((e, i) => periods.indexOf(e) === i));
  return logs.length;
}

/** An officer other than the reporter verifies the evidence (the domain refuses self-verification). */
export async function verifyLog(data: HubData, log: Stored<OutcomeLog>, user: CurrentUser, now: Date): Promise<Stored<OutcomeLog>> {
  const saved = await data.outcomes.update({ ...log, ...verifyOutcome(log, user.email, now.toISOString()) });
  await refreshDelivery(data, log.procurementReference, [log.periodEnd]);
  return saved;
}

/** Rejects a log with the reason the supplier needs; a rejected log never counts. */
export async function rejectLog(data: HubData, log: Stored<OutcomeLog>, user: CurrentUser, reason: string, now: Date): Promise<Stored<OutcomeLog>> {
  const saved = await data.outcomes.update({ ...log, ...rejectOutcome(log, user.email, reason, now.toISOString()) });
  await refreshDelivery(data, log.procurementReference, [log.periodEnd]);
  return saved;
}

/** Action plan owner and status edits. */
export function saveAction(data: HubData, item: Stored<ActionPlanItem>): Promise<Stored<ActionPlanItem>> {
  return data.actionPlan.update(item);
}

/** Today as the hub's users see it (their local calendar day). */
export function todayIso(): IsoDate {
  return isoDateFromDate(new Date());
}

/**
 * Brings the procurement's commitments (RAG, verified quantity) and its rollups for the given quarters
 * (all of them when undefined) up to date with its logs.
 */
export async function refreshDelivery(data: HubData, reference: string, periodEnds: readonly IsoDate[] | undefined, asOf: IsoDate = todayIso()): Promise<void> {
  const [procurement, commitments, logs] = await Promise.all([data.procurements.get(reference), data.commitments.listForProcurement(reference), logsOf(data, reference)]);
  if (!procurement) return;
  for (const c of staleProgress(commitments, logs, [procurement], asOf)) await data.commitments.update(c);
  // The rollups are defined once, in reporting (the dashboard's rebuild uses the same functions).
  let rollups: Rollup[];
  if (periodEnds) {
    rollups = procurementRollups(procurement, commitments, logs, periodEnds);
  } else {
    // Every quarter of the procurement (the award): rows the commitments no longer reach are zeroed.
    const stored = await allPages((pageToken) => data.rollups.query({ procurementReference: reference, pageSize: 500, pageToken }));
    rollups = rollupsToSave(rollupsForProcurement(procurement, commitments, logs), stored);
  }
  if (rollups.length === 0) return;
  const saved = await data.rollups.saveMany(rollups);
  if (!saved.ok) {
    throw new DataError('server', `The outcome is saved, but the dashboard figures were not all updated (${saved.failed.map((f) => f.what).join(', ')}). Try again, or ask a site owner to rebuild the rollups.`);
  }
}

/** Field problems a repository refused, if that is what went wrong (to show under their fields). */
export function refusedFields(error: unknown): { field: string; message: string }[] | undefined {
  return error instanceof ValidationError ? error.problems : undefined;
}
