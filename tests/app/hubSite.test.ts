// The hub site's precedence and the permission question, without a server (the HTTP path: tests/data/tenantSettings.test.ts).
import { TENANT_KEYS, asSiteUrl, canManageHubSite, resolveHubSite } from '../../src/app/hubSite';

const host = 'https://svhub.example';
const never = (): Promise<string | undefined> => Promise.reject(new Error('the tenant must not be read'));

describe('resolveHubSite', () => {
  it('takes the web part property first, an absolute or server-relative site address, without reading the tenant', async () => {
    expect(await resolveHubSite({ webPartSiteUrl: 'https://svhub.example/sites/region/', hostSiteUrl: host, readTenant: never })).toEqual({ url: 'https://svhub.example/sites/region', source: 'web-part' });
    expect(await resolveHubSite({ webPartSiteUrl: ' /sites/socialvalue ', hostSiteUrl: host, readTenant: never })).toEqual({ url: 'https://svhub.example/sites/socialvalue', source: 'web-part' });
  });

  it('reads the tenant property once when the web part has none (or an unusable one)', async () => {
    const reads: string[] = [];
    const readTenant = async (key: string): Promise<string | undefined> => {
      reads.push(key);
      return 'https://svhub.example/sites/socialvalue';
    };
    expect(await resolveHubSite({ webPartSiteUrl: '', hostSiteUrl: host, readTenant })).toEqual({ url: 'https://svhub.example/sites/socialvalue', source: 'tenant' });
    expect(await resolveHubSite({ webPartSiteUrl: 'javascript:alert(1)', hostSiteUrl: host, readTenant })).toMatchObject({ source: 'tenant' });
    expect(reads).toEqual([TENANT_KEYS.hubSiteUrl, TENANT_KEYS.hubSiteUrl]);
  });

  it('falls back to the host site, saying why, when the tenant cannot be read', async () => {
    const site = await resolveHubSite({ hostSiteUrl: `${host}/`, readTenant: () => Promise.reject(new Error('Could not reach SharePoint')) });
    expect(site).toEqual({ url: host, source: 'host', tenantProblem: { kind: 'unreadable', message: 'Could not reach SharePoint' } });
  });
});

describe('asSiteUrl', () => {
  it.each([
    ['https://svhub.example/sites/sv?x=1', undefined],
    ['https://svhub.example/sites/sv#/settings', undefined],
    ['ftp://svhub.example/sites/sv', undefined],
    ['https://user:pw@svhub.example/sites/sv', undefined],
    ['//evil.example/sites/sv', undefined],
    ['sites/sv', undefined],
    ['HTTPS://SVHub.Example/sites/SV//', 'https://svhub.example/sites/SV'],
  ])('%s → %s', (text, expected) => {
    expect(asSiteUrl(text, host)).toBe(expected);
  });
});

describe('canManageHubSite', () => {
  const site = { url: 'https://svhub.example/sites/socialvalue', source: 'tenant' as const };

  it('uses the host page’s permissions only when the lists are on the host’s site', async () => {
    const asked: string[] = [];
    const ask = async (url: string): Promise<boolean> => {
      asked.push(url);
      return true;
    };
    expect(await canManageHubSite(site, { siteUrl: 'https://svhub.example/sites/SocialValue/', canManage: false }, ask)).toBe(false);
    expect(asked).toEqual([]);
    // The personal app on the root site: the root's permissions say nothing about the lists' site.
    expect(await canManageHubSite(site, { siteUrl: host, canManage: false }, ask)).toBe(true);
    expect(asked).toEqual([site.url]);
  });

  it('answers no when SharePoint cannot say', async () => {
    expect(await canManageHubSite(site, { siteUrl: host }, () => Promise.reject(new Error('403')))).toBe(false);
  });
});
