// The hub's lists through PnPjs in a web part's context. connectHost loads this on demand (chunk 'hub-data'),
// so PnPjs and the SharePoint adapter are fetched beside the first render rather than before it.
import type { WebPartContext } from '@microsoft/sp-webpart-base';
import { spfi, SPFx } from '@pnp/sp';
import type { HubData } from '../data/ports';
import { createSharePointData } from '../data/sharepoint';

export function sharePointDataFor(context: WebPartContext, siteUrl: string): HubData {
  return createSharePointData(spfi(siteUrl).using(SPFx(context)));
}
