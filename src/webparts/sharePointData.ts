// The hub's lists through PnPjs in a web part's context. connectHost loads this on demand (chunk 'hub-data'),
// so PnPjs and the SharePoint adapter are fetched beside the first render rather than before it.
import type { WebPartContext } from '@microsoft/sp-webpart-base';
import { spfi, SPFx } from '@pnp/sp';
import { createSharePointData } from '../data/sharepoint';
import type { SharePointHubData } from '../data/sharepoint';
import { canManageWeb, readTenantProperty } from '../data/sharepoint/tenantSettings';

/**
 * The adapter for the lists' site, with its opening read (one $batch). On the host page's own site SPFx's page
 * context supplies the request digest (PnPjs's SPFx behaviour), so the batch needs no /_api/contextinfo first.
 */
export function sharePointDataFor(context: WebPartContext, siteUrl: string): SharePointHubData {
  return createSharePointData(spfi(siteUrl).using(SPFx(context)));
}

/** A tenant property, read from the host page's web (any web answers GetStorageEntity). */
export function tenantPropertyFor(context: WebPartContext, key: string): Promise<string | undefined> {
  return readTenantProperty(spfi(context.pageContext.web.absoluteUrl).using(SPFx(context)), key);
}

/** Whether the signed-in user may manage the site at siteUrl. */
export function canManageSiteFor(context: WebPartContext, siteUrl: string): Promise<boolean> {
  return canManageWeb(spfi(siteUrl).using(SPFx(context)));
}
