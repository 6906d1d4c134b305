// The hub's opening in a web part's context, in a chunk of its own ('hub-opening'): the one $batch (src/data/sharepoint/
// opening.ts) and the workflows that read it (src/app/opening.ts, src/app/hubLinks.ts). connectHost fetches it when
// the web part starts; the rest of the SharePoint adapter ('hub-data': every repository, provisioning, the lists'
// views) is not needed for the batch to leave, nor for the register's first page it carries (issue 18).
import type { WebPartContext } from '@microsoft/sp-webpart-base';
import { spfi, SPFx } from '@pnp/sp';
import type { OpeningPages } from '../data/ports';
import { readOpening } from '../data/sharepoint/opening';
import type { OpeningRead } from '../data/sharepoint/opening';
import { canManageWeb, readTenantProperty } from '../data/sharepoint/tenantSettings';

export { openedHubData, openHubSite } from '../app/opening';
export { resolveHubLinks, setHubLinks } from '../app/hubLinks';

/**
 * The opening's read of the lists' site. On the host page's own site SPFx's page context supplies the request
 * digest (PnPjs's SPFx behaviour), so the batch needs no /_api/contextinfo first.
 */
export function openingFor(context: WebPartContext, siteUrl: string, options: { tenantKeys?: readonly string[]; pages?: OpeningPages }): Promise<OpeningRead> {
  return readOpening(spfi(siteUrl).using(SPFx(context)), options);
}

/** A tenant property, read from the host page's web (any web answers GetStorageEntity). */
export function tenantPropertyFor(context: WebPartContext, key: string): Promise<string | undefined> {
  return readTenantProperty(spfi(context.pageContext.web.absoluteUrl).using(SPFx(context)), key);
}

/** Whether the signed-in user may manage the site at siteUrl. */
export function canManageSiteFor(context: WebPartContext, siteUrl: string): Promise<boolean> {
  return canManageWeb(spfi(siteUrl).using(SPFx(context)));
}
