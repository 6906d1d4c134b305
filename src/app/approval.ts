// Approve or reject a weighting decision: the approval workflow's write-back, done by hand where no Power
// Automate flow runs (the local runtime). The decision goes to the Approvals list and the status follows,
// exactly as the flow does (flows/). The domain's canApprove decides who may decide, on this round only.
import * as strings from 'SocialValueHubStrings';
import { canApprove } from '../domain';
import type { ApprovalOutcome, Procurement } from '../domain';
import { DataError } from '../data/errors';
import type { ApprovalDecision, HubData, Stored } from '../data/ports';
import type { CurrentUser } from './user';

export async function decideApproval(
  data: HubData,
  p: Stored<Procurement>,
  approver: CurrentUser,
  outcome: ApprovalOutcome,
  comments: string,
  now: Date,
): Promise<ApprovalDecision> {
  // The record as it stands now: a decision applies to the round that is open, never to one read earlier.
  const current = (await data.procurements.get(p.reference)) || p;
  if (!canApprove(current, approver.email) || (p.approvalRound ?? 1) !== (current.approvalRound ?? 1)) {
    throw new DataError('forbidden', strings.Workflow.CannotDecide);
  }
  if (outcome === 'Rejected' && comments.trim() === '') {
    throw new DataError('validation', strings.Workflow.SayWhyRejected, { field: 'comments' });
  }
  return data.approvals.record({
    procurementReference: current.reference,
    round: current.approvalRound ?? 1,
    outcome,
    decidedByEmail: approver.email,
    decidedByName: approver.displayName,
    decidedAt: now.toISOString(),
    comments: comments.trim() || undefined,
  });
}
