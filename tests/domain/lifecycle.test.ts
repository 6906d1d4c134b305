import {
  IllegalTransitionError,
  PROCUREMENT_STATUSES,
  PolicyInputError,
  Procurement,
  ProcurementStatus,
  STATUS_TRANSITIONS,
  allowedTransitions,
  applyEdit,
  approvedDecisionChanges,
  canApprove,
  canTransition,
  requiresReapproval,
  transition,
} from '../../src/domain';

const S = PROCUREMENT_STATUSES.map((s) => s.id);

// The whole lifecycle as a table: from → the statuses it may move to. Everything else is illegal.
const ALLOWED: Record<ProcurementStatus, ProcurementStatus[]> = {
  Draft: ['Awaiting approval', 'Withdrawn'],
  'Awaiting approval': ['Approved', 'Rejected', 'Draft', 'Withdrawn'],
  Approved: ['Tendering', 'Awaiting approval', 'Withdrawn'],
  Rejected: ['Draft', 'Withdrawn'],
  Tendering: ['Awarded', 'Awaiting approval', 'Withdrawn'],
  Awarded: ['In delivery', 'Closed'],
  'In delivery': ['Closed'],
  Closed: [],
  Withdrawn: [],
};

describe('the lifecycle table', () => {
  it('has the statuses of the policy workflow, in order, plus Withdrawn', () => {
    expect(S).toEqual(['Draft', 'Awaiting approval', 'Approved', 'Rejected', 'Tendering', 'Awarded', 'In delivery', 'Closed', 'Withdrawn']);
  });

  const pairs: [ProcurementStatus, ProcurementStatus, boolean][] = [];
  for (const from of S) for (const to of S) pairs.push([from, to, ALLOWED[from].indexOf(to) >= 0]);

  it.each(pairs)('%s → %s allowed: %p', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
    if (allowed) {
      expect(transition(from, to)).toBe(to);
    } else {
      expect(() => transition(from, to)).toThrow(IllegalTransitionError);
    }
  });

  it('lists the moves from each status for the UI', () => {
    for (const from of S) expect(allowedTransitions(from).map((t) => t.to).sort()).toEqual(ALLOWED[from].slice().sort());
  });

  it('marks Closed and Withdrawn final and nothing else', () => {
    expect(PROCUREMENT_STATUSES.filter((s) => s.final).map((s) => s.id)).toEqual(['Closed', 'Withdrawn']);
  });

  it('gives approvers only approve and reject', () => {
    expect(STATUS_TRANSITIONS.filter((t) => t.actor === 'approver').map((t) => t.action).sort()).toEqual(['approve', 'reject']);
  });

  it('explains an illegal move', () => {
    expect(() => transition('Draft', 'Awarded')).toThrow('A procurement cannot move from "Draft" to "Awarded". From "Draft" it can move to "Awaiting approval" or "Withdrawn".');
    expect(() => transition('Closed', 'Draft')).toThrow('"Closed" is final.');
    let caught: unknown;
    try {
      transition('Draft', 'Approved');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(IllegalTransitionError);
    expect((caught as IllegalTransitionError).from).toBe('Draft');
    expect((caught as IllegalTransitionError).to).toBe('Approved');
  });

  it('refuses unknown statuses as input errors', () => {
    expect(canTransition('Open' as ProcurementStatus, 'Draft')).toBe(false);
    expect(() => transition('Open' as ProcurementStatus, 'Draft')).toThrow(PolicyInputError);
    expect(() => transition('Draft', 'Done' as ProcurementStatus)).toThrow(/Unknown new status "Done"/);
  });
});

const approved: Procurement = {
  reference: 'WMCA-2026-0042',
  title: 'Tram stop cleaning',
  authorityId: 'wmca',
  directorate: 'Transport',
  leadOfficer: { email: 'Lead.Officer@wmca.org.uk', displayName: 'Lead Officer' },
  contractType: 'services',
  regime: 'sub-central',
  estimatedValuePence: 25000000,
  decisionDate: '2026-03-01',
  durationMonths: 24,
  tierDecision: { tier: 'toms-included', thresholdPence: 20772000, thresholdEffectiveFrom: '2026-01-01', policyEditionId: 'wmca-svp-2026' },
  themeIds: ['growth-skills-employment'],
  measureTargets: [{ measureCode: 'GSE-01', targetQuantity: 4 }],
  weighting: { method: 'weighted', percent: 15, justification: 'Labour-intensive service.' },
  status: 'Approved',
  submittedByEmail: 'officer@wmca.org.uk',
  approverEmail: 'manager@wmca.org.uk',
  approvalOutcome: 'Approved',
  approvedByEmail: 'manager@wmca.org.uk',
  approvedAt: '2026-03-02T10:00:00Z',
};

describe('requiresReapproval: an edit to an approved decision goes back for approval', () => {
  it.each([
    ['estimated value', { estimatedValuePence: 30000000 }, ['estimatedValuePence']],
    ['contract type', { contractType: 'works' as const }, ['contractType']],
    ['regime', { regime: 'utilities' as const }, ['regime']],
    ['decision date', { decisionDate: '2026-03-02' }, ['decisionDate']],
    ['tier', { tierDecision: { ...approved.tierDecision!, tier: 'toms-considered' as const } }, ['tierDecision']],
    ['weighting method', { weighting: { method: 'pass-fail' as const, justification: 'Labour-intensive service.', essentialCriteria: ['x'] } }, ['weighting.method', 'weighting.percent', 'weighting.essentialCriteria']],
    ['weighting percent', { weighting: { ...approved.weighting, percent: 20 } }, ['weighting.percent']],
    ['justification', { weighting: { ...approved.weighting, justification: 'Another reason.' } }, ['weighting.justification']],
    ['themes', { themeIds: ['growth-skills-employment', 'environment'] }, ['themeIds']],
    ['measures', { measureTargets: [{ measureCode: 'GSE-02', targetQuantity: 4 }] }, ['measureTargets']],
    ['a target', { measureTargets: [{ measureCode: 'GSE-01', targetQuantity: 3 }] }, ['measureTargets']],
    ['measures, by removing them all', { measureTargets: [] }, ['measureTargets']],
  ])('changing the %s', (_name, change, fields) => {
    const after = { ...approved, ...change } as Procurement;
    expect(approvedDecisionChanges(approved, after)).toEqual(fields);
    expect(requiresReapproval(approved, after)).toBe(true);
    expect(requiresReapproval({ ...approved, status: 'Tendering' }, { ...after, status: 'Tendering' })).toBe(true);
    const edited = applyEdit(approved, after);
    expect(edited.status).toBe('Awaiting approval');
    expect(edited.approvalOutcome).toBeUndefined();
    expect(edited.approvedAt).toBeUndefined();
    expect(edited.approvedByEmail).toBeUndefined();
  });

  it.each([
    ['the title', { title: 'Tram stop cleaning and litter picking' }],
    ['the directorate', { directorate: 'TfWM' }],
    ['whitespace around the justification', { weighting: { ...approved.weighting, justification: '  Labour-intensive service. ' } }],
    ['the same themes in another order', { themeIds: ['growth-skills-employment'] }],
    ['the same measure code in lower case', { measureTargets: [{ measureCode: 'gse-01', targetQuantity: 4 }] }],
  ])('not for %s', (_name, change) => {
    const after = { ...approved, ...change } as Procurement;
    expect(requiresReapproval(approved, after)).toBe(false);
    expect(applyEdit(approved, after)).toBe(after);
  });

  it.each(['Draft', 'Awaiting approval', 'Rejected', 'Awarded', 'In delivery', 'Closed'] as ProcurementStatus[])(
    'not while %s (nothing approved stands, or the contract is already awarded)',
    (status) => {
      const before = { ...approved, status };
      expect(requiresReapproval(before, { ...before, estimatedValuePence: 1 })).toBe(false);
    },
  );
});

describe('canApprove: the submitter cannot approve', () => {
  const waiting: Procurement = { ...approved, status: 'Awaiting approval', approvalOutcome: undefined };

  it.each([
    ['the named approver', 'manager@wmca.org.uk', true],
    ['the named approver, in other case', ' Manager@WMCA.org.uk ', true],
    ['the lead officer', 'lead.officer@wmca.org.uk', false],
    ['the submitter', 'officer@wmca.org.uk', false],
    ['someone who is not the named approver', 'other@wmca.org.uk', false],
    ['nobody', '', false],
  ])('%s: %p', (_name, email, ok) => {
    expect(canApprove(waiting, email)).toBe(ok);
  });

  it('anyone but the officers when no approver is named', () => {
    const open = { ...waiting, approverEmail: undefined };
    expect(canApprove(open, 'other@wmca.org.uk')).toBe(true);
    expect(canApprove(open, 'officer@wmca.org.uk')).toBe(false);
  });

  it('only while awaiting approval', () => {
    for (const status of S.filter((s) => s !== 'Awaiting approval')) {
      expect(canApprove({ ...waiting, status }, 'manager@wmca.org.uk')).toBe(false);
    }
  });
});
