// The rules that decide what counts: an approval on record (approvalRecord.ts) and a verification on record
// (verificationRecord.ts), judged by who SharePoint says wrote the item, never by the columns typed into it.
import { approvalStanding, decisionProblem, mayMoveWithoutRecord, verificationOnRecord, verificationProblem, verifierShown } from '../../src/domain';
import type { RecordedDecision, RecordedVerification } from '../../src/domain';

const lead = { email: 'priya@x.example', displayName: 'Priya' };
const p = { status: 'Approved' as const, approvalRound: 2, leadOfficer: lead, submittedByEmail: 'priya@x.example', approverEmail: 'daniel@x.example' };
const decision = (over: Partial<RecordedDecision> = {}): RecordedDecision => ({ round: 2, outcome: 'Approved', decidedByEmail: 'daniel@x.example', writtenByEmail: 'daniel@x.example', ...over });
const flow = { workflowEmail: 'flow@x.example' };

describe('an approval on record', () => {
  it('counts when the named approver wrote their own decision for the current round', () => {
    expect(decisionProblem(p, decision(), flow)).toBeUndefined();
    expect(approvalStanding(p, decision(), flow)).toEqual({ claims: 'Approved', decision: decision() });
  });

  it('counts when the workflow’s account recorded a response from someone other than the lead or submitter', () => {
    expect(decisionProblem(p, decision({ writtenByEmail: 'FLOW@x.example', decidedByEmail: 'grace@x.example' }), flow)).toBeUndefined();
    expect(decisionProblem(p, decision({ writtenByEmail: 'flow@x.example', decidedByEmail: 'priya@x.example' }), flow)).toMatch(/leads or submitted/);
  });

  it('does not count for another round, without an Author, by another writer, or by someone not named', () => {
    expect(decisionProblem(p, decision({ round: 1 }), flow)).toMatch(/round 1.*round 2/);
    expect(decisionProblem(p, decision({ writtenByEmail: undefined }), flow)).toMatch(/does not say who/);
    expect(decisionProblem(p, decision({ decidedByEmail: 'tom@x.example' }), flow)).toMatch(/names tom@x.example but was written by daniel@x.example/);
    expect(decisionProblem(p, decision({ decidedByEmail: 'sam@x.example', writtenByEmail: 'sam@x.example' }), flow)).toMatch(/not the named approver/);
    // Without a workflow account set, nobody stands in for the approver.
    expect(decisionProblem(p, decision({ writtenByEmail: 'flow@x.example', decidedByEmail: 'daniel@x.example' }))).toMatch(/names daniel@x.example but was written by flow@x.example/);
  });

  it('a status that claims a decision without one on record is "not on record"; Draft and Awaiting approval claim none', () => {
    expect(approvalStanding(p, undefined, flow).notOnRecord).toMatch(/no decision for this round/);
    expect(approvalStanding({ ...p, status: 'In delivery' }, decision({ outcome: 'Rejected' }), flow).notOnRecord).toMatch(/Rejected, not Approved/);
    expect(approvalStanding({ ...p, status: 'Rejected' }, decision({ outcome: 'Rejected' }), flow).notOnRecord).toBeUndefined();
    expect(approvalStanding({ ...p, status: 'Awaiting approval' }, undefined, flow)).toEqual({ decision: undefined });
    expect(approvalStanding({ ...p, status: 'Draft' }, decision(), flow).notOnRecord).toBeUndefined();
  });

  it('moves forward need the record; moves back do not', () => {
    expect(['Tendering', 'Awarded', 'In delivery', 'Closed', 'Approved', 'Rejected'].map((s) => mayMoveWithoutRecord(s as never))).toEqual([false, false, false, false, false, false]);
    expect(['Draft', 'Awaiting approval', 'Withdrawn'].map((s) => mayMoveWithoutRecord(s as never))).toEqual([true, true, true]);
  });
});

describe('a verification on record', () => {
  const log = { id: 7, quantity: 40, valuePence: 67_720, reportedByAuthor: 'priya@x.example' };
  const v = (over: Partial<RecordedVerification> = {}): RecordedVerification => ({ id: 1, logId: 7, decision: 'Verified', quantity: 40, valuePence: 67_720, writtenByEmail: 'tom@x.example', at: '2026-07-10T09:00:00Z', ...over });

  it('counts a colleague’s check of the figures the log holds, under their name', () => {
    expect(verificationOnRecord(log, [v()])).toEqual({ verification: 'Verified', verifiedBy: 'tom@x.example', verifiedAt: '2026-07-10T09:00:00Z', rejectionReason: undefined });
  });

  it('shows the verifier by the name SharePoint records for them, by email only when it has none', () => {
    const named = verificationOnRecord(log, [v({ writtenByName: 'Tom Whitehouse' })]);
    expect(named.verifiedBy).toBe('tom@x.example');
    expect(verifierShown(named)).toBe('Tom Whitehouse');
    expect(verifierShown(verificationOnRecord(log, [v()]))).toBe('tom@x.example');
  });

  it('ignores the reporter’s own, one without an Author, another log’s, and one of figures since corrected', () => {
    expect(verificationProblem(log, v({ writtenByEmail: 'PRIYA@x.example' }))).toMatch(/reported the outcome/);
    expect(verificationProblem(log, v({ writtenByEmail: undefined }))).toMatch(/does not say who/);
    expect(verificationProblem(log, v({ logId: 8 }))).toMatch(/another log/);
    expect(verificationProblem({ ...log, quantity: 41 }, v())).toMatch(/corrected/);
    expect(verificationProblem({ ...log, reportedByAuthor: undefined }, v())).toMatch(/who reported/);
    expect(verificationOnRecord(log, [v({ writtenByEmail: 'priya@x.example' })])).toEqual({ verification: 'Reported' });
  });

  it('counts only the decision the log shows: one whose log save failed does not, nor one the log does not name', () => {
    const shown = { ...log, claimed: { verification: 'Verified' as const, verifiedBy: 'tom@x.example' } };
    expect(verificationOnRecord(shown, [v()])).toMatchObject({ verification: 'Verified', verifiedBy: 'tom@x.example' });
    // The log still says Reported (the colleague's save of it failed): the record alone does not count.
    expect(verificationOnRecord({ ...log, claimed: { verification: 'Reported' } }, [v()])).toEqual({ verification: 'Reported' });
    // The log names grace, but grace made no decision on record: typing a name is never enough.
    expect(verificationOnRecord({ ...log, claimed: { verification: 'Verified', verifiedBy: 'grace@x.example' } }, [v()])).toEqual({ verification: 'Reported' });
    // Of two colleagues who raced, the one the log shows.
    expect(verificationOnRecord(shown, [v(), v({ id: 2, writtenByEmail: 'sam@x.example' })])).toMatchObject({ verifiedBy: 'tom@x.example' });
  });

  it('the newest decision that counts wins: a later rejection, with its reason', () => {
    const later = v({ id: 2, decision: 'Rejected', rejectionReason: 'No payroll', writtenByEmail: 'grace@x.example' });
    expect(verificationOnRecord(log, [later, v()])).toMatchObject({ verification: 'Rejected', verifiedBy: 'grace@x.example', rejectionReason: 'No payroll' });
    // A newer one that does not count leaves the older one standing.
    expect(verificationOnRecord(log, [v(), v({ id: 3, decision: 'Rejected', writtenByEmail: 'priya@x.example' })])).toMatchObject({ verification: 'Verified' });
  });
});
