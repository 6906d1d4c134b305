// Walks a SharePoint REST path (/_api/…) to the handler for it. Method names are case-insensitive, as on SharePoint.
import { Ctx, SPRequest, SPResponse, jsonResponse, emptyResponse } from './context';
import { Store, UserRecord, ListRecord, ViewDef } from './store';
import { Segment, parsePath, resolveAliases } from './odata/path';
import { SPError, CODES, listNotFound, listIdNotFound, noResource, errorBody, accessDenied, wrongMethod } from './errors';
import * as web from './routes/web';
import { searchRoute } from './search/searchRoutes';
import * as lists from './routes/lists';
import * as items from './routes/items';
import * as fields from './routes/fields';
import * as views from './routes/views';
import * as security from './routes/security';
import * as formUpdate from './routes/formUpdate';
import { queryObjects, project } from './odata/objectQuery';
import { requireRead, requireManageLists, requireManagePermissions } from './permissions';
import { FieldDef } from './fields';
import { storageEntityRoute } from './tenant';

function methodNotAllowed(ctx: Ctx, resource: string): SPError {
  return wrongMethod(ctx.req.method, resource);
}

function arg(seg: Segment, i = 0): string | number | boolean | null {
  const a = seg.args?.[i];
  if (!a) throw new SPError(400, CODES.argument, `The method '${seg.raw}' needs an argument.`);
  return a.value;
}

function intArg(seg: Segment): number {
  const v = arg(seg);
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isInteger(n)) throw new SPError(400, CODES.invalidClientQuery, `The argument in '${seg.raw}' is not a valid integer.`);
  return n;
}

/**
 * A write's body is JSON and says so: SharePoint's REST service reads the body by its Content-Type (JSON light,
 * `application/json;odata=verbose`, … as every Microsoft example sends it: Microsoft Learn, "Working with lists and
 * list items with REST"). A body sent as text/plain or a form — what a page on another origin can send without a
 * CORS preflight — is refused with 415 Unsupported Media Type (RFC 9110 §15.5.16). SharePoint's exact answer to such a
 * body is not published in the sources found (see local/server/README.md); no request the app makes is affected.
 */
function requireJsonBody(req: SPRequest): void {
  if (req.method === 'GET' || req.method === 'HEAD' || req.body.trim() === '') return;
  const ct = (req.headers['content-type'] ?? '').toLowerCase();
  if (!/^application\/json\s*(;|$)/.test(ct)) {
    throw new SPError(415, CODES.invalidClientQuery, `The content type '${ct || '(none)'}' is not supported: send the body as application/json.`);
  }
}

export class SharePointRouter {
  constructor(private readonly store: Store, readonly sitePath: string) {}

  /** Handles one request under /_api. Never throws: errors become SharePoint's JSON error responses. */
  handle(req: SPRequest, user: UserRecord, siteUrl: string, apiPath: string): SPResponse {
    const accept = (req.headers.accept ?? '').toLowerCase();
    const ctx: Ctx = {
      store: this.store, siteUrl, sitePath: this.sitePath, user, req,
      verbose: accept.includes('odata=verbose'), noMetadata: accept.includes('odata=nometadata'),
    };
    try {
      const override = req.headers['x-http-method'];
      if (override && req.method === 'POST') req.method = override.toUpperCase();
      if (req.method === 'PATCH' || req.method === 'PUT') req.method = 'MERGE';
      requireJsonBody(req);
      const segs = parsePath(apiPath);
      resolveAliases(segs, req.url.searchParams);
      const res = this.route(ctx, segs);
      if (!res) throw noResource(apiPath);
      return res;
    } catch (e) {
      if (e instanceof SPError) {
        const body = errorBody(e.code, e.message);
        return {
          status: e.status,
          headers: { 'content-type': ctx.verbose ? 'application/json;odata=verbose;charset=utf-8' : 'application/json;odata=minimalmetadata;charset=utf-8', ...e.headers },
          body: ctx.verbose ? JSON.stringify({ error: { code: e.code, message: { lang: 'en-US', value: e.message } } }) : body,
        };
      }
      const msg = e instanceof Error ? e.message : String(e);
      return { status: 500, headers: { 'content-type': 'application/json;odata=minimalmetadata;charset=utf-8' }, body: errorBody(CODES.internal, msg) };
    }
  }

  private route(ctx: Ctx, segs: Segment[]): SPResponse | undefined {
    if (segs.length === 0) return undefined;
    const [head, ...rest] = segs;
    const m = ctx.req.method;
    if (head.name === 'contextinfo') {
      if (m !== 'POST') throw methodNotAllowed(ctx, 'contextinfo');
      return web.contextInfo(ctx);
    }
    if (head.name === 'site') {
      if (rest.length === 0 && m === 'GET') return jsonResponse(ctx, 200, project(web.siteJson(ctx), ctx.req.url.searchParams.get('$select'), 'SP.Site'));
      if (rest[0]?.name === 'rootweb') return this.web(ctx, rest.slice(1));
      return undefined;
    }
    if (head.name === 'web') return this.web(ctx, rest);
    if (head.name === 'search' && rest.length === 1) return searchRoute(ctx, rest[0].name);
    if (head.name === 'lists') return this.web(ctx, segs);
    return undefined;
  }

  private web(ctx: Ctx, segs: Segment[]): SPResponse | undefined {
    const m = ctx.req.method;
    if (segs.length === 0) {
      if (m !== 'GET') throw methodNotAllowed(ctx, 'web');
      requireRead(ctx.store, ctx.user);
      return jsonResponse(ctx, 200, project(web.webJson(ctx), ctx.req.url.searchParams.get('$select'), 'SP.Web'));
    }
    const [head, ...rest] = segs;
    switch (head.name) {
      case 'lists':
        if (head.args) return this.list(ctx, this.listById(String(arg(head))), rest);
        if (rest.length === 0) {
          if (m === 'GET') return lists.getLists(ctx);
          if (m === 'POST') return lists.createList(ctx);
          throw methodNotAllowed(ctx, 'lists');
        }
        if (rest[0].name === 'getbytitle') {
          const title = String(arg(rest[0]));
          const list = ctx.store.listByTitle(title);
          if (!list) throw listNotFound(title, ctx.siteUrl);
          return this.list(ctx, list, rest.slice(1));
        }
        if (rest[0].name === 'getbyid') return this.list(ctx, this.listById(String(arg(rest[0]))), rest.slice(1));
        return undefined;
      case 'getlist': {
        const url = String(arg(head));
        const name = url.replace(/\/+$/, '').split('/').pop() ?? '';
        const list = ctx.store.allLists().find((l) => l.urlName.toLowerCase() === name.toLowerCase());
        if (!list) throw new SPError(404, '-2147024894, System.IO.FileNotFoundException', 'File Not Found.');
        return this.list(ctx, list, rest);
      }
      case 'currentuser':
        return this.user(ctx, ctx.user, rest);
      case 'getuserbyid': {
        const u = ctx.store.userById(intArg(head));
        if (!u) throw new SPError(404, CODES.userNotFound, 'User cannot be found.');
        return this.user(ctx, u, rest);
      }
      case 'siteusers':
        return this.siteUsers(ctx, head, rest);
      case 'ensureuser': {
        if (m !== 'POST') throw methodNotAllowed(ctx, 'ensureuser');
        const login = head.args?.length ? arg(head) : (items.parseJsonBody(ctx) as Record<string, unknown>)?.logonName;
        const u = web.ensureUser(ctx, login);
        return jsonResponse(ctx, 200, { 'odata.metadata': `${ctx.siteUrl}/_api/$metadata#SP.ApiData.Users1/@Element`, ...web.userJson(ctx, u) });
      }
      case 'sitegroups':
        return this.siteGroups(ctx, head, rest);
      case 'roledefinitions':
        if (head.args) return security.roleDefinitionById(ctx, intArg(head));
        return security.roleDefinitions(ctx, rest);
      case 'roleassignments':
        return security.roleAssignmentsRoute(ctx, undefined, head, rest);
      case 'effectivebasepermissions':
        if (rest.length === 0 && m === 'GET') return security.effectivePermissions(ctx);
        return undefined;
      case 'associatedownergroup':
      case 'associatedmembergroup':
      case 'associatedvisitorgroup': {
        const id = head.name === 'associatedownergroup' ? 3 : head.name === 'associatedmembergroup' ? 5 : 4;
        return this.group(ctx, id, rest);
      }
      case 'getstorageentity':
      case 'setstorageentity':
      case 'removestorageentity':
        // Tenant properties: read from any web, written only on the app catalog (local/sharepoint/tenant.ts).
        return storageEntityRoute(ctx, head, rest, false);
      default:
        return undefined;
    }
  }

  private listById(id: string): ListRecord {
    const list = this.store.listById(id);
    if (!list) throw listIdNotFound();
    return list;
  }

  private user(ctx: Ctx, u: UserRecord, rest: Segment[]): SPResponse | undefined {
    requireRead(ctx.store, ctx.user);
    if (rest.length === 0) {
      if (ctx.req.method !== 'GET') throw methodNotAllowed(ctx, 'user');
      return jsonResponse(ctx, 200, { 'odata.metadata': `${ctx.siteUrl}/_api/$metadata#SP.ApiData.Users1/@Element`,
        ...project(web.userJson(ctx, u), ctx.req.url.searchParams.get('$select'), 'SP.User') });
    }
    if (rest[0].name === 'groups' && rest.length === 1) {
      const gs = ctx.store.groupsOfUser(u.id).map((g) => web.groupJson(ctx, g));
      return jsonResponse(ctx, 200, { 'odata.metadata': `${ctx.siteUrl}/_api/$metadata#SP.ApiData.Groups`, value: queryObjects(gs, ctx.req.url.searchParams, 'SP.Group') });
    }
    return undefined;
  }

  private siteUsers(ctx: Ctx, head: Segment, rest: Segment[]): SPResponse | undefined {
    const find = (seg: Segment): UserRecord => {
      let u: UserRecord | undefined;
      if (seg.name === 'getbyid') u = ctx.store.userById(intArg(seg));
      else if (seg.name === 'getbyemail' || seg.name === 'getbyloginname' || seg.name === 'siteusers') u = ctx.store.userByLogin(String(arg(seg)));
      if (!u) throw new SPError(404, CODES.userNotFound, 'User cannot be found.');
      return u;
    };
    if (head.args) return this.user(ctx, find(head), rest);
    if (rest.length === 0) {
      if (ctx.req.method === 'GET') {
        requireRead(ctx.store, ctx.user);
        const us = ctx.store.allUsers().map((u) => web.userJson(ctx, u));
        return jsonResponse(ctx, 200, { 'odata.metadata': `${ctx.siteUrl}/_api/$metadata#SP.ApiData.Users1`, value: queryObjects(us, ctx.req.url.searchParams, 'SP.User') });
      }
      if (ctx.req.method === 'POST') {
        const body = items.parseJsonBody(ctx) as Record<string, unknown>;
        const u = web.ensureUser(ctx, body?.LoginName);
        return jsonResponse(ctx, 201, web.userJson(ctx, u));
      }
      throw methodNotAllowed(ctx, 'siteusers');
    }
    if (['getbyid', 'getbyemail', 'getbyloginname'].includes(rest[0].name)) return this.user(ctx, find(rest[0]), rest.slice(1));
    return undefined;
  }

  private siteGroups(ctx: Ctx, head: Segment, rest: Segment[]): SPResponse | undefined {
    if (head.args) return this.group(ctx, intArg(head), rest);
    if (rest.length === 0) {
      requireRead(ctx.store, ctx.user);
      if (ctx.req.method !== 'GET') throw methodNotAllowed(ctx, 'sitegroups');
      const gs = ctx.store.allGroups().map((g) => web.groupJson(ctx, g));
      return jsonResponse(ctx, 200, { 'odata.metadata': `${ctx.siteUrl}/_api/$metadata#SP.ApiData.Groups`, value: queryObjects(gs, ctx.req.url.searchParams, 'SP.Group') });
    }
    if (rest[0].name === 'getbyid') return this.group(ctx, intArg(rest[0]), rest.slice(1));
    if (rest[0].name === 'getbyname') {
      const name = String(arg(rest[0])).toLowerCase();
      const g = ctx.store.allGroups().find((x) => x.title.toLowerCase() === name);
      if (!g) throw new SPError(404, '-2146232832, Microsoft.SharePoint.SPException', 'Group cannot be found.');
      return this.group(ctx, g.id, rest.slice(1));
    }
    return undefined;
  }

  private group(ctx: Ctx, id: number, rest: Segment[]): SPResponse | undefined {
    requireRead(ctx.store, ctx.user);
    const g = ctx.store.allGroups().find((x) => x.id === id);
    if (!g) throw new SPError(404, '-2146232832, Microsoft.SharePoint.SPException', 'Group cannot be found.');
    if (rest.length === 0) return jsonResponse(ctx, 200, project(web.groupJson(ctx, g), ctx.req.url.searchParams.get('$select'), 'SP.Group'));
    if (rest[0].name === 'users' && rest.length === 1) {
      if (ctx.req.method === 'POST') {
        requireManagePermissions(ctx.store, ctx.user);
        const body = items.parseJsonBody(ctx) as Record<string, unknown>;
        const u = web.ensureUser(ctx, body?.LoginName);
        ctx.store.addGroupMember(g.id, u.id);
        return jsonResponse(ctx, 201, web.userJson(ctx, u));
      }
      const us = ctx.store.usersOfGroup(g.id).map((u) => web.userJson(ctx, u));
      return jsonResponse(ctx, 200, { 'odata.metadata': `${ctx.siteUrl}/_api/$metadata#SP.ApiData.Users1`, value: queryObjects(us, ctx.req.url.searchParams, 'SP.User') });
    }
    return undefined;
  }

  private list(ctx: Ctx, list: ListRecord, segs: Segment[]): SPResponse | undefined {
    const m = ctx.req.method;
    if (segs.length === 0) {
      if (m === 'GET') return lists.getList(ctx, list);
      if (m === 'MERGE') return lists.updateList(ctx, list);
      if (m === 'DELETE') return lists.deleteList(ctx, list);
      throw methodNotAllowed(ctx, 'list');
    }
    const [head, ...rest] = segs;
    switch (head.name) {
      case 'items':
        if (head.args) return this.item(ctx, list, intArg(head), rest);
        if (rest.length === 0) {
          if (m === 'GET') return items.queryItems(ctx, list);
          if (m === 'POST') return items.addItem(ctx, list);
          throw methodNotAllowed(ctx, 'items');
        }
        if (rest[0].name === 'getbyid') return this.item(ctx, list, intArg(rest[0]), rest.slice(1));
        return undefined;
      case 'fields':
        return this.fields(ctx, list, head, rest);
      case 'views':
        if (head.args) return this.view(ctx, list, views.findView(list, 'id', String(arg(head))), rest);
        if (rest.length === 0) {
          if (m === 'GET') return views.getViews(ctx, list);
          if (m === 'POST') return views.addView(ctx, list);
          throw methodNotAllowed(ctx, 'views');
        }
        if (rest[0].name === 'getbytitle') return this.view(ctx, list, views.findView(list, 'title', String(arg(rest[0]))), rest.slice(1));
        if (rest[0].name === 'getbyid') return this.view(ctx, list, views.findView(list, 'id', String(arg(rest[0]))), rest.slice(1));
        return undefined;
      case 'defaultview': {
        const v = list.views.find((x) => x.defaultView) ?? list.views[0];
        if (!v) throw new SPError(404, CODES.argument, 'The specified view is invalid.');
        return this.view(ctx, list, v, rest);
      }
      case 'roleassignments':
        return security.roleAssignmentsRoute(ctx, list, head, rest);
      case 'addvalidateupdateitemusingpath':
        if (rest.length !== 0) return undefined;
        if (m !== 'POST') throw methodNotAllowed(ctx, 'AddValidateUpdateItemUsingPath');
        return formUpdate.addValidateUpdateItemUsingPath(ctx, list);
      case 'breakroleinheritance':
      case 'resetroleinheritance':
        if (rest.length === 0) return security.inheritance(ctx, list, head);
        return undefined;
      case 'effectivebasepermissions':
        if (rest.length === 0 && m === 'GET') {
          requireRead(ctx.store, ctx.user, list);
          return security.effectivePermissions(ctx, list);
        }
        return undefined;
      case 'rootfolder':
        if (rest.length === 0 && m === 'GET') {
          return jsonResponse(ctx, 200, project({
            'odata.type': 'SP.Folder', Name: list.urlName, ServerRelativeUrl: `${ctx.sitePath}/Lists/${list.urlName}`,
            ServerRelativePath: { DecodedUrl: `${ctx.sitePath}/Lists/${list.urlName}` }, UniqueId: list.id, ItemCount: ctx.store.itemCount(list),
            Exists: true,
          }, ctx.req.url.searchParams.get('$select'), 'SP.Folder'));
        }
        return undefined;
      default:
        if (rest.length === 0 && m === 'GET' && !head.args) return lists.listProperty(ctx, list, head.raw);
        return undefined;
    }
  }

  private item(ctx: Ctx, list: ListRecord, id: number, segs: Segment[]): SPResponse | undefined {
    const m = ctx.req.method;
    if (segs.length === 0) {
      if (m === 'GET') return items.getItem(ctx, list, id);
      if (m === 'MERGE') return items.updateItem(ctx, list, id);
      if (m === 'DELETE') return items.deleteItem(ctx, list, id, false);
      throw methodNotAllowed(ctx, 'item');
    }
    const [head, ...rest] = segs;
    if (head.name === 'validateupdatelistitem' && rest.length === 0) {
      if (m !== 'POST') throw methodNotAllowed(ctx, 'ValidateUpdateListItem');
      return formUpdate.validateUpdateListItem(ctx, list, id);
    }
    if (head.name === 'recycle' && rest.length === 0) {
      if (m !== 'POST') throw methodNotAllowed(ctx, 'recycle');
      return items.deleteItem(ctx, list, id, true);
    }
    if (head.name === 'versions') {
      if (m !== 'GET') throw methodNotAllowed(ctx, 'versions');
      if (head.args) return items.itemVersions(ctx, list, id, intArg(head));
      if (rest.length === 0) return items.itemVersions(ctx, list, id);
      if (rest[0].name === 'getbyid') return items.itemVersions(ctx, list, id, intArg(rest[0]));
    }
    return undefined;
  }

  private fields(ctx: Ctx, list: ListRecord, head: Segment, rest: Segment[]): SPResponse | undefined {
    const m = ctx.req.method;
    if (head.args) return this.field(ctx, list, fields.findField(ctx, list, 'id', String(arg(head))), rest);
    if (rest.length === 0) {
      if (m === 'GET') return fields.getFields(ctx, list);
      if (m === 'POST') return fields.addField(ctx, list, false);
      throw methodNotAllowed(ctx, 'fields');
    }
    const [h, ...r] = rest;
    switch (h.name) {
      case 'getbyinternalnameortitle':
        return this.field(ctx, list, fields.findField(ctx, list, 'name', String(arg(h))), r);
      case 'getbytitle':
        return this.field(ctx, list, fields.findField(ctx, list, 'title', String(arg(h))), r);
      case 'getbyid':
        return this.field(ctx, list, fields.findField(ctx, list, 'id', String(arg(h))), r);
      case 'createfieldasxml':
        if (m !== 'POST') throw methodNotAllowed(ctx, 'createfieldasxml');
        return fields.createFieldAsXml(ctx, list);
      case 'addfield':
        if (m !== 'POST') throw methodNotAllowed(ctx, 'addfield');
        return fields.addField(ctx, list, true);
      default:
        return undefined;
    }
  }

  private field(ctx: Ctx, list: ListRecord, f: FieldDef, segs: Segment[]): SPResponse | undefined {
    const m = ctx.req.method;
    if (segs.length === 0) {
      if (m === 'GET') return fields.getField(ctx, list, f);
      if (m === 'MERGE') return fields.updateField(ctx, list, f);
      if (m === 'DELETE') return fields.deleteField(ctx, list, f);
      throw methodNotAllowed(ctx, 'field');
    }
    if (/^setshowin(display|edit|new)form$/.test(segs[0].name) && m === 'POST') {
      requireManageLists(ctx.store, ctx.user);
      return emptyResponse(200);
    }
    return undefined;
  }

  private view(ctx: Ctx, list: ListRecord, v: ViewDef, segs: Segment[]): SPResponse | undefined {
    const m = ctx.req.method;
    if (segs.length === 0) {
      if (m === 'GET') return views.getView(ctx, list, v);
      if (m === 'MERGE') return views.updateView(ctx, list, v);
      if (m === 'DELETE') return views.deleteView(ctx, list, v);
      throw methodNotAllowed(ctx, 'view');
    }
    const [head, ...rest] = segs;
    if (head.name === 'viewfields') {
      if (rest.length === 0) {
        if (m !== 'GET') throw methodNotAllowed(ctx, 'viewfields');
        return views.getViewFields(ctx, list, v);
      }
      if (rest[0].name === 'schemaxml') return views.getViewFieldsSchemaXml(ctx, v);
      if (m !== 'POST') throw methodNotAllowed(ctx, rest[0].name);
      const a = rest[0].args?.[0]?.value;
      return views.viewFieldsAction(ctx, list, v, rest[0].name, a === undefined || a === null ? undefined : String(a));
    }
    if (head.name === 'setviewxml' && m === 'POST') return views.setViewXml(ctx, list, v);
    return undefined;
  }
}
