// The Viva Connections card's content: the quarter's verified social value for the region (people outcomes first,
// then £, against the quarter before), and what waits for this person — outcomes to verify, returns to chase, decisions
// awaiting their approval. The figures are the dashboard's (dashboardFigures over the same rollups); the to-dos are
// the verification queue's, the chase list's returns and the approver's queue. Words live in src/teams/cards/vivaCard.ts.
import { chaseList, dashboardFigures, isReporter, periodFor, previousPeriod, themeById } from '../domain';
import type { IsoDate, Measure, ReportingPeriod } from '../domain';
import { DataError } from '../data/errors';
import type { VivaCardRead, VivaCardReader } from '../data/ports';
import { deliveredOutcomes } from './taskforceUpdate';
import type { VivaCard, VivaTodo } from '../teams/cards/vivaCard';

export type { VivaCard };

/**
 * The quarter the card shows: the one being reported — the last that has ended. Outcomes are returned after a quarter
 * ends (returnDueDate: 30 days after), so the quarter `today` is in has next to nothing verified until it is over;
 * the taskforce's quarterly update and the chase list look at the same quarter.
 */
export function vivaQuarters(today: IsoDate): { quarter: ReportingPeriod; previous: ReportingPeriod } {
  const quarter = previousPeriod(periodFor(today));
  return { quarter, previous: previousPeriod(quarter) };
}

/** The card's content from what was read (pure: the tests give it reads directly). */
export function vivaCardFrom(read: VivaCardRead, today: IsoDate): VivaCard {
  if (read.missingLists.length > 0) return { state: 'not-provisioned', missingLists: read.missingLists };
  const { quarter, previous } = vivaQuarters(today);
  const now = dashboardFigures(read.quarter, { fromPeriodId: quarter.id, toPeriodId: quarter.id });
  const before = dashboardFigures(read.previousQuarter, { fromPeriodId: previous.id, toPeriodId: previous.id });
  const library: readonly Measure[] = read.library;
  const outcomes = deliveredOutcomes(now, library);
  const themes = now.themes.map((t) => ({
    themeId: t.themeId,
    label: themeById(t.themeId).label,
    verifiedPence: t.verifiedPence,
    outcomes: deliveredOutcomes({ ...now, measures: now.measures.filter((m) => m.themeId === t.themeId) }, library),
  }));

  // Someone else's report only: the reporter can never verify their own (domain verifyOutcome); and only for whom
  // SharePoint would record a verification.
  const toVerify = read.mayVerify ? read.reported.filter((l) => !isReporter(l.reportedBy, read.user.email)) : [];
  const returns = chaseList({ today, procurements: read.myLive, commitments: read.commitments, logs: read.quarterLogs, actions: [] }).filter((c) => c.kind === 'return');
  const items: VivaTodo[] = [
    ...read.awaitingMyApproval.map((p) => ({ kind: 'approval' as const, reference: p.reference, what: p.title })),
    ...returns.map((c) => ({ kind: 'return' as const, reference: c.procurementReference, what: c.what })),
    ...toVerify.map((l) => ({ kind: 'verify' as const, reference: l.procurementReference, what: `${l.measureCode}, ${periodFor(l.periodEnd).label}` })),
  ];
  return {
    state: 'ready',
    figures: {
      quarter,
      previous,
      outcomes,
      verifiedPence: now.totals.verifiedPence,
      previousVerifiedPence: before.totals.verifiedPence,
      themes,
    },
    todos: {
      toVerify: toVerify.length,
      toVerifyMore: read.mayVerify && read.reportedMore,
      returnsToChase: returns.length,
      awaitingApproval: read.awaitingMyApproval.length,
      items,
    },
  };
}

/** Reads and shapes the card; a failure becomes a card that says what happened, never a blank or a raw error. */
export async function loadVivaCard(read: VivaCardReader, today: IsoDate): Promise<VivaCard> {
  const { quarter, previous } = vivaQuarters(today);
  try {
    return vivaCardFrom(await read({ quarterEnd: quarter.end, previousQuarterEnd: previous.end }), today);
  } catch (e) {
    if (e instanceof DataError && (e.kind === 'forbidden' || e.status === 401)) return { state: 'no-access' };
    return { state: 'failed', message: e instanceof Error ? e.message : String(e) };
  }
}
