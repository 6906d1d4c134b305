// An in-memory HubData for UI tests: it keeps what the screens write so tests can assert on it, and can be
// told to fail. The data layer's own tests run the real PnPjs adapter over HTTP; this is only for screens.
import { MEASURES, canApprove } from '../../src/domain';
import type { ActionPlanItem, Procurement, ProcurementStatus } from '../../src/domain';
import { DataError } from '../../src/data/ports';
import type { ApprovalDecision, BundleSaveResult, HubData, Page, ProcurementBundle, ProcurementQuery, Stored } from '../../src/data/ports';

export interface MemoryHub {
  data: HubData;
  procurements: Map<string, Stored<Procurement>>;
  actionPlans: Map<string, Stored<ActionPlanItem>[]>;
  settings: Map<string, string>;
  history: Map<string, { status: ProcurementStatus; at: string; byEmail?: string }[]>;
  /** The next saveBundle/update fails with this error (once). */
  failNextWrite(error: unknown): void;
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
  let nextFailure: unknown;
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
        (!q.text || p.reference.startsWith(q.text) || p.title.toLowerCase().includes(q.text.toLowerCase())),
    );
    const by = q.sort?.by ?? 'modified';
    const key = (p: Stored<Procurement>): string | number =>
      by === 'estimatedValue' ? p.estimatedValuePence : by === 'modified' ? p.modified ?? '' : (p as unknown as Record<string, string>)[by];
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
      create: async (p) => store(p),
      update: async (p) => {
        takeFailure();
        const current = procurements.get(p.reference);
        if (current && current.etag !== p.etag) throw new DataError('conflict', 'changed by someone else');
        return store(p);
      },
      saveBundle: async (bundle: ProcurementBundle): Promise<BundleSaveResult> => {
        takeFailure();
        const procurement = store(bundle.procurement);
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
        const p = procurements.get(decision.procurementReference)!;
        if (!canApprove(p, decision.decidedByEmail)) throw new DataError('validation', 'no self-approval');
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
    caseStudies: { create: () => notUsed('caseStudies'), get: () => notUsed('caseStudies'), update: () => notUsed('caseStudies'), query: () => notUsed('caseStudies') },
    thresholds: { list: () => notUsed('thresholds'), save: () => notUsed('thresholds') },
    outbox: { enqueue: () => notUsed('outbox'), get: () => notUsed('outbox'), due: () => notUsed('outbox'), query: () => notUsed('outbox'), update: () => notUsed('outbox') },
    rollups: { query: () => notUsed('rollups'), saveMany: () => notUsed('rollups') },
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
