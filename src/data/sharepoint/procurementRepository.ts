// Procurements: the reads (./procurementReads.ts) and the writes, with the bundle written with one (commitments,
// action plan) in a single batch.
import type { SPFI } from '@pnp/sp';
import { approvalStanding, mayMoveWithoutRecord, validateActionPlanItem, validateAward, validateCommitment, validateProcurementBasics } from '../../domain';
import type { FieldError } from '../../domain';
import type { ActionPlanItem, ApprovalAuthority, Commitment, Measure, Procurement, ProcurementStatus } from '../../domain';
import { ConflictError, DataError, ValidationError } from '../errors';
import type {
  ApprovalDecision,
  BundleSaveResult,
  Page,
  ProcurementBundle,
  ProcurementRepository,
  Stored,
  WriteFailure,
} from '../ports';
import { ACTION_PLAN_LIST, COMMITMENTS_LIST, PROCUREMENTS_LIST } from '../schema/lists';
import type { BatchPart } from './batch';
import { runBatchParts } from './batch';
import { toDataError } from './errors';
import { ListGateway, odataString } from './listGateway';
import {
  ACTION_FIELDS,
  actionFromItem,
  actionKey,
  actionToItem,
  COMMITMENT_FIELDS,
  commitmentFromItem,
  commitmentKey,
  commitmentToItem,
  procurementFromItem,
  procurementToItem,
  sameValues,
  stored,
} from './mapping';
import type { ProcurementItem } from './mapping';
import type { ItemRead } from '../schema/items';
import type { SharePointUserDirectory } from './userDirectory';
import { ProcurementReads } from './procurementReads';
import type { ApprovalsGateway } from './approvalRepository';

/** The item version an ETag names: SharePoint writes it as "3" in odata.etag and "<guid>,3" in the ETag header. */
function etagVersion(etag: string): string {
  const m = /(\d+)"?\s*$/.exec(etag);
  return m ? m[1] : etag;
}

/**
 * The domain's checks of what is written, before anything is sent, so a value the policy refuses is never
 * stored: the basics on every save, and the award step's checks of each award detail the record carries
 * (whether the award is complete is for the award step to say before the move to Awarded).
 */
function procurementProblems(p: Procurement, library: readonly Measure[]): FieldError[] {
  const given = p as unknown as Record<string, unknown>;
  const award = validateAward(p).filter((e) => given[e.field.split('.')[0]] !== undefined);
  return validateProcurementBasics(p, { library }).concat(award);
}

/** The approval round the record carries (the lifecycle sets it: src/domain officerEdit); 0 before any submission. */
function roundOf(p: Procurement): number {
  return p.approvalRound ?? 0;
}

function refuse(problems: FieldError[]): void {
  if (problems.length > 0) throw new ValidationError(problems, PROCUREMENTS_LIST.title);
}

export class SharePointProcurementRepository extends ProcurementReads implements ProcurementRepository {
  private readonly commitments: ListGateway<typeof COMMITMENTS_LIST>;
  private readonly actions: ListGateway<typeof ACTION_PLAN_LIST>;
  private readonly library: () => Promise<readonly Measure[]>;

  public constructor(
    sp: SPFI,
    users: SharePointUserDirectory,
    approvals: ApprovalsGateway,
    library: () => Promise<readonly Measure[]>,
  ) {
    super(sp, users, approvals);
    this.library = library;
    this.commitments = new ListGateway(sp, COMMITMENTS_LIST, COMMITMENT_FIELDS);
    this.actions = new ListGateway(sp, ACTION_PLAN_LIST, ACTION_FIELDS);
  }

  /**
   * A move to a status that claims approval needs the approval on record (a forged "Approved" goes no further).
   * Judged on `evidence` when it was read already (the decision on the record's round and the workflow's account).
   */
  private async refuseUnrecordedMove(before: Procurement, next: Procurement, evidence?: { decision?: ApprovalDecision; authority?: ApprovalAuthority }): Promise<void> {
    if (next.status === before.status || mayMoveWithoutRecord(next.status)) return;
    const claimed = { ...before, status: next.status };
    const standing = evidence ? approvalStanding(claimed, evidence.decision, evidence.authority) : (await this.approvals.standing(claimed)).standing;
    if (standing.notOnRecord) {
      throw new ValidationError(
        [{ field: 'status', message: `${this.what(before)} cannot move to “${next.status}”: its approval is not on record. ${standing.notOnRecord}` }],
        PROCUREMENTS_LIST.title,
      );
    }
  }

  private async people(p: Procurement): Promise<{ leadOfficerId: number; approverId: number | null; submittedById: number | null }> {
    if (!p.leadOfficer || !p.leadOfficer.email) {
      throw new ValidationError([{ field: 'leadOfficer', message: 'Choose the lead officer.' }], PROCUREMENTS_LIST.title);
    }
    // The message says whose address it is: the directory's own names only the email.
    const field = (f: string, who: string): ((e: unknown) => never) => (e: unknown): never => {
      if (e instanceof DataError && (e.kind === 'not-found' || e.kind === 'validation')) {
        throw new ValidationError([{ field: f, message: `${who}: ${e.message}` }], PROCUREMENTS_LIST.title);
      }
      throw e;
    };
    const [lead, approver, submitter] = await Promise.all([
      this.users.ensure(p.leadOfficer.email).catch(field('leadOfficer', 'Procurement Lead Officer')),
      p.approverEmail ? this.users.ensure(p.approverEmail).catch(field('approverEmail', 'Approver')) : Promise.resolve(undefined),
      p.submittedByEmail ? this.users.ensure(p.submittedByEmail).catch(field('submittedByEmail', 'Submitted by')) : Promise.resolve(undefined),
    ]);
    return { leadOfficerId: lead.id, approverId: approver ? approver.id : null, submittedById: submitter ? submitter.id : null };
  }

  public async create(procurement: Procurement): Promise<Stored<Procurement>> {
    refuse(procurementProblems(procurement, await this.library()));
    const body = procurementToItem(procurement, await this.people(procurement));
    body.ApprovalRound = roundOf(procurement);
    this.list.validate(body, true);
    if (await this.list.findByKey('Reference', procurement.reference, this.what(procurement))) {
      throw new DataError('duplicate', `A procurement with the reference ${procurement.reference} already exists.`, { field: 'reference', list: PROCUREMENTS_LIST.title });
    }
    const created = await this.list.add(body, this.what(procurement));
    return stored(procurement, { Id: created.Id, 'odata.etag': created.etag, Modified: created.Modified });
  }

  public async update(procurement: Stored<Procurement>): Promise<Stored<Procurement>> {
    const what = this.what(procurement);
    const current = await this.list.getRaw(procurement.id, what);
    if (!current) throw new DataError('not-found', `${what} was not found. It may have been deleted.`, { list: PROCUREMENTS_LIST.title });
    // A status that claims a decision moves on only with that decision on record (approvalRecord).
    await this.refuseUnrecordedMove(procurementFromItem(current), procurement);
    refuse(procurementProblems(procurement, await this.library()));
    const body = procurementToItem(procurement, await this.people(procurement));
    body.ApprovalRound = roundOf(procurement);
    // The ETag the caller read with: if someone saved since, SharePoint answers 412 (ConflictError).
    const { etag } = await this.list.update(procurement.id, procurement.etag, body, what);
    return { ...procurement, etag };
  }

  public async statusHistory(id: number): Promise<{ status: ProcurementStatus; at: string; byEmail?: string; byName?: string }[]> {
    try {
      const versions = (await this.sp.web.lists.getByTitle(PROCUREMENTS_LIST.title).items.getById(id).versions()) as Record<string, unknown>[];
      const rows = versions
        .map((v) => {
          const editor = (v.Editor || {}) as { LookupValue?: string; Email?: string; EMail?: string };
          return {
            status: v.Status as ProcurementStatus,
            at: String(v.Modified || v.Created || ''),
            byName: editor.LookupValue,
            byEmail: editor.Email || editor.EMail,
            label: Number(v.VersionLabel || v.VersionId || 0),
          };
        })
        .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.label - b.label));
      // One row per change of status, oldest first.
      return rows
        .filter((r, i) => !!r.status && (i === 0 || rows[i - 1].status !== r.status))
        .map(({ status, at, byEmail, byName }) => ({ status, at, byEmail, byName }));
    } catch (e) {
      throw toDataError(e, `The history of procurement ${id}`, PROCUREMENTS_LIST.title);
    }
  }

  /**
   * A save in two requests (issue 18): one $batch that takes the record and reads what the save is diffed
   * against, then one $batch of the writes — the procurement (added or merged) first, then its commitments and
   * actions (added, merged or deleted to match). A save whose status claims an approval reads the decision with
   * the record and is taken in a request of its own once the claim stands (3 requests). Every part is checked;
   * what landed is found by its key on a retry, so calling saveBundle again after a partial failure completes
   * the set without duplicates.
   */
  public async saveBundle(bundle: ProcurementBundle): Promise<BundleSaveResult> {
    const p = bundle.procurement;
    const ref = p.reference;
    const what = this.what(p);
    const refFilter = `ProcurementRef eq ${odataString(ref)}`;
    // The record itself first: a value the policy refuses stops the save before any request is made for it.
    const library = await this.library();
    refuse(procurementProblems(p, library));
    const people = await this.people(p);
    const next: Procurement = p;
    const body = procurementToItem(next, people);
    body.ApprovalRound = roundOf(next);

    // Everything is checked before anything is written: bad input never leaves half a bundle behind.
    const check = (creating: boolean): { commitmentBodies: { c: Commitment; item: Record<string, unknown>; key: string }[]; actionBodies: { a: ActionPlanItem; item: Record<string, unknown>; key: string }[] } => {
      const problems: { field: string; message: string }[] = [];
      const collect = (prefix: string, run: () => void): void => {
        try {
          run();
        } catch (e) {
          if (e instanceof ValidationError) e.problems.forEach((pr) => problems.push({ field: prefix + pr.field, message: pr.message }));
          else throw e;
        }
      };
      collect('', () => this.list.validate(body, creating));
      const commitmentBodies = (bundle.commitments || []).map((c, i) => {
        validateCommitment(c, library).forEach((e) => problems.push({ field: `commitments[${i}].${e.field}`, message: e.message }));
        if (c.procurementReference !== ref) problems.push({ field: `commitments[${i}].procurementReference`, message: `This commitment belongs to ${c.procurementReference}, not ${ref}.` });
        const item = commitmentToItem(c);
        collect(`commitments[${i}].`, () => this.commitments.validate(item, true));
        return { c, item, key: commitmentKey(ref, c.measureCode) };
      });
      const actionBodies = (bundle.actionPlan || []).map((a, i) => {
        validateActionPlanItem(a).forEach((e) => problems.push({ field: `actionPlan[${i}].${e.field}`, message: e.message }));
        const item = actionToItem({ ...a, procurementReference: ref });
        collect(`actionPlan[${i}].`, () => this.actions.validate(item, true));
        return { a: { ...a, procurementReference: ref }, item, key: actionKey(ref, a.action) };
      });
      const dupes = (keys: string[]): string[] => keys.filter((k, i) => keys.indexOf(k) !== i);
      dupes(commitmentBodies.map((b) => b.key)).forEach((k) => problems.push({ field: 'commitments', message: `Measure ${k.split('|')[1]} is committed twice; keep one.` }));
      dupes(actionBodies.map((b) => b.key)).forEach(() => problems.push({ field: 'actionPlan', message: 'The same action is listed twice; keep one.' }));
      if (problems.length > 0) throw new ValidationError(problems, PROCUREMENTS_LIST.title);
      return { commitmentBodies, actionBodies };
    };

    const given = p as Partial<Stored<Procurement>>;
    const callerEtag = typeof given.etag === 'string' && given.etag !== '*' ? given.etag : undefined;
    // Saved from a read (its id and ETag): the record is taken — an empty MERGE with the caller's ETag — before
    // anything is written. If anyone saved since the caller read, SharePoint answers 412 and nothing of this
    // save is written. The take comes before the writes' batch, not inside it: a batch is not transactional —
    // "If any of the child operations fails, the others still complete and aren't rolled back" (Microsoft
    // Learn, "Make batch requests with the REST APIs") — so a failed check inside it would not stop the writes.
    const takeId = typeof given.id === 'number' && callerEtag ? given.id : undefined;
    // A status that claims a decision (Approved, Tendering, …) is refused unless the decision is on record, and
    // a refused save must leave the record and its ETag as they were: so the evidence is read with the record
    // in the first request, judged, and only then is the record taken, in a request of its own (3 in all).
    const claims = !mayMoveWithoutRecord(next.status);
    const takeFirst = takeId !== undefined && !claims;
    // An edit of a read record is an update, checked now, before any request; otherwise the read decides.
    const checkedFirst = takeId !== undefined ? check(false) : undefined;

    // Request 1: one $batch — the take (first, so the reads after it see the record as taken), then the reads.
    const childQuery = { filter: refFilter, orderBy: [] as [string, boolean][] };
    const got: {
      taken?: { etag: string };
      existing?: ProcurementItem;
      commitments?: Page<ItemRead<typeof COMMITMENTS_LIST>>;
      actions?: Page<ItemRead<typeof ACTION_PLAN_LIST>>;
      decision?: ApprovalDecision;
      authority?: ApprovalAuthority;
    } = {};
    const read = await runBatchParts(this.sp, (batched) => {
      const parts: BatchPart[] = [];
      if (takeFirst && takeId !== undefined && callerEtag) parts.push({ what, run: () => this.list.update(takeId, callerEtag, {}, what, batched).then((t) => (got.taken = t)) });
      parts.push({ what, run: () => this.list.findByKey('Reference', ref, what, batched).then((i) => (got.existing = i)) });
      if (bundle.commitments) parts.push({ what: `Commitments of ${ref}`, run: () => this.commitments.firstPage(childQuery, `Commitments of ${ref}`, batched).then((pg) => (got.commitments = pg)) });
      if (bundle.actionPlan) parts.push({ what: `Action plan of ${ref}`, run: () => this.actions.firstPage(childQuery, `Action plan of ${ref}`, batched).then((pg) => (got.actions = pg)) });
      if (claims && roundOf(next) > 0) parts.push({ what: `The decision on ${ref}`, run: () => this.approvals.decisionFor(ref, roundOf(next), batched).then((d) => (got.decision = d)) });
      if (claims) parts.push({ what: 'The approval workflow’s account', run: () => this.approvals.authority(batched).then((x) => (got.authority = x)) });
      return parts;
    }, PROCUREMENTS_LIST.title);
    // The take's own error first (a 412 is ConflictError), then any read's.
    for (const o of read) if (!o.ok) throw o.error;
    const existing = got.existing;
    // A procurement's children fit one page (SharePoint's 5,000); any further page is read after, not guessed.
    const [existingCommitments, existingActions] = await Promise.all([
      bundle.commitments ? this.commitments.all(childQuery, `Commitments of ${ref}`, got.commitments) : Promise.resolve([]),
      bundle.actionPlan ? this.actions.all(childQuery, `Action plan of ${ref}`, got.actions) : Promise.resolve([]),
    ]);
    if (takeId !== undefined && (!existing || existing.Id !== takeId)) {
      // The id the caller read is not the item with this reference: nothing of the bundle is written.
      throw new ConflictError(what, { status: 412, list: PROCUREMENTS_LIST.title });
    }
    const { commitmentBodies, actionBodies } = checkedFirst ?? check(!existing);
    // Not taken yet: someone saved since the caller read it — stop before writing anything.
    if (existing && !got.taken && callerEtag && etagVersion(callerEtag) !== etagVersion(existing['odata.etag'] || '')) {
      throw new ConflictError(what, { status: 412, list: PROCUREMENTS_LIST.title });
    }
    if (existing && claims) {
      const before = procurementFromItem(existing);
      // The decision read was for the round the save carries; a record on another round is judged by a read of its own.
      const evidence = roundOf(before) === roundOf(next) ? { decision: got.decision, authority: got.authority } : undefined;
      await this.refuseUnrecordedMove(before, next, evidence);
    }
    // The ETag the procurement's own write carries, set once the record is taken (below).
    let etag = '';
    type Result = { kind: 'procurement' | 'commitment' | 'action'; value?: unknown };
    const commitmentsByKey = new Map(existingCommitments.map((c) => [c.CommitmentKey || '', c]));
    const actionsByKey = new Map(existingActions.map((a) => [a.ActionKey || '', a]));
    const keptCommitments: Stored<Commitment>[] = [];
    const keptActions: Stored<ActionPlanItem>[] = [];
    // Set when the procurement itself needs no write.
    let procurementKept = false;

    // What to write, each part made on the batched SPFI when the batch is built.
    type MakePart = (batched: SPFI) => BatchPart<Result>;
    let procurementPart: MakePart | undefined;
    if (!existing) {
      procurementPart = (batched) => ({
        what: `create procurement ${ref}`,
        run: () => this.list.add(body, what, batched).then((r) => ({ kind: 'procurement', value: stored(next, { Id: r.Id, 'odata.etag': r.etag }) })),
      });
    } else if (!sameValues(body, existing)) {
      procurementPart = (batched) => ({
        what: `update procurement ${ref}`,
        run: () => this.list.update(existing.Id, etag, body, what, batched).then((r) => ({ kind: 'procurement', value: { ...next, id: existing.Id, etag: r.etag } })),
      });
    } else {
      procurementKept = true;
    }
    const childParts: MakePart[] = [];
    for (const { c, item, key } of commitmentBodies) {
      const have = commitmentsByKey.get(key);
      const label = `commitment ${c.measureCode}`;
      if (!have) childParts.push((batched) => ({ what: `create ${label}`, run: () => this.commitments.add(item, label, batched).then((r) => ({ kind: 'commitment', value: stored(c, { Id: r.Id, 'odata.etag': r.etag }) })) }));
      else if (!sameValues(item, have)) childParts.push((batched) => ({ what: `update ${label}`, run: () => this.commitments.update(have.Id, have['odata.etag'] || '*', item, label, batched).then((r) => ({ kind: 'commitment', value: { ...c, id: have.Id, etag: r.etag } })) }));
      else keptCommitments.push(commitmentFromItem(have));
    }
    if (bundle.commitments) {
      for (const [key, have] of commitmentsByKey) {
        if (commitmentBodies.some((b) => b.key === key)) continue;
        const label = `commitment ${have.MeasureCode}`;
        childParts.push((batched) => ({ what: `delete ${label}`, run: () => this.commitments.remove(have.Id, have['odata.etag'] || '*', label, batched).then(() => ({ kind: 'commitment' })) }));
      }
    }
    for (const { a, item, key } of actionBodies) {
      const have = actionsByKey.get(key);
      const label = `action “${a.action}”`;
      if (!have) childParts.push((batched) => ({ what: `create ${label}`, run: () => this.actions.add(item, label, batched).then((r) => ({ kind: 'action', value: stored(a, { Id: r.Id, 'odata.etag': r.etag }) })) }));
      else if (!sameValues(item, have)) childParts.push((batched) => ({ what: `update ${label}`, run: () => this.actions.update(have.Id, have['odata.etag'] || '*', item, label, batched).then((r) => ({ kind: 'action', value: { ...a, id: have.Id, etag: r.etag } })) }));
      else keptActions.push(actionFromItem(have));
    }
    if (bundle.actionPlan) {
      for (const [key, have] of actionsByKey) {
        if (actionBodies.some((b) => b.key === key)) continue;
        const label = `action “${have.Title}”`;
        childParts.push((batched) => ({ what: `delete ${label}`, run: () => this.actions.remove(have.Id, have['odata.etag'] || '*', label, batched).then(() => ({ kind: 'action' })) }));
      }
    }

    const parts = procurementPart ? [procurementPart, ...childParts] : childParts;
    // Request 2 of 3 for a status that claims a decision: the take, now that the claim stands (as before issue 18,
    // only when there is something to write).
    const taken = got.taken ?? (takeId !== undefined && callerEtag && parts.length > 0 ? await this.list.update(takeId, callerEtag, {}, what) : undefined);
    // The writes go with the ETag the take left (the procurement part's closure reads it when the batch runs).
    etag = taken ? taken.etag : existing ? callerEtag || existing['odata.etag'] || '*' : '';
    // The record as it stands when its own part is not written (or until it lands), under the ETag it has now.
    const unchanged: Stored<Procurement> | undefined = existing && (procurementKept || taken)
      ? { ...(procurementKept ? { ...next, id: existing.Id } : procurementFromItem(existing)), etag: taken ? taken.etag : existing['odata.etag'] || '*' }
      : undefined;
    // The last request: every write in one batch (up to MAX_BATCH_REQUESTS parts a request), the procurement first.
    const outcomes = await runBatchParts<Result>(this.sp, (batched) => parts.map((make) => make(batched)), PROCUREMENTS_LIST.title);

    const failed: WriteFailure[] = [];
    const written: string[] = [];
    let savedProcurement: Stored<Procurement> | undefined = unchanged;
    for (const o of outcomes) {
      if (!o.ok) {
        failed.push({ what: o.what, error: o.error });
        continue;
      }
      written.push(o.what);
      if (o.value.kind === 'procurement') savedProcurement = o.value.value as Stored<Procurement>;
      if (o.value.kind === 'commitment' && o.value.value) keptCommitments.push(o.value.value as Stored<Commitment>);
      if (o.value.kind === 'action' && o.value.value) keptActions.push(o.value.value as Stored<ActionPlanItem>);
    }
    return { ok: failed.length === 0, procurement: savedProcurement, commitments: keptCommitments, actionPlan: keptActions, written, failed };
  }
}

