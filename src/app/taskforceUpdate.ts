// Post the quarter's update to the taskforce channel: a card built from the same figures the dashboard
// shows for that quarter, previewed first, posted once per quarter through the outbox.
import { compareIsoDates } from '../domain';
import type { ReportingPeriod } from '../domain';
import type { HubData } from '../data/ports';
import { dashboardFigures, loadDashboardData } from '../reporting';
import { buildUpdateCard } from '../teams/cards';
import type { AdaptiveCardJson } from '../teams/cards';
import { hubTabDeepLink } from '../teams/deepLinks';
import { DASHBOARD_SUB_ENTITY, HUB_TAB } from '../teams/hubTab';

/** The quarter's update card, from the same figures the dashboard shows. */
export async function updateCardFor(data: HubData, period: ReportingPeriod): Promise<AdaptiveCardJson> {
  const filters = { fromPeriodId: period.id, toPeriodId: period.id };
  const loaded = await loadDashboardData(data, filters);
  const figures = dashboardFigures(loaded.rollups, filters, { awards: loaded.awards, atRisk: loaded.atRisk });
  const inPeriod = (date?: string): boolean => !!date && compareIsoDates(date, period.start) >= 0 && compareIsoDates(date, period.end) <= 0;
  return buildUpdateCard({
    period,
    themes: figures.themes,
    totals: figures.totals,
    newAwards: loaded.awards.filter((a) => inPeriod(a.contractStart ?? a.decisionDate)),
    topSuccesses: figures.topSuccesses,
    atRisk: figures.atRisk,
    dashboardUrl: hubTabDeepLink(HUB_TAB, DASHBOARD_SUB_ENTITY),
    hubTab: HUB_TAB,
  });
}
