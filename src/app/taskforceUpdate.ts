// Post the quarter's update to the taskforce channel: a card built from the same figures the dashboard
// shows for that quarter, previewed first, posted once per quarter through the outbox.
import { compareIsoDates, formatThousandths } from '../domain';
import type { DashboardFigures, Measure, ReportingPeriod } from '../domain';
import type { HubData } from '../data/ports';
import { figuresFor, loadDashboardData } from './dashboard';
import { buildUpdateCard } from '../teams/cards';
import type { AdaptiveCardJson, DeliveredOutcome } from '../teams/cards';
import { hubLink } from '../teams/deepLinks';
import { DASHBOARD_SUB_ENTITY } from '../teams/hubTab';
import { postCard, updateSubject } from '../teams/posting';
import type { GraphClientLike, PostCardResult } from '../teams/posting';
import type { PreparedCard } from './celebrate';
import { taskforceChannel } from './celebrate';
import { hubLinksFor } from './hubLinks';

/**
 * What the quarter delivered and verified in each measure's unit, in the dashboard's order (the themes' order,
 * so people into work come first), worded with the site's measure library: counts, never anyone's name.
 */
export function deliveredOutcomes(figures: DashboardFigures, library: readonly Measure[]): DeliveredOutcome[] {
  return figures.measures
    .filter((m) => m.verifiedThousandths > 0)
    .map((m) => ({ quantity: formatThousandths(m.verifiedThousandths, m.unit), outcome: library.find((x) => x.code === m.measureCode)?.outcome || m.measureCode }));
}

/** The quarter's update card, from the same figures the dashboard shows. */
export async function updateCardFor(data: HubData, period: ReportingPeriod): Promise<AdaptiveCardJson> {
  const filters = { fromPeriodId: period.id, toPeriodId: period.id };
  const [loaded, hubTab] = await Promise.all([loadDashboardData(data, filters), hubLinksFor(data)]);
  const figures = figuresFor(loaded, filters);
  const inPeriod = (date?: string): boolean => !!date && compareIsoDates(date, period.start) >= 0 && compareIsoDates(date, period.end) <= 0;
  return buildUpdateCard({
    period,
    outcomes: deliveredOutcomes(figures, loaded.library),
    themes: figures.themes,
    totals: figures.totals,
    newAwards: loaded.awards.filter((a) => inPeriod(a.contractStart ?? a.decisionDate)),
    topSuccesses: figures.topSuccesses,
    atRisk: figures.atRisk,
    dashboardUrl: hubLink(hubTab, DASHBOARD_SUB_ENTITY),
    hubTab,
  });
}

/** The quarter's card and the channel it would go to, for the preview. */
export async function prepareUpdate(data: HubData, period: ReportingPeriod): Promise<PreparedCard> {
  const [card, channel] = await Promise.all([updateCardFor(data, period), taskforceChannel(data)]);
  return { card, ...channel };
}

/** Posts the prepared update card once for the quarter. */
export function postUpdate(data: HubData, graph: GraphClientLike, period: ReportingPeriod, prepared: Required<PreparedCard>, title: string): Promise<PostCardResult> {
  return postCard({ graph, outbox: data.outbox, teamId: prepared.teamId, channelId: prepared.channelId, kind: 'update', ...updateSubject(period.end), card: prepared.card, title });
}
