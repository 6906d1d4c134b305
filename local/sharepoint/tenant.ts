// The tenant around the hub's site: its root site (where Teams hosts an SPFx personal app) and the tenant app
// catalog (/sites/appcatalog), with SharePoint's tenant properties (storage entities).
//
// What SharePoint does, and the sources:
// - GET {any web}/_api/web/GetStorageEntity('key') answers {Comment, Description, Value} to any signed-in user
//   (Microsoft Learn, "SharePoint Online tenant properties": "can be read using the SharePoint REST API"; PnPjs docs,
//   "tenant properties": "can be used from any web"). A key that is not set answers 200 {"odata.null":true}
//   (the shape cli-microsoft365 handles in spo/commands/storageentity/storageentity-get.spec.ts).
// - POST …/_api/web/SetStorageEntity {key, value, description, comments} and …/RemoveStorageEntity('key') work only
//   on the app catalog web, for whoever can manage it ("Any member of the Owners group of an app catalog site",
//   Microsoft Learn tenant-properties, PnP PowerShell section); on any other web they are refused with access denied
//   (PnPjs docs: "MUST be called in the context of the app catalog web or you will get an access denied message";
//   CLI for Microsoft 365, spo storageentity set: "If you specify the URL of a site different than the app catalog,
//   you will get an access denied error").
// Locally the tenant's people are the hub site's users; the app catalog's owners are the site collection admins
// (Morgan Ellis, the demo admin). Everyone else reads the root site and the app catalog (the "Everyone except
// external users" visitors of a real tenant's root site).
import { Ctx, Json, SPRequest, SPResponse, jsonResponse } from './context';
import { Store, UserRecord } from './store';
import { SPError, CODES, accessDenied, errorBody, noResource } from './errors';
import { Segment, parsePath } from './odata/path';
import { ROLE_DEFINITIONS, basePermissions } from './security';
import * as web from './routes/web';
import { parseJsonBody } from './routes/items';
import { project } from './odata/objectQuery';

/** The tenant app catalog's path, as SharePoint creates it by default. */
export const APP_CATALOG_PATH = '/sites/appcatalog';
/** The tenant's root site. */
export const ROOT_SITE_PATH = '';

const READ_KINDS = ROLE_DEFINITIONS.find((d) => d.level === 'read')?.kinds ?? [];

interface StorageEntity {
  Value: string;
  Description: string;
  Comment: string;
}

function ensureTable(store: Store): void {
  store.db.exec('CREATE TABLE IF NOT EXISTS tenant_properties (key TEXT PRIMARY KEY, value TEXT NOT NULL, description TEXT NOT NULL, comment TEXT NOT NULL)');
}

function readEntity(store: Store, key: string): StorageEntity | undefined {
  ensureTable(store);
  const row = store.db.prepare('SELECT value, description, comment FROM tenant_properties WHERE key = ?').get(key) as { value: string; description: string; comment: string } | undefined;
  return row ? { Value: row.value, Description: row.description, Comment: row.comment } : undefined;
}

/** Who may set and remove tenant properties: the app catalog's owners (locally, the site collection admins). */
export function canManageAppCatalog(user: UserRecord): boolean {
  return user.isSiteAdmin;
}

function keyArg(seg: Segment): string {
  const v = seg.args?.[0]?.value;
  if (typeof v !== 'string' || v === '') throw new SPError(400, CODES.argument, 'Value cannot be null.\r\nParameter name: key');
  return v;
}

/**
 * GetStorageEntity / SetStorageEntity / RemoveStorageEntity on a web. `appCatalog`: whether this web is the tenant
 * app catalog (only there may they be written). Undefined when the segment is none of them.
 */
export function storageEntityRoute(ctx: Ctx, seg: Segment, rest: Segment[], appCatalog: boolean): SPResponse | undefined {
  if (rest.length) return undefined;
  const m = ctx.req.method;
  if (seg.name === 'getstorageentity') {
    if (m !== 'GET') throw new SPError(405, CODES.clientService, `The HTTP method '${m}' cannot be used to access the resource 'GetStorageEntity'.`);
    const e = readEntity(ctx.store, keyArg(seg));
    if (!e) return jsonResponse(ctx, 200, { 'odata.null': true });
    return jsonResponse(ctx, 200, { 'odata.metadata': `${ctx.siteUrl}/_api/$metadata#SP.StorageEntity`, 'odata.type': 'SP.StorageEntity', ...e });
  }
  if (seg.name !== 'setstorageentity' && seg.name !== 'removestorageentity') return undefined;
  if (m !== 'POST') throw new SPError(405, CODES.clientService, `The HTTP method '${m}' cannot be used to access the resource '${seg.raw}'.`);
  if (!appCatalog || !canManageAppCatalog(ctx.user)) throw accessDenied();
  ensureTable(ctx.store);
  if (seg.name === 'removestorageentity') {
    ctx.store.db.prepare('DELETE FROM tenant_properties WHERE key = ?').run(keyArg(seg));
    return jsonResponse(ctx, 200, { 'odata.null': true });
  }
  const body = parseJsonBody(ctx) as Record<string, unknown>;
  const key = body?.key;
  if (typeof key !== 'string' || key === '') throw new SPError(400, CODES.argument, 'Value cannot be null.\r\nParameter name: key');
  const text = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
  ctx.store.db
    .prepare('INSERT INTO tenant_properties (key, value, description, comment) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, description = excluded.description, comment = excluded.comment')
    .run(key, text(body.value), text(body.description), text(body.comments));
  return jsonResponse(ctx, 200, { 'odata.null': true });
}

/**
 * The root site and the app catalog: the part of their REST API the hub touches (the web, the signed-in user,
 * their permissions, the lists — none of the hub's — and the tenant properties). Never throws.
 */
export function handleTenantSite(store: Store, req: SPRequest, user: UserRecord, origin: string, sitePath: string, apiPath: string): SPResponse {
  const accept = (req.headers.accept ?? '').toLowerCase();
  const ctx: Ctx = { store, siteUrl: `${origin}${sitePath}`, sitePath, user, req, verbose: accept.includes('odata=verbose'), noMetadata: accept.includes('odata=nometadata') };
  const appCatalog = sitePath === APP_CATALOG_PATH;
  try {
    const override = req.headers['x-http-method'];
    if (override && req.method === 'POST') req.method = override.toUpperCase();
    const segs = parsePath(apiPath);
    const [head, ...rest] = segs;
    if (head?.name === 'contextinfo' && req.method === 'POST') return web.contextInfo(ctx);
    if (head?.name === 'web') {
      const [sub, ...after] = rest;
      if (!sub && req.method === 'GET') {
        const w: Json = { ...web.webJson(ctx), Title: appCatalog ? 'Apps' : 'Communication site', Description: '', WebTemplate: appCatalog ? 'APPCATALOG' : 'SITEPAGEPUBLISHING', Id: `${store.getMeta('webId')}-${appCatalog ? 'apps' : 'root'}` };
        return jsonResponse(ctx, 200, project(w, req.url.searchParams.get('$select'), 'SP.Web'));
      }
      if (sub?.name === 'currentuser' && after.length === 0 && req.method === 'GET') {
        return jsonResponse(ctx, 200, { 'odata.metadata': `${ctx.siteUrl}/_api/$metadata#SP.ApiData.Users1/@Element`, ...project(web.userJson(ctx, user), req.url.searchParams.get('$select'), 'SP.User') });
      }
      if (sub?.name === 'effectivebasepermissions' && after.length === 0 && req.method === 'GET') {
        const kinds = appCatalog && canManageAppCatalog(user) ? Array.from({ length: 64 }, (_, i) => i + 1) : READ_KINDS;
        return jsonResponse(ctx, 200, { 'odata.metadata': `${ctx.siteUrl}/_api/$metadata#SP.ApiData.BasePermissions`, 'odata.type': 'SP.BasePermissions', ...basePermissions(kinds) });
      }
      // None of the hub's lists live here; only a site owner could create them, and nobody here is one (read-only).
      if (sub?.name === 'lists' && !sub.args && after.length === 0) {
        if (req.method === 'GET') return jsonResponse(ctx, 200, { 'odata.metadata': `${ctx.siteUrl}/_api/$metadata#SP.ApiData.Lists`, value: [] });
        throw accessDenied();
      }
      if (sub) {
        const r = storageEntityRoute(ctx, sub, after, appCatalog);
        if (r) return r;
      }
    }
    throw noResource(apiPath);
  } catch (e) {
    const err = e instanceof SPError ? e : new SPError(500, CODES.internal, e instanceof Error ? e.message : String(e));
    return { status: err.status, headers: { 'content-type': 'application/json;odata=minimalmetadata;charset=utf-8', ...err.headers }, body: errorBody(err.code, err.message) };
  }
}
