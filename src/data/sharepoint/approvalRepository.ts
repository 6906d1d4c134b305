// Approval decisions: one item per procurement per round on the Approvals list, which only approvers
// and the workflow can write. Recording one does what the Power Automate flow does: add the decision,
// then move the procurement to Approved or Rejected.
import type { SPFI } from '@pnp/sp';
import { DataError } from '../errors';
import type { ApprovalDecision, ApprovalRepository } from '../ports';
import { APPROVALS_LIST, PROCUREMENTS_LIST } from '../schema/lists';
import { ListGateway, odataString } from './listGateway';
import { approvalFromItem, approvalToItem, decisionKey, PROCUREMENT_FIELDS, procurementFromItem } from './mapping';
import type { SharePointUserDirectory } from './userDirectory';

export class ApprovalsGateway {
  private readonly list: ListGateway<typeof APPROVALS_LIST>;

  public constructor(sp: SPFI) {
    this.list = new ListGateway(sp, APPROVALS_LIST, {
      ProcurementRef: 'procurementReference',
      ApprovalRound: 'round',
      Outcome: 'outcome',
      DecidedBy: 'decidedByEmail',
      DecidedAt: 'decidedAt',
      Comments: 'comments',
    });
  }

  public get gateway(): ListGateway<typeof APPROVALS_LIST> {
    return this.list;
  }

  public async decisionFor(ref: string, round?: number): Promise<ApprovalDecision | undefined> {
    if (round !== undefined) {
      const item = await this.list.findByKey('DecisionKey', decisionKey(ref, round), `The decision on ${ref}`);
      return item ? approvalFromItem(item) : undefined;
    }
    const page = await this.list.page(
      { filter: `ProcurementRef eq ${odataString(ref)}`, orderBy: [['DecidedAt', false]], pageSize: 1 },
      `The decisions on ${ref}`,
    );
    return page.items[0] ? approvalFromItem(page.items[0]) : undefined;
  }
}

export class SharePointApprovalRepository implements ApprovalRepository {
  private readonly approvals: ApprovalsGateway;
  private readonly procurements: ListGateway<typeof PROCUREMENTS_LIST>;
  private readonly users: SharePointUserDirectory;

  public constructor(sp: SPFI, approvals: ApprovalsGateway, users: SharePointUserDirectory) {
    this.approvals = approvals;
    this.users = users;
    this.procurements = new ListGateway(sp, PROCUREMENTS_LIST, PROCUREMENT_FIELDS);
  }

  public decisionFor(procurementReference: string, round?: number): Promise<ApprovalDecision | undefined> {
    return this.approvals.decisionFor(procurementReference, round);
  }

  public async record(decision: ApprovalDecision): Promise<ApprovalDecision> {
    const ref = decision.procurementReference;
    const what = `Procurement ${ref}`;
    const item = await this.procurements.findByKey('Reference', ref, what);
    if (!item) throw new DataError('not-found', `${what} was not found.`, { list: PROCUREMENTS_LIST.title });
    const procurement = procurementFromItem(item);
    const already = await this.approvals.decisionFor(ref, decision.round);
    if (!already) {
      // Who may decide, and on which round, the workflow decides (src/app/approval with the domain's canApprove).
      const decider = await this.users.ensure(decision.decidedByEmail);
      const body = approvalToItem(decision, decider.id);
      await this.approvals.gateway.add(body, `The decision on ${ref}`);
    } else if (already.outcome !== decision.outcome) {
      throw new DataError('duplicate', `${what} round ${decision.round} was already ${already.outcome.toLowerCase()} by ${already.decidedByEmail}.`, { list: APPROVALS_LIST.title });
    }
    // Then the procurement's status, as the workflow's "Update item" does. A retry after a failure here
    // finds the decision recorded and completes this step only.
    const status = decision.outcome === 'Approved' ? 'Approved' : 'Rejected';
    if (procurement.status !== status) {
      await this.procurements.update(procurement.id, procurement.etag, { Status: status }, what);
    }
    return (await this.approvals.decisionFor(ref, decision.round)) || decision;
  }
}
