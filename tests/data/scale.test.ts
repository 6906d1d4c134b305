// SharePoint's rules at scale, through the repositories: paging past 5,000 items, the list view
// threshold for unindexed (or too broad) filters versus the indexed queries the hub makes.
import { toDataError } from '../../src/data/sharepoint/errors';
import { startHub } from './fixtures';
import type { Hub } from './fixtures';

jest.setTimeout(90_000);

const BIG = 5_100;
const SMALL = 120;

let hub: Hub;
beforeAll(async () => {
  hub = await startHub();
  // Test set-up only (not SharePoint): the server's bulk insert fills the list quickly; every query
  // below goes through PnPjs and the repository like the app's own.
  const log = (ref: string, i: number, verification: string): Record<string, unknown> => ({
    Title: `${ref} · GSE-01 · ${i}`,
    LogKey: `${ref}|GSE-01|${i}`,
    ProcurementRef: ref,
    MeasureCode: 'GSE-01',
    Theme: 'growth-skills-employment',
    PeriodEnd: `${2000 + Math.floor(i / 4)}-${['03-31', '06-30', '09-30', '12-31'][i % 4]}T00:00:00Z`,
    Quantity: i % 10,
    ReportedBy: 'priya.sandhu@svhub.example',
    Verification: verification,
  });
  // The decided logs name their checker (the claim the Verifications list below backs).
  const checked = (item: Record<string, unknown>): Record<string, unknown> => ({ ...item, VerifiedBy: 'daniel.hughes@svhub.example' });
  const items = Array.from({ length: BIG }, (_, i) => (i < 50 ? checked(log('BIG-1', i, 'Rejected')) : log('BIG-1', i, 'Reported')));
  for (let i = 0; i < SMALL; i++) items.push(checked(log(`SMALL-${i % 3}`, i, 'Verified')));
  const result = await hub.server.bulkInsert('OutcomeLogs', items);
  expect(result.count).toBe(BIG + SMALL);
  // What counts is the Verifications list (who made each decision), not the typed column: an approver's
  // rejections of the first 50 logs, and verifications of the small procurements' logs.
  const decided = (i: number, decision: string): Record<string, unknown> => {
    const logId = (result.firstId as number) + i;
    const q = i < BIG ? i % 10 : (i - BIG) % 10;
    return { Title: `${logId}: ${decision}`, VerificationKey: `${logId}|daniel|${decision}`, ProcurementRef: String(items[i].ProcurementRef), LogId: logId, LogKey: String(items[i].LogKey), Decision: decision, Quantity: q };
  };
  await hub.server.setUser('manager');
  await hub.server.bulkInsert('Verifications', [
    ...Array.from({ length: 50 }, (_, i) => decided(i, 'Rejected')),
    ...Array.from({ length: SMALL }, (_, i) => decided(BIG + i, 'Verified')),
  ]);
  await hub.server.setUser('officer');
});
afterAll(async () => {
  await hub?.server.stop();
});

describe('a list past the 5,000-item threshold', () => {
  it('pages through every item with $top and the nextLink continuation token, none twice', async () => {
    const ids = new Set<number>();
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await hub.data.outcomes.query({ pageSize: 2_000, pageToken: token });
      page.items.forEach((l) => ids.add(l.id));
      token = page.nextPageToken;
      pages++;
      expect(page.items.length).toBeLessThanOrEqual(2_000);
    } while (token);
    expect(pages).toBe(3);
    expect(ids.size).toBe(BIG + SMALL);
  });

  it('answers the hub’s indexed queries over the large list', async () => {
    const small = await hub.data.outcomes.query({ procurementReference: 'SMALL-1', pageSize: 500 });
    expect(small.items).toHaveLength(SMALL / 3);
    expect(small.items.every((l) => l.procurementReference === 'SMALL-1')).toBe(true);
    const rejected = await hub.data.outcomes.query({ verification: 'Rejected', pageSize: 500 });
    expect(rejected.items).toHaveLength(50);
    const one = await hub.data.outcomes.query({ procurementReference: 'BIG-1', periodEnd: '2003-06-30' });
    expect(one.items).toHaveLength(1);
  });

  it('meets the threshold on an unindexed filter, and on an indexed one that still matches over 5,000', async () => {
    const unindexed = hub.sp.web.lists.getByTitle('OutcomeLogs').items.filter('Quantity gt 5').top(100)();
    const err = await unindexed.then(
      () => undefined,
      (e: unknown) => toDataError(e, 'Outcome logs', 'OutcomeLogs'),
    );
    expect(err).toMatchObject({ kind: 'threshold', status: 500, spCode: expect.stringMatching(/SPQueryThrottledException/) });
    expect(err?.message).toMatch(/too many items/);
    // The reference alone matches 5,100 logs: SharePoint refuses, and the repository says how to narrow it.
    await expect(hub.data.outcomes.query({ procurementReference: 'BIG-1', verification: 'Reported' })).rejects.toMatchObject({ kind: 'threshold' });
  });
});
