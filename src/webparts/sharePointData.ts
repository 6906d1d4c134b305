// The hub's lists through PnPjs in a web part's context: every repository. connectHost loads this chunk ('hub-data')
// when a screen first asks for more than the opening's batch answered, or once the register's first page is drawn
// (see ./sharePointOpening.ts for what comes first).
import type { WebPartContext } from '@microsoft/sp-webpart-base';
import { spfi, SPFx } from '@pnp/sp';
import { createSharePointData } from '../data/sharepoint';
import type { SharePointHubData } from '../data/sharepoint';
import type { OpeningRead } from '../data/sharepoint/opening';

/** The adapter for the lists' site, primed with that site's opening read when there was one. */
export function sharePointDataFor(context: WebPartContext, siteUrl: string, opened?: OpeningRead): SharePointHubData {
  return createSharePointData(spfi(siteUrl).using(SPFx(context)), { opened });
}
