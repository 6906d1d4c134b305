// SharePoint's permission model as the hub uses it, no more: role definitions (permission levels), role
// assignments of principals (site groups or users) on the web and on lists that break inheritance, and the
// effective permission level of a user on the web or a list. Site collection admins have everything.
import { Store, UserRecord, ListRecord } from './store';

export type PermissionLevel = 'none' | 'limited' | 'read' | 'contribute' | 'edit' | 'design' | 'full';

export const LEVEL_RANK: Record<PermissionLevel, number> = { none: 0, limited: 1, read: 2, contribute: 3, edit: 4, design: 5, full: 6 };

export interface RoleDefinition {
  id: number;
  name: string;
  description: string;
  roleTypeKind: number;
  order: number;
  level: PermissionLevel;
  /** PermissionKind numbers (1-based bit positions) the level grants */
  kinds: number[];
}

const READ = [1, 6, 7, 13, 17, 18, 22, 28, 37, 38, 39, 40, 41];
const CONTRIBUTE = [...READ, 2, 3, 4, 8, 10, 27, 29, 30];
const EDIT = [...CONTRIBUTE, 12];
const DESIGN = [...EDIT, 5, 9, 19, 20, 21];
const FULL = Array.from({ length: 64 }, (_, i) => i + 1);

export const ROLE_DEFINITIONS: RoleDefinition[] = [
  { id: 1073741829, name: 'Full Control', description: 'Has full control.', roleTypeKind: 5, order: 1, level: 'full', kinds: FULL },
  { id: 1073741828, name: 'Design', description: 'Can view, add, update, delete, approve, and customize.', roleTypeKind: 4, order: 32, level: 'design', kinds: DESIGN },
  { id: 1073741830, name: 'Edit', description: 'Can add, edit and delete lists; can view, add, update and delete list items and documents.', roleTypeKind: 6, order: 48, level: 'edit', kinds: EDIT },
  { id: 1073741827, name: 'Contribute', description: 'Can view, add, update, and delete list items and documents.', roleTypeKind: 3, order: 64, level: 'contribute', kinds: CONTRIBUTE },
  { id: 1073741826, name: 'Read', description: 'Can view pages and list items and download documents.', roleTypeKind: 2, order: 128, level: 'read', kinds: READ },
  { id: 1073741825, name: 'Limited Access', description: 'Can view specific lists, document libraries, list items, folders, or documents when given permissions.', roleTypeKind: 1, order: 160, level: 'limited', kinds: [6, 17] },
];

/** The site's own assignments: the team site's groups and their permission levels. */
export const WEB_ASSIGNMENTS: { principalId: number; roleDefId: number }[] = [
  { principalId: 3, roleDefId: 1073741829 },
  { principalId: 4, roleDefId: 1073741826 },
  { principalId: 5, roleDefId: 1073741830 },
  { principalId: 6, roleDefId: 1073741827 },
];

/** {High, Low} as SharePoint serialises SP.BasePermissions (Int64 as strings in JSON light). */
export function basePermissions(kinds: number[]): { High: string; Low: string } {
  let low = 0;
  let high = 0;
  for (const k of kinds) {
    const bit = k - 1;
    if (bit < 32) low = (low | (1 << bit)) >>> 0;
    else high = (high | (1 << (bit - 32))) >>> 0;
  }
  if (kinds.length >= 64) return { High: '2147483647', Low: '4294967295' };
  return { High: String(high), Low: String(low) };
}

export function scopeOf(list?: ListRecord): string {
  return list && list.props.__uniquePermissions === true ? `list:${list.rowId}` : 'web';
}

export function roleAssignments(store: Store, scope: string): { principalId: number; roleDefId: number }[] {
  const rows = store.stmt('SELECT principal_id, role_def_id FROM role_assignments WHERE scope = ? ORDER BY principal_id, role_def_id').all(scope) as
    { principal_id: number; role_def_id: number }[];
  return rows.map((r) => ({ principalId: Number(r.principal_id), roleDefId: Number(r.role_def_id) }));
}

/**
 * Permission levels a site owner added (POST /_api/web/roledefinitions), e.g. "add items but not edit them".
 * Kept in the site's database; their level for the rank checks is 'none' — they are judged by their kinds.
 */
function ensureCustomTable(store: Store): void {
  store.db.exec('CREATE TABLE IF NOT EXISTS role_definitions_custom (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE, description TEXT NOT NULL, ord INTEGER NOT NULL, kinds TEXT NOT NULL)');
}

export function allRoleDefinitions(store: Store): RoleDefinition[] {
  ensureCustomTable(store);
  const rows = store.stmt('SELECT id, name, description, ord, kinds FROM role_definitions_custom ORDER BY id').all() as
    { id: number; name: string; description: string; ord: number; kinds: string }[];
  return [...ROLE_DEFINITIONS, ...rows.map((r) => ({ id: Number(r.id), name: r.name, description: r.description, roleTypeKind: 0, order: Number(r.ord),
    level: 'none' as PermissionLevel, kinds: JSON.parse(r.kinds) as number[] }))];
}

export function addRoleDefinition(store: Store, name: string, description: string, order: number, kinds: number[]): RoleDefinition {
  ensureCustomTable(store);
  const max = store.stmt('SELECT MAX(id) AS m FROM role_definitions_custom').get() as { m: number | null };
  // Custom permission levels get ids after the built-in ones (SharePoint numbers them from 1073741924 up).
  const id = Math.max(Number(max.m ?? 0), 1073741923) + 1;
  store.stmt('INSERT INTO role_definitions_custom (id, name, description, ord, kinds) VALUES (?, ?, ?, ?, ?)').run(id, name, description, order, JSON.stringify(kinds));
  return { id, name, description, roleTypeKind: 0, order, level: 'none', kinds };
}

/** {High, Low} (SP.BasePermissions) → PermissionKind numbers. */
export function kindsFromBasePermissions(bp: { High?: unknown; Low?: unknown }): number[] {
  const kinds: number[] = [];
  const low = Number(bp.Low ?? 0) >>> 0;
  const high = Number(bp.High ?? 0) >>> 0;
  for (let bit = 0; bit < 32; bit++) {
    if (low & (1 << bit)) kinds.push(bit + 1);
    if (high & (1 << bit)) kinds.push(bit + 33);
  }
  return kinds;
}

/** The PermissionKinds a user holds on the web or a list: the union of the levels assigned to them or their groups. */
export function effectiveKinds(store: Store, user: UserRecord, list?: ListRecord): Set<number> {
  if (user.isSiteAdmin) return new Set(FULL);
  const principals = new Set<number>([user.id, ...store.groupsOfUser(user.id).map((g) => g.id)]);
  const defs = allRoleDefinitions(store);
  const out = new Set<number>();
  for (const a of roleAssignments(store, scopeOf(list))) {
    if (!principals.has(a.principalId)) continue;
    for (const k of defs.find((d) => d.id === a.roleDefId)?.kinds ?? []) out.add(k);
  }
  return out;
}

/** SharePoint's PermissionKind numbers the emulator checks (SP.PermissionKind). */
export const KIND = {
  viewListItems: 1, addListItems: 2, editListItems: 3, deleteListItems: 4, openItems: 6, viewVersions: 7,
  /** "Override List Behaviors" in the UI: not bound by a list's read/edit-only-own-items settings. */
  cancelCheckout: 9, manageLists: 12, viewPages: 18, managePermissions: 26,
} as const;

export function effectiveLevel(store: Store, user: UserRecord, list?: ListRecord): PermissionLevel {
  if (user.isSiteAdmin) return 'full';
  const principals = new Set<number>([user.id, ...store.groupsOfUser(user.id).map((g) => g.id)]);
  let best: PermissionLevel = 'none';
  for (const a of roleAssignments(store, scopeOf(list))) {
    if (!principals.has(a.principalId)) continue;
    const def = ROLE_DEFINITIONS.find((d) => d.id === a.roleDefId);
    if (def && LEVEL_RANK[def.level] > LEVEL_RANK[best]) best = def.level;
  }
  return best;
}

