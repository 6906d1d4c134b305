// Opening the hub: one read (the data layer's $batch: user, rights, missing lists, settings, thresholds, tenant
// properties) answers what the first screen's parts would each have asked SharePoint for, and the register's first
// page and the approver's queue start the moment it lands — not after the first render has asked for them. At
// SharePoint Online's latency each request on the way to the first screen is what a person waits for (issue 18).
//
// The answers serve the opening only: calls within OPENING_FRESH_MS of the read; a write through these services
// (settings, thresholds, provisioning, procurements) drops them, so a screen reading after a save reads SharePoint.
import type { HubData, OpeningAnswers, OpeningPages, OpeningReader, ProcurementQuery, RegisterPage, Page, Stored } from '../data/ports';
import * as strings from 'SocialValueHubStrings';
import type { Procurement } from '../domain';
import { DataError } from '../data/errors';
import { lazyHubData } from '../data/lazyHubData';
import { format } from '../loc/format';
import { TENANT_KEYS, asSiteUrl, resolveHubSite, sameSite } from './hubSite';
import type { HubSite, TenantPropertyReader } from './hubSite';

/** How long the opening's answers stand in for SharePoint's: the first screen's load, not a session. */
export const OPENING_FRESH_MS = 30_000;

/** The same query whatever the order of its keys or its undefined values. */
export function queryKey(query: ProcurementQuery): string {
  const sorted = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().filter((k) => (v as Record<string, unknown>)[k] !== undefined).map((k) => [k, sorted((v as Record<string, unknown>)[k])]))
      : v;
  return JSON.stringify(sorted(query));
}

export interface OpeningOptions {
  /** The register's first page to start as soon as the opening lands (the landing screen's query). */
  register?: ProcurementQuery;
  /** The approver's queue to start likewise. */
  approvals?: ProcurementQuery;
  now?: () => number;
}

export interface Opening {
  /** HubData whose opening reads are answered by the one read. */
  data: HubData;
  /** The answers; undefined when the read failed (every call then asks SharePoint itself). */
  answers: Promise<OpeningAnswers | undefined>;
}

/** HubData that answers the opening's reads from `read`'s answers, and starts the first pages when they land. */
export function openHub(data: HubData, read: Promise<OpeningAnswers>, options: OpeningOptions = {}): Opening {
  const now = options.now ?? Date.now;
  let answers: Promise<OpeningAnswers | undefined> | undefined = read.catch(() => undefined);
  const answersPromise = answers;
  // Prefetched first pages, by query; each is served once (a later call of the same query reads again).
  const early = new Map<string, { at: number; page: Promise<unknown> }>();
  const start = (kind: 'register' | 'query', query: ProcurementQuery | undefined): void => {
    if (!query) return;
    // Not on a site without the hub's lists: the first screen is then the set-up check, and the query would fail.
    const page: Promise<unknown> = answersPromise.then((a): unknown => {
      if (a?.missingLists && a.missingLists.length > 0) return undefined;
      // The batch carried it (OpeningPages): the same query's page, read with the rest.
      const carried = kind === 'register' ? a?.register : a?.approvals;
      if (carried && queryKey(carried.query) === queryKey(query)) return carried.page;
      return kind === 'register' ? data.procurements.register(query) : data.procurements.query(query);
    });
    page.catch(() => undefined); // a failure surfaces to the screen that takes it
    early.set(`${kind}:${queryKey(query)}`, { at: now(), page });
  };
  start('register', options.register);
  start('query', options.approvals);

  /** The answers while they stand in for SharePoint's: read, not dropped by a write, and fresh. */
  const fresh = async (): Promise<OpeningAnswers | undefined> => {
    const a = answers && (await answers);
    return a && now() - a.readAt <= OPENING_FRESH_MS ? a : undefined;
  };
  /** The opening's answer for `pick`, or the repository's own read when there is none (stale, dropped, failed). */
  const served = <T>(pick: (a: OpeningAnswers) => T | undefined, own: () => Promise<T>): (() => Promise<T>) => async (): Promise<T> => {
    const a = await fresh();
    const value = a ? pick(a) : undefined;
    return value !== undefined ? value : own();
  };
  const takeEarly = <T>(kind: 'register' | 'query', query: ProcurementQuery, own: () => Promise<T>): Promise<T> => {
    const key = `${kind}:${queryKey(query)}`;
    const hit = early.get(key);
    early.delete(key);
    if (!hit || now() - hit.at > OPENING_FRESH_MS) return own();
    // Not started (lists missing at opening): asked now, as the screen would have.
    return hit.page.then((page) => (page === undefined ? own() : (page as T)));
  };
  /** A write: what the opening read may no longer be what SharePoint holds. */
  const dropping = <A extends unknown[], R>(write: (...args: A) => Promise<R>): ((...args: A) => Promise<R>) => (...args: A): Promise<R> => {
    answers = undefined;
    early.clear();
    return write(...args);
  };

  // On a site without the hub's lists (before set-up) the set-up screen is the only one, and nothing but the lists'
  // check and provisioning is asked of SharePoint: a screen drawn while the opening was on its way finds its reads
  // refused here rather than answered 404 there. Provisioning (a write) drops the answers, and this refusal with them.
  const listsThere = async (): Promise<HubData> => {
    const missing = (await fresh())?.missingLists ?? [];
    if (missing.length > 0) throw new DataError('not-found', format(strings.Setup.ListsMissing, missing.join(', ')));
    return data;
  };
  const { users, provisioning } = data;
  const checked = lazyHubData(listsThere);
  const { procurements, settings, thresholds, approvals } = checked;
  return {
    answers: answersPromise,
    data: {
      ...checked,
      users: { ...users, current: served((a) => a.user, () => users.current()), ensure: (email) => users.ensure(email) },
      provisioning: {
        missingLists: served((a) => a.missingLists, () => provisioning.missingLists()),
        provision: dropping(() => provisioning.provision()),
      },
      settings: {
        // A key the Settings list lacks reads undefined, as the repository's get answers it.
        get: (key) => served((a) => (a.settings ? { value: a.settings[key] } : undefined), async () => ({ value: await settings.get(key) }))().then((r) => r.value),
        all: served((a) => (a.settings ? { ...a.settings } : undefined), () => settings.all()),
        set: dropping((key: string, value: string, description?: string) => settings.set(key, value, description)),
      },
      thresholds: {
        list: served((a) => (a.thresholds ? a.thresholds.slice() : undefined), () => thresholds.list()),
        save: dropping((row: Parameters<typeof thresholds.save>[0]) => thresholds.save(row)),
      },
      procurements: {
        ...bound(procurements),
        register: (query: ProcurementQuery): Promise<RegisterPage> => takeEarly('register', query, () => procurements.register(query)),
        query: (query?: ProcurementQuery): Promise<Page<Stored<Procurement>>> => takeEarly('query', query ?? {}, () => procurements.query(query)),
        create: dropping((p: Procurement) => procurements.create(p)),
        update: dropping((p: Stored<Procurement>) => procurements.update(p)),
        saveBundle: dropping((b: Parameters<typeof procurements.saveBundle>[0]) => procurements.saveBundle(b)),
      },
      approvals: { ...bound(approvals), record: dropping((...args: Parameters<typeof approvals.record>) => approvals.record(...args)) },
    },
  };
}

/**
 * The screens' data for a host, before the opening has landed: one object from the first render on, answering once
 * `opening` lands (through openHub), so what a screen asks for meanwhile is not asked again when the rest of the
 * services arrive (issue 18: the hub's frame renders while the batch is on its way).
 */
export function openedHubData(opening: Promise<SiteOpening>, options: OpeningOptions | Promise<OpeningOptions>): HubData {
  return lazyHubData(() => Promise.all([opening, options]).then(([o, landing]) => openHub(o.adapter.data, o.read, landing).data));
}

/** A site's adapter as a host builds it: the data, and its opening read. */
export interface SiteAdapter {
  data: HubData;
  opening: OpeningReader;
}

export interface SiteOpening {
  site: HubSite;
  /** The lists' site's adapter (not yet wrapped by openHub). */
  adapter: SiteAdapter;
  /** The opening's answers from the lists' site. */
  read: Promise<OpeningAnswers>;
  /** Tenant properties, from the opening's batch where it asked for them, else read on their own. */
  readTenant: TenantPropertyReader;
}

/**
 * Finds the lists' site and reads its opening in one request where it can. Without a web part property the
 * lists are usually on the host's site: the batch goes there at once, with the tenant property that may name
 * another site (src/app/hubSite.ts's precedence); only when it does is a second batch sent, to that site.
 */
export async function openHubSite(input: {
  webPartSiteUrl?: string;
  hostSiteUrl: string;
  adapterFor: (siteUrl: string) => SiteAdapter;
  /** A tenant property read on its own (when the batch did not ask, or could not answer). */
  readTenant: TenantPropertyReader;
  /** The landing screen's first pages for the host page's user: carried by the batch to the host's own site. */
  pages?: OpeningPages;
}): Promise<SiteOpening> {
  const own = asSiteUrl(input.webPartSiteUrl, input.hostSiteUrl);
  const guess = own ?? input.hostSiteUrl.trim().replace(/\/+$/, '');
  const first = input.adapterFor(guess);
  // A site user's id is the site's own: the page's user id filters only on the page's site.
  const pages = input.pages && sameSite(guess, input.hostSiteUrl) ? { pages: input.pages } : {};
  const firstRead = first.opening({ ...(own ? {} : { tenantKeys: [TENANT_KEYS.hubSiteUrl, TENANT_KEYS.teamsAppId] }), ...pages });
  firstRead.catch(() => undefined); // whoever needs it sees the failure
  const readTenant: TenantPropertyReader = (key) =>
    firstRead.then(
      (a) => (a.tenant && key in a.tenant ? a.tenant[key] : input.readTenant(key)),
      () => input.readTenant(key),
    );
  const site = await resolveHubSite({ webPartSiteUrl: input.webPartSiteUrl, hostSiteUrl: input.hostSiteUrl, readTenant });
  if (sameSite(site.url, guess)) return { site, adapter: first, read: firstRead, readTenant };
  const adapter = input.adapterFor(site.url);
  return { site, adapter, read: adapter.opening(), readTenant };
}

/** A repository's methods bound to it (a spread of a class instance copies no prototype methods). */
function bound<T extends object>(repository: T): T {
  const out: Record<string, unknown> = {};
  let proto: object | null = repository;
  while (proto && proto !== Object.prototype) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const v = (repository as Record<string, unknown>)[name];
      if (name !== 'constructor' && typeof v === 'function' && !(name in out)) out[name] = (v as (...a: unknown[]) => unknown).bind(repository);
    }
    proto = Object.getPrototypeOf(proto);
  }
  return out as T;
}
