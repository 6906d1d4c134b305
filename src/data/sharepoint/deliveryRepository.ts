// Delivery: commitments, quarterly outcome logs and the action plan. Queries start on indexed columns
// (procurement reference, RAG, verification, period end, due date).
import type { SPFI } from '@pnp/sp';
import { SELF_VERIFICATION_REFUSED, isReporter, validateActionPlanItem, validateCommitment, validateOutcomeLog } from '../../domain';
import type { ActionPlanItem, CommitmentWithProgress, Measure, OutcomeLog } from '../../domain';
import { DataError, ValidationError } from '../errors';
import type {
  ActionPlanQuery,
  ActionPlanRepository,
  CommitmentQuery,
  CommitmentRepository,
  OutcomeLogQuery,
  OutcomeLogRepository,
  Page,
  Stored,
} from '../ports';
import { ACTION_PLAN_LIST, COMMITMENTS_LIST, OUTCOME_LOGS_LIST } from '../schema/lists';
import type { ItemRead } from '../schema/items';
import type { SharePointUserDirectory } from './userDirectory';
import { VerificationsGateway } from './verifications';
import type { AuthoredLog } from './verifications';
import { and, ListGateway, odataDate, odataString, or } from './listGateway';
import {
  ACTION_FIELDS,
  actionFromItem,
  actionToItem,
  COMMITMENT_FIELDS,
  commitmentFromItem,
  commitmentToItem,
  logKey,
  OUTCOME_FIELDS,
  outcomeFromItem,
  outcomeToItem,
  stored,
} from './mapping';

const refEq = (ref: string | undefined): string | undefined => (ref ? `ProcurementRef eq ${odataString(ref)}` : undefined);

function refuse(errors: { field: string; message: string }[], list: string): void {
  if (errors.length > 0) throw new ValidationError(errors, list);
}

export class SharePointCommitmentRepository implements CommitmentRepository {
  private readonly list: ListGateway<typeof COMMITMENTS_LIST>;
  private readonly library: () => Promise<readonly Measure[]>;

  public constructor(sp: SPFI, library: () => Promise<readonly Measure[]>) {
    this.list = new ListGateway(sp, COMMITMENTS_LIST, COMMITMENT_FIELDS);
    this.library = library;
  }

  public async listForProcurement(procurementReference: string): Promise<Stored<CommitmentWithProgress>[]> {
    const items = await this.list.all({ filter: refEq(procurementReference), orderBy: [['MeasureCode', true]] }, `Commitments of ${procurementReference}`);
    return items.map(commitmentFromItem);
  }

  public async query(query: CommitmentQuery): Promise<Page<Stored<CommitmentWithProgress>>> {
    const rags = query.rag === undefined ? [] : typeof query.rag === 'string' ? [query.rag] : query.rag.slice();
    const filter = and(
      refEq(query.procurementReference),
      rags.length > 0 && or(rags.map((r) => `Rag eq ${odataString(r)}`)),
      query.dueBy && `DueDate le ${odataDate(query.dueBy)}`,
    );
    const page = await this.list.page({ filter, orderBy: filter ? [['DueDate', true]] : [['ID', true]], pageSize: query.pageSize, pageToken: query.pageToken }, 'Commitments');
    return { items: page.items.map(commitmentFromItem), nextPageToken: page.nextPageToken };
  }

  public async update(commitment: Stored<CommitmentWithProgress>): Promise<Stored<CommitmentWithProgress>> {
    refuse(validateCommitment(commitment, await this.library()), COMMITMENTS_LIST.title);
    const what = `Commitment ${commitment.measureCode} on ${commitment.procurementReference}`;
    const { etag } = await this.list.update(commitment.id, commitment.etag, commitmentToItem(commitment), what);
    return { ...commitment, etag };
  }
}

/** The log with who SharePoint says reported it (its Author: the verifier must be someone else). */
function authored(item: ItemRead<typeof OUTCOME_LOGS_LIST>): AuthoredLog {
  const author = (item as { Author?: { EMail?: string } | null }).Author;
  const log = outcomeFromItem(item);
  return { ...log, reportedByAuthor: (author && author.EMail) || undefined, claimed: { verification: log.verification, verifiedBy: log.verifiedBy } };
}

export class SharePointOutcomeLogRepository implements OutcomeLogRepository {
  private readonly list: ListGateway<typeof OUTCOME_LOGS_LIST>;
  private readonly library: () => Promise<readonly Measure[]>;
  private readonly verifications: VerificationsGateway;
  private readonly users: SharePointUserDirectory;

  public constructor(sp: SPFI, library: () => Promise<readonly Measure[]>, users: SharePointUserDirectory) {
    this.list = new ListGateway(sp, OUTCOME_LOGS_LIST, OUTCOME_FIELDS, { authored: true });
    this.library = library;
    this.users = users;
    this.verifications = new VerificationsGateway(sp);
  }

  private async check(log: OutcomeLog): Promise<void> {
    refuse(validateOutcomeLog(log, { library: await this.library() }), OUTCOME_LOGS_LIST.title);
  }

  public async record(log: OutcomeLog): Promise<{ log: Stored<OutcomeLog>; corrected: boolean }> {
    await this.check(log);
    const key = logKey(log.procurementReference, log.measureCode, log.periodEnd);
    const what = `The outcome for ${log.measureCode} on ${log.procurementReference} in the period ending ${log.periodEnd}`;
    const body = outcomeToItem(log);
    for (let attempt = 0; attempt < 2; attempt++) {
      const existing = await this.list.findByKey('LogKey', key, what);
      if (existing) {
        // A second report for the same period corrects the first: same item, new version. It keeps the success
        // card's message id (the card stays in the channel), which may have been written after the caller read.
        const celebratedMessageId = log.celebratedMessageId || existing.CelebratedMessageId || undefined;
        const { etag } = await this.list.update(existing.Id, existing['odata.etag'] || '*', { ...body, CelebratedMessageId: celebratedMessageId || null }, what);
        return { log: { ...log, celebratedMessageId, id: existing.Id, etag }, corrected: true };
      }
      try {
        const created = await this.list.add(body, what);
        return { log: stored(log, { Id: created.Id, 'odata.etag': created.etag, Modified: created.Modified }), corrected: false };
      } catch (e) {
        // Someone recorded the same period a moment ago (unique key): correct theirs instead.
        if (!(e instanceof DataError && e.kind === 'duplicate') || attempt > 0) throw e;
      }
    }
    throw new DataError('conflict', `${what} is being changed by someone else — reload and try again.`);
  }

  /** The log with its verification as the Verifications list records it (the typed columns are display only). */
  public async get(id: number): Promise<Stored<OutcomeLog> | undefined> {
    const item = await this.list.getRaw(id, `Outcome log ${id}`);
    return item ? (await this.verifications.onRecord([authored(item)]))[0] : undefined;
  }

  public async query(query: OutcomeLogQuery): Promise<Page<Stored<OutcomeLog>>> {
    const page = await this.page(query);
    const items = await this.verifications.onRecord(page.items.map(authored));
    // The typed column narrowed the query; the record decides (a log typed "Verified" by hand is not).
    return { items: query.verification ? items.filter((l) => l.verification === query.verification) : items, nextPageToken: page.nextPageToken };
  }

  /**
   * A page of logs as their columns say, without the Verifications record: one request, so it fits a $batch part.
   * For a to-do count (the Viva card's "outcomes to verify", whose queue then checks each log against the record),
   * never for a figure. The reporter is SharePoint's Author, not the typed column.
   */
  public async claimsPage(query: OutcomeLogQuery): Promise<Page<Stored<OutcomeLog>>> {
    const page = await this.page(query);
    return {
      items: page.items.map((item) => {
        const log = authored(item);
        const reportedBy = log.reportedByAuthor || log.reportedBy;
        delete log.reportedByAuthor;
        delete log.claimed;
        return { ...log, reportedBy };
      }),
      nextPageToken: page.nextPageToken,
    };
  }

  private page(query: OutcomeLogQuery): Promise<Page<ItemRead<typeof OUTCOME_LOGS_LIST>>> {
    const filter = and(
      refEq(query.procurementReference),
      query.verification && `Verification eq ${odataString(query.verification)}`,
      query.periodEnd && `PeriodEnd eq ${odataDate(query.periodEnd)}`,
      query.periodFrom && `PeriodEnd ge ${odataDate(query.periodFrom)}`,
      query.periodTo && `PeriodEnd le ${odataDate(query.periodTo)}`,
      query.measureCode && `MeasureCode eq ${odataString(query.measureCode)}`,
    );
    return this.list.page({ filter, orderBy: filter ? [['PeriodEnd', false]] : [['ID', true]], pageSize: query.pageSize, pageToken: query.pageToken }, 'Outcome logs');
  }

  /**
   * Saves the log (its typed columns are kept for SharePoint's own views), and when the caller decides its
   * verification — verified or rejected, where the record says otherwise — first records that decision on
   * the Verifications list under the caller's own name. The reporter (the log's Author) is refused.
   */
  public async update(log: Stored<OutcomeLog>): Promise<Stored<OutcomeLog>> {
    await this.check(log);
    const what = `The outcome for ${log.measureCode} on ${log.procurementReference} in the period ending ${log.periodEnd}`;
    const raw = await this.list.getRaw(log.id, what);
    if (!raw) throw new DataError('not-found', `${what} was not found. It may have been deleted.`, { list: OUTCOME_LOGS_LIST.title });
    const current = authored(raw);
    const [onRecord] = await this.verifications.onRecord([current]);
    const decision = log.verification !== 'Reported' && log.verification !== onRecord.verification ? log.verification : undefined;
    const me = decision ? await this.users.current() : undefined;
    if (me) {
      if (isReporter(current.reportedByAuthor, me.email)) throw new ValidationError([{ field: 'verifiedBy', message: SELF_VERIFICATION_REFUSED }], OUTCOME_LOGS_LIST.title);
    }
    // The decision first (it is what counts), then the log's display columns with the ETag the caller read. If
    // that save fails — someone changed the log since, or it did not land — the decision is taken back, so a
    // refused verification leaves nothing behind; a retry finds a decision already there (same key) and only
    // completes the log.
    const added = decision && me ? await this.verifications.add(log, decision, me.email, log.rejectionReason, what) : undefined;
    // The log shows who made the decision as SharePoint records them, whatever name the caller typed.
    const saving = decision && me ? { ...log, verifiedBy: me.email } : log;
    try {
      const { etag } = await this.list.update(log.id, log.etag, outcomeToItem(saving), what);
      return { ...saving, etag };
    } catch (e) {
      if (added !== undefined) await this.verifications.remove(added, what).catch(() => undefined);
      throw e;
    }
  }
}

export class SharePointActionPlanRepository implements ActionPlanRepository {
  private readonly list: ListGateway<typeof ACTION_PLAN_LIST>;

  public constructor(sp: SPFI) {
    this.list = new ListGateway(sp, ACTION_PLAN_LIST, ACTION_FIELDS);
  }

  public async listForProcurement(procurementReference: string): Promise<Stored<ActionPlanItem>[]> {
    const items = await this.list.all({ filter: refEq(procurementReference), orderBy: [['DueDate', true]] }, `The action plan of ${procurementReference}`);
    return items.map((i) => strip(actionFromItem(i)));
  }

  public async query(query: ActionPlanQuery): Promise<Page<Stored<ActionPlanItem>>> {
    const filter = and(
      refEq(query.procurementReference),
      query.overdueOn && `DueDate lt ${odataDate(query.overdueOn)}`,
      query.overdueOn && `ActionStatus ne 'Done'`,
    );
    const page = await this.list.page({ filter, orderBy: filter ? [['DueDate', true]] : [['ID', true]], pageSize: query.pageSize, pageToken: query.pageToken }, 'Action plans');
    return { items: page.items.map((i) => strip(actionFromItem(i))), nextPageToken: page.nextPageToken };
  }

  public async update(item: Stored<ActionPlanItem>): Promise<Stored<ActionPlanItem>> {
    refuse(validateActionPlanItem(item), ACTION_PLAN_LIST.title);
    // The key stays the one the item was created with, so a later bundle save recognises it.
    const current = await this.list.getRaw(item.id, `Action “${item.action}”`);
    if (!current) throw new DataError('not-found', `Action “${item.action}” was not found.`, { list: ACTION_PLAN_LIST.title });
    const { etag } = await this.list.update(item.id, item.etag, actionToItem(item, current.ActionKey || undefined), `Action “${item.action}”`);
    return { ...item, etag };
  }
}

/** The record without the list's key column. */
function strip(a: Stored<ActionPlanItem> & { key: string }): Stored<ActionPlanItem> {
  const rest: Stored<ActionPlanItem> & { key?: string } = { ...a };
  delete rest.key;
  return rest;
}
