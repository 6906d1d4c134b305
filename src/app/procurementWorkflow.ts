// What the officer's and approver's buttons do. The domain decides whether a move is allowed
// (transition, canApprove); the data layer writes. Nothing here re-implements a rule.
import { canApprove, transition } from '../../domain';
import type { ApprovalOutcome, Procurement, ProcurementStatus } from '../../domain';
import { DataError, SETTING_KEYS } from '../../data/ports';
import type { ApprovalDecision, HubData, Stored } from '../../data/ports';
import type { CurrentUser } from '../services';

export async function approverFor(data: HubData): Promise<string> {
  const approver = (await data.settings.get(SETTING_KEYS.approverEmail))?.trim();
  if (!approver) {
    throw new DataError('validation', 'No approver is set for weighting decisions. Ask a site owner to set one in the hub’s settings.', {
      field: 'approverEmail',
    });
  }
  return approver;
}

export async function moveTo(data: HubData, p: Stored<Procurement>, to: ProcurementStatus, patch: Partial<Procurement> = {}): Promise<Stored<Procurement>> {
  return data.procurements.update({ ...p, ...patch, status: transition(p.status, to) });
}

/** Submit: Awaiting approval, naming the approver; the Teams workflow takes it from there. */
export async function submitForApproval(data: HubData, p: Stored<Procurement>, user: CurrentUser, now: Date): Promise<Stored<Procurement>> {
  const approverEmail = await approverFor(data);
  if (approverEmail.toLowerCase() === user.email.toLowerCase() || approverEmail.toLowerCase() === p.leadOfficer.email.toLowerCase()) {
    throw new DataError('validation', 'You cannot approve your own procurement: ask a site owner to name another approver.', { field: 'approverEmail' });
  }
  return moveTo(data, p, 'Awaiting approval', {
    approverEmail,
    submittedByEmail: user.email,
    submittedAt: now.toISOString(),
    approvalOutcome: undefined,
    approvalComments: undefined,
    approvedByEmail: undefined,
    approvedAt: undefined,
  });
}

/**
 * The approval workflow's write-back, done by hand where no Power Automate flow runs (the local runtime):
 * the decision goes to the Approvals list and the status follows, exactly as the flow does (flows/).
 * The data layer refuses the submitter and the lead officer, whoever calls it.
 */
export async function decideApproval(
  data: HubData,
  p: Stored<Procurement>,
  approver: CurrentUser,
  outcome: ApprovalOutcome,
  comments: string,
  now: Date,
): Promise<ApprovalDecision> {
  if (!canApprove(p, approver.email)) {
    throw new DataError('forbidden', 'You cannot approve or reject this procurement: it is your own, or it is not awaiting approval.');
  }
  if (outcome === 'Rejected' && comments.trim() === '') {
    throw new DataError('validation', 'Say why the decision is rejected, so the officer can revise it.', { field: 'comments' });
  }
  return data.approvals.record({
    procurementReference: p.reference,
    round: p.approvalRound ?? 1,
    outcome,
    decidedByEmail: approver.email,
    decidedByName: approver.displayName,
    decidedAt: now.toISOString(),
    comments: comments.trim() || undefined,
  });
}
