// Loads the dashboard from the lists: the rollups of the chosen quarters (an indexed filter on the period,
// pages of 5,000), the awarded procurements (for the SME/VCSE share) and the Red/Amber commitments (an
// indexed filter on RAG) — a handful of requests at regional scale, never every outcome log.
import type { ProcurementStatus } from '../domain';
import type { CommitmentWithProgress, HubData, Page, Rollup } from '../data/ports';
import type { AwardRecord, DashboardFigures, DashboardFilters } from './figures';
import { dashboardFigures, filterPeriods } from './figures';

/** SharePoint's largest page. */
export const DASHBOARD_PAGE_SIZE = 5000;

/** Statuses of a procurement whose award counts towards awarded value. */
export const AWARDED_STATUSES: readonly ProcurementStatus[] = ['Awarded', 'In delivery', 'Closed'];

async function allPages<T>(load: (pageToken?: string) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  do {
    const page = await load(token);
    out.push(...page.items);
    token = page.nextPageToken;
  } while (token);
  return out;
}

export interface DashboardData {
  rollups: Rollup[];
  awards: AwardRecord[];
  atRisk: CommitmentWithProgress[];
}

/** The records the dashboard's figures come from, for the filters (three queries, paged, run side by side). */
export async function loadDashboardData(data: Pick<HubData, 'rollups' | 'procurements' | 'commitments'>, filters: DashboardFilters): Promise<DashboardData> {
  const periods = filterPeriods(filters);
  const periodFrom = periods[0].end;
  const periodTo = periods[periods.length - 1].end;
  const [rollups, awards, atRisk] = await Promise.all([
    allPages((pageToken) => data.rollups.query({ periodFrom, periodTo, authorityId: filters.authorityId, pageSize: DASHBOARD_PAGE_SIZE, pageToken })),
    allPages((pageToken) => data.procurements.query({ status: AWARDED_STATUSES, authorityId: filters.authorityId, pageSize: DASHBOARD_PAGE_SIZE, pageToken })),
    allPages((pageToken) => data.commitments.query({ rag: ['Red', 'Amber'], pageSize: DASHBOARD_PAGE_SIZE, pageToken })),
  ]);
  return { rollups, awards, atRisk };
}

/** The dashboard's figures for the filters, loaded from the lists. */
export async function loadDashboard(data: Pick<HubData, 'rollups' | 'procurements' | 'commitments'>, filters: DashboardFilters): Promise<DashboardFigures> {
  const loaded = await loadDashboardData(data, filters);
  return dashboardFigures(loaded.rollups, filters, { awards: loaded.awards, atRisk: loaded.atRisk });
}
