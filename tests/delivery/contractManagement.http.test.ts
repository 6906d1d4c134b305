// Contract management where section 52 of the Procurement Act 2023 applies, through the real SharePoint adapter
// (PnPjs over HTTP to the local server): an award without three KPIs is refused and writes nothing; with them,
// KPIs land on the procurement, assessments on KpiAssessments (a correction replaces the rating), the notices'
// identifiers on the record, and the contract performance notice is complete only when everything it needs is.
import { MEASURES, MIN_KPIS, kpisFromCommitments } from '../../src/domain';
import type { Procurement } from '../../src/domain';
import { loadContractManagement, moveTo, recordAward, recordKpiAssessment, saveNoticeIdentifiers } from '../../src/app';
import type { Stored } from '../../src/app/hubData';
import { ValidationError } from '../../src/data/errors';
import { commitmentFromRow } from '../../src/ui/delivery/AwardPanel';
import { MANAGER, OFFICER, procurement, startHub } from '../data/fixtures';
import type { Hub } from '../data/fixtures';

jest.setTimeout(120_000);

let hub: Hub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(async () => {
  await hub?.server.stop();
});

const AWARD = {
  supplier: { name: 'Tame Valley Construction Ltd (fictional)', isSme: false, isVcse: false, isLocal: true, postcode: 'B1 1BB' },
  awardValuePence: 720_000_000,
  contractStart: '2026-04-01',
  contractEnd: '2029-03-31',
};

/** A £7.2m works contract decided under the Act: above the works threshold and over £5 million. */
async function tendering(ref: string): Promise<Stored<Procurement>> {
  const draft = await hub.data.procurements.create(
    procurement(ref, { title: 'Depot rebuild', contractType: 'works', estimatedValuePence: 720_000_000, tierDecision: { tier: 'toms-included', thresholdPence: 519_300_000, thresholdEffectiveFrom: '2026-01-01', policyEditionId: 'wmca-svp-2026' } }),
  );
  await moveTo(hub.data, draft, 'Awaiting approval', { submittedByEmail: OFFICER.email, approverEmail: MANAGER.email });
  await hub.server.setUser('manager');
  await hub.data.approvals.record({ procurementReference: ref, round: 1, outcome: 'Approved', decidedByEmail: MANAGER.email, decidedAt: '2026-03-05T10:00:00Z' });
  await hub.server.setUser('officer');
  const approved = (await hub.data.procurements.get(ref))!;
  // The page names the approver as SharePoint records them, not by e-mail.
  expect(approved).toMatchObject({ approvalOutcome: 'Approved', approvedByEmail: MANAGER.email, approvedByName: MANAGER.displayName });
  return moveTo(hub.data, approved, 'Tendering');
}

function commitments(ref: string): ReturnType<typeof commitmentFromRow>['commitment'][] {
  return [
    { key: 1, measureCode: 'GSE-01', target: '6', dueDate: '' },
    { key: 2, measureCode: 'ENV-01', target: '12.5', dueDate: '2027-03-31' },
  ].map((r, i) => commitmentFromRow(r, i, ref, AWARD.contractEnd, MEASURES).commitment);
}

it('refuses an award with fewer than three KPIs where section 52 applies, and writes nothing', async () => {
  const ref = 'KPI-HTTP-1';
  const p = await tendering(ref);
  const cs = commitments(ref).map((c) => c!);
  const twoKpis = kpisFromCommitments(cs);
  const refused = recordAward(hub.data, p, AWARD, cs, [], { kpis: twoKpis });
  await expect(refused).rejects.toBeInstanceOf(ValidationError);
  await expect(refused).rejects.toMatchObject({ problems: [expect.objectContaining({ field: 'kpis', message: expect.stringMatching(/at least 3 key performance indicators/) })] });
  expect((await hub.data.procurements.get(ref))!.status).toBe('Tendering');
  expect(await hub.data.commitments.listForProcurement(ref)).toEqual([]);
  // A KPI without a target is refused too, next to its field.
  await expect(recordAward(hub.data, p, AWARD, cs, [], { kpis: [...twoKpis, { name: 'Days lost to accidents', target: ' ' }] })).rejects.toMatchObject({
    problems: [expect.objectContaining({ field: 'kpis[2].target' })],
  });
  // Section 52(1)'s own exception, with its reason, lets the award through without KPIs.
  const awarded = await recordAward(hub.data, p, AWARD, cs, [], { kpisNotAppropriateReason: 'A one-off delivery of a single building: performance is judged at handover.' });
  expect(awarded.ok).toBe(true);
  const stored = (await hub.data.procurements.get(ref))!;
  expect(stored).toMatchObject({ status: 'Awarded', kpisNotAppropriateReason: 'A one-off delivery of a single building: performance is judged at handover.' });
  expect(stored.kpis).toBeUndefined();
});

it('keeps the KPIs on the procurement, assessments on their list, and builds the contract performance notice from them', async () => {
  const ref = 'KPI-HTTP-2';
  const p = await tendering(ref);
  const cs = commitments(ref).map((c) => c!);
  const kpis = [...kpisFromCommitments(cs), { name: 'Completed on time, “snagging” included | phase 1', target: 'Practical completion by 31 March 2028' }];
  expect(kpis.length).toBe(MIN_KPIS);
  expect((await recordAward(hub.data, p, AWARD, cs, [], { kpis })).ok).toBe(true);
  let awarded = (await hub.data.procurements.get(ref))!;
  expect(awarded.kpis).toEqual(kpis);

  // Nothing assessed yet: the first assessment is due 12 months after the contract starts; the notice lacks its parts.
  let cm = await loadContractManagement(hub.data, awarded, '2027-04-02');
  expect(cm.duty.applies).toBe(true);
  expect(cm.nextDue).toEqual({ due: '2027-04-01', overdue: true });
  expect('missing' in cm.notice && cm.notice.missing.join(' ')).toMatch(/procurement’s unique identifier.*contract’s unique identifier.*a rating for/);
  expect(cm.delivery['GSE-01']).toMatchObject({ targetQuantity: 6, deliveredQuantity: 0 });

  // An assessment that names no KPI set at award, or no prescribed rating, is refused field by field.
  await expect(recordKpiAssessment(hub.data, awarded, { kpiName: 'Made up', periodStart: '2026-04-01', periodEnd: '2027-03-31', rating: 'Good' })).rejects.toMatchObject({
    problems: [expect.objectContaining({ field: 'kpiName' })],
  });
  await expect(recordKpiAssessment(hub.data, awarded, { kpiName: kpis[0].name, periodStart: '2026-04-01', periodEnd: '2027-03-31', rating: 'Excellent' as never })).rejects.toMatchObject({
    problems: [expect.objectContaining({ field: 'rating' })],
  });
  expect(await hub.data.kpiAssessments.listForProcurement(ref)).toEqual([]);

  for (const k of kpis) await recordKpiAssessment(hub.data, awarded, { kpiName: k.name, periodStart: '2026-04-01', periodEnd: '2027-03-31', rating: 'Approaching target' });
  // The same KPI and period again corrects its rating: still one item.
  await recordKpiAssessment(hub.data, awarded, { kpiName: kpis[2].name, periodStart: '2026-04-01', periodEnd: '2027-03-31', rating: 'Good', note: 'Phase 1 handed over early.' });
  const assessments = await hub.data.kpiAssessments.listForProcurement(ref);
  expect(assessments.map((a) => [a.kpiName, a.rating, a.kpiTarget])).toEqual(
    expect.arrayContaining([
      [kpis[0].name, 'Approaching target', kpis[0].target],
      [kpis[1].name, 'Approaching target', kpis[1].target],
      [kpis[2].name, 'Good', kpis[2].target],
    ]),
  );
  expect(assessments).toHaveLength(3);

  awarded = await saveNoticeIdentifiers(hub.data, awarded, { tenderNoticeId: ' ocds-h6vhtk-04a1b2 ', contractDetailsNoticeId: 'ocds-h6vhtk-04a1b2-c1' });
  expect((await hub.data.procurements.get(ref))!).toMatchObject({ tenderNoticeId: 'ocds-h6vhtk-04a1b2', contractDetailsNoticeId: 'ocds-h6vhtk-04a1b2-c1' });
  cm = await loadContractManagement(hub.data, (await hub.data.procurements.get(ref))!, '2027-04-02');
  expect(cm.nextDue).toEqual({ due: '2028-03-31', overdue: false });
  expect('lines' in cm.notice).toBe(true);
  const lines = 'lines' in cm.notice ? cm.notice.lines : [];
  expect(lines).toContain('Procurement identifier: ocds-h6vhtk-04a1b2');
  expect(lines).toContain(`KPI: ${kpis[2].name}; target: ${kpis[2].target}; rating: Good (Performance is meeting or exceeding the key performance indicators)`);
  expect(lines.filter((l) => l.startsWith('KPI: GSE-01'))[0]).toMatch(/delivered 0 of 6 \(0 verified\)$/);
  expect(lines[lines.length - 1]).toBe('Period assessed: 1 April 2026 to 31 March 2027');
});

it('reads a hand-edited KPIs column that is not the hub’s shape as no KPIs, never a crash', async () => {
  const ref = 'KPI-HTTP-3';
  const p = await tendering(ref);
  const cs = commitments(ref).map((c) => c!);
  await recordAward(hub.data, p, AWARD, cs, [], { kpis: [...kpisFromCommitments(cs), { name: 'Site safety', target: 'No reportable accidents' }] });
  const awarded = (await hub.data.procurements.get(ref))!;
  await hub.sp.web.lists.getByTitle('Procurements').items.getById(awarded.id).update({ Kpis: '{"not": "a list"' });
  const read = (await hub.data.procurements.get(ref))!;
  expect(read.kpis).toBeUndefined();
  const cm = await loadContractManagement(hub.data, read, '2026-06-01');
  expect(cm.kpis).toEqual([]);
  expect('missing' in cm.notice && cm.notice.missing.join(' ')).toMatch(/key performance indicators set under section 52/);
});
