// The local site's first start: provisioned through provision(), then the fictional demo data.
import { TIERS } from '../../src/domain';
import { createLocalSp, createSharePointData } from '../../src/data/sharepoint';
import type { HubData } from '../../src/data/ports';
import { DEMO_USERS } from '../../local/sharepoint/users';
import { startLocalServer } from '../support/localServer';
import type { LocalServer } from '../support/localServer';

jest.setTimeout(90_000);

const servers: LocalServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
});

async function snapshot(data: HubData): Promise<unknown> {
  const procurements = (await data.procurements.query({ pageSize: 500, sort: { by: 'reference' } })).items;
  const logs = (await data.outcomes.query({ pageSize: 5000 })).items;
  return {
    procurements: procurements.map((p) => [p.reference, p.status, p.tierDecision?.tier, p.authorityId, p.supplier?.name]),
    logs: logs.map((l) => [l.procurementReference, l.measureCode, l.periodEnd, l.quantity, l.valuePence, l.verification]),
  };
}

describe('the demo site', () => {
  let data: HubData;
  beforeAll(async () => {
    const server = await startLocalServer({ seed: 'demo' });
    servers.push(server);
    data = createSharePointData(createLocalSp(server.siteUrl));
  });

  it('has fictional procurements at every tier, in many statuses, across authorities', async () => {
    const all = (await data.procurements.query({ pageSize: 500 })).items;
    expect(all.length).toBeGreaterThanOrEqual(12);
    expect(new Set(all.map((p) => p.tierDecision?.tier))).toEqual(new Set(TIERS.map((t) => t.id)));
    expect(new Set(all.map((p) => p.status)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(all.map((p) => p.authorityId)).size).toBeGreaterThanOrEqual(6);
    for (const p of all) if (p.supplier) expect(p.supplier.name).toMatch(/\(fictional\)$/);
    const approved = all.filter((p) => p.status === 'In delivery')[0];
    expect((await data.procurements.get(approved.reference))?.approvalOutcome).toBe('Approved');
  });

  it('has commitments, action plans and outcome logs over several quarters — counts, never people', async () => {
    const logs = (await data.outcomes.query({ pageSize: 5000 })).items;
    expect(new Set(logs.map((l) => l.periodEnd)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(logs.map((l) => l.verification))).toEqual(new Set(['Reported', 'Verified', 'Rejected']));
    const names = DEMO_USERS.map((u) => u.title);
    for (const l of logs) {
      for (const n of names) expect(`${l.evidenceNotes} ${l.evidenceUrl}`).not.toContain(n);
      if (l.verification !== 'Reported') expect(l.verifiedBy).not.toBe(l.reportedBy);
    }
    expect((await data.commitments.query({ rag: ['Red', 'Amber', 'Green'], pageSize: 500 })).items.length).toBeGreaterThan(10);
    expect((await data.actionPlan.query({ pageSize: 500 })).items.length).toBeGreaterThan(5);
    expect((await data.caseStudies.query({ published: true })).items).toHaveLength(1);
    const rollups = (await data.rollups.query({ pageSize: 5000 })).items;
    expect(rollups.length).toBeGreaterThan(10);
    expect(rollups.some((r) => r.verifiedPence > 0)).toBe(true);
  });

  it('is the same every time (deterministic)', async () => {
    const other = await startLocalServer({ seed: 'demo' });
    servers.push(other);
    const again = createSharePointData(createLocalSp(other.siteUrl));
    expect(await snapshot(again)).toEqual(await snapshot(data));
  });
});
