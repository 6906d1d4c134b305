// Valid records built from the domain's own vocabulary, for tests to save or to spoil one field of. Pure (no
// server, no Node modules), so the jsdom suites can use them too.
import type { ActionPlanItem, Commitment, OutcomeLog, Procurement } from '../../src/domain';

export const OFFICER = { email: 'priya.sandhu@svhub.example', displayName: 'Priya Sandhu' };
export const OFFICER2 = { email: 'tom.whitehouse@svhub.example', displayName: 'Tom Whitehouse' };
export const MANAGER = { email: 'daniel.hughes@svhub.example', displayName: 'Daniel Hughes' };

export function procurement(reference: string, overrides: Partial<Procurement> = {}): Procurement {
  return {
    reference,
    title: 'Grounds maintenance across WMCA sites',
    authorityId: 'wmca',
    directorate: 'Commercial',
    leadOfficer: OFFICER,
    contractType: 'services',
    regime: 'sub-central',
    estimatedValuePence: 25_000_000,
    decisionDate: '2026-03-02',
    durationMonths: 24,
    tierDecision: { tier: 'toms-included', thresholdPence: 20_772_000, thresholdEffectiveFrom: '2026-01-01', policyEditionId: 'wmca-svp-2026' },
    themeIds: ['environment', 'growth-skills-employment'],
    measureTargets: [{ measureCode: 'GSE-01', targetQuantity: 4 }],
    weighting: { method: 'weighted', percent: 10, justification: 'Local jobs and a greener fleet are realistic for this market.' },
    status: 'Draft',
    ...overrides,
  };
}

export function commitment(ref: string, measureCode: string, targetQuantity: number, overrides: Partial<Commitment> = {}): Commitment {
  return {
    procurementReference: ref,
    measureCode,
    targetQuantity,
    unit: 'FTE',
    dueDate: '2027-03-31',
    ...overrides,
  };
}

export function action(ref: string, text: string, overrides: Partial<ActionPlanItem> = {}): ActionPlanItem {
  return { procurementReference: ref, action: text, ownerEmail: OFFICER.email, ownerName: OFFICER.displayName, dueDate: '2026-06-30', status: 'Not started', ...overrides };
}

export function outcome(ref: string, measureCode: string, periodEnd: string, quantity: number, overrides: Partial<OutcomeLog> = {}): OutcomeLog {
  return {
    procurementReference: ref,
    measureCode,
    periodEnd,
    quantity,
    evidenceUrl: 'https://evidence.svhub.example/returns/q1',
    evidenceNotes: 'Supplier payroll summary (counts only).',
    reportedBy: OFFICER.email,
    verification: 'Reported',
    ...overrides,
  };
}
