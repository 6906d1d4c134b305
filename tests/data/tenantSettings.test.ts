// Tenant properties and the hub's site through real PnPjs over HTTP: the local tenant's root site, its app catalog
// (/sites/appcatalog) and the hub's site answer GetStorageEntity / SetStorageEntity / RemoveStorageEntity as
// SharePoint does, and the personal app (hosted on the root site) finds the lists through the tenant property.
import { InjectHeaders } from '@pnp/queryable';
import '@pnp/sp/webs';
import { createLocalSp } from '../../src/data/sharepoint';
import { canManageWeb, readTenantProperty } from '../../src/data/sharepoint/tenantSettings';
import { TENANT_KEYS, canManageHubSite, resolveHubSite } from '../../src/app/hubSite';
import { resolveHubLinks } from '../../src/app/hubLinks';
import { hubLink } from '../../src/teams/deepLinks';
import { asLocalUser, startLocalServer, writeHeaders } from '../support/localServer';
import type { LocalServer } from '../support/localServer';

jest.setTimeout(60_000);

let server: LocalServer;
let catalogUrl: string;
beforeAll(async () => {
  server = await startLocalServer({ seed: 'provision', user: 'officer' });
  catalogUrl = `${server.url}/sites/appcatalog`;
});
afterAll(async () => {
  await server?.stop();
});

const as = (siteUrl: string, login: string) => createLocalSp(siteUrl).using(InjectHeaders(asLocalUser(login)));

describe('tenant properties on the local tenant', () => {
  it('answers a key that is not set as SharePoint does ({"odata.null": true}), from the root, the catalog and the hub site', async () => {
    for (const site of [server.url, catalogUrl, server.siteUrl]) {
      const res = await fetch(`${site}/_api/web/GetStorageEntity('${TENANT_KEYS.hubSiteUrl}')`, { headers: { accept: 'application/json' } });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ 'odata.null': true });
      expect(await readTenantProperty(createLocalSp(site), TENANT_KEYS.hubSiteUrl)).toBeUndefined();
    }
  });

  it('lets the app catalog owner set and remove a property, read by every signed-in user from any web', async () => {
    await as(catalogUrl, 'admin').web.setStorageEntity('SvhTestKey', 'value 1', 'what it is', 'set by the test');
    const raw = await fetch(`${server.url}/_api/web/GetStorageEntity('SvhTestKey')`, { headers: { accept: 'application/json;odata=nometadata', ...asLocalUser('taskforce') } });
    expect(await raw.json()).toEqual({ Comment: 'set by the test', Description: 'what it is', Value: 'value 1' });
    expect(await readTenantProperty(as(server.siteUrl, 'officer'), 'SvhTestKey')).toBe('value 1');

    await as(catalogUrl, 'admin').web.setStorageEntity('SvhTestKey', 'value 2');
    expect(await readTenantProperty(as(catalogUrl, 'officer2'), 'SvhTestKey')).toBe('value 2');

    await as(catalogUrl, 'admin').web.removeStorageEntity('SvhTestKey');
    expect(await readTenantProperty(as(server.url, 'officer'), 'SvhTestKey')).toBeUndefined();
  });

  it('refuses writes by anyone who cannot manage the app catalog, and on any web but the app catalog (access denied)', async () => {
    await expect(as(catalogUrl, 'manager').web.setStorageEntity('SvhTestKey', 'x')).rejects.toMatchObject({ status: 403 });
    // A site owner of the hub's site, but the hub's site is not the app catalog.
    await expect(as(server.siteUrl, 'admin').web.setStorageEntity('SvhTestKey', 'x')).rejects.toMatchObject({ status: 403 });
    await expect(as(server.url, 'admin').web.setStorageEntity('SvhTestKey', 'x')).rejects.toMatchObject({ status: 403 });
    // Raw REST as a page would send it, with a valid digest: still refused for an officer.
    const res = await fetch(`${catalogUrl}/_api/web/SetStorageEntity`, {
      method: 'POST',
      headers: await writeHeaders(catalogUrl, asLocalUser('officer')),
      body: JSON.stringify({ key: 'SvhTestKey', value: 'x', description: '', comments: '' }),
    });
    expect(res.status).toBe(403);
    expect(await readTenantProperty(createLocalSp(server.url), 'SvhTestKey')).toBeUndefined();
  });
});

describe('the hub site for the personal app (hosted on the root site)', () => {
  afterEach(async () => {
    await as(catalogUrl, 'admin').web.removeStorageEntity(TENANT_KEYS.hubSiteUrl);
  });

  it('is the root site with no tenant property, where nobody can manage or finds the lists', async () => {
    const site = await resolveHubSite({ hostSiteUrl: server.url, readTenant: (k) => readTenantProperty(createLocalSp(server.url), k) });
    expect(site).toEqual({ url: server.url, source: 'host' });
    expect(await canManageHubSite(site, { siteUrl: server.url }, (url) => canManageWeb(as(url, 'admin')))).toBe(false);
    expect(await as(server.url, 'officer').web.lists.select('Title')()).toEqual([]);
  });

  it('is the tenant property’s site once deployment sets it, with the user’s rights on that site', async () => {
    await as(catalogUrl, 'admin').web.setStorageEntity(TENANT_KEYS.hubSiteUrl, `${server.siteUrl}/`, 'The Social Value Hub’s site');
    const site = await resolveHubSite({ hostSiteUrl: server.url, readTenant: (k) => readTenantProperty(createLocalSp(server.url), k) });
    expect(site).toEqual({ url: server.siteUrl, source: 'tenant' });
    expect(await canManageHubSite(site, { siteUrl: server.url }, (url) => canManageWeb(as(url, 'admin')))).toBe(true);
    expect(await canManageHubSite(site, { siteUrl: server.url }, (url) => canManageWeb(as(url, 'officer')))).toBe(false);
    // The lists are there for the personal app to read.
    const titles = ((await as(site.url, 'officer').web.lists.select('Title')()) as { Title: string }[]).map((l) => l.Title);
    expect(titles).toContain('Procurements');
  });

  it('keeps the web part property first, and never reads the tenant for it', async () => {
    await as(catalogUrl, 'admin').web.setStorageEntity(TENANT_KEYS.hubSiteUrl, server.url);
    const reads: string[] = [];
    const site = await resolveHubSite({
      webPartSiteUrl: server.siteUrl,
      hostSiteUrl: server.url,
      readTenant: (k) => {
        reads.push(k);
        return readTenantProperty(createLocalSp(server.url), k);
      },
    });
    expect(site).toEqual({ url: server.siteUrl, source: 'web-part' });
    expect(reads).toEqual([]);
  });

  it('ignores a tenant value that is not a site URL, and says so', async () => {
    await as(catalogUrl, 'admin').web.setStorageEntity(TENANT_KEYS.hubSiteUrl, 'socialvalue (ask IT)');
    const site = await resolveHubSite({ hostSiteUrl: server.url, readTenant: (k) => readTenantProperty(createLocalSp(server.url), k) });
    expect(site).toEqual({ url: server.url, source: 'host', tenantProblem: { kind: 'not-a-site-url', value: 'socialvalue (ask IT)' } });
  });
});

describe('card links from the tenant property SocialValueHubTeamsAppId', () => {
  const catalogId = '0f9c3a52-6b1e-4d7a-9e38-2c4b5d6e7f80';
  afterEach(async () => {
    await as(catalogUrl, 'admin').web.removeStorageEntity(TENANT_KEYS.teamsAppId);
  });

  it('open the Teams tab by the org catalog id once deployment writes it, with the page as webUrl fallback', async () => {
    await as(catalogUrl, 'admin').web.setStorageEntity(TENANT_KEYS.teamsAppId, catalogId, 'TEAMS_APP_PUBLISHED_APP_ID');
    const target = await resolveHubLinks((k) => readTenantProperty(createLocalSp(server.url), k), `${server.siteUrl}/SitePages/Hub.aspx`);
    const link = new URL(hubLink(target, 'WMCA-2026-0042'));
    expect(`${link.origin}${link.pathname}`).toBe(`https://teams.microsoft.com/l/entity/${catalogId}/socialvaluehub`);
    expect(JSON.parse(link.searchParams.get('context')!)).toEqual({ subEntityId: 'WMCA-2026-0042' });
    expect(link.searchParams.get('webUrl')).toBe(`${server.siteUrl}/SitePages/Hub.aspx#/procurement/WMCA-2026-0042`);
  });

  it('open the SharePoint page without it (the manifest id may not resolve for an org catalog app)', async () => {
    const target = await resolveHubLinks((k) => readTenantProperty(createLocalSp(server.url), k), `${server.siteUrl}/SitePages/Hub.aspx#/settings`);
    expect(hubLink(target, 'WMCA-2026-0042')).toBe(`${server.siteUrl}/SitePages/Hub.aspx#/procurement/WMCA-2026-0042`);
    expect(hubLink(target)).toBe(`${server.siteUrl}/SitePages/Hub.aspx`);
  });

  it('ignore a value that is not a Teams app id', async () => {
    await as(catalogUrl, 'admin').web.setStorageEntity(TENANT_KEYS.teamsAppId, 'https://evil.example/');
    const target = await resolveHubLinks((k) => readTenantProperty(createLocalSp(server.url), k), `${server.siteUrl}/SitePages/Hub.aspx`);
    expect(target).toEqual({ webUrl: `${server.siteUrl}/SitePages/Hub.aspx` });
  });
});
