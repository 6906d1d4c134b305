// An approval counts only when it is on record. Any site member can set a procurement's Status through
// SharePoint's REST API, and SharePoint has no column-level permissions, so the Status column is a claim,
// never a proof. The proof is a decision on the Approvals list — a list only the Approvers group and the
// approval workflow's account can write (provisioned so) — for the procurement's current round, written:
//  - by the named approver themself (SharePoint's Author of the decision is the approver, who is also the
//    DecidedBy it names), or
//  - by the workflow's account recording a response (Author is that account, a Settings value only site
//    owners can write; the flow sent the request to the named approver only, with reassignment off).
// In both cases the decider is neither the lead officer nor the submitter (no self-approval).
// A status that claims a decision without one on record is "approval not on record": the hub shows it and
// the procurement cannot move on until it is decided again.
import type { ApprovalOutcome, Procurement } from './entities';
import type { ProcurementStatus } from './lifecycle';

/** A decision as the Approvals list holds it, with who SharePoint says wrote it. */
export interface RecordedDecision {
  round: number;
  outcome: ApprovalOutcome;
  /** The DecidedBy person column: typed by whoever wrote the item, so only evidence alongside the Author. */
  decidedByEmail: string;
  /** SharePoint's Author of the decision item (Created By): set by SharePoint from the writer's session. */
  writtenByEmail?: string;
}

/** Who, besides the named approver, may put a decision on record: the approval workflow's account. */
export interface ApprovalAuthority {
  /** The account the approval flow's SharePoint connection runs as (Settings, owners only); none = no flow. */
  workflowEmail?: string;
}

/** Statuses that claim a decision: every status after approval claims Approved; Rejected claims Rejected. */
const CLAIMS: Partial<Record<ProcurementStatus, ApprovalOutcome>> = {
  Approved: 'Approved',
  Tendering: 'Approved',
  Awarded: 'Approved',
  'In delivery': 'Approved',
  Closed: 'Approved',
  Rejected: 'Rejected',
};

/** The decision a status claims was made on the current round, if any. */
export function claimedDecision(status: ProcurementStatus): ApprovalOutcome | undefined {
  return CLAIMS[status];
}

function same(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
}

type Decided = Pick<Procurement, 'leadOfficer' | 'submittedByEmail' | 'approverEmail' | 'approvalRound'>;

/**
 * Why this decision does not count for the procurement's current round (undefined when it does). Judged by
 * the decision's SharePoint Author, never by the columns a writer types.
 */
export function decisionProblem(p: Decided, d: RecordedDecision, authority: ApprovalAuthority = {}): string | undefined {
  const round = p.approvalRound ?? 0;
  if (d.round !== round) return `The decision on record is for approval round ${d.round}; the procurement is on round ${round}.`;
  const author = d.writtenByEmail;
  if (!author) return 'SharePoint does not say who wrote the decision.';
  const decider = d.decidedByEmail;
  if (same(p.leadOfficer && p.leadOfficer.email, decider) || same(p.submittedByEmail, decider)) {
    return `${decider} leads or submitted this procurement and cannot decide on it.`;
  }
  if (same(author, authority.workflowEmail)) {
    // The flow writes the responder; it asked only the named approver (reassignment off).
    return !decider ? 'The workflow recorded no responder.' : undefined;
  }
  if (same(p.leadOfficer && p.leadOfficer.email, author) || same(p.submittedByEmail, author)) {
    return `The decision was written by ${author}, who leads or submitted this procurement.`;
  }
  if (!same(author, decider)) return `The decision names ${decider || 'nobody'} but was written by ${author}.`;
  if (!same(author, p.approverEmail)) return `The decision was written by ${author}, who is not the named approver (${p.approverEmail || 'none named'}).`;
  return undefined;
}

export interface ApprovalStanding {
  /** The decision the status claims (undefined: the status claims none, e.g. Draft, Awaiting approval). */
  claims?: ApprovalOutcome;
  /** The decision that counts for the current round, if one is on record. */
  decision?: RecordedDecision;
  /** Set when the status claims a decision that is not on record: why, for the person reading the page. */
  notOnRecord?: string;
}

/** Whether the procurement's status is backed by a decision on record. */
export function approvalStanding(p: Decided & Pick<Procurement, 'status'>, decision: RecordedDecision | undefined, authority: ApprovalAuthority = {}): ApprovalStanding {
  const claims = claimedDecision(p.status);
  const problem = decision ? decisionProblem(p, decision, authority) : 'There is no decision for this round on the Approvals list.';
  const counted = decision && !problem ? decision : undefined;
  if (!claims) return { decision: counted };
  if (!counted) return { claims, notOnRecord: problem };
  if (counted.outcome !== claims) return { claims, notOnRecord: `The decision on record is ${counted.outcome}, not ${claims}.` };
  return { claims, decision: counted };
}

/**
 * Whether a move may be made from where the procurement stands: a move to a status that claims approval
 * needs the approval on record (so "Start tendering" after a forged "Approved" is refused); moves back
 * (revise, resubmit, withdraw) are always open.
 */
export function mayMoveWithoutRecord(to: ProcurementStatus): boolean {
  return claimedDecision(to) === undefined;
}
