// Which site holds the hub's lists, and whether the signed-in user may manage it.
// Precedence: the web part's own property (a page that says where its lists are) > the tenant-wide setting
// (tenant property SocialValueHubSiteUrl, written at deployment — the only setting the personal app can have:
// Teams hosts it on the tenant's root site with no property pane) > the site of the page hosting the hub.

/** Tenant properties the hub reads (README, deployment). */
export const TENANT_KEYS = {
  hubSiteUrl: 'SocialValueHubSiteUrl',
  teamsAppId: 'SocialValueHubTeamsAppId',
} as const;

export type HubSiteSource = 'web-part' | 'tenant' | 'host';

export interface HubSite {
  /** Absolute URL of the site with the hub's lists, without a trailing slash. */
  url: string;
  source: HubSiteSource;
  /** A tenant value that is not a site URL (ignored, so the hub falls back), or why the tenant could not be read. */
  tenantProblem?: { kind: 'not-a-site-url'; value: string } | { kind: 'unreadable'; message: string };
}

/** Reads one tenant property; undefined when it is not set. */
export type TenantPropertyReader = (key: string) => Promise<string | undefined>;

const trimSlash = (url: string): string => url.trim().replace(/\/+$/, '');

/**
 * An http(s) URL of a site (no query or hash), normalised; undefined when the text is not one. A server-relative
 * path ("/sites/socialvalue") is taken on `base`'s host, as SharePoint's own site addresses are.
 */
export function asSiteUrl(text: string | undefined, base?: string): string | undefined {
  if (!text || !text.trim()) return undefined;
  const trimmed = text.trim();
  let url: URL;
  try {
    url = base && /^\/(?!\/)/.test(trimmed) ? new URL(trimmed, base) : new URL(trimmed);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.username || url.password) return undefined;
  return trimSlash(`${url.origin}${url.pathname}`);
}

/** Same site, whatever the case or trailing slash (SharePoint's URLs are case-insensitive). */
export function sameSite(a: string, b: string): boolean {
  return trimSlash(a).toLowerCase() === trimSlash(b).toLowerCase();
}

/**
 * The hub's site. The tenant property is read only when the web part has no site of its own, so a page with
 * the property set costs no extra request.
 */
export async function resolveHubSite(input: { webPartSiteUrl?: string; hostSiteUrl: string; readTenant: TenantPropertyReader }): Promise<HubSite> {
  const host = trimSlash(input.hostSiteUrl);
  const own = asSiteUrl(input.webPartSiteUrl, host);
  if (own) return { url: own, source: 'web-part' };
  let value: string | undefined;
  try {
    value = await input.readTenant(TENANT_KEYS.hubSiteUrl);
  } catch (e) {
    // No tenant setting to be had (e.g. the network dropped): the host's site, and Settings says why.
    return { url: host, source: 'host', tenantProblem: { kind: 'unreadable', message: e instanceof Error ? e.message : String(e) } };
  }
  if (value === undefined) return { url: host, source: 'host' };
  const tenant = asSiteUrl(value);
  if (!tenant) return { url: host, source: 'host', tenantProblem: { kind: 'not-a-site-url', value } };
  return { url: tenant, source: 'tenant' };
}

/**
 * The user's right to manage the hub's site (provision lists, edit the library and settings). The host page's own
 * permissions answer only when the lists are on the host's site; otherwise SharePoint is asked about the lists' site.
 */
export async function canManageHubSite(site: HubSite, host: { siteUrl: string; canManage?: boolean }, askSite: (siteUrl: string) => Promise<boolean>): Promise<boolean> {
  if (host.canManage !== undefined && sameSite(site.url, host.siteUrl)) return host.canManage;
  try {
    return await askSite(site.url);
  } catch {
    // Unknown is "no": the screens offer nothing they cannot do, and SharePoint refuses the writes anyway.
    return false;
  }
}
