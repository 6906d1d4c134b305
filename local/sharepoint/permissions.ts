// Permissions modelled as SharePoint does for a team site's groups, no more:
//  Owners (and site collection admins) = Full Control: everything, including "Override List Behaviors" (so they
//    are not bound by a list's item-level WriteSecurity/ReadSecurity);
//  Members = Edit: manage lists (create/change lists, fields, views) and add/edit/delete items;
//  Approvers = Contribute: add/edit/delete items;
//  Visitors = Read; anyone else: no access.
import { Store, UserRecord, ListRecord } from './store';
import { accessDenied } from './errors';

export type PermissionLevel = 'full' | 'edit' | 'contribute' | 'read' | 'none';

const RANK: Record<PermissionLevel, number> = { none: 0, read: 1, contribute: 2, edit: 3, full: 4 };

export function permissionLevel(store: Store, user: UserRecord): PermissionLevel {
  if (user.isSiteAdmin) return 'full';
  let best: PermissionLevel = 'none';
  for (const g of store.groupsOfUser(user.id)) {
    const lvl: PermissionLevel = /Owners$/.test(g.title) ? 'full' : /Members$/.test(g.title) ? 'edit'
      : /Approvers$/.test(g.title) ? 'contribute' : /Visitors$/.test(g.title) ? 'read' : 'none';
    if (RANK[lvl] > RANK[best]) best = lvl;
  }
  return best;
}

export function requireRead(store: Store, user: UserRecord): void {
  if (RANK[permissionLevel(store, user)] < RANK.read) throw accessDenied();
}

export function requireManageLists(store: Store, user: UserRecord): void {
  if (RANK[permissionLevel(store, user)] < RANK.edit) throw accessDenied();
}

export function canOverrideListBehaviors(store: Store, user: UserRecord): boolean {
  return permissionLevel(store, user) === 'full';
}

/** Item writes: needs Contribute; list WriteSecurity 2 = only items the user created, 4 = none. */
export function requireItemWrite(store: Store, user: UserRecord, list: ListRecord, authorId: number | null): void {
  if (RANK[permissionLevel(store, user)] < RANK.contribute) throw accessDenied();
  if (canOverrideListBehaviors(store, user)) return;
  const ws = Number(list.props.WriteSecurity ?? 1);
  if (ws === 4) throw accessDenied();
  if (ws === 2 && authorId !== null && authorId !== user.id) throw accessDenied();
}

/** ReadSecurity 2: users read only the items they created (unless they override list behaviours). */
export function readOnlyOwnItems(store: Store, user: UserRecord, list: ListRecord): boolean {
  return Number(list.props.ReadSecurity ?? 1) === 2 && !canOverrideListBehaviors(store, user);
}
