import type { HubTabLink } from './deepLinks';

/**
 * The hub's own identity in Teams, for deep links from cards back into the tab: the Teams app id
 * (appPackage/manifest.json "id", filled from env/.env.dev TEAMS_APP_ID) and the personal tab's entityId.
 * Stable for the solution, like its SharePoint solution id; tests/package keeps it equal to the manifest.
 */
export const HUB_TAB: HubTabLink = {
  appId: '7d4b2f1e-3c9a-4e62-9b8d-5a1f0c6e2d47',
  entityId: 'socialvaluehub',
  label: 'Social Value Hub',
};

/** The subEntityId that opens the hub's tab on the dashboard (any other is a procurement reference). */
export const DASHBOARD_SUB_ENTITY = 'dashboard';
