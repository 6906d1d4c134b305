// Building an SPFI outside SharePoint (the local page, tests, the seed). The web part builds its own
// with spfi().using(SPFx(this.context)); everything else in src/data only receives an SPFI.
import { spfi, SPBrowser } from '@pnp/sp';
import type { SPFI } from '@pnp/sp';
import { BrowserFetchWithRetry, InjectHeaders } from '@pnp/queryable';
import './pnp';

export interface LocalSpOptions {
  /**
   * Attempts per request on 429/503/504 (PnPjs honours Retry-After). SPBrowser's default is 3; a busy
   * tenant (or the local server's fault injection) deserves a few more.
   */
  retries?: number;
  /** Headers on every request (the local server's first start identifies its own set-up requests). */
  headers?: Record<string, string>;
}

/** An SPFI for a site reached over plain HTTP(S) with a request digest, as a browser page on the site would. */
export function createLocalSp(siteUrl: string, options: LocalSpOptions = {}): SPFI {
  let sp = spfi(siteUrl).using(SPBrowser({ baseUrl: siteUrl }));
  if (options.headers) sp = sp.using(InjectHeaders(options.headers));
  // Registered after SPBrowser, so it replaces SPBrowser's own fetch-with-retry.
  return options.retries !== undefined ? sp.using(BrowserFetchWithRetry({ retries: options.retries })) : sp;
}
