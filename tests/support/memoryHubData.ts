// An in-memory HubData for UI tests: it keeps what the screens write so tests can assert on it, and can be
// told to fail. The data layer's own tests run the real PnPjs adapter over HTTP; this is only for screens.
import { MEASURES } from '../../src/domain';
import type { ActionPlanItem, Procurement, ProcurementStatus, RecordedKpiAssessment } from '../../src/domain';
import { DataError } from '../../src/data/ports';
import type { ApprovalDecision, BundleSaveResult, HubData, Page, ProcurementBundle, ProcurementQuery, Stored } from '../../src/data/ports';
import { entryFromProcurement } from '../../src/data/sharepoint/registerSearch';

export interface MemoryHub {
  data: HubData;
  procurements: Map<string, Stored<Procurement>>;
  actionPlans: Map<string, Stored<ActionPlanItem>[]>;
  settings: Map<string, string>;
  history: Map<string, { status: ProcurementStatus; at: string; byEmail?: string }[]>;
  /** The next saveBundle/update fails with this error (once). */
  failNextWrite(error: unknown): void;
  /** The next saveBundle lands the procurement (new ETag) but reports a part failed with this error, as a batch can. */
  landNextBundleInPart(error: DataError): void;
  writes: number;
}

function notUsed(name: string): never {
  throw new Error(`${name} is not used by the screens under test`);
}

export function memoryHub(options: { missingLists?: string[]; currentEmail?: string } = {}): MemoryHub {
  const procurements = new Map<string, Stored<Procurement>>();
  const actionPlans = new Map<string, Stored<ActionPlanItem>[]>();
  const settings = new Map<string, string>();
  const history = new Map<string, { status: ProcurementStatus; at: string; byEmail?: string }[]>();
  const decisions: ApprovalDecision[] = [];
  const assessments: Stored<RecordedKpiAssessment>[] = [];
  let nextFailure: unknown;
  let nextPartFailure: DataError | undefined;
  let nextId = 1;
  let etag = 1;

  const hub: MemoryHub = {
    procurements,
    actionPlans,
    settings,
    history,
    writes: 0,
    failNextWrite(error: unknown) {
      nextFailure = error;
    },
    landNextBundleInPart(error: DataError) {
      nextPartFailure = error;
    },
    data: undefined as unknown as HubData,
  };

  const takeFailure = (): void => {
    if (nextFailure !== undefined) {
      const error = nextFailure;
      nextFailure = undefined;
      throw error;
    }
  };
  const store = (p: Procurement): Stored<Procurement> => {
    const previous = procurements.get(p.reference);
    const stored: Stored<Procurement> = { ...p, id: previous?.id ?? nextId++, etag: String(etag++), modified: new Date().toISOString() };
    procurements.set(p.reference, stored);
    const h = history.get(p.reference) ?? [];
    if (!h.length || h[h.length - 1].status !== p.status) h.push({ status: p.status, at: stored.modified!, byEmail: options.currentEmail });
    history.set(p.reference, h);
    hub.writes++;
    return stored;
  };

  const query = async (q: ProcurementQuery = {}): Promise<Page<Stored<Procurement>>> => {
    const statuses = q.status === undefined ? undefined : Array.isArray(q.status) ? q.status : [q.status];
    let items = Array.from(procurements.values()).filter(
      (p) =>
        (!statuses || statuses.indexOf(p.status) >= 0) &&
        (!q.tier || p.tierDecision?.tier === q.tier) &&
        (!q.authorityId || p.authorityId === q.authorityId) &&
        (!q.themeId || p.themeIds.indexOf(q.themeId) >= 0) &&
        (!q.leadOfficerEmail || p.leadOfficer.email.toLowerCase() === q.leadOfficerEmail.toLowerCase()) &&
        (!q.approverEmail || (p.approverEmail ?? '').toLowerCase() === q.approverEmail.toLowerCase()) &&
        (!q.text || p.reference.startsWith(q.text) || p.title.toLowerCase().includes(q.text.toLowerCase())),
    );
    const by = q.sort?.by ?? 'modified';
    const key = (p: Stored<Procurement>): string | number =>
      by === 'estimatedValue' ? p.estimatedValuePence : by === 'newest' ? p.id : by === 'modified' ? p.modified ?? '' : (p as unknown as Record<string, string>)[by];
    items = items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) * (q.sort?.descending ? -1 : 1));
    const size = q.pageSize ?? 50;
    const start = q.pageToken ? Number(q.pageToken) : 0;
    const page = items.slice(start, start + size);
    return { items: page, nextPageToken: start + size < items.length ? String(start + size) : undefined };
  };

  hub.data = {
    procurements: {
      get: async (reference) => procurements.get(reference),
      getById: async (id) => Array.from(procurements.values()).filter((p) => p.id === id)[0],
      query,
      // The register over the in-memory list: always the list (no threshold here), through query() as it stands.
      register: async (q) => {
        const page = await hub.data.procurements.query(q);
        return { items: page.items.map(entryFromProcurement), nextPageToken: page.nextPageToken, source: 'list' as const };
      },
      awards: (q) => query({ status: q.status, authorityId: q.authorityId, pageSize: q.pageSize, pageToken: q.pageToken }),
      create: async (p) => store(p),
      update: async (p) => {
        takeFailure();
        const current = procurements.get(p.reference);
        if (current && current.etag !== p.etag) throw new DataError('conflict', 'changed by someone else');
        return store(p);
      },
      saveBundle: async (bundle: ProcurementBundle): Promise<BundleSaveResult> => {
        takeFailure();
        const current = procurements.get(bundle.procurement.reference);
        const etagRead = (bundle.procurement as Partial<Stored<Procurement>>).etag;
        if (current && etagRead && current.etag !== etagRead) throw new DataError('conflict', 'changed by someone else');
        const procurement = store(bundle.procurement);
        if (nextPartFailure) {
          const error = nextPartFailure;
          nextPartFailure = undefined;
          return { ok: false, procurement, commitments: [], actionPlan: [], written: [`saved ${procurement.reference}`], failed: [{ what: 'create action', error }] };
        }
        const actionPlan = (bundle.actionPlan ?? []).map((a, i) => ({ ...a, id: i + 1, etag: '1' }));
        if (bundle.actionPlan) actionPlans.set(procurement.reference, actionPlan);
        return { ok: true, procurement, commitments: [], actionPlan, written: [`saved ${procurement.reference}`], failed: [] };
      },
      statusHistory: async (id) => {
        const p = Array.from(procurements.values()).filter((x) => x.id === id)[0];
        return p ? history.get(p.reference) ?? [] : [];
      },
    },
    actionPlan: {
      listForProcurement: async (reference) => actionPlans.get(reference) ?? [],
      query: () => notUsed('actionPlan.query'),
      update: () => notUsed('actionPlan.update'),
    },
    measures: {
      list: async () => MEASURES.map((m, i) => ({ ...m, id: i + 1, etag: '1' })),
      getByCode: async (code) => MEASURES.filter((m) => m.code === code).map((m) => ({ ...m, id: 1, etag: '1' }))[0],
      save: () => notUsed('measures.save'),
    },
    settings: {
      get: async (key) => settings.get(key),
      all: async () => Object.fromEntries(settings),
      set: async (key, value) => {
        settings.set(key, value);
      },
    },
    provisioning: {
      missingLists: async () => options.missingLists ?? [],
      provision: async () => ({ created: options.missingLists ?? [], updated: [], unchanged: 0 }),
    },
    approvals: {
      decisionFor: async (reference, round) => decisions.filter((d) => d.procurementReference === reference && (round === undefined || d.round === round)).pop(),
      record: async (decision) => {
        // Stores what it is given, as the SharePoint adapter does: who may decide is the workflow's rule (src/app).
        const p = procurements.get(decision.procurementReference)!;
        decisions.push(decision);
        store({
          ...p,
          status: decision.outcome,
          approvalOutcome: decision.outcome,
          approvalComments: decision.comments,
          approvedByEmail: decision.decidedByEmail,
          approvedAt: decision.decidedAt,
        });
        return decision;
      },
    },
    commitments: { listForProcurement: async () => [], query: () => notUsed('commitments.query'), update: () => notUsed('commitments.update') },
    outcomes: { record: () => notUsed('outcomes'), get: () => notUsed('outcomes'), query: () => notUsed('outcomes'), update: () => notUsed('outcomes') },
    // Stores what the application layer saves (it validates): one rating per KPI and period, as the list's key keeps it.
    kpiAssessments: {
      save: async (a) => {
        const same = (x: typeof a): boolean => x.procurementReference === a.procurementReference && x.kpiName === a.kpiName && x.periodEnd === a.periodEnd;
        const i = assessments.findIndex(same);
        const stored = { ...a, id: i >= 0 ? assessments[i].id : assessments.length + 1, etag: String(Date.now()) };
        if (i >= 0) assessments[i] = stored;
        else assessments.push(stored);
        return stored;
      },
      listForProcurement: async (ref) => assessments.filter((a) => a.procurementReference === ref).sort((x, y) => (x.periodEnd < y.periodEnd ? 1 : -1)),
    },
    caseStudies: { create: () => notUsed('caseStudies'), get: () => notUsed('caseStudies'), update: () => notUsed('caseStudies'), query: () => notUsed('caseStudies') },
    // Read by the hub when it opens (the edition in force); empty, as on a site with nothing saved: the built-in tables.
    thresholds: { list: async () => [], save: () => notUsed('thresholds') },
    outbox: { enqueue: () => notUsed('outbox'), get: () => notUsed('outbox'), due: () => notUsed('outbox'), query: () => notUsed('outbox'), update: () => notUsed('outbox') },
    rollups: { query: () => notUsed('rollups'), saveMany: () => notUsed('rollups') },
    progress: { query: () => notUsed('progress'), saveMany: () => notUsed('progress') },
    users: { current: () => notUsed('users'), ensure: () => notUsed('users') },
  };
  return hub;
}

/** Web Storage in memory, shared between mounts (a "reload" keeps it, as a browser does). */
export function memoryStorage(): { getItem(k: string): string | null; setItem(k: string, v: string): void; removeItem(k: string): void; keys(): string[] } {
  const map = new Map<string, string>();
  return {
    getItem: (k) => (map.has(k) ? map.get(k)! : null),
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    keys: () => Array.from(map.keys()),
  };
}

// ---- Delivery (award, commitments, outcome logs, action plan, rollups): appended for tests/ui/delivery* ----
// withDelivery(hub) gives a memory hub working commitments, outcome logs (one per commitment per period:
// a second record corrects the first), action plan updates and rollups, checked with the domain's
// validators as the SharePoint adapter does.
import { validateActionPlanItem as deliveryValidateAction, validateCommitment as deliveryValidateCommitment, validateOutcomeLog as deliveryValidateLog } from '../../src/domain';
import type { Commitment as DeliveryCommitment, OutcomeLog as DeliveryLog } from '../../src/domain';
import { ValidationError as DeliveryValidationError } from '../../src/data/ports';
import type { CommitmentWithProgress, RecordedProgress, Rollup } from '../../src/domain';

export interface DeliveryMemory {
  commitments: Map<string, Stored<CommitmentWithProgress>[]>;
  logs: Stored<DeliveryLog>[];
  rollups: Map<string, Rollup>;
  /** The CommitmentProgress list: by commitment id. */
  progress: Map<number, Stored<RecordedProgress>>;
}

export function withDelivery(hub: MemoryHub): MemoryHub & { delivery: DeliveryMemory } {
  const delivery: DeliveryMemory = { commitments: new Map(), logs: [], rollups: new Map(), progress: new Map() };
  let nextId = 1000;
  let etag = 1;
  const refuse = (errors: { field: string; message: string }[]): void => {
    if (errors.length) throw new DeliveryValidationError(errors, 'memory');
  };
  const page = <T,>(items: T[]): Page<T> => ({ items });
  const plainSave = hub.data.procurements.saveBundle;
  hub.data.procurements.saveBundle = async (bundle) => {
    if (bundle.commitments) {
      const problems: { field: string; message: string }[] = [];
      bundle.commitments.forEach((c, i) => deliveryValidateCommitment(c).forEach((e) => problems.push({ field: `commitments[${i}].${e.field}`, message: e.message })));
      (bundle.actionPlan ?? []).forEach((a, i) => deliveryValidateAction(a).forEach((e) => problems.push({ field: `actionPlan[${i}].${e.field}`, message: e.message })));
      refuse(problems);
    }
    const result = await plainSave(bundle);
    if (bundle.commitments) {
      const stored = bundle.commitments.map((c: DeliveryCommitment) => ({ ...c, id: c.id ?? nextId++, etag: String(etag++) }));
      delivery.commitments.set(bundle.procurement.reference, stored);
      result.commitments = stored;
    }
    return result;
  };
  hub.data.commitments = {
    listForProcurement: async (ref) => (delivery.commitments.get(ref) ?? []).map((c) => ({ ...c })),
    query: async (q) =>
      page(
        Array.from(delivery.commitments.values())
          .flat()
          .filter((c) => (!q.procurementReference || c.procurementReference === q.procurementReference) && (!q.dueBy || c.dueDate <= q.dueBy)),
      ),
    update: async (c) => {
      refuse(deliveryValidateCommitment(c));
      const list = delivery.commitments.get(c.procurementReference) ?? [];
      const i = list.findIndex((x) => x.id === c.id);
      if (i < 0) throw new DataError('not-found', 'no such commitment');
      if (list[i].etag !== c.etag) throw new DataError('conflict', 'changed by someone else');
      list[i] = { ...c, etag: String(etag++) };
      return list[i];
    },
  };
  hub.data.outcomes = {
    record: async (log) => {
      refuse(deliveryValidateLog(log));
      const i = delivery.logs.findIndex((l) => l.procurementReference === log.procurementReference && l.measureCode === log.measureCode && l.periodEnd === log.periodEnd);
      if (i >= 0) {
        delivery.logs[i] = { ...log, id: delivery.logs[i].id, etag: String(etag++) };
        return { log: delivery.logs[i], corrected: true };
      }
      const stored = { ...log, id: nextId++, etag: String(etag++) };
      delivery.logs.push(stored);
      return { log: stored, corrected: false };
    },
    get: async (id) => delivery.logs.filter((l) => l.id === id)[0],
    query: async (q) =>
      page(
        delivery.logs.filter(
          (l) =>
            (!q.procurementReference || l.procurementReference === q.procurementReference) &&
            (!q.verification || l.verification === q.verification) &&
            (!q.periodEnd || l.periodEnd === q.periodEnd) &&
            (!q.measureCode || l.measureCode === q.measureCode),
        ),
      ),
    update: async (log) => {
      refuse(deliveryValidateLog(log));
      const i = delivery.logs.findIndex((l) => l.id === log.id);
      if (i < 0) throw new DataError('not-found', 'no such log');
      if (delivery.logs[i].etag !== log.etag) throw new DataError('conflict', 'changed by someone else');
      delivery.logs[i] = { ...log, etag: String(etag++) };
      return delivery.logs[i];
    },
  };
  hub.data.actionPlan = {
    listForProcurement: async (ref) => hub.actionPlans.get(ref) ?? [],
    query: async (q) =>
      page(
        Array.from(hub.actionPlans.values())
          .flat()
          .filter((a) => (!q.procurementReference || a.procurementReference === q.procurementReference) && (!q.overdueOn || (a.dueDate < q.overdueOn && a.status !== 'Done'))),
      ),
    update: async (item) => {
      refuse(deliveryValidateAction(item));
      const list = hub.actionPlans.get(item.procurementReference) ?? [];
      const i = list.findIndex((a) => a.id === item.id);
      if (i < 0) throw new DataError('not-found', 'no such action');
      list[i] = { ...item, etag: String(etag++) };
      return list[i];
    },
  };
  hub.data.rollups = {
    query: async (q) =>
      page(
        Array.from(delivery.rollups.values())
          .filter((r) => !q.procurementReference || r.procurementReference === q.procurementReference)
          .map((r) => ({ ...r, id: 1, etag: '1' })),
      ),
    saveMany: async (rows) => {
      for (const r of rows) delivery.rollups.set(`${r.procurementReference}|${r.periodEnd}|${r.themeId}`, r);
      return { ok: true, saved: rows.length, failed: [] };
    },
  };
  hub.data.progress = {
    query: async (q) => page(Array.from(delivery.progress.values()).filter((p) => (!q.rag || p.rag === q.rag) && (!q.procurementReference || p.procurementReference === q.procurementReference))),
    saveMany: async (save, remove = []) => {
      for (const p of save) delivery.progress.set(p.commitmentId, { ...p, id: p.id ?? nextId++, etag: String(etag++) });
      for (const id of remove) delivery.progress.forEach((p, key) => p.id === id && delivery.progress.delete(key));
      return { ok: true, saved: save.length, failed: [] };
    },
  };
  return Object.assign(hub, { delivery });
}

// ---- Reporting: rollups, Red/Amber commitments and case studies in memory (appended for the dashboard and case study screens) ----
import type { CaseStudy as ReportingCaseStudy } from '../../src/domain';
import type { CommitmentWithProgress as ReportingCommitment, Rollup as ReportingRollup } from '../../src/domain';

export interface ReportingMemory {
  rollups: ReportingRollup[];
  atRisk: Stored<ReportingCommitment>[];
  caseStudies: Stored<ReportingCaseStudy>[];
  /** Queries answered, by repository. */
  queries: { rollups: number; progress: number; procurements: number; caseStudies: number };
}

/** Gives a memory hub working rollups, the recorded progress (by RAG) and case studies. */
export function withReporting(hub: MemoryHub, seed: { rollups?: ReportingRollup[]; atRisk?: ReportingCommitment[]; caseStudies?: ReportingCaseStudy[] } = {}): ReportingMemory {
  const mem: ReportingMemory = {
    rollups: [...(seed.rollups ?? [])],
    atRisk: (seed.atRisk ?? []).map((c, i) => ({ ...c, id: i + 1, etag: '1' })),
    caseStudies: (seed.caseStudies ?? []).map((c, i) => ({ ...c, id: i + 1, etag: '1' })),
    queries: { rollups: 0, progress: 0, procurements: 0, caseStudies: 0 },
  };
  const paged = <T,>(items: T[], size = 50, token?: string): Page<T> => {
    const start = token ? Number(token) : 0;
    return { items: items.slice(start, start + size), nextPageToken: start + size < items.length ? String(start + size) : undefined };
  };
  const procurementQuery = hub.data.procurements.query;
  hub.data.procurements.query = async (q) => {
    mem.queries.procurements++;
    return procurementQuery(q);
  };
  const awardsQuery = hub.data.procurements.awards;
  hub.data.procurements.awards = async (q) => {
    mem.queries.procurements++;
    return awardsQuery(q);
  };
  hub.data.rollups = {
    query: async (q) => {
      mem.queries.rollups++;
      const items = mem.rollups
        .filter(
          (r) =>
            (!q.periodFrom || r.periodEnd >= q.periodFrom) &&
            (!q.periodTo || r.periodEnd <= q.periodTo) &&
            (!q.authorityId || r.authorityId === q.authorityId) &&
            (!q.themeId || r.themeId === q.themeId) &&
            (!q.procurementReference || r.procurementReference === q.procurementReference),
        )
        .map((r, i) => ({ ...r, id: i + 1, etag: '1' }));
      return paged(items, q.pageSize, q.pageToken);
    },
    saveMany: async (rows) => {
      for (const r of rows) {
        const i = mem.rollups.findIndex((x) => x.procurementReference === r.procurementReference && x.periodEnd === r.periodEnd && x.themeId === r.themeId);
        if (i >= 0) mem.rollups[i] = r;
        else mem.rollups.push(r);
      }
      return { ok: true, saved: rows.length, failed: [] };
    },
  };
  // The seeded at-risk commitments stand for the progress a site owner's update recorded.
  hub.data.progress = {
    query: async (q) => {
      mem.queries.progress++;
      const recorded = mem.atRisk.map((c) => ({ ...c, commitmentId: c.id, rag: c.rag ?? 'Green', verifiedQuantity: c.verifiedQuantity ?? 0 }));
      return paged(recorded.filter((c) => (!q.rag || c.rag === q.rag) && (!q.procurementReference || c.procurementReference === q.procurementReference)), q.pageSize, q.pageToken);
    },
    saveMany: () => notUsed('progress'),
  };
  let nextId = mem.caseStudies.length + 1;
  hub.data.caseStudies = {
    create: async (c) => {
      const stored = { ...c, id: nextId++, etag: '1' };
      mem.caseStudies.push(stored);
      return stored;
    },
    get: async (id) => mem.caseStudies.find((c) => c.id === id),
    update: async (c) => {
      const i = mem.caseStudies.findIndex((x) => x.id === c.id);
      if (i < 0) throw new DataError('not-found', 'no such case study');
      if (mem.caseStudies[i].etag !== c.etag) throw new DataError('conflict', 'changed by someone else');
      mem.caseStudies[i] = { ...c, etag: String(Number(c.etag) + 1) };
      return mem.caseStudies[i];
    },
    query: async (q) => {
      mem.queries.caseStudies++;
      const items = mem.caseStudies.filter(
        (c) => (q.published === undefined || c.published === q.published) && (!q.themeId || c.themeId === q.themeId) && (!q.procurementReference || c.procurementReference === q.procurementReference),
      );
      return paged(items, q.pageSize, q.pageToken);
    },
  };
  return mem;
}

// ---- Measure library admin: measures.save and thresholds in memory (appended for tests/ui/library) ----
// withLibrary(hub) keeps the measure library and threshold rows in memory, checking measures with the
// domain's validateMeasure as the SharePoint adapter does; saves are keyed as the lists key them.
import { DEFAULT_THRESHOLD_TABLES as LibraryDefaultTables, thresholdRowsFromTables as libraryRowsFromTables, validateMeasure as libraryValidateMeasure } from '../../src/domain';
import type { Measure as LibraryMeasure, ThresholdRow as LibraryThresholdRow } from '../../src/domain';

export interface LibraryMemory {
  measures: Map<string, Stored<LibraryMeasure>>;
  thresholds: Stored<LibraryThresholdRow>[];
  measureSaves: number;
  thresholdSaves: number;
}

export function withLibrary(hub: MemoryHub, seed: { measures?: readonly LibraryMeasure[]; thresholds?: readonly LibraryThresholdRow[] } = {}): LibraryMemory {
  let nextId = 5000;
  const mem: LibraryMemory = {
    measures: new Map((seed.measures ?? MEASURES).map((m) => [m.code, { ...m, id: nextId++, etag: '1' }])),
    thresholds: (seed.thresholds ?? libraryRowsFromTables(LibraryDefaultTables)).map((r) => ({ ...r, id: nextId++, etag: '1' })),
    measureSaves: 0,
    thresholdSaves: 0,
  };
  hub.data.measures = {
    list: async (options = {}) =>
      Array.from(mem.measures.values())
        .filter((m) => !options.activeOnly || m.active)
        .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
        .map((m) => ({ ...m })),
    getByCode: async (code) => {
      const m = mem.measures.get(code);
      return m ? { ...m } : undefined;
    },
    save: async (m) => {
      const problems = libraryValidateMeasure(m);
      if (problems.length) throw new DeliveryValidationError(problems, 'memory');
      const previous = mem.measures.get(m.code);
      const stored = { ...m, id: previous?.id ?? nextId++, etag: String(Number(previous?.etag ?? '0') + 1) };
      mem.measures.set(m.code, stored);
      mem.measureSaves++;
      return stored;
    },
  };
  hub.data.thresholds = {
    list: async () => mem.thresholds.slice().sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0)).map((r) => ({ ...r })),
    save: async (row) => {
      const i = mem.thresholds.findIndex((r) => r.effectiveFrom === row.effectiveFrom && r.regime === row.regime && r.contractType === row.contractType);
      const stored = { ...row, id: i >= 0 ? mem.thresholds[i].id : nextId++, etag: String(Number(i >= 0 ? mem.thresholds[i].etag : '0') + 1) };
      if (i >= 0) mem.thresholds[i] = stored;
      else mem.thresholds.push(stored);
      mem.thresholdSaves++;
      return stored;
    },
  };
  return mem;
}
