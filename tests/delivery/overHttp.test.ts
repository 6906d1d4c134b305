// The delivery actions through the real SharePoint adapter (PnPjs over HTTP to the local server):
// award → commitments with locked proxies → a log → correction → verification by an approver →
// RAG and verified quantity in the lists; the dashboard's rollups from a site owner's figures update.
import { isoDateFromDate, measureByCode } from '../../src/domain';
import { moveTo, recordAward, recordOutcome, verifyLog } from '../../src/app';
import { rebuildRollupsOnSite } from '../../src/app/rebuild';
import { loadDashboard } from '../../src/app/dashboard';
import { commitmentFromRow } from '../../src/ui/delivery/AwardPanel';
import { MEASURES } from '../../src/domain';
import { MANAGER, OFFICER, OFFICER2, procurement, startHub } from '../data/fixtures';
import type { Hub } from '../data/fixtures';

jest.setTimeout(120_000);

let hub: Hub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(async () => {
  await hub?.server.stop();
});

it('awards, logs, corrects and verifies through the lists, keeping commitments current; the owner’s update brings the rollups', async () => {
  const ref = 'DLV-HTTP-1';
  const draft = await hub.data.procurements.create(procurement(ref));
  await moveTo(hub.data, draft, 'Awaiting approval', { submittedByEmail: OFFICER.email, approverEmail: MANAGER.email });
  await hub.server.setUser('manager');
  await hub.data.approvals.record({ procurementReference: ref, round: 1, outcome: 'Approved', decidedByEmail: MANAGER.email, decidedAt: '2026-03-05T10:00:00Z' });
  await hub.server.setUser('officer');
  const approved = (await hub.data.procurements.get(ref))!;
  const created = await moveTo(hub.data, approved, 'Tendering');
  const rows = [
    { key: 1, measureCode: 'HSC-01', target: '400', dueDate: '' },
    { key: 2, measureCode: 'ENV-01', target: '12.5', dueDate: '2027-03-31' },
  ].map((r, i) => commitmentFromRow(r, i, ref, '2028-03-31', MEASURES));
  expect(rows.map((r) => r.errors)).toEqual([[], []]);
  const award = await recordAward(
    hub.data,
    created,
    { supplier: { name: 'Tame Valley Facilities Ltd (fictional)', isSme: true, isVcse: false, isLocal: true, postcode: 'B1 1BB' }, awardValuePence: 24_000_000, contractStart: '2026-04-01', contractEnd: '2028-03-31' },
    rows.map((r) => r.commitment!),
    [{ procurementReference: ref, action: 'Agree the volunteering calendar', ownerEmail: OFFICER2.email, ownerName: OFFICER2.displayName, dueDate: '2026-06-30', status: 'Not started' }],
  );
  expect(award.ok).toBe(true);
  expect((await hub.data.procurements.get(ref))!.status).toBe('Awarded');
  const commitments = await hub.data.commitments.listForProcurement(ref);
  expect(commitments.map((c) => [c.measureCode, c.proxyPenceLocked, c.dueDate])).toEqual([
    ['ENV-01', measureByCode('ENV-01')!.proxyPence, '2027-03-31'],
    ['HSC-01', 1693, '2028-03-31'],
  ]);
  const hours = commitments.filter((c) => c.measureCode === 'HSC-01')[0];
  const me = { displayName: OFFICER.displayName, email: OFFICER.email };
  await recordOutcome(hub.data, hours, { periodDate: '2026-06-30', quantity: 40, evidenceUrl: 'https://supplier.example/q1' }, me, new Date());
  const again = await recordOutcome(hub.data, hours, { periodDate: '2026-06-30', quantity: 35, evidenceUrl: 'https://supplier.example/q1-v2' }, me, new Date());
  expect(again).toMatchObject({ corrected: true, previous: expect.objectContaining({ quantity: 40 }) });
  const [log] = (await hub.data.outcomes.query({ procurementReference: ref })).items;
  expect(log).toMatchObject({ quantity: 35, valuePence: 59_255, verification: 'Reported' });
  await expect(verifyLog(hub.data, log, me, new Date())).rejects.toThrow(/cannot verify it/);

  // Another officer may not verify (the Verifications list is the approvers'): SharePoint refuses, nothing changes.
  await hub.server.setUser('officer2');
  await expect(verifyLog(hub.data, (await hub.data.outcomes.get(log.id))!, { displayName: OFFICER2.displayName, email: OFFICER2.email }, new Date())).rejects.toMatchObject({ kind: 'forbidden' });
  expect((await hub.data.outcomes.get(log.id))!).toMatchObject({ verification: 'Reported', verifiedBy: undefined });

  // An approver verifies, signed in as themselves.
  await hub.server.setUser('manager');
  const asApprover = hub.data;
  await verifyLog(asApprover, (await asApprover.outcomes.get(log.id))!, { displayName: MANAGER.displayName, email: MANAGER.email }, new Date());
  const after = await asApprover.commitments.listForProcurement(ref);
  expect(after.filter((c) => c.measureCode === 'HSC-01')[0]).toMatchObject({ verifiedQuantity: 35 });
  // Members never write the dashboard's figures (they cannot: the list is the owners'); a site owner's update does.
  expect((await asApprover.rollups.query({ procurementReference: ref })).items).toEqual([]);
  await hub.server.setUser('admin');
  expect((await rebuildRollupsOnSite(hub.data, { asOf: '2026-07-15' })).failed).toEqual([]);
  const rollups = (await hub.data.rollups.query({ procurementReference: ref })).items;
  expect(rollups.filter((r) => r.periodEnd === '2026-06-30' && r.themeId === 'healthier-stronger-communities')[0]).toMatchObject({ verifiedPence: 59_255, reportedPence: 0, authorityId: 'wmca' });
  // ENV-01: 12.5 t × £245 committed, spread over its quarters and adding up exactly.
  expect(rollups.filter((r) => r.themeId === 'environment').reduce((sum, r) => sum + r.committedPence, 0)).toBe(306_250);
  // The dashboard says on which day its figures last changed: today's update, as SharePoint recorded it.
  const shown = await loadDashboard(hub.data, { fromPeriodId: '2026-27 Q1', toPeriodId: '2026-27 Q1' });
  expect(shown.figuresChangedOn).toBe(isoDateFromDate(new Date()));
});
