// The hub's opening in one $batch, through real PnPjs over HTTP to the local server: one request (after the
// form digest every POST carries), the same answers as the separate reads it replaces, missing lists reported,
// and the register's first page right after it with no look-up of the user or the list's size.
import { createLocalSp, createSharePointData, provision } from '../../src/data/sharepoint';
import { readTenantProperty } from '../../src/data/sharepoint/tenantSettings';
import { readOpening } from '../../src/data/sharepoint/opening';
import { canManageWeb } from '../../src/data/sharepoint/tenantSettings';
import { SCHEMA } from '../../src/data/schema';
import { TENANT_KEYS } from '../../src/app/hubSite';
import { MANAGER, startHub, procurement } from './fixtures';
import type { Hub } from './fixtures';
import { formDigest, startLocalServer } from '../support/localServer';
import { awaitingMyApprovalQuery, firstRegisterQuery } from '../../src/app/firstPages';
import { letAskedRequestsLeave } from '../../src/data/sharepoint/requestTurns';
import { sentWhile } from '../support/sentRequests';

jest.setTimeout(90_000);

/** The opening's answers for the site `sp` points at (one $batch). */
const openingOf = (sp: ReturnType<typeof createLocalSp>, options?: Parameters<typeof readOpening>[1]) => readOpening(sp, options).then((r) => r.answers);

/** Every HTTP request the client sends while `run` runs: method and path under the site. */
async function requestsOf<T>(run: () => Promise<T>): Promise<{ value: T; requests: string[] }> {
  const { value, sent } = await sentWhile(run);
  return { value, requests: sent.map((r) => `${r.method} ${decodeURIComponent(r.url.pathname).replace(/^\/sites\/socialvalue/, '')}`) };
}

describe('the opening batch (a provisioned hub)', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await startHub({ user: 'officer' });
    const admin = createSharePointData(createLocalSp(hub.server.siteUrl, { headers: { 'X-SVHub-User': 'admin' } }));
    await admin.settings.set('approvals.approverEmail', 'manager@svhub.example');
    await hub.data.procurements.create(procurement('OPEN-1'));
    // One waiting for the manager's decision (submitted by the officer, who leads it).
    const queued = await hub.data.procurements.create({ ...procurement('OPEN-Q'), approverEmail: MANAGER.email });
    await hub.data.procurements.update({ ...queued, status: 'Awaiting approval' });
  });
  afterAll(async () => {
    await hub?.server.stop();
  });

  it('answers in one $batch what opening asked for in separate requests, the same answers', async () => {
    const { value: answers, requests } = await requestsOf(() => openingOf(createLocalSp(hub.server.siteUrl), { tenantKeys: [TENANT_KEYS.hubSiteUrl] }));
    // One batch (a POST carries a digest: PnPjs's cached one here, else /_api/contextinfo first — or, below, the page's own).
    expect(requests.filter((r) => !r.endsWith('/_api/contextinfo'))).toEqual(['POST /_api/$batch']);

    const separate = createSharePointData(createLocalSp(hub.server.siteUrl));
    expect(answers.user).toEqual(await separate.users.current());
    expect(answers.canManageSite).toBe(await canManageWeb(createLocalSp(hub.server.siteUrl)));
    expect(answers.canManageSite).toBe(false);
    // The officer may not verify (the Verifications list is the approvers'); the approver may, asked in the same one batch.
    expect(answers.canVerify).toBe(false);
    const approver = await requestsOf(() => openingOf(createLocalSp(hub.server.siteUrl, { headers: { 'X-SVHub-User': 'manager' } })));
    expect(approver.requests.filter((r) => !r.endsWith('/_api/contextinfo'))).toEqual(['POST /_api/$batch']);
    expect(approver.value.canVerify).toBe(true);
    expect(answers.missingLists).toEqual([]);
    expect(answers.settings).toEqual(await separate.settings.all());
    expect(answers.settings?.['approvals.approverEmail']).toBe('manager@svhub.example');
    expect(answers.thresholds).toEqual(await separate.thresholds.list());
    expect(answers.thresholds?.length).toBeGreaterThan(0);
    expect(answers.tenant).toEqual({ [TENANT_KEYS.hubSiteUrl]: await readTenantProperty(createLocalSp(hub.server.siteUrl), TENANT_KEYS.hubSiteUrl) });
    expect(Date.now() - answers.readAt).toBeLessThan(30_000);
  });

  it('primes the adapter built after it (the web part\'s rest of the data layer, a chunk of its own): "my procurements" is then one request (no look-up of the user by email, nor of the list size)', async () => {
    const opened = await readOpening(createLocalSp(hub.server.siteUrl));
    const me = opened.answers.user?.email ?? '';
    const data = createSharePointData(createLocalSp(hub.server.siteUrl), { opened });
    const { value: page, requests } = await requestsOf(() => data.procurements.register({ leadOfficerEmail: me, pageSize: 25 }));
    expect(requests).toEqual(["GET /_api/web/lists/getByTitle('Procurements')/items"]);
    expect(page.items.map((e) => e.reference)).toContain('OPEN-1');

    // Without the opening, the same page costs the user look-up too: the batch is what saved it.
    const cold = createSharePointData(createLocalSp(hub.server.siteUrl));
    const coldRun = await requestsOf(() => cold.procurements.register({ leadOfficerEmail: me, pageSize: 25 }));
    expect(coldRun.requests.length).toBeGreaterThan(1);
    expect(coldRun.value.items).toEqual(page.items);
  });

  it('carries the landing screen\'s first pages when the page knows its user (its site user id): still one request, the pages the screens would read', async () => {
    const sp = createLocalSp(hub.server.siteUrl);
    const me = await createSharePointData(createLocalSp(hub.server.siteUrl)).users.current();
    const pages = { user: { id: me.id, email: me.email }, register: firstRegisterQuery('mine', me.email), approvals: awaitingMyApprovalQuery(me.email) };
    const { value: answers, requests } = await requestsOf(() => openingOf(sp, { pages }));
    expect(requests.filter((r) => !r.endsWith('/_api/contextinfo'))).toEqual(['POST /_api/$batch']);
    const separate = createSharePointData(createLocalSp(hub.server.siteUrl));
    expect(answers.register).toEqual({ query: pages.register, page: await separate.procurements.register(pages.register) });
    expect(answers.register?.page.items.map((e) => e.reference)).toContain('OPEN-1');
    expect(answers.approvals).toEqual({ query: pages.approvals, page: await separate.procurements.query(pages.approvals) });
    // The manager's queue holds what waits for them; the officer's is empty.
    const manager = await createSharePointData(createLocalSp(hub.server.siteUrl, { headers: { 'X-SVHub-User': 'manager' } })).users.current();
    const asManager = createLocalSp(hub.server.siteUrl, { headers: { 'X-SVHub-User': 'manager' } });
    const queue = (await openingOf(asManager, { pages: { user: { id: manager.id, email: manager.email }, approvals: awaitingMyApprovalQuery(manager.email) } })).approvals;
    expect(queue?.page.items.map((p) => p.reference)).toEqual(['OPEN-Q']);
    // A register query the list cannot answer at every size (it would need the list's size first) is not carried.
    const filtered = await openingOf(sp, { pages: { ...pages, register: { ...pages.register, status: 'Draft' } } });
    expect(filtered.register).toBeUndefined();
  });

  it('lets the requests already asked for leave before the first render (letAskedRequestsLeave): PnPjs sends from a timer of its own, which a render would hold up', async () => {
    const sp = createLocalSp(hub.server.siteUrl);
    const opened = await readOpening(sp);
    const me = opened.answers.user?.email ?? '';
    const data = createSharePointData(sp, { opened });
    const sent: string[] = [];
    const realFetch = globalThis.fetch;
    const spy = jest.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      sent.push(String(input));
      return realFetch(input, init);
    });
    try {
      const page = data.procurements.register(firstRegisterQuery('mine', me));
      await Promise.resolve();
      expect(sent).toHaveLength(0); // asked, not yet sent: a synchronous render now would delay it
      await letAskedRequestsLeave();
      expect(sent).toHaveLength(1);
      await page;
      // The opening's $batch likewise (the local page queues the first screen's chunks behind it).
      const opening = readOpening(sp);
      await Promise.resolve();
      expect(sent).toHaveLength(1);
      await letAskedRequestsLeave();
      expect(sent.slice(1).map((u) => new URL(u).pathname)).toEqual(['/sites/socialvalue/_api/$batch']);
      await opening;
    } finally {
      spy.mockRestore();
    }
  });
});

describe('the opening batch (a site without the hub\'s lists)', () => {
  it('on the tenant\'s root site (where Teams hosts the personal app): one batch, the tenant property in it', async () => {
    const server = await startLocalServer({ seed: 'provision', user: 'officer' });
    try {
      const { value: answers, requests } = await requestsOf(() => openingOf(createLocalSp(server.url), { tenantKeys: [TENANT_KEYS.hubSiteUrl] }));
      expect(requests.filter((r) => !r.endsWith('/_api/contextinfo'))).toEqual(['POST /_api/$batch']);
      expect(answers.tenant).toEqual({ [TENANT_KEYS.hubSiteUrl]: await readTenantProperty(createLocalSp(server.url), TENANT_KEYS.hubSiteUrl) });
      expect(answers.user?.email).toBeTruthy();
    } finally {
      await server.stop();
    }
  });

  it('reports the missing lists and still answers who the user is; the list reads that failed are left out', async () => {
    const server = await startLocalServer({ seed: 'none', user: 'admin' });
    try {
      // With the digest a SharePoint page carries (the local server puts it in its page, as _spPageContextInfo),
      // the opening is the $batch alone: no /_api/contextinfo first. (Read by hand, so PnPjs has none cached.)
      const pageDigest = { webUrl: server.siteUrl, value: await formDigest(server.siteUrl), timeoutSeconds: 1800 };
      const sp = createLocalSp(server.siteUrl, { pageDigest });
      const { value: answers, requests } = await requestsOf(() => openingOf(sp));
      expect(requests).toEqual(['POST /_api/$batch']);
      expect(answers.missingLists).toEqual(SCHEMA.map((l) => l.title));
      expect(answers.user?.email).toBeTruthy();
      expect(answers.canManageSite).toBe(true);
      expect(answers.settings).toBeUndefined();
      expect(answers.thresholds).toBeUndefined();
      expect(answers.canVerify).toBeUndefined(); // no Verifications list to ask about
      // After provisioning, nothing is missing any more.
      await provision(createLocalSp(server.siteUrl));
      expect((await openingOf(sp)).missingLists).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});
