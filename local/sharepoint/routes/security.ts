// Role definitions, role assignments, breaking/resetting a list's permission inheritance and effective permissions.
import { Ctx, Json, SPResponse, jsonResponse, emptyResponse } from '../context';
import { ListRecord } from '../store';
import { Segment } from '../odata/path';
import { SPError, CODES } from '../errors';
import { RoleDefinition, addRoleDefinition, allRoleDefinitions, basePermissions, effectiveKinds, kindsFromBasePermissions, roleAssignments, scopeOf } from '../security';
import { requireManagePermissions, requireRead } from '../permissions';
import { parseJsonBody } from './items';
import { queryObjects, project } from '../odata/objectQuery';
import { groupJson, userJson } from './web';

function roleDefJson(ctx: Ctx, d: RoleDefinition): Json {
  return {
    'odata.type': 'SP.RoleDefinition',
    'odata.id': `${ctx.siteUrl}/_api/Web/RoleDefinitions(${d.id})`,
    'odata.editLink': `Web/RoleDefinitions(${d.id})`,
    BasePermissions: basePermissions(d.kinds),
    Description: d.description,
    Hidden: d.roleTypeKind === 1,
    Id: d.id,
    Name: d.name,
    Order: d.order,
    RoleTypeKind: d.roleTypeKind,
  };
}

function findRoleDef(ctx: Ctx, seg: Segment): RoleDefinition {
  const v = seg.args?.[0]?.value;
  const all = allRoleDefinitions(ctx.store);
  let d: RoleDefinition | undefined;
  if (seg.name === 'getbytype') d = all.find((x) => x.roleTypeKind === Number(v));
  else if (seg.name === 'getbyname') d = all.find((x) => x.name.toLowerCase() === String(v).toLowerCase());
  else d = all.find((x) => x.id === Number(v));
  if (!d) throw new SPError(404, '-2146232832, Microsoft.SharePoint.SPException', 'Permission level cannot be found.');
  return d;
}

export function roleDefinitions(ctx: Ctx, segs: Segment[]): SPResponse | undefined {
  requireRead(ctx.store, ctx.user);
  if (segs.length === 0 && ctx.req.method === 'POST') return createRoleDefinition(ctx);
  if (segs.length === 0) {
    return jsonResponse(ctx, 200, { 'odata.metadata': `${ctx.siteUrl}/_api/$metadata#SP.ApiData.RoleDefinitions`,
      value: queryObjects(allRoleDefinitions(ctx.store).map((d) => roleDefJson(ctx, d)), ctx.req.url.searchParams, 'SP.RoleDefinition') });
  }
  if (segs.length === 1 && ['getbytype', 'getbyname', 'getbyid'].includes(segs[0].name)) {
    return jsonResponse(ctx, 200, project(roleDefJson(ctx, findRoleDef(ctx, segs[0])), ctx.req.url.searchParams.get('$select'), 'SP.RoleDefinition'));
  }
  return undefined;
}

/**
 * POST /_api/web/roledefinitions {BasePermissions:{High,Low}, Name, Description, Order}: a custom permission level
 * (PnPjs: web.roleDefinitions.add). Needs ManagePermissions; the name must be new. Microsoft Learn, "Set custom
 * permissions for a list by using the REST interface" creates one exactly this way.
 */
function createRoleDefinition(ctx: Ctx): SPResponse {
  requireManagePermissions(ctx.store, ctx.user);
  const body = (parseJsonBody(ctx) ?? {}) as Json;
  const name = typeof body.Name === 'string' ? body.Name.trim() : '';
  if (!name) throw new SPError(400, CODES.argument, 'Value cannot be null.\r\nParameter name: Name');
  if (allRoleDefinitions(ctx.store).some((d) => d.name.toLowerCase() === name.toLowerCase())) {
    throw new SPError(400, '-2146232832, Microsoft.SharePoint.SPException', 'A permission level with this name already exists. Type a different name for this permission level.');
  }
  const bp = (body.BasePermissions ?? {}) as { High?: unknown; Low?: unknown };
  const d = addRoleDefinition(ctx.store, name, typeof body.Description === 'string' ? body.Description : '', Number(body.Order ?? 0) || 0, kindsFromBasePermissions(bp));
  return jsonResponse(ctx, 201, { 'odata.metadata': `${ctx.siteUrl}/_api/$metadata#SP.ApiData.RoleDefinitions/@Element`, ...roleDefJson(ctx, d) });
}

export function roleDefinitionById(ctx: Ctx, id: number): SPResponse {
  requireRead(ctx.store, ctx.user);
  const d = allRoleDefinitions(ctx.store).find((x) => x.id === id);
  if (!d) throw new SPError(404, '-2146232832, Microsoft.SharePoint.SPException', 'Permission level cannot be found.');
  return jsonResponse(ctx, 200, project(roleDefJson(ctx, d), ctx.req.url.searchParams.get('$select'), 'SP.RoleDefinition'));
}

function assignmentJson(ctx: Ctx, base: string, principalId: number): Json {
  return { 'odata.type': 'SP.RoleAssignment', 'odata.id': `${ctx.siteUrl}/_api/${base}/RoleAssignments/GetByPrincipalId(${principalId})`,
    'odata.editLink': `${base}/RoleAssignments/GetByPrincipalId(${principalId})`, PrincipalId: principalId };
}

function namedArgs(seg: Segment): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  (seg.args ?? []).forEach((a, i) => { out[(a.name ?? String(i)).toLowerCase()] = a.value; });
  return out;
}

/** /roleassignments… on the web (list undefined) or on a list. */
export function roleAssignmentsRoute(ctx: Ctx, list: ListRecord | undefined, head: Segment, rest: Segment[]): SPResponse | undefined {
  const base = list ? `Web/Lists(guid'${list.id}')` : 'Web';
  const scope = scopeOf(list);
  const m = ctx.req.method;
  const principalExists = (id: number): boolean => !!ctx.store.userById(id) || ctx.store.allGroups().some((g) => g.id === id);
  const assignmentFor = (principalId: number, sub: Segment[]): SPResponse | undefined => {
    const defs = roleAssignments(ctx.store, scope).filter((a) => a.principalId === principalId);
    if (defs.length === 0) throw new SPError(404, CODES.argument, 'Can not find the principal with id: ' + principalId + '.');
    if (sub.length === 0) {
      if (m === 'GET') return jsonResponse(ctx, 200, assignmentJson(ctx, base, principalId));
      if (m === 'DELETE') {
        requireManagePermissions(ctx.store, ctx.user, list);
        if (list && scope === 'web') throw inherits();
        ctx.store.stmt('DELETE FROM role_assignments WHERE scope = ? AND principal_id = ?').run(scope, principalId);
        return emptyResponse(200);
      }
      return undefined;
    }
    if (sub[0].name === 'roledefinitionbindings' && m === 'GET') {
      const value = defs.map((a) => allRoleDefinitions(ctx.store).find((d) => d.id === a.roleDefId)).filter((d): d is RoleDefinition => !!d).map((d) => roleDefJson(ctx, d));
      return jsonResponse(ctx, 200, { value });
    }
    if (sub[0].name === 'member' && m === 'GET') {
      const u = ctx.store.userById(principalId);
      const g = ctx.store.allGroups().find((x) => x.id === principalId);
      return jsonResponse(ctx, 200, u ? userJson(ctx, u) : groupJson(ctx, g!));
    }
    return undefined;
  };
  const inherits = (): SPError => new SPError(400, '-2146232832, Microsoft.SharePoint.SPException',
    'This operation is not allowed on an object that inherits permissions.');
  if (head.args) return assignmentFor(Number(head.args[0]?.value), rest);
  if (rest.length === 0) {
    if (m !== 'GET') return undefined;
    requireRead(ctx.store, ctx.user, list);
    const ids = [...new Set(roleAssignments(ctx.store, scope).map((a) => a.principalId))];
    return jsonResponse(ctx, 200, { 'odata.metadata': `${ctx.siteUrl}/_api/$metadata#SP.ApiData.RoleAssignments`,
      value: queryObjects(ids.map((id) => assignmentJson(ctx, base, id)), ctx.req.url.searchParams, 'SP.RoleAssignment') });
  }
  const [seg, ...sub] = rest;
  if (seg.name === 'getbyprincipalid') return assignmentFor(Number(seg.args?.[0]?.value), sub);
  if ((seg.name === 'addroleassignment' || seg.name === 'removeroleassignment') && m === 'POST') {
    requireManagePermissions(ctx.store, ctx.user, list);
    if (list && scope === 'web') throw inherits();
    const a = namedArgs(seg);
    const principalId = Number(a.principalid ?? a['0']);
    const roleDefId = Number(a.roledefid ?? a['1']);
    if (!principalExists(principalId)) throw new SPError(400, CODES.argument, 'Can not find the principal with id: ' + principalId + '.');
    if (!allRoleDefinitions(ctx.store).some((d) => d.id === roleDefId)) throw new SPError(404, '-2146232832, Microsoft.SharePoint.SPException', 'Permission level cannot be found.');
    if (seg.name === 'addroleassignment') {
      ctx.store.stmt('INSERT OR IGNORE INTO role_assignments (scope, principal_id, role_def_id) VALUES (?, ?, ?)').run(scope, principalId, roleDefId);
    } else {
      ctx.store.stmt('DELETE FROM role_assignments WHERE scope = ? AND principal_id = ? AND role_def_id = ?').run(scope, principalId, roleDefId);
    }
    return emptyResponse(200);
  }
  return undefined;
}

/** POST list/breakroleinheritance(copyroleassignments=…, clearsubscopes=…) and list/resetroleinheritance. */
export function inheritance(ctx: Ctx, list: ListRecord, seg: Segment): SPResponse {
  if (ctx.req.method !== 'POST') throw new SPError(405, CODES.clientService, `The HTTP method '${ctx.req.method}' cannot be used to access the resource '${seg.name}'.`);
  requireManagePermissions(ctx.store, ctx.user, list);
  const scope = `list:${list.rowId}`;
  if (seg.name === 'breakroleinheritance') {
    if (list.props.__uniquePermissions === true) return emptyResponse(200);
    const a = namedArgs(seg);
    const copy = (a.copyroleassignments ?? a['0']) === true;
    ctx.store.tx(() => {
      ctx.store.stmt('DELETE FROM role_assignments WHERE scope = ?').run(scope);
      if (copy) {
        for (const r of roleAssignments(ctx.store, 'web')) {
          ctx.store.stmt('INSERT OR IGNORE INTO role_assignments (scope, principal_id, role_def_id) VALUES (?, ?, ?)').run(scope, r.principalId, r.roleDefId);
        }
      } else {
        // SharePoint keeps the user who broke inheritance in control of the object.
        ctx.store.stmt('INSERT OR IGNORE INTO role_assignments (scope, principal_id, role_def_id) VALUES (?, ?, ?)').run(scope, ctx.user.id, 1073741829);
      }
      ctx.store.updateList(list, undefined, { __uniquePermissions: true });
    });
    return emptyResponse(200);
  }
  ctx.store.tx(() => {
    ctx.store.stmt('DELETE FROM role_assignments WHERE scope = ?').run(scope);
    ctx.store.updateList(list, undefined, { __uniquePermissions: false });
  });
  return emptyResponse(200);
}

export function effectivePermissions(ctx: Ctx, list?: ListRecord): SPResponse {
  const p = basePermissions([...effectiveKinds(ctx.store, ctx.user, list)]);
  return jsonResponse(ctx, 200, { 'odata.metadata': `${ctx.siteUrl}/_api/$metadata#SP.ApiData.BasePermissions`, 'odata.type': 'SP.BasePermissions', ...p });
}
