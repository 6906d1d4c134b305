// A HubData whose implementation loads on demand: the host hands the UI this at once, and the SharePoint
// adapter (PnPjs feature modules, list schemas, mapping, provisioning) arrives in its own chunk while the
// first render is on screen. Every HubData method is async, so each one simply waits for the adapter.
import type { HubData } from './ports';

/** Every method of every repository: the compiler insists this stays complete as HubData grows. */
type Methods<T> = { [M in keyof T]-?: true };
const METHODS: { [K in keyof HubData]-?: Methods<HubData[K]> } = {
  procurements: { get: true, getById: true, query: true, register: true, awards: true, create: true, update: true, saveBundle: true, statusHistory: true },
  approvals: { decisionFor: true, record: true },
  commitments: { listForProcurement: true, query: true, update: true },
  outcomes: { record: true, get: true, query: true, update: true },
  actionPlan: { listForProcurement: true, query: true, update: true },
  caseStudies: { create: true, get: true, update: true, query: true },
  kpiAssessments: { save: true, listForProcurement: true },
  measures: { list: true, getByCode: true, save: true },
  thresholds: { list: true, save: true },
  settings: { get: true, all: true, set: true },
  outbox: { enqueue: true, get: true, due: true, query: true, update: true },
  rollups: { query: true, saveMany: true },
  progress: { query: true, saveMany: true },
  users: { current: true, ensure: true },
  provisioning: { missingLists: true, provision: true },
};

type AnyMethod = (...args: unknown[]) => Promise<unknown>;

/**
 * HubData backed by `load()`, which starts at once (so the code is usually there before the first screen
 * asks), or with the first call when `start` is 'when-asked' (a host that fetches the code itself once the first
 * screen is drawn). A load that fails (e.g. the network dropped) fails the calls waiting for it and is tried
 * again by the next call, so a screen's Retry works.
 */
export function lazyHubData(load: () => Promise<HubData>, options: { start?: 'now' | 'when-asked' } = {}): HubData {
  let pending: Promise<HubData> | undefined;
  const loaded = (): Promise<HubData> => {
    if (!pending) {
      pending = load().catch((e: unknown) => {
        pending = undefined;
        throw e;
      });
    }
    return pending;
  };
  // Started now; nobody may be waiting yet, so this start does not report a failure itself.
  if (options.start !== 'when-asked') loaded().catch(() => undefined);
  const data: Record<string, Record<string, AnyMethod>> = {};
  for (const [repository, methods] of Object.entries(METHODS)) {
    data[repository] = {};
    for (const method of Object.keys(methods)) {
      data[repository][method] = async (...args: unknown[]): Promise<unknown> => {
        const real = (await loaded()) as unknown as Record<string, Record<string, AnyMethod>>;
        return real[repository][method](...args);
      };
    }
  }
  return data as unknown as HubData;
}
