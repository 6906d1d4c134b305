// Where the taskforce cards' buttons open the hub. Microsoft's deep-link documentation ("Deep link to an
// application", learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-application, "App ID
// for different types of apps") uses the manifest id for a custom app uploaded in Teams and for a Store app, but the
// app catalog id for an app in the org catalog — where SharePoint's "Sync to Teams" and `teamsapp publish` put the
// hub. teams-js does not report that id, so it is written at deployment as the tenant property
// SocialValueHubTeamsAppId (teamsapp.yml's TEAMS_APP_PUBLISHED_APP_ID; README, deployment). Without it the
// manifest id may open nothing, so the cards link the SharePoint page that shows the hub instead; only with
// neither (no page known) do they fall back to the manifest id.
import type { HubData } from '../data/ports';
import type { HubLinkTarget } from '../teams/deepLinks';
import { HUB_TAB } from '../teams/hubTab';
import { TENANT_KEYS } from './hubSite';
import type { TenantPropertyReader } from './hubSite';

/** A Teams app id as Teams issues them (a GUID); anything else is not used. */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The link target from the tenant property and the hub's SharePoint page (either may be missing). */
export async function resolveHubLinks(readTenant: TenantPropertyReader, hubPageUrl: string | undefined): Promise<HubLinkTarget> {
  let appId: string | undefined;
  try {
    appId = await readTenant(TENANT_KEYS.teamsAppId);
  } catch {
    appId = undefined; // unreadable: the page link still works
  }
  const webUrl = hubPageUrl ? hubPageUrl.replace(/#.*$/, '') : undefined;
  if (appId && GUID.test(appId.trim())) return { tab: { ...HUB_TAB, appId: appId.trim() }, webUrl };
  if (webUrl) return { webUrl };
  return { tab: HUB_TAB };
}

// The link target belongs to the host session, like the data it shows; cards are built from a HubData, so the
// target is kept beside it (set once by the host) instead of being threaded through every screen.
const targets = new WeakMap<HubData, () => Promise<HubLinkTarget>>();

/** Called by the host: the cards built from `data` link through `target` (read on first use, then kept). */
export function setHubLinks(data: HubData, target: () => Promise<HubLinkTarget>): void {
  let once: Promise<HubLinkTarget> | undefined;
  targets.set(data, () => (once ??= target().catch((e: unknown) => {
    once = undefined;
    throw e;
  })));
}

/** The link target for cards built from `data`: the host's, or the manifest's Teams tab when no host set one. */
export function hubLinksFor(data: HubData): Promise<HubLinkTarget> {
  const target = targets.get(data);
  return target ? target() : Promise.resolve({ tab: HUB_TAB });
}
