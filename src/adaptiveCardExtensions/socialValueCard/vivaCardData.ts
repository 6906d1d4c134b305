// The card's reads in SharePoint, loaded on demand (chunk 'viva-card-data') so the card view draws first. The lists'
// site: the card's property, else the tenant-wide SocialValueHubSiteUrl, else the dashboard's own site — as the
// hub's web part resolves it (src/app/hubSite.ts). Buttons lead where the taskforce cards' do (src/app/hubLinks.ts).
import type { AdaptiveCardExtensionContext } from '@microsoft/sp-adaptive-card-extension-base';
import { spfi, SPFx } from '@pnp/sp';
import { createSharePointData } from '../../data/sharepoint';
import { readTenantProperty } from '../../data/sharepoint/tenantSettings';
import { resolveHubSite } from '../../app/hubSite';
import { resolveHubLinks } from '../../app/hubLinks';
import { loadVivaCard } from '../../app/vivaCard';
import type { VivaCard } from '../../app/vivaCard';
import { todayIso } from '../../app/deliveryFigures';
import type { HubLinkTarget } from '../../teams/deepLinks';

export async function placeOf(context: AdaptiveCardExtensionContext, siteUrl: string | undefined): Promise<{ siteUrl: string; links: HubLinkTarget }> {
  const readTenant = (key: string): Promise<string | undefined> => readTenantProperty(spfi(context.pageContext.web.absoluteUrl).using(SPFx(context)), key);
  const site = await resolveHubSite({ webPartSiteUrl: siteUrl, hostSiteUrl: context.pageContext.web.absoluteUrl, readTenant });
  return { siteUrl: site.url, links: await resolveHubLinks(readTenant, site.url) };
}

export function readCard(context: AdaptiveCardExtensionContext, siteUrl: string): Promise<VivaCard> {
  const data = createSharePointData(spfi(siteUrl).using(SPFx(context)));
  return loadVivaCard(data.vivaCard, todayIso());
}
