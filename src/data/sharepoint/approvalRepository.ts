// Approval decisions: one item per procurement per round on the Approvals list, which only approvers
// and the workflow can write (provision.ts). Recording one does what the Power Automate flow does: add
// the decision, then move the procurement to Approved or Rejected. A decision is read with SharePoint's
// Author, and counts only when the domain's approvalRecord rules say it is on record.
import type { SPFI } from '@pnp/sp';
import { approvalStanding, decisionProblem, SETTING_KEYS } from '../../domain';
import type { ApprovalAuthority, ApprovalStanding, Procurement } from '../../domain';
import { DataError } from '../errors';
import type { ApprovalDecision, ApprovalRepository } from '../ports';
import { APPROVALS_LIST, PROCUREMENTS_LIST, SETTINGS_LIST } from '../schema/lists';
import { ListGateway, odataString } from './listGateway';
import { approvalFromItem, approvalToItem, decisionKey, PROCUREMENT_FIELDS, procurementFromItem } from './mapping';
import type { SharePointUserDirectory } from './userDirectory';

/** How long the workflow's account (a setting) is reused before it is read again. */
const AUTHORITY_TTL_MS = 5 * 60 * 1000;

function withAuthor(item: object, decision: ApprovalDecision): ApprovalDecision {
  const author = (item as { Author?: { EMail?: string } | null }).Author;
  const email = author && author.EMail;
  return email ? { ...decision, writtenByEmail: email } : decision;
}

export class ApprovalsGateway {
  private readonly list: ListGateway<typeof APPROVALS_LIST>;
  private readonly settings: ListGateway<typeof SETTINGS_LIST>;
  private cachedAuthority: { at: number; authority: Promise<ApprovalAuthority> } | undefined;

  public constructor(sp: SPFI) {
    this.list = new ListGateway(
      sp,
      APPROVALS_LIST,
      { ProcurementRef: 'procurementReference', ApprovalRound: 'round', Outcome: 'outcome', DecidedBy: 'decidedByEmail', DecidedAt: 'decidedAt', Comments: 'comments' },
      { authored: true },
    );
    this.settings = new ListGateway(sp, SETTINGS_LIST);
  }

  /**
   * Who may put a decision on record besides the named approver: the workflow's account, from Settings (owners
   * only). When it must be read, it is read on `sp` (a batched SPFI joins its batch).
   */
  public authority(sp?: SPFI): Promise<ApprovalAuthority> {
    if (!this.cachedAuthority || Date.now() - this.cachedAuthority.at > AUTHORITY_TTL_MS) {
      const authority = this.settings
        .findByKey('Title', SETTING_KEYS.approvalWorkflowAccount, 'The approval workflow’s account', sp)
        .then((item) => ({ workflowEmail: (item && item.SettingValue ? item.SettingValue : '').trim() || undefined }))
        .catch((e: unknown) => {
          this.cachedAuthority = undefined;
          throw e;
        });
      this.cachedAuthority = { at: Date.now(), authority };
    }
    return this.cachedAuthority.authority;
  }

  /** The procurement's standing: is the decision its status claims on record (domain approvalStanding)? */
  public async standing(p: Procurement): Promise<{ standing: ApprovalStanding; decision?: ApprovalDecision }> {
    const round = p.approvalRound ?? 0;
    const [decision, authority] = await Promise.all([round > 0 ? this.decisionFor(p.reference, round) : Promise.resolve(undefined), this.authority()]);
    return { standing: approvalStanding(p, decision, authority), decision };
  }

  public get gateway(): ListGateway<typeof APPROVALS_LIST> {
    return this.list;
  }

  /** The decision on a round (the latest when no round is given); with a round, read on `sp` (a batched SPFI joins its batch). */
  public async decisionFor(ref: string, round?: number, sp?: SPFI): Promise<ApprovalDecision | undefined> {
    if (round !== undefined) {
      const item = await this.list.findByKey('DecisionKey', decisionKey(ref, round), `The decision on ${ref}`, sp);
      return item ? withAuthor(item, approvalFromItem(item)) : undefined;
    }
    const page = await this.list.page(
      { filter: `ProcurementRef eq ${odataString(ref)}`, orderBy: [['DecidedAt', false]], pageSize: 1 },
      `The decisions on ${ref}`,
    );
    return page.items[0] ? withAuthor(page.items[0], approvalFromItem(page.items[0])) : undefined;
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
    } else {
      // A decision someone else squatted on this round's key does not count, and blocks the real one:
      // say so (a site owner removes it) rather than set a status nothing backs.
      const problem = decisionProblem(procurement, already, await this.approvals.authority());
      if (problem) {
        throw new DataError('conflict', `${what} round ${decision.round} already has a decision on the Approvals list that is not on record: ${problem} Ask a site owner to remove it.`, {
          list: APPROVALS_LIST.title,
        });
      }
      if (already.outcome !== decision.outcome) {
        throw new DataError('duplicate', `${what} round ${decision.round} was already ${already.outcome.toLowerCase()} by ${already.decidedByEmail}.`, { list: APPROVALS_LIST.title });
      }
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
