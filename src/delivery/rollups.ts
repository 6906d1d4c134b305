// Rollups: social value per procurement × quarter × theme, what the dashboard reads instead of every log.
// One definition, used both when a log is reported or verified (the rows of that quarter) and by a
// rebuild from all logs, so the two agree exactly:
// - committed: the £ of commitments whose due date falls in the quarter (at their locked proxies), so
//   adding quarters up never counts a commitment twice;
// - reported: the £ of logs for the quarter still awaiting verification;
// - verified: the £ of verified logs for the quarter (rejected logs never count).
// A row is written for every theme the procurement has commitments in, and every theme logged in the
// quarter, so a value that falls to zero (a verified log later rejected) is written as zero.
import { committedValuePence, outcomeValuePence, periodFor, themeForMeasureCode, totalsByTheme } from '../domain';
import type { Commitment, IsoDate, OutcomeLog, Procurement, ThemeId } from '../domain';
import type { Rollup } from '../data/ports';

function themeOf(measureCode: string): ThemeId | undefined {
  const theme = themeForMeasureCode(measureCode);
  return theme ? theme.id : undefined;
}

/** The quarters (period ends) a procurement has rollups for: where a commitment falls due or a log is. */
export function rollupPeriodEnds(commitments: readonly Commitment[], logs: readonly OutcomeLog[]): IsoDate[] {
  const ends = commitments.map((c) => periodFor(c.dueDate).end).concat(logs.map((l) => l.periodEnd));
  return ends.filter((e, i) => ends.indexOf(e) === i).sort();
}

/** The procurement's rollups for the given quarters (default: every quarter it has one for). */
export function procurementRollups(
  procurement: Pick<Procurement, 'reference' | 'authorityId' | 'supplier'>,
  commitments: readonly Commitment[],
  logs: readonly OutcomeLog[],
  periodEnds: readonly IsoDate[] = rollupPeriodEnds(commitments, logs),
): Rollup[] {
  const mine = logs.filter((l) => l.procurementReference === procurement.reference);
  const commitmentThemes = commitments.map((c) => themeOf(c.measureCode));
  const out: Rollup[] = [];
  for (const periodEnd of periodEnds.filter((e, i) => periodEnds.indexOf(e) === i).slice().sort()) {
    const due = commitments.filter((c) => periodFor(c.dueDate).end === periodEnd);
    const inPeriod = mine.filter((l) => l.periodEnd === periodEnd);
    const committed = totalsByTheme(due.map((c) => ({ measureCode: c.measureCode, valuePence: committedValuePence(c) })));
    const value = (status: OutcomeLog['verification']): ReturnType<typeof totalsByTheme> =>
      totalsByTheme(inPeriod.filter((l) => l.verification === status).map((l) => ({ measureCode: l.measureCode, valuePence: outcomeValuePence(l) })));
    const reported = value('Reported');
    const verified = value('Verified');
    const themes = commitmentThemes.concat(inPeriod.map((l) => themeOf(l.measureCode)));
    for (const t of committed.themes) {
      if (themes.indexOf(t.themeId) < 0) continue;
      out.push({
        procurementReference: procurement.reference,
        periodEnd,
        themeId: t.themeId,
        authorityId: procurement.authorityId,
        supplierName: procurement.supplier ? procurement.supplier.name : undefined,
        committedPence: t.valuePence,
        reportedPence: reported.themes.filter((x) => x.themeId === t.themeId)[0].valuePence,
        verifiedPence: verified.themes.filter((x) => x.themeId === t.themeId)[0].valuePence,
      });
    }
  }
  return out;
}
