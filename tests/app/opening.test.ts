// The application layer's opening: the one read's answers stand in for the first screen's separate reads (and
// only for them: within OPENING_FRESH_MS, until a write), and the first register page and the approver's queue
// start as soon as they land. The batch itself is tested over HTTP in tests/data/opening.test.ts.
import { OPENING_FRESH_MS, openHub, openHubSite, openedHubData, queryKey } from '../../src/app/opening';
import { awaitingMyApprovalQuery, firstRegisterQuery, landingOf, landingQueries, openingPages } from '../../src/app/firstPages';
import type { SiteAdapter } from '../../src/app/opening';
import { TENANT_KEYS } from '../../src/app/hubSite';
import type { OpeningAnswers, OpeningPages, SiteUser } from '../../src/data/ports';
import { memoryHub } from '../support/memoryHubData';
import { procurement } from '../support/records';

const ME: SiteUser = { id: 7, email: 'priya.sandhu@svhub.example', displayName: 'Priya Sandhu', isSiteAdmin: false };

function answersAt(readAt: number, over: Partial<OpeningAnswers> = {}): OpeningAnswers {
  return { readAt, user: ME, canManageSite: false, missingLists: [], settings: { 'approvals.approverEmail': 'manager@svhub.example' }, thresholds: [], ...over };
}

/** A memory hub whose opening reads are counted. */
function counted() {
  const hub = memoryHub();
  hub.settings.set('approvals.approverEmail', 'someone.else@svhub.example');
  const data = hub.data;
  const spies = {
    current: jest.spyOn(data.users, 'current').mockResolvedValue({ ...ME, displayName: 'from SharePoint' }),
    missingLists: jest.spyOn(data.provisioning, 'missingLists'),
    all: jest.spyOn(data.settings, 'all'),
    get: jest.spyOn(data.settings, 'get'),
    thresholds: jest.spyOn(data.thresholds, 'list'),
    register: jest.spyOn(data.procurements, 'register'),
    query: jest.spyOn(data.procurements, 'query'),
  };
  return { hub, data, spies };
}

describe('openHub', () => {
  it('answers the opening reads from the one read, without asking the repositories', async () => {
    const { data, spies } = counted();
    const { data: opened } = openHub(data, Promise.resolve(answersAt(Date.now())));
    expect(await opened.users.current()).toEqual(ME);
    expect(await opened.provisioning.missingLists()).toEqual([]);
    expect(await opened.settings.all()).toEqual({ 'approvals.approverEmail': 'manager@svhub.example' });
    expect(await opened.settings.get('approvals.approverEmail')).toBe('manager@svhub.example');
    // A key the Settings list lacks reads undefined, as the repository answers it.
    expect(await opened.settings.get('taskforce.teamId')).toBeUndefined();
    expect(await opened.thresholds.list()).toEqual([]);
    for (const spy of [spies.current, spies.missingLists, spies.all, spies.get, spies.thresholds]) expect(spy).not.toHaveBeenCalled();
  });

  it('asks SharePoint itself past the freshness window, for a part the batch could not answer, and when the read failed', async () => {
    let now = 1_000_000;
    const stale = counted();
    const o1 = openHub(stale.data, Promise.resolve(answersAt(now)), { now: () => now });
    now += OPENING_FRESH_MS + 1;
    expect(await o1.data.settings.get('approvals.approverEmail')).toBe('someone.else@svhub.example');
    expect((await o1.data.users.current()).displayName).toBe('from SharePoint');

    const partial = counted();
    const o2 = openHub(partial.data, Promise.resolve(answersAt(Date.now(), { settings: undefined })));
    expect(await o2.data.settings.all()).toEqual({ 'approvals.approverEmail': 'someone.else@svhub.example' });
    expect(await o2.data.users.current()).toEqual(ME);
    expect(partial.spies.all).toHaveBeenCalledTimes(1);

    const failed = counted();
    const o3 = openHub(failed.data, Promise.reject(new Error('network')));
    expect(await o3.answers).toBeUndefined();
    expect(await o3.data.provisioning.missingLists()).toEqual([]);
    expect(failed.spies.missingLists).toHaveBeenCalledTimes(1);
  });

  it('drops its answers on a write: a screen reading after a save reads SharePoint', async () => {
    const { data, spies } = counted();
    const { data: opened } = openHub(data, Promise.resolve(answersAt(Date.now())));
    await opened.settings.set('approvals.approverEmail', 'new.approver@svhub.example');
    expect(await opened.settings.get('approvals.approverEmail')).toBe('new.approver@svhub.example');
    expect(spies.get).toHaveBeenCalledTimes(1);
  });

  it('starts the first register page and the approver\'s queue when the read lands, each served once to the same query', async () => {
    const { hub, data, spies } = counted();
    await data.procurements.create({ ...procurement('EARLY-1'), leadOfficer: { email: ME.email, displayName: ME.displayName } });
    spies.register.mockClear();
    let land!: (a: OpeningAnswers) => void;
    const read = new Promise<OpeningAnswers>((r) => (land = r));
    const first = firstRegisterQuery('mine', ME.email);
    const { data: opened } = openHub(data, read, { register: first, approvals: awaitingMyApprovalQuery(ME.email) });
    await Promise.resolve();
    expect(spies.register).not.toHaveBeenCalled(); // not before the opening has primed the adapter
    land(answersAt(Date.now()));
    await new Promise((r) => setTimeout(r, 0));
    // (The memory register pages through query() itself: the queue's calls are the ones naming an approver.)
    const queueCalls = (): number => spies.query.mock.calls.filter((c) => c[0]?.approverEmail).length;
    expect(spies.register).toHaveBeenCalledTimes(1);
    expect(queueCalls()).toBe(1);
    // The screen's own query: the same, keys in another order and with undefined filters.
    const screens = { sort: { descending: true, by: 'newest' as const }, text: undefined, leadOfficerEmail: ME.email, pageToken: undefined, pageSize: first.pageSize };
    expect(queryKey(screens)).toBe(queryKey(first));
    const page = await opened.procurements.register(screens);
    expect(page.items.map((e) => e.reference)).toEqual(['EARLY-1']);
    await opened.procurements.query(awaitingMyApprovalQuery(ME.email));
    expect(spies.register).toHaveBeenCalledTimes(1);
    expect(queueCalls()).toBe(1);
    // Served once: the next call (a reload, "back to the register") reads again.
    await opened.procurements.register(screens);
    expect(spies.register).toHaveBeenCalledTimes(2);
    expect(hub.procurements.size).toBe(1);
  });

  it('serves the first pages the batch carried (OpeningPages) without asking the repositories, and only to their own query', async () => {
    const { data, spies } = counted();
    const first = firstRegisterQuery('mine', ME.email);
    const queue = awaitingMyApprovalQuery(ME.email);
    const carried = { items: [{ id: 1, reference: 'CARRIED-1', title: 'Carried', authorityId: 'wmca', estimatedValuePence: 1, weighting: { method: 'none' as const }, status: 'Draft' as const }], source: 'list' as const };
    const queuePage = { items: [{ ...procurement('QUEUE-1'), id: 2, etag: '"1"' }] };
    const { data: opened } = openHub(data, Promise.resolve(answersAt(Date.now(), {
      register: { query: { ...first }, page: carried },
      approvals: { query: { ...queue }, page: queuePage },
    })), { register: first, approvals: queue });
    expect(await opened.procurements.register({ ...first })).toEqual(carried);
    expect(await opened.procurements.query({ ...queue })).toEqual(queuePage);
    expect(spies.register).not.toHaveBeenCalled();
    expect(spies.query).not.toHaveBeenCalled();

    // A batch that carried another query's page (someone else's register): the landing query is asked for itself.
    const other = counted();
    const { data: o2 } = openHub(other.data, Promise.resolve(answersAt(Date.now(), {
      register: { query: firstRegisterQuery('mine', 'someone.else@svhub.example'), page: carried },
    })), { register: first });
    expect((await o2.procurements.register(first)).items.map((e) => e.reference)).not.toContain('CARRIED-1');
    expect(other.spies.register).toHaveBeenCalledTimes(1);
  });

  it('starts no early page on a site without the hub\'s lists (the set-up check is the first screen)', async () => {
    const { data, spies } = counted();
    const first = firstRegisterQuery('mine', ME.email);
    const missing = { missingLists: ['Procurements', 'Settings'], settings: undefined };
    const { data: opened } = openHub(data, Promise.resolve(answersAt(Date.now(), missing)), { register: first, approvals: awaitingMyApprovalQuery(ME.email) });
    await new Promise((r) => setTimeout(r, 0));
    expect(spies.register).not.toHaveBeenCalled();
    expect(spies.query).not.toHaveBeenCalled();
    // A screen drawn while the opening was on its way asks nothing of a site without its lists: refused here.
    await expect(opened.procurements.register(first)).rejects.toThrow('Missing or out of date: Procurements, Settings.');
    await expect(opened.settings.get('approvals.approverEmail')).rejects.toMatchObject({ kind: 'not-found' });
    await expect(opened.commitments.query({})).rejects.toMatchObject({ kind: 'not-found' });
    expect(spies.register).not.toHaveBeenCalled();
    expect(spies.get).not.toHaveBeenCalled();
    // Asked once provisioned: the screen's own call goes through.
    await opened.provisioning.provision();
    await opened.procurements.register(first);
    expect(spies.register).toHaveBeenCalledTimes(1);
  });

  it('does not serve an early page after a write (a new procurement would be missing from it)', async () => {
    const { data, spies } = counted();
    const first = firstRegisterQuery('mine', ME.email);
    const { data: opened } = openHub(data, Promise.resolve(answersAt(Date.now())), { register: first });
    await new Promise((r) => setTimeout(r, 0));
    await opened.procurements.create({ ...procurement('LATER-1'), leadOfficer: { email: ME.email, displayName: ME.displayName } });
    const page = await opened.procurements.register(first);
    expect(page.items.map((e) => e.reference)).toEqual(['LATER-1']);
    expect(spies.register).toHaveBeenCalledTimes(2);
  });
});

describe('openedHubData', () => {
  it('answers the screens once the opening lands, through openHub: the read\'s answers and the pages it started', async () => {
    const { data, spies } = counted();
    let land: (o: { site: { url: string; source: 'host' }; adapter: SiteAdapter; read: Promise<OpeningAnswers>; readTenant: () => Promise<undefined> }) => void = () => undefined;
    const opening = new Promise<Parameters<typeof land>[0]>((resolve) => (land = resolve));
    const first = firstRegisterQuery('mine', ME.email);
    const screens = openedHubData(opening, Promise.resolve({ register: first }));
    const asked = screens.procurements.register(first);
    const user = screens.users.current();
    await new Promise((r) => setTimeout(r, 0));
    expect(spies.register).not.toHaveBeenCalled();
    land({ site: { url: 'https://contoso.svhub.example/sites/socialvalue', source: 'host' }, adapter: { data, opening: jest.fn() }, read: Promise.resolve(answersAt(Date.now())), readTenant: async () => undefined });
    await asked;
    expect(await user).toEqual(ME);
    expect(spies.current).not.toHaveBeenCalled();
    // The page the opening started is the one the screen asked for: read once.
    expect(spies.register).toHaveBeenCalledTimes(1);
  });
});

describe('openHubSite', () => {
  const HOST = 'https://contoso.svhub.example/sites/socialvalue';
  const OTHER = 'https://contoso.svhub.example/sites/hub';
  function adapters(tenant: Record<string, string | undefined>) {
    const openings: { site: string; tenantKeys?: readonly string[]; pages?: OpeningPages }[] = [];
    const adapterFor = (site: string): SiteAdapter => ({
      data: memoryHub().data,
      opening: async (o) => {
        openings.push({ site, tenantKeys: o?.tenantKeys, ...(o?.pages ? { pages: o.pages } : {}) });
        return { readAt: Date.now(), tenant: o?.tenantKeys ? Object.fromEntries(o.tenantKeys.map((k) => [k, tenant[k]])) : undefined };
      },
    });
    const readTenant = jest.fn(async (key: string) => tenant[key]);
    return { openings, adapterFor, readTenant };
  }

  it('on the hub\'s own site: one batch, which also answered the tenant property (no request of its own)', async () => {
    const a = adapters({});
    const opened = await openHubSite({ hostSiteUrl: `${HOST}/`, adapterFor: a.adapterFor, readTenant: a.readTenant });
    expect(opened.site).toEqual({ url: HOST, source: 'host' });
    expect(a.openings).toEqual([{ site: HOST, tenantKeys: [TENANT_KEYS.hubSiteUrl, TENANT_KEYS.teamsAppId] }]);
    expect(await opened.readTenant(TENANT_KEYS.teamsAppId)).toBeUndefined();
    expect(a.readTenant).not.toHaveBeenCalled();
  });

  it('when the tenant names another site: a second batch there, and its answers are the opening\'s', async () => {
    const a = adapters({ [TENANT_KEYS.hubSiteUrl]: OTHER });
    const opened = await openHubSite({ hostSiteUrl: 'https://contoso.svhub.example', adapterFor: a.adapterFor, readTenant: a.readTenant });
    expect(opened.site).toEqual({ url: OTHER, source: 'tenant' });
    expect(a.openings.map((o) => o.site)).toEqual(['https://contoso.svhub.example', OTHER]);
    expect(a.openings[1].tenantKeys).toBeUndefined();
  });

  it('with the web part\'s own site: one batch to it, the tenant not asked', async () => {
    const a = adapters({ [TENANT_KEYS.hubSiteUrl]: HOST });
    const opened = await openHubSite({ webPartSiteUrl: '/sites/hub', hostSiteUrl: HOST, adapterFor: a.adapterFor, readTenant: a.readTenant });
    expect(opened.site).toEqual({ url: OTHER, source: 'web-part' });
    expect(a.openings).toEqual([{ site: OTHER, tenantKeys: undefined }]);
    expect(await opened.readTenant(TENANT_KEYS.teamsAppId)).toBeUndefined();
    expect(a.readTenant).toHaveBeenCalledTimes(1);
  });

  it('sends the landing screen\'s first pages with the batch to the page\'s own site only (a site user\'s id is that site\'s)', async () => {
    const pages: OpeningPages = { user: { id: ME.id, email: ME.email }, register: firstRegisterQuery('mine', ME.email), approvals: awaitingMyApprovalQuery(ME.email) };
    const own = adapters({});
    await openHubSite({ hostSiteUrl: HOST, adapterFor: own.adapterFor, readTenant: own.readTenant, pages });
    expect(own.openings).toEqual([{ site: HOST, tenantKeys: [TENANT_KEYS.hubSiteUrl, TENANT_KEYS.teamsAppId], pages }]);
    // The tenant names another site: the second batch goes without them (the id would be the host site's).
    const elsewhere = adapters({ [TENANT_KEYS.hubSiteUrl]: OTHER });
    await openHubSite({ hostSiteUrl: 'https://contoso.svhub.example', adapterFor: elsewhere.adapterFor, readTenant: elsewhere.readTenant, pages });
    expect(elsewhere.openings[1]).toEqual({ site: OTHER, tenantKeys: undefined });
    // The web part names another site: none either.
    const webPart = adapters({});
    await openHubSite({ webPartSiteUrl: '/sites/hub', hostSiteUrl: HOST, adapterFor: webPart.adapterFor, readTenant: webPart.readTenant, pages });
    expect(webPart.openings).toEqual([{ site: OTHER, tenantKeys: undefined }]);
  });
});

describe('where a host lands, and the first pages it asks for', () => {
  it('lands the hub on the register without a deep link, elsewhere with one; the dashboard on the dashboard', () => {
    expect(landingOf('hub', '')).toBe('register');
    expect(landingOf('hub', '#/')).toBe('register');
    expect(landingOf('hub', undefined)).toBe('register');
    expect(landingOf('hub', '#/procurements/42')).toBe('hub');
    // A Teams deep link (subEntityId) carries no '#'.
    expect(landingOf('hub', 'dashboard')).toBe('hub');
    expect(landingOf('dashboard', '')).toBe('dashboard');
    expect(landingOf('dashboard', '#/procurements/42')).toBe('dashboard');
  });

  it('asks for the register on the register, the approver\'s queue anywhere in the hub, and nothing for the dashboard', () => {
    expect(landingQueries(ME.email, 'register')).toEqual({ register: firstRegisterQuery('mine', ME.email), approvals: awaitingMyApprovalQuery(ME.email) });
    expect(landingQueries(ME.email, 'hub')).toEqual({ register: undefined, approvals: awaitingMyApprovalQuery(ME.email) });
    // The regional portal's dashboard shows no queue: no query of the Procurements list on every visit.
    expect(landingQueries(ME.email, 'dashboard')).toEqual({});
  });

  it('starts nothing for the dashboard once the opening lands: no read of the Procurements list', async () => {
    const { data, spies } = counted();
    const opening = openHub(data, Promise.resolve(answersAt(Date.now())), landingQueries(ME.email, 'dashboard'));
    await opening.answers;
    await new Promise((r) => setTimeout(r, 0));
    expect(spies.register).not.toHaveBeenCalled();
    expect(spies.query).not.toHaveBeenCalled();
  });
});

describe('openingPages (what a host puts in the opening\'s batch)', () => {
  it('carries the landing queries for the page\'s site user id, the same the hub then asks for', () => {
    expect(openingPages(ME.id, ME.email, 'register')).toEqual({ user: { id: ME.id, email: ME.email }, register: firstRegisterQuery('mine', ME.email), approvals: awaitingMyApprovalQuery(ME.email) });
    expect(openingPages(String(ME.id), ME.email, 'register')?.user.id).toBe(ME.id);
    // Opened elsewhere (a deep link): the approver's queue only.
    expect(openingPages(ME.id, ME.email, 'hub')).toEqual({ user: { id: ME.id, email: ME.email }, ...landingQueries(ME.email, 'hub') });
    expect(openingPages(ME.id, ME.email, 'hub')?.register).toBeUndefined();
    // The dashboard: no page for the batch to carry.
    expect(openingPages(ME.id, ME.email, 'dashboard')).toBeUndefined();
  });

  it('carries nothing without a usable id or e-mail (the pages then follow the batch)', () => {
    for (const id of [undefined, null, 0, -1, 1.5, Number.NaN, '', 'seven', true]) expect({ id, pages: openingPages(id, ME.email, 'register') }).toEqual({ id, pages: undefined });
    expect(openingPages(ME.id, '', 'register')).toBeUndefined();
    expect(openingPages(ME.id, undefined, 'register')).toBeUndefined();
  });
});
