// Building an SPFI outside SharePoint (the local page, tests, the seed). The web part builds its own
// with spfi().using(SPFx(this.context)); everything else in src/data only receives an SPFI.
import { combine, dateAdd, isUrlAbsolute } from '@pnp/core';
import type { TimelinePipe } from '@pnp/core';
import type { Queryable } from '@pnp/queryable';
import { DefaultHeaders, DefaultInit, RequestDigest, spfi, SPBrowser } from '@pnp/sp';
import type { SPFI } from '@pnp/sp';
import { BrowserFetchWithRetry, DefaultParse, InjectHeaders } from '@pnp/queryable';
import './pnp';

/** The request digest a SharePoint page carries for its own site (_spPageContextInfo's formDigestValue). */
export interface PageDigest {
  webUrl: string;
  value: string;
  timeoutSeconds: number;
}

export interface LocalSpOptions {
  /**
   * Attempts per request on 429/503/504 (PnPjs honours Retry-After). SPBrowser's default is 3; a busy
   * tenant (or the local server's fault injection) deserves a few more.
   */
  retries?: number;
  /** Headers on every request (the local server's first start identifies its own set-up requests). */
  headers?: Record<string, string>;
  /**
   * The page's own digest: writes to the page's site use it until it expires instead of asking /_api/contextinfo
   * first — what PnPjs's SPFx behaviour does with the SPFx page context (Microsoft Learn, "Work with __REQUESTDIGEST").
   */
  pageDigest?: PageDigest;
}

/** SPBrowser's behaviours, with the page's digest as the first source of a digest for its own site. */
function browserWithPageDigest(siteUrl: string, page: PageDigest): TimelinePipe<Queryable> {
  const api = `${combine(page.webUrl, '/_api')}`.toLowerCase();
  const sameWeb = (url: string): boolean => url.toLowerCase().startsWith(api);
  // The digest's second part is when it was issued; it is good for timeoutSeconds (less a margin, as PnPjs's SPFx).
  const issued = new Date(page.value.split(',')[1] ?? '');
  const expiration = dateAdd(Number.isNaN(issued.getTime()) ? new Date(0) : issued, 'second', page.timeoutSeconds - 15) as Date;
  return (instance: Queryable) => {
    instance.using(
      DefaultHeaders(),
      DefaultInit(),
      BrowserFetchWithRetry(),
      DefaultParse(),
      RequestDigest((url) => (sameWeb(url) ? { value: page.value, expiration } : undefined)),
    );
    instance.on.pre.prepend(async (url: string, init: RequestInit, result: unknown): Promise<[string, RequestInit, unknown]> => [isUrlAbsolute(url) ? url : combine(siteUrl, url), init, result]);
    return instance;
  };
}

/** An SPFI for a site reached over plain HTTP(S) with a request digest, as a browser page on the site would. */
export function createLocalSp(siteUrl: string, options: LocalSpOptions = {}): SPFI {
  let sp = options.pageDigest ? spfi(siteUrl).using(browserWithPageDigest(siteUrl, options.pageDigest)) : spfi(siteUrl).using(SPBrowser({ baseUrl: siteUrl }));
  if (options.headers) sp = sp.using(InjectHeaders(options.headers));
  // Registered after SPBrowser, so it replaces SPBrowser's own fetch-with-retry.
  return options.retries !== undefined ? sp.using(BrowserFetchWithRetry({ retries: options.retries })) : sp;
}
