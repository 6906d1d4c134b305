// The delivery figures a Commitments item stores (RAG, verified quantity) so the dashboard can find Red and
// Amber commitments with one indexed query. They are the domain's commitmentProgress as of a day; this
// finds the stored ones that no longer match — after a log changes, or simply because time has passed
// (a commitment turns Red on its due date with no new log).
import type { IsoDate } from './dates';
import type { Commitment, OutcomeLog, Procurement } from './entities';
import { byReference, referenceKey } from './references';
import { DELIVERY_BASIS, commitmentProgress } from './socialValue';
import type { Rag } from './socialValue';

/** A commitment with the delivery figures the Commitments list keeps for its views. */
export type CommitmentWithProgress = Commitment & { rag?: Rag; verifiedQuantity?: number };

/** The commitments whose stored RAG or verified quantity differ from their progress on `asOf`, with the fresh values. */
export function staleProgress<C extends CommitmentWithProgress>(
  commitments: readonly C[],
  logs: readonly OutcomeLog[],
  procurements: readonly Pick<Procurement, 'reference' | 'contractStart'>[],
  asOf: IsoDate,
): C[] {
  const startOf = new Map(procurements.map((p) => [referenceKey(p.reference), p.contractStart]));
  const logsOf = byReference(logs);
  const out: C[] = [];
  for (const c of commitments) {
    const ref = referenceKey(c.procurementReference);
    const progress = commitmentProgress(c, logsOf.get(ref) || [], asOf, { basis: DELIVERY_BASIS, contractStart: startOf.get(ref) });
    if (c.rag !== progress.rag || c.verifiedQuantity !== progress.verifiedQuantity) out.push({ ...c, rag: progress.rag, verifiedQuantity: progress.verifiedQuantity });
  }
  return out;
}
