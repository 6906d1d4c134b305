// The procurement lifecycle: statuses and the moves between them, as data. The UI shows the actions
// that `allowedTransitions` returns; the data layer calls `transition` before it writes, so an
// illegal move is refused in one place.
import { IllegalTransitionError, PolicyInputError } from './errors';
import type { Procurement } from './entities';

export type ProcurementStatus =
  | 'Draft'
  | 'Awaiting approval'
  | 'Approved'
  | 'Rejected'
  | 'Tendering'
  | 'Awarded'
  | 'In delivery'
  | 'Closed'
  | 'Withdrawn';

export interface ProcurementStatusInfo {
  id: ProcurementStatus;
  /** What the status means, for tooltips and the help page. */
  description: string;
  /** No move leaves this status. */
  final: boolean;
}

export const PROCUREMENT_STATUSES: readonly ProcurementStatusInfo[] = [
  { id: 'Draft', description: 'Being prepared by the officer; not yet submitted for approval.', final: false },
  { id: 'Awaiting approval', description: 'The tier and weighting decision is with an approver.', final: false },
  { id: 'Approved', description: 'The weighting decision is approved; the tender can be prepared.', final: false },
  { id: 'Rejected', description: 'The approver rejected the decision; the officer revises it and resubmits.', final: false },
  { id: 'Tendering', description: 'Out to tender or quotation with the approved social value requirements.', final: false },
  { id: 'Awarded', description: 'A supplier has been chosen; commitments and the action plan are being set up.', final: false },
  { id: 'In delivery', description: 'The contract is running; outcomes are reported each quarter.', final: false },
  { id: 'Closed', description: 'The contract has ended; its record is kept for reporting.', final: true },
  { id: 'Withdrawn', description: 'The procurement was abandoned before award.', final: true },
];

export function isProcurementStatus(value: unknown): value is ProcurementStatus {
  return PROCUREMENT_STATUSES.some((s) => s.id === value);
}

/** Who makes a move: an officer (the procurement's own team), an approver, or either. */
export type TransitionActor = 'officer' | 'approver';

export type TransitionAction =
  | 'submit'
  | 'recall'
  | 'approve'
  | 'reject'
  | 'revise'
  | 'resubmit-after-change'
  | 'start-tendering'
  | 'award'
  | 'start-delivery'
  | 'close'
  | 'withdraw';

export interface StatusTransition {
  from: ProcurementStatus;
  to: ProcurementStatus;
  action: TransitionAction;
  /** Button text. */
  label: string;
  actor: TransitionActor;
}

/**
 * Every allowed move. Anything not listed is illegal.
 * - Withdraw is possible until award: after award there is a contract, which is Closed instead.
 * - An approved decision that is edited (tier inputs, weighting, themes, measures or targets) goes back to Awaiting approval,
 *   also while tendering (see requiresReapproval).
 * - Awarded → Closed covers a contract ended before delivery began.
 */
export const STATUS_TRANSITIONS: readonly StatusTransition[] = [
  { from: 'Draft', to: 'Awaiting approval', action: 'submit', label: 'Submit for approval', actor: 'officer' },
  { from: 'Draft', to: 'Withdrawn', action: 'withdraw', label: 'Withdraw', actor: 'officer' },
  { from: 'Awaiting approval', to: 'Approved', action: 'approve', label: 'Approve', actor: 'approver' },
  { from: 'Awaiting approval', to: 'Rejected', action: 'reject', label: 'Reject', actor: 'approver' },
  { from: 'Awaiting approval', to: 'Draft', action: 'recall', label: 'Recall to edit', actor: 'officer' },
  { from: 'Awaiting approval', to: 'Withdrawn', action: 'withdraw', label: 'Withdraw', actor: 'officer' },
  { from: 'Rejected', to: 'Draft', action: 'revise', label: 'Revise', actor: 'officer' },
  { from: 'Rejected', to: 'Withdrawn', action: 'withdraw', label: 'Withdraw', actor: 'officer' },
  { from: 'Approved', to: 'Tendering', action: 'start-tendering', label: 'Start tendering', actor: 'officer' },
  { from: 'Approved', to: 'Awaiting approval', action: 'resubmit-after-change', label: 'Resubmit changed decision', actor: 'officer' },
  { from: 'Approved', to: 'Withdrawn', action: 'withdraw', label: 'Withdraw', actor: 'officer' },
  { from: 'Tendering', to: 'Awarded', action: 'award', label: 'Record award', actor: 'officer' },
  { from: 'Tendering', to: 'Awaiting approval', action: 'resubmit-after-change', label: 'Resubmit changed decision', actor: 'officer' },
  { from: 'Tendering', to: 'Withdrawn', action: 'withdraw', label: 'Withdraw', actor: 'officer' },
  { from: 'Awarded', to: 'In delivery', action: 'start-delivery', label: 'Start delivery', actor: 'officer' },
  { from: 'Awarded', to: 'Closed', action: 'close', label: 'Close', actor: 'officer' },
  { from: 'In delivery', to: 'Closed', action: 'close', label: 'Close', actor: 'officer' },
];

function assertStatus(value: unknown, what: string): ProcurementStatus {
  if (!isProcurementStatus(value)) {
    throw new PolicyInputError(
      `Unknown ${what} "${String(value)}". Use one of: ${PROCUREMENT_STATUSES.map((s) => s.id).join(', ')}.`,
    );
  }
  return value;
}

export function allowedTransitions(from: ProcurementStatus): StatusTransition[] {
  assertStatus(from, 'status');
  return STATUS_TRANSITIONS.filter((t) => t.from === from);
}

export function canTransition(from: ProcurementStatus, to: ProcurementStatus): boolean {
  return isProcurementStatus(from) && isProcurementStatus(to) && STATUS_TRANSITIONS.some((t) => t.from === from && t.to === to);
}

/** Returns the new status, or throws IllegalTransitionError naming the moves that are allowed. */
export function transition(from: ProcurementStatus, to: ProcurementStatus): ProcurementStatus {
  assertStatus(from, 'current status');
  assertStatus(to, 'new status');
  if (!canTransition(from, to)) {
    const allowed = allowedTransitions(from).map((t) => `"${t.to}"`);
    const hint = allowed.length > 0 ? `From "${from}" it can move to ${allowed.join(' or ')}.` : `"${from}" is final.`;
    throw new IllegalTransitionError(from, to, `A procurement cannot move from "${from}" to "${to}". ${hint}`);
  }
  return to;
}

/** Statuses in which the weighting decision stands approved, so an edit to it needs approving again. */
const APPROVED_DECISION_STATUSES: readonly ProcurementStatus[] = ['Approved', 'Tendering'];

function sameCriteria(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const norm = (x: readonly string[] | undefined): string =>
    JSON.stringify((x || []).map((s) => String(s).trim()).filter((s) => s !== ''));
  return norm(a) === norm(b);
}

function sameThemes(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const norm = (x: readonly string[] | undefined): string => JSON.stringify((x || []).slice().sort());
  return norm(a) === norm(b);
}

function sameTargets(a: Procurement['measureTargets'], b: Procurement['measureTargets']): boolean {
  // Order does not matter, and codes are matched as the library matches them (trimmed, upper case).
  const norm = (x: Procurement['measureTargets']): string =>
    JSON.stringify((x || []).map((t) => `${String(t.measureCode).trim().toUpperCase()}=${String(t.targetQuantity)}`).sort());
  return norm(a) === norm(b);
}

/**
 * The fields of an edit that change the approved decision: the tier inputs, the weighting, and the themes,
 * measures and targets the tender will include (approving TOMs that can be changed afterwards approves nothing).
 */
export function approvedDecisionChanges(before: Procurement, after: Procurement): string[] {
  const changed: string[] = [];
  if (before.estimatedValuePence !== after.estimatedValuePence) changed.push('estimatedValuePence');
  if (before.contractType !== after.contractType) changed.push('contractType');
  if ((before.regime || 'sub-central') !== (after.regime || 'sub-central')) changed.push('regime');
  if (before.decisionDate !== after.decisionDate) changed.push('decisionDate');
  const bt = before.tierDecision ? before.tierDecision.tier : undefined;
  const at = after.tierDecision ? after.tierDecision.tier : undefined;
  if (bt !== at) changed.push('tierDecision');
  const bw = before.weighting;
  const aw = after.weighting;
  if (bw.method !== aw.method) changed.push('weighting.method');
  if (bw.percent !== aw.percent) changed.push('weighting.percent');
  if ((bw.justification || '').trim() !== (aw.justification || '').trim()) changed.push('weighting.justification');
  if (!sameCriteria(bw.essentialCriteria, aw.essentialCriteria)) changed.push('weighting.essentialCriteria');
  if (!sameThemes(before.themeIds, after.themeIds)) changed.push('themeIds');
  if (!sameTargets(before.measureTargets, after.measureTargets)) changed.push('measureTargets');
  return changed;
}

/** True when `after` edits the tier inputs, weighting, themes, measures or targets of a procurement whose decision stands approved. */
export function requiresReapproval(before: Procurement, after: Procurement): boolean {
  return APPROVED_DECISION_STATUSES.indexOf(before.status) >= 0 && approvedDecisionChanges(before, after).length > 0;
}

/**
 * Applies an edit: when it changes an approved decision, the result goes back to Awaiting approval
 * and the previous approval is cleared (it approved something else).
 */
export function applyEdit(before: Procurement, after: Procurement): Procurement {
  if (!requiresReapproval(before, after)) return after;
  return {
    ...after,
    status: transition(before.status, 'Awaiting approval'),
    approvalOutcome: undefined,
    approvalComments: undefined,
    approvedAt: undefined,
    approvedByEmail: undefined,
  };
}

function sameEmail(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Whether `userEmail` may approve or reject this procurement now: it must be awaiting approval and the
 * user must be neither the lead officer nor whoever submitted it (no self-approval). When an approver is
 * named, only that approver may decide.
 */
export function canApprove(procurement: Procurement, userEmail: string): boolean {
  if (!userEmail || !userEmail.trim()) return false;
  if (procurement.status !== 'Awaiting approval') return false;
  if (procurement.leadOfficer && sameEmail(procurement.leadOfficer.email, userEmail)) return false;
  if (sameEmail(procurement.submittedByEmail, userEmail)) return false;
  if (procurement.approverEmail && procurement.approverEmail.trim() && !sameEmail(procurement.approverEmail, userEmail)) {
    return false;
  }
  return true;
}

/** A new procurement starts as a draft, or is submitted for approval at once. */
const NEW_STATUSES: readonly ProcurementStatus[] = ['Draft', 'Awaiting approval'];

/**
 * The record an officer's save leaves — the lifecycle applied in one place, before anything is written.
 * A new procurement (no `before`) starts as a draft or goes straight to approval; an edit makes only the
 * moves STATUS_TRANSITIONS gives an officer (approval is recorded by the approval workflow); an edit to an
 * approved decision goes back to Awaiting approval (applyEdit). Each move into Awaiting approval opens a
 * new approval round, stamped with when it was submitted. Throws IllegalTransitionError.
 */
export function officerEdit(before: Procurement | undefined, after: Procurement, nowIso: string): Procurement {
  const status = assertStatus(after.status, 'status');
  if (!before) {
    if (NEW_STATUSES.indexOf(status) < 0) {
      throw new IllegalTransitionError('', status, `A new procurement starts as a draft (or is submitted for approval); it cannot start as “${status}”.`);
    }
    const submitted = status === 'Awaiting approval';
    return { ...after, approvalRound: submitted ? 1 : 0, submittedAt: submitted ? after.submittedAt || nowIso : after.submittedAt };
  }
  const next = applyEdit(before, after);
  if (next.status !== before.status) {
    transition(before.status, next.status);
    const move = STATUS_TRANSITIONS.filter((t) => t.from === before.status && t.to === next.status)[0];
    if (move.actor === 'approver') {
      throw new IllegalTransitionError(before.status, next.status, `Only an approver can move a procurement to “${next.status}”: the approval workflow records it.`);
    }
  }
  const round = before.approvalRound ?? 0;
  const opensRound = next.status === 'Awaiting approval' && before.status !== 'Awaiting approval';
  if (!opensRound) return { ...next, approvalRound: round };
  return { ...next, approvalRound: round + 1, submittedAt: next.submittedAt || nowIso };
}
