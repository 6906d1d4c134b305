// Rollups for one procurement, as the delivery screens and the demo seed write them. What a rollup holds is
// defined once, in src/reporting/rollups.ts (committed £ spread over the quarters, reported and verified £
// per quarter), which the dashboard's rebuild also uses, so incremental updates and rebuilds agree exactly.
import type { Commitment, IsoDate, OutcomeLog } from '../domain';
import type { Rollup } from '../data/ports';
import { rollupPeriods, rollupsFor } from '../reporting/rollups';
import type { RollupProcurement } from '../reporting/rollups';

/** The quarters (period ends) a procurement has rollups for. */
export function rollupPeriodEnds(procurement: RollupProcurement, commitments: readonly Commitment[], logs: readonly OutcomeLog[]): IsoDate[] {
  return rollupPeriods(procurement, commitments, logs);
}

/**
 * The procurement's rollups for the given quarters (default: every quarter it has one for), each from all
 * of that quarter's logs. Equal to reporting's rollupsForProcurement when no quarters are given.
 */
export function procurementRollups(
  procurement: RollupProcurement,
  commitments: readonly Commitment[],
  logs: readonly OutcomeLog[],
  periodEnds: readonly IsoDate[] = rollupPeriods(procurement, commitments, logs),
): Rollup[] {
  const mine = logs.filter((l) => l.procurementReference === procurement.reference);
  const ends = periodEnds.filter((e, i) => periodEnds.indexOf(e) === i).slice().sort();
  return ends.flatMap((end) => rollupsFor(procurement, commitments, mine.filter((l) => l.periodEnd === end), end));
}
