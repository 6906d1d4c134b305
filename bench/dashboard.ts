// Dashboard at regional scale (issue 8, benchmark 2): a generated region — 2,000 five-year contracts, 20,000
// commitments, 400,000 outcome logs and their rollups — in the local server; the dashboard's load for a
// financial year (one indexed query per quarter, status and RAG, reading rollups) against the naive way
// (page through every outcome log, commitment and procurement and add them up), in the same run. The two
// must give the same figures to the penny.
import { OFFICER, startHub } from '../tests/data/fixtures';
import { allPages } from '../src/data/paging';
import { loadDashboard } from '../src/app/dashboard';
import { dashboardFigures } from '../src/domain';
import { progressRecords, rebuildRollups, thousandthsText } from '../src/domain';
import type { DashboardFigures, DashboardFilters } from '../src/domain';
import { REGIONAL_SCALE, fillRegion } from '../local/seed/fillRegion';
import type { Measured } from './measure';
import { measure, median } from './measure';

const YEAR: DashboardFilters = { fromPeriodId: '2024-25 Q1', toPeriodId: '2024-25 Q4' };

/** The figures a user reads, in a form that compares to the penny (and each quantity to the thousandth of its unit). */
const shown = (f: DashboardFigures): unknown => ({ totals: f.totals, themes: f.themes, overTime: f.overTime, byAuthority: f.byAuthority, bySupplier: f.bySupplier, awarded: f.awarded, atRisk: f.atRisk.length, measures: f.measures });

export async function benchDashboard(): Promise<{ rows: string[][]; result: Record<string, unknown> }> {
  const hub = await startHub();
  try {
    const leadOfficerId = (await hub.data.users.ensure(OFFICER.email)).id;
    const started = Date.now();
    const asOf = '2026-11-25';
    const region = await fillRegion(hub.server.siteUrl, { ...REGIONAL_SCALE, leadOfficerId, asOf });
    const generateSeconds = (Date.now() - started) / 1000;

    let fast: DashboardFigures | undefined;
    const app = await median(3, () =>
      measure(async () => {
        fast = await loadDashboard(hub.data, YEAR);
      }),
    );
    let slow: DashboardFigures | undefined;
    const naive: Measured = await measure(async () => {
      const pageSize = 5000;
      const [procurements, commitments, logs, library] = await Promise.all([
        allPages((pageToken) => hub.data.procurements.query({ pageSize, pageToken })),
        allPages((pageToken) => hub.data.commitments.query({ pageSize, pageToken })),
        allPages((pageToken) => hub.data.outcomes.query({ pageSize, pageToken })),
        // Both ways word the measures from the site's library.
        hub.data.measures.list(),
      ]);
      // Every commitment's progress worked out from its logs, as the owner's update records it.
      const atRisk = progressRecords(commitments, logs, procurements, asOf).filter((c) => c.rag === 'Red' || c.rag === 'Amber');
      slow = dashboardFigures(rebuildRollups(commitments, logs, procurements), YEAR, { awards: procurements, atRisk, library });
    });
    const same = JSON.stringify(shown(fast as DashboardFigures)) === JSON.stringify(shown(slow as DashboardFigures));
    if (!same) throw new Error('The dashboard read from rollups differs from the figures added up from every outcome log.');
    const speedUp = naive.ms / app.ms;
    const verified = (fast as DashboardFigures).totals.verifiedPence;
    const verifiedFte = (fast as DashboardFigures).measures.filter((m) => m.unit === 'FTE').reduce((sum, m) => sum + m.verifiedThousandths, 0);
    return {
      rows: [
        [`dashboard, a year of ${region.procurements.length} contracts / ${region.logs.length} logs: requests`, String(app.requests), `${naive.requests} (every log)`, (app.requests / naive.requests).toFixed(3)],
        ['  … bytes', String(app.bytes), String(naive.bytes), (app.bytes / naive.bytes).toFixed(3)],
        ['  … time (ms; median of 3 / once)', app.ms.toFixed(0), naive.ms.toFixed(0), `${(app.ms / naive.ms).toFixed(3)} (${speedUp.toFixed(0)}× faster)`],
        ['  … same figures to the penny', same ? 'yes' : 'NO', `verified £${(verified / 100).toFixed(2)}`, ''],
        ['  … same quantities to the unit, per measure', same ? 'yes' : 'NO', `verified ${thousandthsText(verifiedFte)} FTE`, ''],
      ],
      result: {
        region: { procurements: region.procurements.length, commitments: region.commitments.length, logs: region.logs.length, rollupItems: region.rollupItems, generateSeconds },
        filters: YEAR,
        app,
        naive,
        speedUp,
        sameFigures: same,
        goals: { requestsAtMost10: app.requests <= 10, atLeast20TimesFaster: speedUp >= 20 },
      },
    };
  } finally {
    await hub.server.stop();
  }
}
