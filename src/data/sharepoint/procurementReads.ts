// Procurements read: a record with its decision on record, a page of the register (the list, or search past the
// list view threshold), awards. A module of its own so that the opening's batch, which carries the register's first
// page, does not bring the writes and the domain's validation with it (issue 18's first screen); the repository
// (./procurementRepository.ts) is these reads and the writes.
import type { SPFI } from '@pnp/sp';
import type { Procurement, ProcurementStatus } from '../../domain';
import { DataError } from '../errors';
import type { AwardSummary, Page, PageRequest, ProcurementQuery, ProcurementSortKey, RegisterPage, Stored } from '../ports';
import { PROCUREMENTS_LIST } from '../schema/lists';
import { LIST_VIEW_THRESHOLD } from '../schema/types';
import { MAX_SEARCH_PAGE, REGISTER_SELECT, entryFromProcurement, entryFromSearchRow, listAnswersPastThreshold, registerKql, searchSort } from './registerSearch';
import { toDataError } from './errors';
import { and, ListGateway, odataString, or } from './listGateway';
import { AWARD_SUMMARY_COLUMNS, awardSummaryFromItem, PROCUREMENT_FIELDS, procurementFromItem } from './mapping';
import type { ProcurementItem } from './mapping';
import type { SharePointUserDirectory } from './userDirectory';
import type { ApprovalsGateway } from './approvalRepository';

const SORT_COLUMNS: Record<ProcurementSortKey, string> = {
  newest: 'ID',
  modified: 'Modified',
  reference: 'Reference',
  title: 'Title',
  estimatedValue: 'EstimatedValuePence',
  decisionDate: 'DecisionDate',
};

/** Page tokens of search pages carry the row to start from; list pages carry SharePoint's $skiptoken. */
const SEARCH_TOKEN = 'search:';
/** How long the list's size is trusted before it is read again (one small request). */
const LIST_FACTS_TTL_MS = 5 * 60_000;

export class ProcurementReads {
  protected readonly sp: SPFI;
  protected readonly list: ListGateway<typeof PROCUREMENTS_LIST>;
  protected readonly users: SharePointUserDirectory;
  protected readonly approvals: ApprovalsGateway;

  public constructor(sp: SPFI, users: SharePointUserDirectory, approvals: ApprovalsGateway) {
    this.sp = sp;
    this.users = users;
    this.approvals = approvals;
    this.list = new ListGateway(sp, PROCUREMENTS_LIST, PROCUREMENT_FIELDS);
  }

  private listFacts?: { at: number; facts: Promise<{ id: string; itemCount: number }> };

  /** The list's id (search scopes by it) and size (past 5,000 items, broad queries go to search), cached briefly. */
  private facts(): Promise<{ id: string; itemCount: number }> {
    const now = Date.now();
    if (!this.listFacts || now - this.listFacts.at > LIST_FACTS_TTL_MS) {
      const facts = this.sp.web.lists.getByTitle(PROCUREMENTS_LIST.title).select('Id', 'ItemCount')<{ Id: string; ItemCount: number }>()
        .then((l) => ({ id: l.Id, itemCount: l.ItemCount }));
      this.listFacts = { at: now, facts };
      facts.catch(() => {
        this.listFacts = undefined;
      });
    }
    return this.listFacts.facts.catch((e: unknown) => {
      throw toDataError(e, 'Procurements', PROCUREMENTS_LIST.title);
    });
  }

  /** The list's id and size as another read found them (the opening's batch): the next register asks no more. */
  public rememberFacts(facts: { id: string; itemCount: number }): void {
    this.listFacts = { at: Date.now(), facts: Promise.resolve(facts) };
  }

  protected what(p: { reference: string }): string {
    return `Procurement ${p.reference}`;
  }

  /**
   * The record with its approval decision from the Approvals list — only a decision on record for the current
   * round (domain approvalStanding, judged by SharePoint's Author); a status that claims one without it carries
   * approvalNotOnRecord instead.
   */
  protected async withDecision(item: ProcurementItem | undefined): Promise<Stored<Procurement> | undefined> {
    if (!item) return undefined;
    const p = procurementFromItem(item);
    const { standing, decision } = await this.approvals.standing(p);
    if (standing.decision && decision) {
      p.approvalOutcome = decision.outcome;
      p.approvalComments = decision.comments;
      p.approvedByEmail = decision.decidedByEmail;
      p.approvedByName = decision.decidedByName;
      p.approvedAt = decision.decidedAt;
    }
    if (standing.notOnRecord) p.approvalNotOnRecord = standing.notOnRecord;
    return p;
  }

  public async get(reference: string): Promise<Stored<Procurement> | undefined> {
    return this.withDecision(await this.list.findByKey('Reference', reference, `Procurement ${reference}`));
  }

  public async getById(id: number): Promise<Stored<Procurement> | undefined> {
    return this.withDecision(await this.list.getRaw(id, `Procurement ${id}`));
  }

  public async awards(query: PageRequest & { status: ProcurementStatus; authorityId?: string }): Promise<Page<AwardSummary>> {
    const filter = and(`Status eq ${odataString(query.status)}`, query.authorityId && `Authority eq ${odataString(query.authorityId)}`);
    const page = await this.list.page({ filter, orderBy: [['ID', true]], pageSize: query.pageSize, pageToken: query.pageToken, select: AWARD_SUMMARY_COLUMNS }, 'Awarded procurements');
    return { items: page.items.map(awardSummaryFromItem), nextPageToken: page.nextPageToken };
  }

  public async query(query: ProcurementQuery = {}): Promise<Page<Stored<Procurement>>> {
    const statuses = query.status === undefined ? [] : typeof query.status === 'string' ? [query.status] : query.status.slice();
    const [lead, approver] = await Promise.all([
      query.leadOfficerEmail ? this.users.find(query.leadOfficerEmail) : Promise.resolve(undefined),
      query.approverEmail ? this.users.find(query.approverEmail) : Promise.resolve(undefined),
    ]);
    // Someone who is not on the site leads (or approves) nothing here.
    if ((query.leadOfficerEmail && !lead) || (query.approverEmail && !approver)) return { items: [] };
    const leadId = lead ? lead.id : undefined;
    const approverId = approver ? approver.id : undefined;
    const text = query.text ? query.text.trim() : '';
    // Indexed conditions first, the most selective first (SharePoint narrows by the first index it can use).
    const filter = and(
      leadId !== undefined && `LeadOfficerId eq ${leadId}`,
      approverId !== undefined && `ApproverId eq ${approverId}`,
      statuses.length > 0 && or(statuses.map((s) => `Status eq ${odataString(s)}`)),
      query.tier && `Tier eq ${odataString(query.tier)}`,
      query.authorityId && `Authority eq ${odataString(query.authorityId)}`,
      query.themeId && `Themes eq ${odataString(query.themeId)}`,
      text && `(startswith(Reference,${odataString(text)}) or substringof(${odataString(text)},Title))`,
    );
    const sort = query.sort || { by: 'newest' as const, descending: true };
    const page = await this.list.page(
      { filter, orderBy: [[SORT_COLUMNS[sort.by], !sort.descending]], pageSize: query.pageSize, pageToken: query.pageToken },
      'Procurements',
    );
    return { items: page.items.map((i) => procurementFromItem(i)), nextPageToken: page.nextPageToken };
  }

  public async register(query: ProcurementQuery): Promise<RegisterPage> {
    const token = query.pageToken;
    if (token && token.startsWith(SEARCH_TOKEN)) return this.searchRegister(query, Number(token.slice(SEARCH_TOKEN.length)) || 0);
    // What the list answers at any size needs no look at its size first.
    if (!token && !listAnswersPastThreshold(query)) {
      const facts = await this.facts();
      if (facts.itemCount > LIST_VIEW_THRESHOLD) return this.searchRegister(query, 0);
    }
    try {
      const page = await this.query(query);
      return { items: page.items.map(entryFromProcurement), nextPageToken: page.nextPageToken, source: 'list' };
    } catch (e) {
      // The list refused a first page it was expected to answer (one officer leading more than 5,000): search can.
      if (!token && e instanceof DataError && e.kind === 'threshold' && !query.approverEmail) return this.searchRegister(query, 0);
      throw e;
    }
  }

  /** One page of the register from SharePoint Search (one request once the list's id is known). */
  private async searchRegister(query: ProcurementQuery, startRow: number): Promise<RegisterPage> {
    const { id } = await this.facts();
    const kql = registerKql(id, query);
    if (!kql) return { items: [], source: 'search' };
    const rowLimit = Math.max(1, Math.min(query.pageSize || 50, MAX_SEARCH_PAGE));
    try {
      const results = await this.sp.search({
        Querytext: kql,
        StartRow: startRow,
        RowLimit: rowLimit,
        SelectProperties: REGISTER_SELECT,
        SortList: searchSort(query.sort || { by: 'newest', descending: true }) as never,
        TrimDuplicates: false,
      });
      const items = results.PrimarySearchResults.map((r) => entryFromSearchRow(r as unknown as Record<string, unknown>));
      const next = startRow + items.length;
      return { items, nextPageToken: items.length > 0 && next < results.TotalRows ? `${SEARCH_TOKEN}${next}` : undefined, source: 'search' };
    } catch (e) {
      throw toDataError(e, 'Procurements (search)', PROCUREMENTS_LIST.title);
    }
  }
}
