// The procurement workflows (src/app) over real HTTP: the lifecycle is applied once, by the domain, before
// the repository writes — submit opens an approval round, an illegal move and self-approval are refused,
// and an edit to an approved decision goes back for approval in a new round.
import { decideApproval, editProcurement, moveTo, saveProcurement, submitForApproval } from '../../src/app';
import { MANAGER, OFFICER, procurement, startHubWithApprover } from '../data/fixtures';
import type { Hub } from '../data/fixtures';

jest.setTimeout(60_000);

let hub: Hub;
beforeAll(async () => {
  hub = await startHubWithApprover();
});
afterAll(async () => {
  await hub?.server.stop();
});

const officer = { email: OFFICER.email, displayName: OFFICER.displayName };
const manager = { email: MANAGER.email, displayName: MANAGER.displayName };

describe('procurement workflow', () => {
  it('starts a procurement as a draft or submitted, never further on', async () => {
    await expect(saveProcurement(hub.data, undefined, { procurement: procurement('T-NEW-0', { status: 'Approved' }) })).rejects.toMatchObject({ kind: 'validation', field: 'status' });
    await expect(saveProcurement(hub.data, undefined, { procurement: procurement('T-NEW-0', { status: 'In delivery' }) })).rejects.toThrow(/cannot start as “In delivery”/);
    expect(await hub.data.procurements.get('T-NEW-0')).toBeUndefined();
    const result = await saveProcurement(hub.data, undefined, { procurement: procurement('T-NEW-1', { status: 'Awaiting approval', submittedByEmail: OFFICER.email }) });
    expect(result.procurement).toMatchObject({ status: 'Awaiting approval', approvalRound: 1 });
    expect((await hub.data.procurements.get('T-NEW-1'))!.approvalRound).toBe(1);
  });

  it('submit opens an approval round; an illegal move and self-approval are refused; an approved decision edited goes back in a new round', async () => {
    const draft = (await saveProcurement(hub.data, undefined, { procurement: procurement('T-LIFE-1') })).procurement!;
    await expect(moveTo(hub.data, draft, 'Awarded')).rejects.toThrow(/cannot move from "Draft" to "Awarded"/);
    await expect(moveTo(hub.data, draft, 'Approved')).rejects.toMatchObject({ kind: 'validation', field: 'status', message: expect.stringMatching(/cannot move from "Draft" to "Approved"/) });
    const submitted = await submitForApproval(hub.data, draft, officer, new Date('2026-03-04T09:00:00Z'));
    expect(submitted).toMatchObject({ status: 'Awaiting approval', approvalRound: 1, approverEmail: MANAGER.email, submittedByEmail: OFFICER.email });
    // The officer cannot approve their own procurement, whatever they claim.
    await expect(decideApproval(hub.data, submitted, officer, 'Approved', '', new Date())).rejects.toMatchObject({ kind: 'forbidden' });
    // Naming the manager does not help an officer: only approvers can write the Approvals list (SharePoint's permissions).
    await expect(decideApproval(hub.data, submitted, manager, 'Approved', '', new Date())).rejects.toMatchObject({ kind: 'forbidden' });
    expect(await hub.data.approvals.decisionFor('T-LIFE-1', 1)).toBeUndefined();

    await hub.server.setUser('manager');
    const decision = await decideApproval(hub.data, submitted, manager, 'Approved', 'Proportionate weighting.', new Date('2026-03-05T10:00:00Z'));
    await hub.server.setUser('officer');
    expect(decision).toMatchObject({ outcome: 'Approved', decidedByEmail: MANAGER.email, round: 1 });
    const approved = (await hub.data.procurements.get('T-LIFE-1'))!;
    expect(approved).toMatchObject({ status: 'Approved', approvalOutcome: 'Approved', approvedByEmail: MANAGER.email, approvalComments: 'Proportionate weighting.' });

    // Changing the approved weighting sends it back for approval, in round 2, with the approval cleared.
    const changed = await editProcurement(hub.data, approved, { weighting: { ...approved.weighting, percent: 15 } });
    expect(changed).toMatchObject({ status: 'Awaiting approval', approvalRound: 2 });
    const again = (await hub.data.procurements.get('T-LIFE-1'))!;
    expect(again).toMatchObject({ status: 'Awaiting approval', approvalRound: 2 });
    expect(again.approvalOutcome).toBeUndefined();
    // The round-1 decision does not decide round 2: a manager deciding from the old read is refused.
    await hub.server.setUser('manager');
    await expect(decideApproval(hub.data, approved, manager, 'Approved', '', new Date())).rejects.toMatchObject({ kind: 'forbidden' });
    await hub.server.setUser('officer');
    const history = await hub.data.procurements.statusHistory(approved.id);
    expect(history.map((h) => h.status)).toEqual(['Draft', 'Awaiting approval', 'Approved', 'Awaiting approval']);
  });
});
