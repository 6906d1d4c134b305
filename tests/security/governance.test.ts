// Issue 19's governance attacks, made as a hostile site member would make them: straight through SharePoint's
// REST API with their own session, skipping the screens and the data layer. Each one is either refused by
// SharePoint's own rules (the permissions provisioning gave the lists) or changes nothing the hub counts or
// shows: the hub reads what counts from what SharePoint guarantees (who wrote an item, which list only some
// may write), never from a column a member can type.
import { InjectHeaders } from '@pnp/queryable';
import { mayMoveWithoutRecord, SETTING_KEYS } from '../../src/domain';
import type { HubData } from '../../src/data/ports';
import { createLocalSp, createSharePointData, provision } from '../../src/data/sharepoint';
import { asLocalUser, startLocalServer } from '../support/localServer';
import type { LocalServer } from '../support/localServer';
import { editProcurement, moveTo, saveProcurement } from '../../src/app';
import { rebuildRollupsOnSite } from '../../src/app/rebuild';
import { loadDashboardData } from '../../src/app/dashboard';
import { MANAGER, OFFICER, OFFICER2, commitment, outcome, procurement } from '../support/records';
import { itemId, restAs, userId } from './rest';
import type { Rest } from './rest';

jest.setTimeout(120_000);

const OFFICER3 = { email: 'grace.okafor@svhub.example', displayName: 'Grace Okafor' };
const WORKFLOW = { email: 'svhub.workflow@svhub.example', displayName: 'Social Value Hub workflow' };

let server: LocalServer;
const hub = (login: string): HubData => createSharePointData(createLocalSp(server.siteUrl).using(InjectHeaders(asLocalUser(login))));
const rest = (login: string): Rest => restAs(server.siteUrl, login);
let officer: HubData;
let admin: HubData;

beforeAll(async () => {
  server = await startLocalServer({ seed: 'none', user: 'admin' });
  await provision(createLocalSp(server.siteUrl));
  admin = hub('admin');
  officer = hub('officer');
  await admin.settings.set(SETTING_KEYS.approverEmail, MANAGER.email);
  await admin.settings.set(SETTING_KEYS.approvalWorkflowAccount, WORKFLOW.email);
});
afterAll(async () => {
  await server?.stop();
});

/** A procurement of the officer's, submitted to the manager: round 1, Awaiting approval. */
async function awaiting(ref: string, overrides: Parameters<typeof procurement>[1] = {}, as: HubData = officer): Promise<void> {
  const draft = (await saveProcurement(as, undefined, { procurement: procurement(ref, overrides) })).procurement!;
  await moveTo(as, draft, 'Awaiting approval', { submittedByEmail: OFFICER.email, approverEmail: MANAGER.email, ...overrides });
}

/** What the hub shows of a procurement's approval (nulls where it shows nothing). */
async function shown(ref: string): Promise<{ status: string; approvalRound: number | null; approvalOutcome: string | null; approvedByEmail: string | null; approvalNotOnRecord: string | null }> {
  const p = (await officer.procurements.get(ref))!;
  return {
    status: p.status,
    approvalRound: p.approvalRound ?? null,
    approvalOutcome: p.approvalOutcome ?? null,
    approvedByEmail: p.approvedByEmail ?? null,
    approvalNotOnRecord: p.approvalNotOnRecord ?? null,
  };
}

async function mergeItem(who: string, list: string, column: string, key: string, body: Record<string, unknown>): Promise<number> {
  const r = rest(who);
  const id = await itemId(r, list, column, key);
  return (await r.merge(`web/lists/getbytitle('${list}')/items(${id})`, body)).status;
}

/** An Approvals item written straight through REST, naming whoever the writer likes as the decider. */
async function postDecision(who: string, ref: string, round: number, outcome: 'Approved' | 'Rejected', decidedByEmail: string): Promise<number> {
  const r = rest(who);
  const decidedById = await userId(r, decidedByEmail);
  const reply = await r.post(`web/lists/getbytitle('Approvals')/items`, {
    Title: `${ref} round ${round}: ${outcome}`,
    DecisionKey: `${ref}|${round}`,
    ProcurementRef: ref,
    ApprovalRound: round,
    Outcome: outcome,
    DecidedById: decidedById,
    DecidedAt: '2026-03-05T10:00:00Z',
  });
  return reply.status;
}

describe('an approval counts only when it is on record (issue 19 items 1 and 6)', () => {
  it('1: an officer who sets their own procurement to Approved gets "approval not on record" and cannot start tendering', async () => {
    await awaiting('GOV-1');
    // SharePoint lets a member edit the item (the Status column is the officer's to write) …
    expect(await mergeItem('officer', 'Procurements', 'Reference', 'GOV-1', { Status: 'Approved' })).toBe(204);
    // … but nothing backs it: the hub shows no approval and says so.
    const p = (await officer.procurements.get('GOV-1'))!;
    expect(p.status).toBe('Approved');
    expect(p.approvalOutcome).toBeUndefined();
    expect(p.approvalNotOnRecord).toMatch(/no decision for this round/);
    // The page offers no "Start tendering" (the domain's rule the page applies) and the data layer refuses it.
    expect(mayMoveWithoutRecord('Tendering')).toBe(false);
    await expect(moveTo(officer, p, 'Tendering')).rejects.toMatchObject({ kind: 'validation', field: 'status', message: expect.stringMatching(/approval is not on record/) });
    await expect(saveProcurement(officer, p, { procurement: { ...p, status: 'Tendering' } })).rejects.toThrow(/approval is not on record/);
    // Going back stays open: withdraw.
    await expect(moveTo(officer, p, 'Withdrawn')).resolves.toMatchObject({ status: 'Withdrawn' });
  });

  it('1: an officer who sets a colleague’s procurement to Rejected changes nothing but the claim', async () => {
    await awaiting('GOV-2', { leadOfficer: OFFICER2, submittedByEmail: OFFICER2.email }, hub('officer2'));
    expect(await mergeItem('officer', 'Procurements', 'Reference', 'GOV-2', { Status: 'Rejected' })).toBe(204);
    expect(await shown('GOV-2')).toMatchObject({ status: 'Rejected', approvalOutcome: null, approvalNotOnRecord: expect.stringMatching(/no decision/) });
  });

  it('an officer cannot write the Approvals list at all: SharePoint refuses (403), whoever the item names', async () => {
    await awaiting('GOV-3');
    expect(await postDecision('officer', 'GOV-3', 1, 'Approved', MANAGER.email)).toBe(403);
    expect(await officer.approvals.decisionFor('GOV-3', 1)).toBeUndefined();
  });

  it('6: an approver’s decision that names someone else as decider does not count', async () => {
    await awaiting('GOV-4');
    expect(await postDecision('manager', 'GOV-4', 1, 'Approved', OFFICER2.email)).toBe(201);
    expect(await mergeItem('manager', 'Procurements', 'Reference', 'GOV-4', { Status: 'Approved' })).toBe(204);
    expect(await shown('GOV-4')).toMatchObject({
      status: 'Approved',
      approvalOutcome: null,
      approvedByEmail: null,
      approvalNotOnRecord: expect.stringMatching(/names tom\.whitehouse@svhub\.example but was written by daniel\.hughes@svhub\.example/),
    });
  });

  it('6: an approver who was not asked cannot approve, even in their own name', async () => {
    await awaiting('GOV-5', { approverEmail: OFFICER3.email });
    expect(await postDecision('manager', 'GOV-5', 1, 'Approved', MANAGER.email)).toBe(201);
    expect(await mergeItem('manager', 'Procurements', 'Reference', 'GOV-5', { Status: 'Approved' })).toBe(204);
    expect(await shown('GOV-5')).toMatchObject({ approvalOutcome: null, approvalNotOnRecord: expect.stringMatching(/not the named approver \(grace\.okafor@svhub\.example\)/) });
  });

  it('an approver cannot approve their own procurement by writing the decision themselves', async () => {
    // The hub never names the lead as approver; through REST the manager names themself.
    await awaiting('GOV-6', { leadOfficer: MANAGER, submittedByEmail: MANAGER.email, approverEmail: OFFICER2.email }, hub('manager'));
    expect(await mergeItem('manager', 'Procurements', 'Reference', 'GOV-6', { ApproverId: await userId(rest('manager'), MANAGER.email) })).toBe(204);
    expect(await postDecision('manager', 'GOV-6', 1, 'Approved', MANAGER.email)).toBe(201);
    expect(await mergeItem('manager', 'Procurements', 'Reference', 'GOV-6', { Status: 'Approved' })).toBe(204);
    expect(await shown('GOV-6')).toMatchObject({ approvalOutcome: null, approvalNotOnRecord: expect.stringMatching(/leads or submitted/) });
  });

  it('a decision for an earlier round does not approve what was changed since', async () => {
    await awaiting('GOV-7');
    await hub('manager').approvals.record({ procurementReference: 'GOV-7', round: 1, outcome: 'Approved', decidedByEmail: MANAGER.email, decidedAt: '2026-03-05T10:00:00Z' });
    expect(await shown('GOV-7')).toMatchObject({ status: 'Approved', approvalOutcome: 'Approved', approvalNotOnRecord: null });
    const approved = (await officer.procurements.get('GOV-7'))!;
    // A changed weighting goes back for approval (round 2); the officer then claims Approved again.
    await editProcurement(officer, approved, { weighting: { ...approved.weighting, percent: 25 } });
    expect(await mergeItem('officer', 'Procurements', 'Reference', 'GOV-7', { Status: 'Approved' })).toBe(204);
    expect(await shown('GOV-7')).toMatchObject({ approvalRound: 2, approvalOutcome: null, approvalNotOnRecord: expect.stringMatching(/no decision for this round/) });
  });

  it('the workflow’s account records the approver’s response: on record, and the procurement moves on', async () => {
    await awaiting('GOV-8');
    await hub('workflow').approvals.record({ procurementReference: 'GOV-8', round: 1, outcome: 'Approved', decidedByEmail: MANAGER.email, decidedAt: '2026-03-05T10:00:00Z' });
    expect(await shown('GOV-8')).toMatchObject({ status: 'Approved', approvalOutcome: 'Approved', approvedByEmail: MANAGER.email, approvalNotOnRecord: null });
    const p = (await officer.procurements.get('GOV-8'))!;
    await expect(moveTo(officer, p, 'Tendering')).resolves.toMatchObject({ status: 'Tendering' });
  });

  it('a workflow record of a response by the lead officer does not count', async () => {
    await awaiting('GOV-9');
    expect(await postDecision('workflow', 'GOV-9', 1, 'Approved', OFFICER.email)).toBe(201);
    expect(await mergeItem('workflow', 'Procurements', 'Reference', 'GOV-9', { Status: 'Approved' })).toBe(204);
    expect((await officer.procurements.get('GOV-9'))!.approvalNotOnRecord).toMatch(/leads or submitted/);
  });

  it('a member cannot name themself the workflow’s account: Settings are the owners’ (403)', async () => {
    const r = rest('manager');
    const id = await itemId(r, 'Settings', 'Title', SETTING_KEYS.approvalWorkflowAccount);
    expect((await r.merge(`web/lists/getbytitle('Settings')/items(${id})`, { SettingValue: MANAGER.email })).status).toBe(403);
    expect((await rest('officer').post(`web/lists/getbytitle('Settings')/items`, { Title: 'approvals.workflowAccount ', SettingValue: OFFICER.email })).status).toBe(403);
    expect(await admin.settings.get(SETTING_KEYS.approvalWorkflowAccount)).toBe(WORKFLOW.email);
  });

  it('an approver cannot rewrite a decision someone else recorded (the list lets people edit only their own)', async () => {
    const r = rest('manager');
    const id = await itemId(r, 'Approvals', 'DecisionKey', 'GOV-8|1');
    expect((await r.merge(`web/lists/getbytitle('Approvals')/items(${id})`, { Outcome: 'Rejected' })).status).toBe(403);
    expect((await r.del(`web/lists/getbytitle('Approvals')/items(${id})`)).status).toBe(403);
  });

  it('the hub refuses to record a decision over one squatting this round’s key, instead of setting a status nothing backs', async () => {
    await awaiting('GOV-10');
    expect(await postDecision('manager', 'GOV-10', 1, 'Approved', OFFICER2.email)).toBe(201);
    await expect(
      hub('manager').approvals.record({ procurementReference: 'GOV-10', round: 1, outcome: 'Approved', decidedByEmail: MANAGER.email, decidedAt: '2026-03-05T10:00:00Z' }),
    ).rejects.toMatchObject({ kind: 'conflict', message: expect.stringMatching(/not on record.*site owner/) });
    expect((await officer.procurements.get('GOV-10'))!.status).toBe('Awaiting approval');
  });
});

/**
 * An officer's contract (400 volunteering hours due at its end) with a first quarter of 10 hours the approver
 * verified, and the owner's figures update run on 25 November 2026.
 */
async function deliveringWithOneVerifiedQuarter(ref: string, end: string): Promise<void> {
  const saved = await saveProcurement(officer, undefined, {
    procurement: procurement(ref, { supplier: { name: 'Tame Valley Facilities Ltd (fictional)', isSme: true, isVcse: false, isLocal: true }, awardValuePence: 10_000_000, contractStart: '2026-04-01', contractEnd: end }),
    commitments: [commitment(ref, 'HSC-02', 400, { unit: 'hours', proxyPenceLocked: 10_100, proxyEdition: 'SVH 2026', startDate: '2026-04-01', dueDate: end })],
  });
  expect(saved.ok).toBe(true);
  const { log } = await officer.outcomes.record(outcome(ref, 'HSC-02', '2026-06-30', 10, { commitmentId: saved.commitments[0].id, proxyPence: 10_100, valuePence: 101_000 }));
  const approver = hub('manager');
  await approver.outcomes.update({ ...(await approver.outcomes.get(log.id))!, verification: 'Verified', verifiedBy: MANAGER.email, verifiedAt: '2026-07-10T09:00:00Z' });
  await rebuildRollupsOnSite(admin, { asOf: '2026-11-25' });
}

describe('a verification counts only when SharePoint says who made it (issue 19 item 2)', () => {
  const REF = 'GOV-30';
  const verifiedPence = async (): Promise<number> => {
    // A site owner's rebuild: what the dashboard would show once the figures are rebuilt.
    await rebuildRollupsOnSite(admin, { asOf: '2026-11-25' });
    return (await admin.rollups.query({ procurementReference: REF, pageSize: 500 })).items.reduce((sum, r) => sum + r.verifiedPence, 0);
  };

  beforeAll(async () => {
    const saved = await saveProcurement(officer, undefined, {
      procurement: procurement(REF, { supplier: { name: 'Tame Valley Facilities Ltd (fictional)', isSme: true, isVcse: false, isLocal: true }, awardValuePence: 10_000_000, contractStart: '2026-04-01', contractEnd: '2027-03-31' }),
      commitments: [commitment(REF, 'HSC-02', 400, { unit: 'hours', proxyPenceLocked: 10_100, proxyEdition: 'SVH 2026', startDate: '2026-04-01', dueDate: '2027-03-31' })],
    });
    expect(saved.ok).toBe(true);
    await officer.outcomes.record(outcome(REF, 'HSC-02', '2026-06-30', 150, { commitmentId: saved.commitments[0].id, proxyPence: 10_100, valuePence: 1_515_000 }));
  });

  it('2: the reporter who types Verified and a colleague’s name into the log changes nothing the hub counts or shows', async () => {
    expect(await mergeItem('officer', 'OutcomeLogs', 'LogKey', `${REF}|HSC-02|2026-06-30`, { Verification: 'Verified', VerifiedBy: OFFICER3.email, VerifiedAt: '2026-07-01T09:00:00Z' })).toBe(204);
    const [log] = (await officer.outcomes.query({ procurementReference: REF, periodEnd: '2026-06-30' })).items;
    // Not verified: no "Verified by grace…", no Celebrate (the page offers it only for a verified log).
    expect(log).toMatchObject({ verification: 'Reported', verifiedBy: undefined });
    expect((await officer.outcomes.query({ verification: 'Verified' })).items).toEqual([]);
    expect(await verifiedPence()).toBe(0);
  });

  it('2: an officer cannot add to the Verifications list at all (403), not even under an approver’s name through ValidateUpdateListItem', async () => {
    const r = rest('officer');
    const logId = await itemId(r, 'OutcomeLogs', 'LogKey', `${REF}|HSC-02|2026-06-30`);
    const fields = { Title: 'self', VerificationKey: `${logId}|self`, ProcurementRef: REF, LogId: logId, LogKey: `${REF}|HSC-02|2026-06-30`, Decision: 'Verified', Quantity: 150, ValuePence: 1_515_000 };
    expect((await r.post(`web/lists/getbytitle('Verifications')/items`, fields)).status).toBe(403);
    // The forgery a list members could write allows (sp-dev-docs#6333): an item whose Author is the manager.
    const forged = await r.post(`web/lists/getbytitle('Verifications')/AddValidateUpdateItemUsingPath`, {
      listItemCreateInfo: { DecodedUrl: `${new URL(server.siteUrl).pathname}/Lists/Verifications`, UnderlyingObjectType: 0 },
      formValues: [...Object.entries(fields).map(([FieldName, v]) => ({ FieldName, FieldValue: String(v) })), { FieldName: 'Author', FieldValue: `[{'Key':'i:0#.f|membership|${MANAGER.email}'}]` }],
      bNewDocumentUpdate: false,
    });
    expect(forged.status).toBe(403);
    expect((await rest('admin').get(`web/lists/getbytitle('Verifications')/items?$select=Id&$filter=LogId eq ${logId}`)).body.value).toEqual([]);
    // Through the hub: the reporter is told why not; a colleague outside the approvers is refused by SharePoint.
    const log = (await officer.outcomes.get(logId))!;
    await expect(officer.outcomes.update({ ...log, verification: 'Verified', verifiedBy: OFFICER3.email })).rejects.toMatchObject({ field: 'verifiedBy' });
    await expect(hub('officer2').outcomes.update({ ...log, verification: 'Verified', verifiedBy: OFFICER2.email })).rejects.toMatchObject({ kind: 'forbidden' });
    expect((await officer.outcomes.get(logId))!).toMatchObject({ verification: 'Reported', verifiedBy: undefined });
    expect(await verifiedPence()).toBe(0);
  });

  it('2: an approver’s own outcome is not theirs to verify: the reporter is SharePoint’s Author of the log', async () => {
    const manager = hub('manager');
    const { log } = await manager.outcomes.record(outcome(REF, 'HSC-02', '2026-12-31', 10, { proxyPence: 10_100, valuePence: 101_000, reportedBy: OFFICER.email }));
    await expect(manager.outcomes.update({ ...log, verification: 'Verified', verifiedBy: MANAGER.email })).rejects.toMatchObject({ field: 'verifiedBy' });
    expect((await officer.outcomes.get(log.id))!.verification).toBe('Reported');
  });

  it('a verification refused because the log changed since it was read leaves nothing on the record', async () => {
    const colleague = hub('manager');
    const { log } = await officer.outcomes.record(outcome(REF, 'HSC-02', '2026-09-30', 20, { proxyPence: 10_100, valuePence: 202_000 }));
    const read = (await colleague.outcomes.get(log.id))!;
    await officer.outcomes.update({ ...log, evidenceNotes: 'Payroll summary, second version (counts only).' });
    await expect(colleague.outcomes.update({ ...read, verification: 'Verified', verifiedBy: MANAGER.email, verifiedAt: '2026-10-10T09:00:00Z' })).rejects.toMatchObject({ kind: 'conflict' });
    const left = (await rest('admin').get(`web/lists/getbytitle('Verifications')/items?$select=Id&$filter=LogId eq ${log.id}`)).body.value as unknown[];
    expect(left).toEqual([]);
    expect((await officer.outcomes.get(log.id))!.verification).toBe('Reported');
  });

  it('an approver’s verification counts, under their own name; nobody else can rewrite it; a correction voids it', async () => {
    const colleague = hub('manager');
    const [log] = (await colleague.outcomes.query({ procurementReference: REF, periodEnd: '2026-06-30' })).items;
    await colleague.outcomes.update({ ...log, verification: 'Verified', verifiedBy: 'someone typed this', verifiedAt: '2026-07-10T09:00:00Z' });
    const [checked] = (await officer.outcomes.query({ procurementReference: REF, periodEnd: '2026-06-30' })).items;
    expect(checked).toMatchObject({ verification: 'Verified', verifiedBy: MANAGER.email });
    expect(await verifiedPence()).toBe(1_515_000);
    // The approver's verification item is theirs: the reporter can neither change nor delete it, nor rewrite its Author.
    const r = rest('officer');
    const daniel = await userId(r, MANAGER.email);
    const items = (await r.get(`web/lists/getbytitle('Verifications')/items?$select=Id,AuthorId&$filter=ProcurementRef eq '${REF}'`)).body.value as { Id: number; AuthorId: number }[];
    const vid = items.filter((v) => v.AuthorId === daniel)[0].Id;
    expect((await r.merge(`web/lists/getbytitle('Verifications')/items(${vid})`, { Quantity: 9_999 })).status).toBe(403);
    expect((await r.del(`web/lists/getbytitle('Verifications')/items(${vid})`)).status).toBe(403);
    const rewrite = await r.post(`web/lists/getbytitle('Verifications')/items(${vid})/ValidateUpdateListItem`, { formValues: [{ FieldName: 'Quantity', FieldValue: '9999' }], bNewDocumentUpdate: true });
    expect(rewrite.status).toBe(403);
    // The reporter raises the figure after it was checked: the verification no longer counts.
    expect(await mergeItem('officer', 'OutcomeLogs', 'LogKey', `${REF}|HSC-02|2026-06-30`, { Quantity: 400, ValuePence: 4_040_000 })).toBe(204);
    expect((await officer.outcomes.query({ procurementReference: REF, periodEnd: '2026-06-30' })).items[0]).toMatchObject({ quantity: 400, verification: 'Reported' });
    expect(await verifiedPence()).toBe(0);
  });
});

describe('only trusted writers change the figures (issue 19 item 3)', () => {
  const REF = 'GOV-40';
  const list = `web/lists/getbytitle('Rollups')`;
  const dashboardVerified = async (): Promise<number> =>
    (await officer.rollups.query({ pageSize: 5000 })).items.reduce((sum, r) => sum + r.verifiedPence, 0);

  beforeAll(() => deliveringWithOneVerifiedQuarter(REF, '2027-03-31'));

  it('3: a member who raises a rollup’s verified figures, or adds a rollup of their own, is refused (403) and the dashboard does not move', async () => {
    const before = await dashboardVerified();
    expect(before).toBeGreaterThanOrEqual(101_000);
    for (const who of ['officer', 'manager']) {
      expect(await mergeItem(who, 'Rollups', 'RollupKey', `${REF}|2026-06-30`, { VerifiedPence: 99_999_999_900, CommunityVerified: 99_999_999_900 })).toBe(403);
      const made = await rest(who).post(`${list}/items`, { Title: 'x', RollupKey: `FAKE-${who}|2026-06-30`, ProcurementRef: `FAKE-${who}`, PeriodEnd: '2026-06-30', Themes: ['environment'], EnvironmentVerified: 99_999_999_900, VerifiedPence: 99_999_999_900 });
      expect(made.status).toBe(403);
      const id = await itemId(rest(who), 'Rollups', 'RollupKey', `${REF}|2026-06-30`);
      expect((await rest(who).del(`${list}/items(${id})`)).status).toBe(403);
    }
    expect(await dashboardVerified()).toBe(before);
    // Through the hub's own data layer the same write gets the hub's plain refusal, not a half-saved figure.
    const forged = await officer.rollups.saveMany([{ procurementReference: REF, periodEnd: '2026-06-30', themeId: 'healthier-stronger-communities', authorityId: 'wmca', committedPence: 0, reportedPence: 0, verifiedPence: 99_999_999_900 }]);
    expect(forged.ok).toBe(false);
    expect(forged.failed[0].error.message).toMatch(/permission/);
    expect(await dashboardVerified()).toBe(before);
  });

  it('the owner’s rebuild counts only verifications on record, whatever the logs claim', async () => {
    const before = await dashboardVerified();
    // The reporter types Verified on a new quarter's log; the owner's next rebuild ignores it.
    const [c] = await officer.commitments.listForProcurement(REF);
    await officer.outcomes.record(outcome(REF, 'HSC-02', '2026-09-30', 300, { commitmentId: c.id, proxyPence: 10_100, valuePence: 3_030_000 }));
    expect(await mergeItem('officer', 'OutcomeLogs', 'LogKey', `${REF}|HSC-02|2026-09-30`, { Verification: 'Verified', VerifiedBy: OFFICER3.email })).toBe(204);
    await rebuildRollupsOnSite(admin, { asOf: '2026-11-25' });
    expect(await dashboardVerified()).toBe(before);
  });
});

describe('the at-risk list shows the progress the owner’s update recorded, never a RAG a member types (issue 19)', () => {
  const REF = 'GOV-50';
  const progressList = `web/lists/getbytitle('CommitmentProgress')`;
  /** The dashboard's at-risk list as the officer loads it: this procurement's rows. */
  const atRisk = async (): Promise<{ rag: string; verifiedQuantity?: number }[]> =>
    (await loadDashboardData(officer, { fromPeriodId: '2026-27 Q1', toPeriodId: '2026-27 Q2' })).atRisk
      .filter((c) => c.procurementReference === REF)
      .map((c) => ({ rag: String(c.rag), verifiedQuantity: c.verifiedQuantity }));

  // Due at the end of September with 10 of 400 hours verified: Red on 25 November.
  beforeAll(() => deliveringWithOneVerifiedQuarter(REF, '2026-09-30'));

  it('a member who types Green and the whole target on their commitment does not take it off the at-risk list', async () => {
    expect(await atRisk()).toEqual([{ rag: 'Red', verifiedQuantity: 10 }]);
    // Members save commitments (the award), so SharePoint lets the officer write the Commitments list's RAG…
    expect(await mergeItem('officer', 'Commitments', 'CommitmentKey', `${REF}|HSC-02`, { Rag: 'Green', VerifiedQuantity: 400 })).toBe(204);
    // …but the dashboard reads the progress list, which only the owner's update writes.
    expect(await atRisk()).toEqual([{ rag: 'Red', verifiedQuantity: 10 }]);
  });

  it('a member cannot write the progress list (403): not a change, not a new item, not a removal', async () => {
    for (const who of ['officer', 'manager']) {
      const r = rest(who);
      expect(await mergeItem(who, 'CommitmentProgress', 'ProgressKey', String(await itemId(r, 'Commitments', 'CommitmentKey', `${REF}|HSC-02`)), { Rag: 'Green', VerifiedQuantity: 400 })).toBe(403);
      const made = await r.post(`${progressList}/items`, { Title: 'x', ProgressKey: '999999', CommitmentId: 999_999, ProcurementRef: REF, MeasureCode: 'HSC-02', TargetQuantity: 1, Unit: 'hours', DueDate: '2026-09-30', Rag: 'Green', VerifiedQuantity: 1 });
      expect(made.status).toBe(403);
      const id = (await r.get(`${progressList}/items?$select=Id&$filter=ProcurementRef eq '${REF}'`)).body.value as { Id: number }[];
      expect((await r.del(`${progressList}/items(${id[0].Id})`)).status).toBe(403);
    }
    // Through the hub's data layer: the plain refusal, nothing written.
    const forged = await officer.progress.saveMany([{ commitmentId: 1, procurementReference: REF, measureCode: 'HSC-02', targetQuantity: 400, unit: 'hours', dueDate: '2026-09-30', rag: 'Green', verifiedQuantity: 400 }]);
    expect(forged.ok).toBe(false);
    expect(forged.failed[0].error.message).toMatch(/permission/);
    expect(await atRisk()).toEqual([{ rag: 'Red', verifiedQuantity: 10 }]);
  });

  it('the owner’s next update records what the verifications on record say, and puts the Commitments list’s column back', async () => {
    const report = await rebuildRollupsOnSite(admin, { asOf: '2026-11-25' });
    expect(report.failed).toEqual([]);
    expect(await atRisk()).toEqual([{ rag: 'Red', verifiedQuantity: 10 }]);
    // The owner's update also puts the Commitments list's own column back (its views).
    const [c] = await officer.commitments.listForProcurement(REF);
    expect(c).toMatchObject({ rag: 'Red', verifiedQuantity: 10 });
  });
});

describe('permissions provisioned, not assumed (issue 19 item 4)', () => {
  const list = (name: string): string => `web/lists/getbytitle('${name}')`;

  it('a member cannot manage the hub’s lists: versioning, columns, views and permissions are refused (403)', async () => {
    const r = rest('officer');
    expect((await r.merge(list('Procurements'), { EnableVersioning: false })).status).toBe(403);
    expect((await r.merge(list('OutcomeLogs'), { WriteSecurity: 1 })).status).toBe(403);
    expect((await r.post(`${list('Procurements')}/fields/createfieldasxml`, { parameters: { SchemaXml: '<Field Type="Text" DisplayName="Sneaky" Name="Sneaky" />', Options: 8 } })).status).toBe(403);
    const views = (await r.get(`${list('Procurements')}/views?$select=Id`)).body.value as { Id: string }[];
    expect((await r.merge(`${list('Procurements')}/views('${views[0].Id}')`, { RowLimit: 1 })).status).toBe(403);
    expect((await r.post(`${list('Approvals')}/breakroleinheritance(copyroleassignments=true,clearsubscopes=false)`)).status).toBe(403);
    const members = Number((await r.get('web/associatedmembergroup?$select=Id')).body.Id);
    expect((await r.post(`${list('Approvals')}/roleassignments/addroleassignment(principalid=${members},roledefid=1073741827)`)).status).toBe(403);
    const versioning = await rest('admin').get(`${list('Procurements')}?$select=EnableVersioning`);
    expect(versioning.body.EnableVersioning).toBe(true);
  });

  it('members contribute to the lists officers work in; the taskforce (visitors) only reads', async () => {
    const p = (await saveProcurement(officer, undefined, { procurement: procurement('GOV-20') })).procurement!;
    expect(p.id).toBeGreaterThan(0);
    const taskforce = rest('taskforce');
    expect((await taskforce.get(`${list('Procurements')}/items?$select=Id&$top=1`)).status).toBe(200);
    expect((await taskforce.post(`${list('Procurements')}/items`, { Title: 'x', Reference: 'GOV-TF' })).status).toBe(403);
    expect((await taskforce.merge(`${list('Procurements')}/items(${p.id})`, { Title: 'x' })).status).toBe(403);
    // The reference lists and Settings are owners’ only, for members and approvers alike.
    for (const who of ['officer', 'manager']) {
      expect((await rest(who).post(`${list('Measures')}/items`, { Title: 'x', Code: 'X-1' })).status).toBe(403);
      expect((await rest(who).post(`${list('Thresholds')}/items`, { Title: 'x' })).status).toBe(403);
    }
  });

  it('provisioning again repairs drift: a raised group, a person given control, write security and versioning put back', async () => {
    const owner = rest('admin');
    const ids = async (name: string): Promise<{ members: number; edit: number; full: number; person: number }> => ({
      members: Number((await owner.get('web/associatedmembergroup?$select=Id')).body.Id),
      edit: Number((await owner.get('web/roledefinitions/getbytype(6)?$select=Id')).body.Id),
      full: Number((await owner.get('web/roledefinitions/getbytype(5)?$select=Id')).body.Id),
      person: await userId(owner, name),
    });
    const { members, edit, full, person } = await ids(OFFICER2.email);
    expect((await owner.post(`${list('Procurements')}/roleassignments/addroleassignment(principalid=${members},roledefid=${edit})`)).status).toBe(200);
    expect((await owner.post(`${list('Approvals')}/roleassignments/addroleassignment(principalid=${person},roledefid=${full})`)).status).toBe(200);
    expect((await owner.merge(list('Approvals'), { WriteSecurity: 1 })).status).toBe(204);
    expect((await owner.merge(list('Procurements'), { EnableVersioning: false })).status).toBe(204);
    // The drift bites: a member may now turn versioning back off, and officer2 may rewrite decisions.
    expect((await rest('officer').merge(list('Procurements'), { Title: 'Procurements' })).status).toBe(204);

    const repair = await provision(createLocalSp(server.siteUrl).using(InjectHeaders(asLocalUser('admin'))));
    expect(repair.problems).toEqual([]);
    expect(repair.updated).toEqual(
      expect.arrayContaining([
        'list Procurements (EnableVersioning)',
        'list Approvals (WriteSecurity)',
        'permissions Procurements (Social Value Members Contribute)',
        `permissions Approvals (principal ${person} no more than Read)`,
      ]),
    );
    expect((await rest('officer').merge(list('Procurements'), { EnableVersioning: false })).status).toBe(403);
    expect(await postDecision('officer2', 'GOV-20', 1, 'Approved', MANAGER.email)).toBe(403);
    const settings = await owner.get(`${list('Approvals')}?$select=WriteSecurity,EnableVersioning`);
    expect(settings.body).toMatchObject({ WriteSecurity: 2, EnableVersioning: true });
    // And a third run finds nothing to change.
    const again = await provision(createLocalSp(server.siteUrl).using(InjectHeaders(asLocalUser('admin'))));
    expect(again.updated).toEqual([]);
  });
});
