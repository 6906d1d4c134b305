// A commitment's delivery figures (RAG, verified quantity) as of a day, stored so Red and Amber commitments are
// found with one indexed query: on the Commitments item for its list's views (whoever saves it writes them), and
// on the CommitmentProgress list as the site owner's update records them (what the dashboard's at-risk list
// reads). They are the domain's commitmentProgress as of a day; stored ones go out of date after a log changes,
// or simply because time has passed (a commitment turns Red on its due date with no new log).
import type { IsoDate } from './dates';
import type { Commitment, OutcomeLog, Procurement } from './entities';
import { byReference, referenceKey } from './references';
import { DELIVERY_BASIS, commitmentProgress } from './socialValue';
import type { CommitmentProgress, Rag } from './socialValue';

/** A commitment with the delivery figures the Commitments list keeps for its views. */
export type CommitmentWithProgress = Commitment & { rag?: Rag; verifiedQuantity?: number };

/** The commitments whose stored RAG or verified quantity differ from their progress on `asOf`, with the fresh values. */
export function staleProgress<C extends CommitmentWithProgress>(
  commitments: readonly C[],
  logs: readonly OutcomeLog[],
  procurements: readonly Pick<Procurement, 'reference' | 'contractStart'>[],
  asOf: IsoDate,
): C[] {
  return staleOf(progressOn(commitments, logs, procurements, asOf));
}

/** The commitments whose stored RAG or verified quantity differ from the progress recorded for them (by id). */
export function staleAgainst<C extends CommitmentWithProgress>(commitments: readonly C[], records: readonly RecordedProgress[]): C[] {
  const byId = new Map(records.map((r) => [r.commitmentId, r]));
  return staleOf(commitments.flatMap((c) => (c.id !== undefined && byId.has(c.id) ? [{ c, progress: byId.get(c.id)! }] : [])));
}

function staleOf<C extends CommitmentWithProgress>(pairs: readonly { c: C; progress: Pick<CommitmentProgress, 'rag' | 'verifiedQuantity'> }[]): C[] {
  return pairs
    .filter(({ c, progress }) => c.rag !== progress.rag || c.verifiedQuantity !== progress.verifiedQuantity)
    .map(({ c, progress }) => ({ ...c, rag: progress.rag, verifiedQuantity: progress.verifiedQuantity }));
}

/** Each commitment with its progress on `asOf` (its procurement's logs; its contract's start where it has none). */
function progressOn<C extends Commitment>(
  commitments: readonly C[],
  logs: readonly OutcomeLog[],
  procurements: readonly Pick<Procurement, 'reference' | 'contractStart'>[],
  asOf: IsoDate,
): { c: C; progress: CommitmentProgress }[] {
  const startOf = new Map(procurements.map((p) => [referenceKey(p.reference), p.contractStart]));
  const logsOf = byReference(logs);
  return commitments.map((c) => {
    const ref = referenceKey(c.procurementReference);
    return { c, progress: commitmentProgress(c, logsOf.get(ref) || [], asOf, { basis: DELIVERY_BASIS, contractStart: startOf.get(ref) }) };
  });
}

/**
 * A commitment's progress as the site owner's figures update recorded it on the CommitmentProgress list (owners
 * only): what the dashboard's at-risk list reads. The Commitments list's own RAG and verified quantity are
 * written by whoever saves a commitment (any officer), so they serve the list's views, never the dashboard.
 */
export interface RecordedProgress {
  commitmentId: number;
  procurementReference: string;
  measureCode: string;
  targetQuantity: number;
  unit: Commitment['unit'];
  dueDate: IsoDate;
  rag: Rag;
  verifiedQuantity: number;
}

/** What the at-risk list needs of a commitment's progress, wherever it was read from. */
export type AtRiskSource = Pick<CommitmentWithProgress, 'procurementReference' | 'measureCode' | 'targetQuantity' | 'unit' | 'dueDate' | 'rag' | 'verifiedQuantity'>;

/** Every stored commitment's progress on `asOf`, from the logs as the record has them (verifications on record). */
export function progressRecords(
  commitments: readonly Commitment[],
  logs: readonly OutcomeLog[],
  procurements: readonly Pick<Procurement, 'reference' | 'contractStart'>[],
  asOf: IsoDate,
): RecordedProgress[] {
  const stored = commitments.filter((c): c is Commitment & { id: number } => c.id !== undefined);
  return progressOn(stored, logs, procurements, asOf).map(({ c, progress }) => ({
    commitmentId: c.id,
    procurementReference: c.procurementReference,
    measureCode: c.measureCode,
    targetQuantity: c.targetQuantity,
    unit: c.unit,
    dueDate: c.dueDate,
    rag: progress.rag,
    verifiedQuantity: progress.verifiedQuantity,
  }));
}

const sameProgress = (a: RecordedProgress, b: RecordedProgress): boolean =>
  (Object.keys(a) as (keyof RecordedProgress)[]).every((k) => a[k] === b[k]) && Object.keys(a).length === Object.keys(b).length;

/**
 * What an update must write to make the stored progress `fresh`: the new and changed records (with the stored
 * item's id where there is one) and the stored records of commitments no longer there (to remove).
 */
export function progressToSave<S extends RecordedProgress & { id: number }>(
  fresh: readonly RecordedProgress[],
  stored: readonly S[],
): { save: (RecordedProgress & { id?: number })[]; remove: S[] } {
  const storedById = new Map(stored.map((s) => [s.commitmentId, s]));
  const freshIds = new Set(fresh.map((f) => f.commitmentId));
  const pick = (s: S): RecordedProgress => ({ commitmentId: s.commitmentId, procurementReference: s.procurementReference, measureCode: s.measureCode, targetQuantity: s.targetQuantity, unit: s.unit, dueDate: s.dueDate, rag: s.rag, verifiedQuantity: s.verifiedQuantity });
  const save = fresh.flatMap((f) => {
    const have = storedById.get(f.commitmentId);
    if (!have) return [{ ...f }];
    return sameProgress(pick(have), f) ? [] : [{ ...f, id: have.id }];
  });
  return { save, remove: stored.filter((s) => !freshIds.has(s.commitmentId)) };
}
