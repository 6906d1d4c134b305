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

/**
 * subEntityIds that open one of the hub's screens (cards' to-do buttons), each with the hash route the hub reads
 * (src/ui/routes.ts). Any other subEntityId is a procurement reference: a reference is letters, digits and
 * hyphens with at least one digit in practice, but these words are checked first so none can be taken for one.
 */
export const SCREEN_SUB_ENTITIES: Readonly<Record<string, string>> = {
  [DASHBOARD_SUB_ENTITY]: '#/dashboard',
  verify: '#/verify',
  chase: '#/chase',
  approvals: '#/approvals',
};

/** The hub's hash route for a subEntityId: one of its screens, or a procurement. */
export function subEntityHash(subEntityId: string | undefined): string {
  if (!subEntityId) return '';
  return Object.prototype.hasOwnProperty.call(SCREEN_SUB_ENTITIES, subEntityId) ? SCREEN_SUB_ENTITIES[subEntityId] : `#/procurement/${encodeURIComponent(subEntityId)}`;
}
