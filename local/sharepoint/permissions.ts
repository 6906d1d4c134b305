// Permission checks, modelled as SharePoint does for a team site, no more (see security.ts):
//  Owners = Full Control, Members = Edit (manage lists; add/edit/delete items), Approvers = Contribute,
//  Visitors = Read; a list that breaks inheritance has its own role assignments. Site collection admins and
//  levels with "Override List Behaviors" (Design, Full Control) are not bound by a list's item-level
//  WriteSecurity/ReadSecurity.
import { Store, UserRecord, ListRecord } from './store';
import { accessDenied } from './errors';
import { effectiveLevel, LEVEL_RANK, PermissionLevel } from './security';

export type { PermissionLevel };

export function permissionLevel(store: Store, user: UserRecord, list?: ListRecord): PermissionLevel {
  return effectiveLevel(store, user, list);
}

function atLeast(store: Store, user: UserRecord, level: PermissionLevel, list?: ListRecord): boolean {
  return LEVEL_RANK[effectiveLevel(store, user, list)] >= LEVEL_RANK[level];
}

export function requireRead(store: Store, user: UserRecord, list?: ListRecord): void {
  if (!atLeast(store, user, 'read', list)) throw accessDenied();
}

/** Creating lists (web) or changing a list's fields and views (list): the Manage Lists permission (Edit and up). */
export function requireManageLists(store: Store, user: UserRecord, list?: ListRecord): void {
  if (!atLeast(store, user, 'edit', list)) throw accessDenied();
}

/** Breaking inheritance and changing role assignments: Manage Permissions (Full Control). */
export function requireManagePermissions(store: Store, user: UserRecord, list?: ListRecord): void {
  if (!atLeast(store, user, 'full', list)) throw accessDenied();
}

export function canOverrideListBehaviors(store: Store, user: UserRecord, list?: ListRecord): boolean {
  return atLeast(store, user, 'design', list);
}

/** Item writes: needs Contribute on the list; WriteSecurity 2 = only items the user created, 4 = none. */
export function requireItemWrite(store: Store, user: UserRecord, list: ListRecord, authorId: number | null): void {
  if (!atLeast(store, user, 'contribute', list)) throw accessDenied();
  if (canOverrideListBehaviors(store, user, list)) return;
  const ws = Number(list.props.WriteSecurity ?? 1);
  if (ws === 4) throw accessDenied();
  if (ws === 2 && authorId !== null && authorId !== user.id) throw accessDenied();
}

/** ReadSecurity 2: users read only the items they created (unless they override list behaviours). */
export function readOnlyOwnItems(store: Store, user: UserRecord, list: ListRecord): boolean {
  return Number(list.props.ReadSecurity ?? 1) === 2 && !canOverrideListBehaviors(store, user, list);
}
