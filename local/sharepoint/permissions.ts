// Permission checks, by SharePoint's permission kinds (SP.PermissionKind) so built-in and custom permission levels
// are judged alike. The built-in levels are SharePoint's own (security.ts): Contribute adds/edits/deletes items but
// cannot manage lists (no ManageLists, 12); Edit adds ManageLists; Design and Full Control add "Override List
// Behaviors" (CancelCheckout, 9), so only they escape a list's WriteSecurity/ReadSecurity
// (Microsoft Learn, "User permissions and permission levels in SharePoint Server"; SP.PermissionKind enumeration).
// A list that breaks inheritance has its own role assignments. Site collection admins have everything.
import { Store, UserRecord, ListRecord } from './store';
import { accessDenied } from './errors';
import { effectiveKinds, KIND, PermissionLevel } from './security';

export type { PermissionLevel };

export function hasKind(store: Store, user: UserRecord, kind: number, list?: ListRecord): boolean {
  return effectiveKinds(store, user, list).has(kind);
}

function need(store: Store, user: UserRecord, kind: number, list?: ListRecord): void {
  if (!hasKind(store, user, kind, list)) throw accessDenied();
}

/** Reading the web (ViewPages) or a list's items (ViewListItems). */
export function requireRead(store: Store, user: UserRecord, list?: ListRecord): void {
  need(store, user, list ? KIND.viewListItems : KIND.viewPages, list);
}

export function canRead(store: Store, user: UserRecord, list?: ListRecord): boolean {
  return hasKind(store, user, list ? KIND.viewListItems : KIND.viewPages, list);
}

/** Creating lists (web) or changing a list's settings, fields and views (list): ManageLists (Edit and up). */
export function requireManageLists(store: Store, user: UserRecord, list?: ListRecord): void {
  need(store, user, KIND.manageLists, list);
}

/** Breaking inheritance, role assignments, permission levels, group membership: ManagePermissions (Full Control). */
export function requireManagePermissions(store: Store, user: UserRecord, list?: ListRecord): void {
  need(store, user, KIND.managePermissions, list);
}

export function canOverrideListBehaviors(store: Store, user: UserRecord, list?: ListRecord): boolean {
  return hasKind(store, user, KIND.cancelCheckout, list);
}

export type ItemAction = 'add' | 'edit' | 'delete';

/**
 * Item writes: AddListItems / EditListItems / DeleteListItems on the list; then the list's WriteSecurity:
 * 2 = only items the user created, 4 = none (unless the user overrides list behaviours).
 */
export function requireItemWrite(store: Store, user: UserRecord, list: ListRecord, authorId: number | null, action: ItemAction = authorId === null ? 'add' : 'edit'): void {
  need(store, user, action === 'add' ? KIND.addListItems : action === 'edit' ? KIND.editListItems : KIND.deleteListItems, list);
  if (canOverrideListBehaviors(store, user, list)) return;
  const ws = Number(list.props.WriteSecurity ?? 1);
  if (ws === 4) throw accessDenied();
  if (ws === 2 && authorId !== null && authorId !== user.id) throw accessDenied();
}

/** ReadSecurity 2: users read only the items they created (unless they override list behaviours). */
export function readOnlyOwnItems(store: Store, user: UserRecord, list: ListRecord): boolean {
  return Number(list.props.ReadSecurity ?? 1) === 2 && !canOverrideListBehaviors(store, user, list);
}
