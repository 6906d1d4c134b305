// The hub site's precedence and the permission question, without a server (the HTTP path: tests/data/tenantSettings.test.ts).
import { TENANT_KEYS, asSiteUrl, canManageHubSite, resolveHubSite } from '../../src/app/hubSite';

const host = 'https://contoso.sharepoint.com';
const never = (): Promise<string | undefined> => Promise.reject(new Error('the tenant must not be read'));

describe('resolveHubSite', () => {
  it('takes the web part property first, an absolute or server-relative site address, without reading the tenant', async () => {
    expect(await resolveHubSite({ webPartSiteUrl: 'https://contoso.sharepoint.com/sites/region/', hostSiteUrl: host, readTenant: never })).toEqual({ url: 'https://contoso.sharepoint.com/sites/region', source: 'web-part' });
    expect(await resolveHubSite({ webPartSiteUrl: ' /sites/socialvalue ', hostSiteUrl: host, readTenant: never })).toEqual({ url: 'https://contoso.sharepoint.com/sites/socialvalue', source: 'web-part' });
  });

  it('reads the tenant property once when the web part has none (or an unusable one)', async () => {
    const reads: string[] = [];
    const readTenant = async (key: string): Promise<string | undefined> => {
      reads.push(key);
      return 'https://contoso.sharepoint.com/sites/socialvalue';
    };
    expect(await resolveHubSite({ webPartSiteUrl: '', hostSiteUrl: host, readTenant })).toEqual({ url: 'https://contoso.sharepoint.com/sites/socialvalue', source: 'tenant' });
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
    ['https://contoso.sharepoint.com/sites/sv?x=1', undefined],
    ['https://contoso.sharepoint.com/sites/sv#/settings', undefined],
    ['ftp://contoso.sharepoint.com/sites/sv', undefined],
    ['https://user:pw@contoso.sharepoint.com/sites/sv', undefined],
    ['//evil.example/sites/sv', undefined],
    ['sites/sv', undefined],
    ['HTTPS://Contoso.SharePoint.com/sites/SV//', 'https://contoso.sharepoint.com/sites/SV'],
  ])('%s → %s', (text, expected) => {
    expect(asSiteUrl(text, host)).toBe(expected);
  });
});

describe('canManageHubSite', () => {
  const site = { url: 'https://contoso.sharepoint.com/sites/socialvalue', source: 'tenant' as const };

  it('uses the host page’s permissions only when the lists are on the host’s site', async () => {
    const asked: string[] = [];
    const ask = async (url: string): Promise<boolean> => {
      asked.push(url);
      return true;
    };
    expect(await canManageHubSite(site, { siteUrl: 'https://contoso.sharepoint.com/sites/SocialValue/', canManage: false }, ask)).toBe(false);
    expect(asked).toEqual([]);
    // The personal app on the root site: the root's permissions say nothing about the lists' site.
    expect(await canManageHubSite(site, { siteUrl: host, canManage: false }, ask)).toBe(true);
    expect(asked).toEqual([site.url]);
  });

  it('answers no when SharePoint cannot say', async () => {
    expect(await canManageHubSite(site, { siteUrl: host }, () => Promise.reject(new Error('403')))).toBe(false);
  });
});
