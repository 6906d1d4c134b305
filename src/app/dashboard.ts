// Loads the dashboard from the lists: the rollups of the chosen quarters (an indexed filter on the period,
// pages of 5,000), the award columns of awarded procurements (for the SME/VCSE share), the Red/Amber commitments as
// the owner's update recorded them (an indexed filter on RAG) and the measure library (its words for each measure) — a handful of requests at
// regional scale, never every outcome log.
import type { AtRiskSource, Measure, ProcurementStatus, Rollup } from '../domain';
import type { HubData } from '../data/ports';
import { allPages } from '../data/paging';
import type { AwardRecord, DashboardFigures, DashboardFilters } from '../domain';
import { dashboardFigures, filterPeriods, isoDateFromDate } from '../domain';

/** SharePoint's largest page. */
export const DASHBOARD_PAGE_SIZE = 5000;

/** Statuses of a procurement whose award counts towards awarded value. */
export const AWARDED_STATUSES: readonly ProcurementStatus[] = ['Awarded', 'In delivery', 'Closed'];

export interface DashboardData {
  rollups: Rollup[];
  /** When the newest of these rollups was written (SharePoint's Modified): only a site owner's figures update writes them. */
  figuresChangedAt?: string;
  awards: AwardRecord[];
  /** Red and Amber commitments as the site owner's figures update last recorded their progress. */
  atRisk: AtRiskSource[];
  /** The site's measure library, inactive measures included (a retired measure still names its history). */
  library: Measure[];
}

/** The lists the dashboard reads. */
export type DashboardSource = Pick<HubData, 'rollups' | 'procurements' | 'progress' | 'measures'>;

/**
 * The records the dashboard's figures come from, for the filters. Every query is one indexed condition
 * that narrows the list on its own (SharePoint's list view threshold judges each condition alone, and an
 * "or" of conditions narrows nothing): one per quarter for the rollups, one per awarded status for the
 * procurements, one per RAG for the commitments' recorded progress — nine queries for a year, run side by side, each one
 * page of up to 5,000 at regional scale — and one for the measure library (a few hundred items, one page).
 */
export async function loadDashboardData(data: DashboardSource, filters: DashboardFilters): Promise<DashboardData> {
  const periods = filterPeriods(filters);
  const [rollups, awards, atRisk, library] = await Promise.all([
    Promise.all(
      periods.map((p) =>
        allPages((pageToken) => data.rollups.query({ periodFrom: p.end, periodTo: p.end, authorityId: filters.authorityId, pageSize: DASHBOARD_PAGE_SIZE, pageToken })),
      ),
    ),
    Promise.all(
      AWARDED_STATUSES.map((status) =>
        allPages((pageToken) => data.procurements.awards({ status, authorityId: filters.authorityId, pageSize: DASHBOARD_PAGE_SIZE, pageToken })),
      ),
    ),
    // The at-risk list: the progress the owner's update recorded (owners only), never the RAG an officer can type.
    Promise.all((['Red', 'Amber'] as const).map((rag) => allPages((pageToken) => data.progress.query({ rag, pageSize: DASHBOARD_PAGE_SIZE, pageToken })))),
    data.measures.list(),
  ]);
  const flat = <T>(lists: T[][]): T[] => ([] as T[]).concat(...lists);
  const loaded = flat(rollups);
  const changed = loaded.reduce<string | undefined>((newest, r) => (r.modified && (!newest || Date.parse(r.modified) > Date.parse(newest)) ? r.modified : newest), undefined);
  return { rollups: loaded, figuresChangedAt: changed, awards: flat(awards), atRisk: flat(atRisk), library };
}

/** The dashboard's figures for the loaded records: one place, so the dashboard and the taskforce card agree. */
export function figuresFor(loaded: DashboardData, filters: DashboardFilters): DashboardFigures {
  const figures = dashboardFigures(loaded.rollups, filters, { awards: loaded.awards, atRisk: loaded.atRisk, library: loaded.library });
  return loaded.figuresChangedAt ? { ...figures, figuresChangedOn: isoDateFromDate(new Date(loaded.figuresChangedAt)) } : figures;
}

/** The dashboard's figures for the filters, loaded from the lists. */
export async function loadDashboard(data: DashboardSource, filters: DashboardFilters): Promise<DashboardFigures> {
  return figuresFor(await loadDashboardData(data, filters), filters);
}
