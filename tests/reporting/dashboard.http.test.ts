// The dashboard's load over real HTTP (PnPjs → the local SharePoint-compatible server) at regional scale:
// 2,000 awarded procurements, their commitments and a year of rollups. Counts the requests; the figures
// must equal those computed in memory from the same records, to the penny. Then the rebuild command.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { CommitmentWithProgress, Rollup } from '../../src/domain';
import { commitmentToItem, procurementToItem, rollupToItem, rollupsByItem } from '../../src/data/sharepoint/mapping';
import { progressToItem } from '../../src/data/sharepoint/progressRepository';
import { loadDashboard } from '../../src/app/dashboard';
import { dashboardFigures } from '../../src/domain';
import { pickRollup, rebuildRollups, rollupKeyOf } from '../../src/domain';
import type { DashboardFilters } from '../../src/domain';
import { OFFICER, commitment, outcome, procurement, startHub } from '../data/fixtures';
import type { Hub } from '../data/fixtures';
import { generate } from '../../local/seed/region';

jest.setTimeout(300_000);

let hub: Hub;
afterAll(async () => {
  await hub?.server.stop();
});

function countRequests<T>(run: () => Promise<T>): Promise<{ result: T; requests: number }> {
  const plain = globalThis.fetch;
  let requests = 0;
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    requests++;
    return plain(input, init);
  }) as typeof fetch;
  return run().then(
    (result) => {
      globalThis.fetch = plain;
      return { result, requests };
    },
    (e: unknown) => {
      globalThis.fetch = plain;
      throw e;
    },
  );
}

describe('the dashboard over HTTP', () => {
  it('loads a year with one indexed query per quarter, status and RAG (≤ 10 requests) past the 5,000-item threshold, with the same figures as in memory', async () => {
    hub = await startHub();
    const g = generate({ seed: 8, procurements: 2000, targetLogs: 40_000 });
    const leadOfficerId = (await hub.data.users.ensure(OFFICER.email)).id;
    const ragOf = (i: number): CommitmentWithProgress['rag'] => (i % 11 === 0 ? 'Red' : i % 11 === 1 ? 'Amber' : 'Green');
    const commitments: CommitmentWithProgress[] = g.commitments.map((c, i) => ({ ...c, id: undefined, rag: ragOf(i), verifiedQuantity: 1 }));
    const filters: DashboardFilters = { fromPeriodId: '2025-26 Q1', toPeriodId: '2025-26 Q4' };
    const all = rebuildRollups(g.commitments, g.logs, g.procurements);
    // A whole year of the region's rollups: more than 5,000 theme rows in a quarter and far more in the list,
    // but one item per procurement × quarter, so each quarter's indexed query stays under the threshold.
    const rollups = all.filter((r) => r.periodEnd >= '2025-06-30' && r.periodEnd <= '2026-03-31');
    const items = Array.from(rollupsByItem(rollups).values()).map((rows) => rollupToItem(rows) as Record<string, unknown>);
    // Test set-up only (not SharePoint): the server's bulk insert.
    await hub.server.bulkInsert('Procurements', g.procurements.map((p) => procurementToItem(p, { leadOfficerId }) as Record<string, unknown>));
    await hub.server.bulkInsert('Commitments', commitments.map((c) => commitmentToItem(c) as Record<string, unknown>));
    // Each commitment's progress as the owner's update records it (the at-risk list's source): past 5,000 items too.
    const progress = commitments.map((c, i) => progressToItem({ commitmentId: i + 1, procurementReference: c.procurementReference, measureCode: c.measureCode, targetQuantity: c.targetQuantity, unit: c.unit, dueDate: c.dueDate, rag: c.rag!, verifiedQuantity: 1 }));
    await hub.server.bulkInsert('CommitmentProgress', progress as Record<string, unknown>[]);
    await hub.server.bulkInsert('Rollups', items);
    expect(items.length).toBeGreaterThan(5000);
    expect(rollups.filter((r) => r.periodEnd === '2025-12-31').length).toBeGreaterThan(5000);
    expect(commitments.length).toBeGreaterThan(5000);

    // The site words a measure its own way (site owners keep the library): the dashboard names it so.
    await hub.server.setUser('admin');
    const gse01 = (await hub.data.measures.getByCode('GSE-01'))!;
    await hub.data.measures.save({ ...gse01, text: 'Local residents in work on the contract (site wording)' });
    await hub.server.setUser('officer');
    const library = await hub.data.measures.list();

    const { result: figures, requests } = await countRequests(() => loadDashboard(hub.data, filters));
    expect(requests).toBeLessThanOrEqual(10);
    expect(figures.measures.find((m) => m.measureCode === 'GSE-01')?.text).toBe('Local residents in work on the contract (site wording)');

    const expected = dashboardFigures(rollups, filters, { awards: g.procurements, atRisk: commitments.filter((c) => c.rag !== 'Green'), library });
    expect(figures.totals).toEqual(expected.totals);
    expect(figures.themes).toEqual(expected.themes);
    expect(figures.overTime).toEqual(expected.overTime);
    expect(figures.byAuthority).toEqual(expected.byAuthority);
    expect(figures.bySupplier).toEqual(expected.bySupplier);
    expect(figures.awarded).toEqual(expected.awarded);
    expect(figures.atRisk.length).toBe(expected.atRisk.length);
    expect(figures.byProcurement.length).toBe(expected.byProcurement.length);
    // People and other quantities come back from the list's Quantities column to the thousandth of a unit.
    expect(figures.measures).toEqual(expected.measures);
    expect(figures.measures.filter((m) => m.unit === 'FTE' && m.verifiedThousandths > 0).length).toBeGreaterThan(0);

    const { result: one, requests: oneRequests } = await countRequests(() => loadDashboard(hub.data, { ...filters, authorityId: 'coventry' }));
    expect(oneRequests).toBeLessThanOrEqual(10);
    expect(one.totals).toEqual(dashboardFigures(rollups, { ...filters, authorityId: 'coventry' }).totals);
  });
});

describe('the rebuild command', () => {
  it('rebuilds the Rollups list from the outcome logs over HTTP and agrees with rebuildRollups exactly', async () => {
    const h = await startHub();
    try {
      const p1 = procurement('RB-0001', { status: 'Draft', authorityId: 'dudley', supplier: { name: 'O’Neil & Sons', isSme: true, isVcse: false, isLocal: true }, awardValuePence: 10_000_000, contractStart: '2026-04-01', contractEnd: '2027-03-31' });
      const saved = await h.data.procurements.saveBundle({
        procurement: p1,
        commitments: [
          commitment('RB-0001', 'HSC-02', 400, { unit: 'hours', proxyPenceLocked: 10_100, proxyEdition: 'SVH 2026', startDate: '2026-04-01', dueDate: '2027-03-31' }),
          commitment('RB-0001', 'ENV-01', 10, { unit: 'tonnes CO2e', proxyPenceLocked: 24_500, proxyEdition: '2022', dueDate: '2026-09-30' }),
        ],
      });
      expect(saved.ok).toBe(true);
      const [gse, env] = saved.commitments;
      const hsc = await h.data.outcomes.record(outcome('RB-0001', 'HSC-02', '2026-06-30', 150.5, { commitmentId: gse.id, proxyPence: 10_100, verification: 'Reported' }));
      await h.data.outcomes.record(outcome('RB-0001', 'ENV-01', '2026-09-30', 3.333, { commitmentId: env.id, proxyPence: 24_500, verification: 'Reported' }));
      const envQ1 = await h.data.outcomes.record(outcome('RB-0001', 'ENV-01', '2026-06-30', 9, { commitmentId: env.id, proxyPence: 24_500, verification: 'Reported' }));
      // A log the officer typed "Verified" by hand counts for nothing; the manager's verifications do.
      await h.data.outcomes.record(outcome('RB-0001', 'HSC-02', '2026-09-30', 99, { commitmentId: gse.id, proxyPence: 10_100, verification: 'Verified', verifiedBy: 'daniel.hughes@svhub.example', verifiedAt: '2026-10-10T10:00:00Z' }));
      await h.server.setUser('manager');
      await h.data.outcomes.update({ ...hsc.log, verification: 'Verified', verifiedBy: 'daniel.hughes@svhub.example', verifiedAt: '2026-07-10T10:00:00Z' });
      await h.data.outcomes.update({ ...envQ1.log, verification: 'Rejected', verifiedBy: 'daniel.hughes@svhub.example', verifiedAt: '2026-07-10T10:00:00Z', rejectionReason: 'No evidence of the tonnes claimed.' });
      // The figures are a site owner's to write (issue 19): the owner runs the rebuild.
      await h.server.setUser('admin');
      // A stale rollup and a wrong one, as an earlier update might leave.
      await h.data.rollups.saveMany([
        { procurementReference: 'RB-0001', periodEnd: '2026-06-30', themeId: 'healthier-stronger-communities', authorityId: 'dudley', committedPence: 1, reportedPence: 2, verifiedPence: 3 },
        { procurementReference: 'GONE-0001', periodEnd: '2026-06-30', themeId: 'environment', authorityId: 'dudley', committedPence: 5, reportedPence: 0, verifiedPence: 5 },
      ]);

      const out = await new Promise<string>((resolve, reject) =>
        execFile(process.execPath, [join(__dirname, '..', '..', 'scripts', 'rebuild-rollups.mjs'), '--site', h.server.siteUrl, '--as-of', '2026-11-25'], { timeout: 120_000 }, (err, stdout, stderr) =>
          err ? reject(new Error(`${err.message}\n${stdout}\n${stderr}`)) : resolve(stdout),
        ),
      );
      expect(out).toMatch(/Rollups: \d+ from 4 outcome logs, 2 commitments and 1 procurements; \d+ written, \d+ unchanged, 0 failed/);
      // Both commitments are behind on 25 November 2026 (the environment one is past due with nothing verified):
      // their recorded progress turns Red, so the dashboard's at-risk query finds them without any new log; the
      // Commitments list's own column (its views) follows.
      expect(out).toMatch(/2 commitments' progress recorded as at 2026-11-25/);
      expect((await h.data.progress.query({ rag: 'Red' })).items.map((c) => c.measureCode).sort()).toEqual(['ENV-01', 'HSC-02']);
      expect((await h.data.commitments.query({ rag: 'Red' })).items.map((c) => c.measureCode).sort()).toEqual(['ENV-01', 'HSC-02']);

      const stored = (await h.data.rollups.query({ pageSize: 5000 })).items.map(pickRollup);
      const logs = (await h.data.outcomes.query({ pageSize: 5000 })).items;
      const commitments = await h.data.commitments.listForProcurement('RB-0001');
      const expected = rebuildRollups(commitments, logs, [p1]);
      const byKey = (rs: Rollup[]): Rollup[] => rs.slice().sort((a, b) => (rollupKeyOf(a) < rollupKeyOf(b) ? -1 : 1));
      const nonZero = stored.filter((r) => r.committedPence || r.reportedPence || r.verifiedPence);
      expect(byKey(nonZero)).toEqual(byKey(expected.filter((r) => r.committedPence || r.reportedPence || r.verifiedPence)));
      expect(stored.find((r) => r.procurementReference === 'GONE-0001')).toMatchObject({ committedPence: 0, verifiedPence: 0 });
      expect(stored.find((r) => r.periodEnd === '2026-06-30' && r.themeId === 'healthier-stronger-communities')).toMatchObject({ verifiedPence: 1_520_050 });
      expect(stored.find((r) => r.periodEnd === '2026-09-30' && r.themeId === 'healthier-stronger-communities')).toMatchObject({ verifiedPence: 0, reportedPence: 99 * 10_100 });
      expect(stored.find((r) => r.periodEnd === '2026-09-30' && r.themeId === 'environment')).toMatchObject({ reportedPence: 81_659, committedPence: 245_000 - 121_154 }) // pro rata from the contract start: 90 of 182 days fell in Q1;

      // Run again: nothing to write.
      const again = await new Promise<string>((resolve, reject) =>
        execFile(process.execPath, [join(__dirname, '..', '..', 'scripts', 'rebuild-rollups.mjs'), '--site', h.server.siteUrl, '--as-of', '2026-11-25'], { timeout: 120_000 }, (err, stdout) => (err ? reject(err) : resolve(stdout))),
      );
      expect(again).toMatch(/ 0 written/);
      expect(again).toMatch(/ 0 commitments' progress/);
    } finally {
      await h.server.stop();
    }
  });
});
