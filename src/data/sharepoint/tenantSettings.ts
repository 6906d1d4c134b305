// SharePoint tenant properties (storage entities on the tenant app catalog) and the signed-in user's rights on a
// site, read through PnPjs. Microsoft Learn, "SharePoint Online tenant properties": GET _api/web/GetStorageEntity('key')
// answers {Comment, Description, Value} from any web; a key that is not set answers {"odata.null": true}
// (cli-microsoft365, spo storageentity get). Written only on the app catalog by its owners (README, deployment).
import type { SPFI } from '@pnp/sp';
import { PermissionKind } from '@pnp/sp/security';
import { VERIFICATIONS_LIST } from '../schema/lists';
import { readDataError } from './errors';
import './pnp';

/** A tenant property's value; undefined when it is not set (or set to nothing). */
export async function readTenantProperty(sp: SPFI, key: string): Promise<string | undefined> {
  try {
    const entity = (await sp.web.getStorageEntity(key)) as { Value?: unknown; 'odata.null'?: boolean } | null;
    const value = entity && typeof entity.Value === 'string' ? entity.Value.trim() : '';
    return value === '' ? undefined : value;
  } catch (e) {
    throw await readDataError(e, `The tenant property ${key}`);
  }
}

/** Whether the signed-in user may manage the site `sp` points at (SharePoint's ManageWeb: Owners, Full Control). */
export async function canManageWeb(sp: SPFI): Promise<boolean> {
  try {
    return await sp.web.currentUserHasPermissions(PermissionKind.ManageWeb);
  } catch (e) {
    throw await readDataError(e, 'Your permissions on the hub’s site');
  }
}

/** Whether the signed-in user may add a verification (AddListItems on the Verifications list: the Approvers group). */
export async function canAddVerification(sp: SPFI): Promise<boolean> {
  try {
    return await sp.web.lists.getByTitle(VERIFICATIONS_LIST.title).currentUserHasPermissions(PermissionKind.AddListItems);
  } catch (e) {
    throw await readDataError(e, 'Whether you may verify outcomes', VERIFICATIONS_LIST.title);
  }
}
