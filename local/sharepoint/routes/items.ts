// List items: query ($select/$filter/$orderby/$top/$skiptoken/$expand), get by id, add, MERGE, DELETE, recycle, versions.
import { randomUUID } from 'node:crypto';
import { Ctx, SPResponse, jsonResponse, emptyResponse, Json } from '../context';
import { ListRecord, itemsTable, quoteIdent, ETAG_COL, VERSION_COL, nowIso } from '../store';
import { FieldDef, entityPropertyName, isStored, fieldType } from '../fields';
import { parseFilter, FilterNode } from '../odata/filterParser';
import { compileFilter, FilterContext, SqlFragment, SqlParam, topLevelAndClauses } from '../odata/filterSql';
import { parseProjection, fieldByProp, isRefField, isUserField, splitList, lookupFieldsOf } from '../odata/select';
import { checkThreshold, checkLookupThreshold, OrderTerm } from '../threshold';
import { renderItem, resolveLookupList, etagOf, Row, itemEntityUrl } from '../itemJson';
import { resolveWrite, completeAndCheck, itemTypeName } from '../itemValues';
import { invalidQuery, itemNotFound, etagMismatch, unknownField, badRequestBody, SPError, CODES } from '../errors';
import { requireItemWrite, requireRead, readOnlyOwnItems } from '../permissions';

const DEFAULT_TOP = 100;

export function parseJsonBody(ctx: Ctx): unknown {
  const text = ctx.req.body;
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw badRequestBody();
  }
}

function filterContext(ctx: Ctx, list: ListRecord): FilterContext {
  return { list, lookupTarget: (f) => resolveLookupList(ctx, f) };
}

interface OrderCol {
  term: OrderTerm;
  col: string;
  name: string;
  desc: boolean;
  field?: FieldDef;
}

function parseOrderBy(list: ListRecord, s: string | null): OrderCol[] {
  const out: OrderCol[] = [];
  for (const part of splitList(s)) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*(?:\/[A-Za-z_][A-Za-z0-9_]*)?)(?:\s+(asc|desc))?$/i.exec(part);
    if (!m) throw invalidQuery(`The $orderby expression '${part}' is not valid.`);
    const name = m[1];
    const desc = (m[2] ?? 'asc').toLowerCase() === 'desc';
    if (name.toLowerCase() === 'id' || name.toLowerCase() === 'id') {
      out.push({ term: { field: 'ID' }, col: 'ID', name: 'ID', desc });
      continue;
    }
    let f = name.includes('/') ? undefined : fieldByProp(list, name);
    if (!f) {
      const idm = /^(.*?)Id$/.exec(name);
      const rf = idm ? fieldByProp(list, idm[1]) : undefined;
      if (rf && isRefField(rf)) f = rf;
      else if (name.includes('/') && /\/id$/i.test(name)) {
        const rf2 = fieldByProp(list, name.split('/')[0]);
        if (rf2 && isRefField(rf2)) f = rf2;
      }
    }
    if (!f || !isStored(f)) throw unknownField(name);
    if (f.typeAsString === 'MultiChoice' || f.typeAsString === 'UserMulti' || f.typeAsString === 'LookupMulti' || f.typeAsString === 'Note') {
      throw invalidQuery(`The field '${f.internalName}' of type '${f.typeAsString}' cannot be used in the query filter expression.`);
    }
    out.push({ term: { field: f }, col: quoteIdent(f.internalName), name: f.internalName, desc, field: f });
  }
  return out;
}

function parseTop(s: string | null): number {
  if (s === null) return DEFAULT_TOP;
  if (!/^\s*\d+\s*$/.test(s)) throw invalidQuery(`Invalid value '${s}' for the $top query option. It must be a non-negative integer.`);
  const n = Number(s);
  if (!Number.isSafeInteger(n) || n > 2147483647) throw invalidQuery(`Invalid value '${s}' for the $top query option.`);
  return n;
}

/** Parses Paged=TRUE&p_ID=n[&p_Field=value…] into the keyset values. */
function parseSkipToken(token: string | null): Map<string, string> | undefined {
  if (!token) return undefined;
  const parts = new Map<string, string>();
  for (const kv of token.split('&')) {
    const i = kv.indexOf('=');
    if (i < 0) continue;
    let v = kv.slice(i + 1);
    try {
      v = decodeURIComponent(v);
    } catch {
      throw invalidQuery('The $skiptoken value is not valid.');
    }
    parts.set(kv.slice(0, i).toLowerCase(), v);
  }
  if ((parts.get('paged') ?? '').toUpperCase() !== 'TRUE') return undefined;
  return parts;
}

function tokenValue(o: OrderCol, raw: string | undefined): SqlParam {
  if (raw === undefined || raw === '') return null;
  if (!o.field) return Number(raw);
  const st = fieldType(o.field).storage;
  if (st === 'real' || st === 'int' || st === 'user' || st === 'lookup' || st === 'bool') {
    const n = Number(raw);
    if (!Number.isFinite(n)) throw invalidQuery('The $skiptoken value is not valid.');
    return n;
  }
  return raw;
}

/** Keyset condition "after the row the token names" for the ordering (ORDER BY …, ID). */
function keysetAfter(order: OrderCol[], token: Map<string, string>): SqlFragment {
  const idRaw = token.get('p_id');
  if (idRaw === undefined || !/^\d+$/.test(idRaw)) throw invalidQuery('The $skiptoken value is not valid.');
  const values = order.map((o) => (o.name === 'ID' ? Number(idRaw) : tokenValue(o, token.get(`p_${o.name.toLowerCase()}`))));
  const ors: string[] = [];
  const params: SqlParam[] = [];
  for (let k = 0; k < order.length; k++) {
    const conds: string[] = [];
    const p: SqlParam[] = [];
    for (let j = 0; j < k; j++) {
      conds.push(`${order[j].col} IS ?`);
      p.push(values[j]);
    }
    const o = order[k];
    const v = values[k];
    if (!o.desc) {
      if (v === null) conds.push(`${o.col} IS NOT NULL`);
      else {
        conds.push(`${o.col} > ?`);
        p.push(v);
      }
    } else if (v === null) {
      conds.push('0');
    } else {
      conds.push(`(${o.col} < ? OR ${o.col} IS NULL)`);
      p.push(v);
    }
    ors.push(`(${conds.join(' AND ')})`);
    params.push(...p);
  }
  return { sql: `(${ors.join(' OR ')})`, params };
}

function nextLinkFor(ctx: Ctx, order: OrderCol[], last: Row): string {
  const parts = ['Paged=TRUE'];
  for (const o of order) {
    if (o.name === 'ID') continue;
    const v = last[o.name];
    parts.push(`p_${o.name}=${v === null || v === undefined ? '' : encodeURIComponent(String(v))}`);
  }
  parts.push(`p_ID=${Number(last.ID)}`);
  const token = parts.join('&');
  const u = ctx.req.url;
  // SharePoint writes the token with lower-case escapes: Paged%3dTRUE%26p_ID%3d42
  const q: string[] = [`%24skiptoken=${encodeURIComponent(token).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())}`];
  for (const [k, v] of u.searchParams) {
    if (k.toLowerCase() === '$skiptoken') continue;
    q.push(`${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  }
  return `${u.origin}${u.pathname}?${q.join('&')}`;
}

export function itemCount(ctx: Ctx, list: ListRecord): number {
  return ctx.store.itemCount(list);
}

function param(ctx: Ctx, name: string): string | null {
  for (const [k, v] of ctx.req.url.searchParams) if (k.toLowerCase() === name) return v;
  return null;
}

export function queryItems(ctx: Ctx, list: ListRecord): SPResponse {
  requireRead(ctx.store, ctx.user, list);
  const fctx = filterContext(ctx, list);
  const filterText = param(ctx, '$filter');
  let filter: FilterNode | undefined;
  let where: SqlFragment = { sql: '1', params: [] };
  if (filterText !== null && filterText.trim() !== '') {
    filter = parseFilter(filterText);
    where = compileFilter(fctx, filter);
  }
  const proj = parseProjection(list, param(ctx, '$select'), param(ctx, '$expand'), (f) => resolveLookupList(ctx, f));
  const order = parseOrderBy(list, param(ctx, '$orderby'));
  const top = parseTop(param(ctx, '$top'));
  const lookups = lookupFieldsOf(list, proj);
  for (const o of order) if (o.field && isRefField(o.field)) lookups.add(o.field.internalName);
  if (filterText) for (const f of list.fields) if (isRefField(f) && new RegExp(`\\b${f.internalName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`, 'i').test(filterText)) lookups.add(f.internalName);
  checkLookupThreshold(lookups);
  checkThreshold(ctx.store, fctx, list, itemCount(ctx, list), filter, filter ? topLevelAndClauses(filter) : [],
    order.map((o) => o.term), top);
  const fullOrder = order.some((o) => o.name === 'ID') ? order : [...order, { term: { field: 'ID' as const }, col: 'ID', name: 'ID', desc: false }];
  const conds = [where];
  const token = parseSkipToken(param(ctx, '$skiptoken'));
  if (token) conds.push(keysetAfter(fullOrder, token));
  if (readOnlyOwnItems(ctx.store, ctx.user, list)) conds.push({ sql: 'Author = ?', params: [ctx.user.id] });
  const sql = `SELECT * FROM ${quoteIdent(itemsTable(list))} WHERE ${conds.map((c) => c.sql).join(' AND ')}
    ORDER BY ${fullOrder.map((o) => `${o.col} ${o.desc ? 'DESC' : 'ASC'}`).join(', ')} LIMIT ?`;
  const params = [...conds.flatMap((c) => c.params), top + 1];
  const rows = ctx.store.stmt(sql).all(...params) as Row[];
  const more = rows.length > top;
  const page = more ? rows.slice(0, top) : rows;
  const payload: Json = {
    'odata.metadata': `${ctx.siteUrl}/_api/$metadata#SP.ListData.${list.urlName}ListItems`,
    value: page.map((r) => renderItem(ctx, list, r, proj)),
  };
  if (more && page.length > 0) payload['odata.nextLink'] = nextLinkFor(ctx, fullOrder, page[page.length - 1]);
  return jsonResponse(ctx, 200, payload);
}

function loadRow(ctx: Ctx, list: ListRecord, id: number): Row {
  const row = ctx.store.stmt(`SELECT * FROM ${quoteIdent(itemsTable(list))} WHERE ID = ?`).get(id) as Row | undefined;
  if (!row) throw itemNotFound();
  return row;
}

export function getItem(ctx: Ctx, list: ListRecord, id: number): SPResponse {
  requireRead(ctx.store, ctx.user, list);
  const proj = parseProjection(list, param(ctx, '$select'), param(ctx, '$expand'), (f) => resolveLookupList(ctx, f));
  checkLookupThreshold(lookupFieldsOf(list, proj));
  const row = loadRow(ctx, list, id);
  if (readOnlyOwnItems(ctx.store, ctx.user, list) && Number(row.Author) !== ctx.user.id) throw itemNotFound();
  const json = { 'odata.metadata': `${ctx.siteUrl}/_api/$metadata#SP.ListData.${list.urlName}ListItems/@Element`, ...renderItem(ctx, list, row, proj) };
  return jsonResponse(ctx, 200, json, { etag: etagOf(row) });
}

function versioningOn(list: ListRecord): boolean {
  return list.props.EnableVersioning === true;
}

/** Snapshot of every stored field for the version history. */
function snapshot(list: ListRecord, row: Row): string {
  const o: Json = {};
  for (const f of list.fields) if (isStored(f)) o[f.internalName] = row[f.internalName] ?? null;
  return JSON.stringify(o);
}

export function recordVersion(ctx: Ctx, list: ListRecord, id: number): void {
  if (!versioningOn(list)) return;
  const row = loadRow(ctx, list, id);
  const version = Number(row[VERSION_COL]);
  ctx.store.stmt('INSERT OR REPLACE INTO item_versions (list_row, item_id, version, created, editor_id, data) VALUES (?, ?, ?, ?, ?, ?)')
    .run(list.rowId, id, version, String(row.Modified), Number(row.Editor), snapshot(list, row));
  const limit = Number(list.props.MajorVersionLimit ?? 50); // SharePoint's default for lists
  if (limit > 0) {
    ctx.store.stmt('DELETE FROM item_versions WHERE list_row = ? AND item_id = ? AND version <= ?').run(list.rowId, id, version - limit);
  }
}

export function addItem(ctx: Ctx, list: ListRecord): SPResponse {
  requireItemWrite(ctx.store, ctx.user, list, null);
  const body = parseJsonBody(ctx);
  const w = resolveWrite(ctx.store, list, body);
  const now = nowIso();
  const id = ctx.store.tx(() => {
    completeAndCheck(ctx.store, list, w);
    const cols = ['Created', 'Modified', 'Author', 'Editor', 'GUID', ETAG_COL, VERSION_COL];
    const vals: SqlParam[] = [now, now, ctx.user.id, ctx.user.id, randomUUID(), 1, 1];
    for (const [f, v] of w.values) {
      cols.push(f.internalName);
      vals.push(v);
    }
    const r = ctx.store.stmt(`INSERT INTO ${quoteIdent(itemsTable(list))} (${cols.map(quoteIdent).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
      .run(...vals);
    const newId = Number(r.lastInsertRowid);
    recordVersion(ctx, list, newId);
    return newId;
  });
  ctx.store.bumpCount(list, 1);
  const row = loadRow(ctx, list, id);
  const json = { 'odata.metadata': `${ctx.siteUrl}/_api/$metadata#SP.ListData.${list.urlName}ListItems/@Element`, ...renderItem(ctx, list, row, { all: true, entries: [] }) };
  return jsonResponse(ctx, 201, json, { etag: etagOf(row), location: itemEntityUrl(ctx, list, id) });
}

/** Compares an If-Match header with the item's ETag ("*" matches anything). */
function checkIfMatch(ctx: Ctx, row: Row): void {
  const h = ctx.req.headers['if-match'];
  if (h === undefined || h.trim() === '' || h.trim() === '*') return;
  const current = Number(row[ETAG_COL]);
  const sent = h.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
  const n = sent.includes(',') ? sent.slice(sent.lastIndexOf(',') + 1) : sent;
  if (!/^\d+$/.test(n.trim()) || Number(n) !== current) throw etagMismatch(h.trim(), etagOf(row));
}

export function updateItem(ctx: Ctx, list: ListRecord, id: number): SPResponse {
  const row0 = loadRow(ctx, list, id);
  requireItemWrite(ctx.store, ctx.user, list, row0.Author === null ? null : Number(row0.Author), 'edit');
  const body = parseJsonBody(ctx);
  const w = resolveWrite(ctx.store, list, body);
  checkIfMatch(ctx, row0);
  const etag = ctx.store.tx(() => {
    const row = loadRow(ctx, list, id);
    checkIfMatch(ctx, row);
    completeAndCheck(ctx.store, list, w, id);
    const sets = ['Modified = ?', 'Editor = ?', `${quoteIdent(ETAG_COL)} = ${quoteIdent(ETAG_COL)} + 1`];
    const vals: SqlParam[] = [nowIso(), ctx.user.id];
    if (versioningOn(list)) sets.push(`${quoteIdent(VERSION_COL)} = ${quoteIdent(VERSION_COL)} + 1`);
    for (const [f, v] of w.values) {
      sets.push(`${quoteIdent(f.internalName)} = ?`);
      vals.push(v);
    }
    ctx.store.stmt(`UPDATE ${quoteIdent(itemsTable(list))} SET ${sets.join(', ')} WHERE ID = ?`).run(...vals, id);
    recordVersion(ctx, list, id);
    return Number(row[ETAG_COL]) + 1;
  });
  return emptyResponse(204, { etag: `"${etag}"` });
}

export function deleteItem(ctx: Ctx, list: ListRecord, id: number, recycle: boolean): SPResponse {
  const row = loadRow(ctx, list, id);
  requireItemWrite(ctx.store, ctx.user, list, row.Author === null ? null : Number(row.Author), 'delete');
  checkIfMatch(ctx, row);
  ctx.store.tx(() => {
    ctx.store.stmt(`DELETE FROM ${quoteIdent(itemsTable(list))} WHERE ID = ?`).run(id);
    ctx.store.stmt('DELETE FROM item_versions WHERE list_row = ? AND item_id = ?').run(list.rowId, id);
  });
  ctx.store.bumpCount(list, -1);
  if (recycle) {
    return jsonResponse(ctx, 200, { 'odata.metadata': `${ctx.siteUrl}/_api/$metadata#Edm.Guid`, value: randomUUID() });
  }
  return emptyResponse(200);
}

function versionValue(ctx: Ctx, f: FieldDef, v: unknown): unknown {
  if (v === null || v === undefined) return f.typeAsString === 'MultiChoice' ? [] : null;
  const st = fieldType(f).storage;
  if (isUserField(f) || isRefField(f)) {
    const ids = f.typeAsString === 'UserMulti' || f.typeAsString === 'LookupMulti' ? JSON.parse(String(v)) as number[] : [Number(v)];
    const objs = ids.map((id) => {
      if (isUserField(f)) {
        const u = ctx.store.userById(id);
        return { LookupId: id, LookupValue: u?.title ?? '', Email: u?.email ?? '' };
      }
      return { LookupId: id, LookupValue: String(id) };
    });
    return f.typeAsString === 'UserMulti' || f.typeAsString === 'LookupMulti' ? objs : objs[0];
  }
  if (f.typeAsString === 'MultiChoice' || f.typeAsString === 'URL') return JSON.parse(String(v));
  if (st === 'bool') return Number(v) === 1;
  if (st === 'real' || st === 'int') return Number(v);
  return v;
}

export function itemVersions(ctx: Ctx, list: ListRecord, id: number, versionId?: number): SPResponse {
  requireRead(ctx.store, ctx.user, list);
  const row = loadRow(ctx, list, id);
  const current = Number(row[VERSION_COL]);
  let rows = ctx.store.stmt('SELECT * FROM item_versions WHERE list_row = ? AND item_id = ? ORDER BY version DESC')
    .all(list.rowId, id) as { version: number; created: string; editor_id: number; data: string }[];
  // Without versioning (or for items written before it was switched on) the current version is the only one.
  if (rows.length === 0) rows = [{ version: current, created: String(row.Modified), editor_id: Number(row.Editor), data: snapshot(list, row) }];
  const render = (v: { version: number; created: string; editor_id: number; data: string }): Json => {
    const data = JSON.parse(v.data) as Record<string, unknown>;
    const editor = ctx.store.userById(v.editor_id);
    const out: Json = {
      'odata.type': 'SP.ListItemVersion',
      'odata.id': `${itemEntityUrl(ctx, list, id)}/versions(${v.version * 512})`,
      'odata.editLink': `Web/Lists(guid'${list.id}')/Items(${id})/versions(${v.version * 512})`,
      Created: v.created,
      IsCurrentVersion: v.version === current,
      VersionId: v.version * 512,
      VersionLabel: `${v.version}.0`,
      Editor: { LookupId: v.editor_id, LookupValue: editor?.title ?? '', Email: editor?.email ?? '' },
    };
    for (const f of list.fields) {
      if (!isStored(f) || ['Author', 'Editor'].includes(f.internalName)) continue;
      out[entityPropertyName(f.internalName)] = versionValue(ctx, f, data[f.internalName]);
    }
    out.ID = id;
    out.Id = id;
    return out;
  };
  if (versionId !== undefined) {
    const v = rows.find((r) => r.version * 512 === versionId || r.version === versionId);
    if (!v) throw new SPError(404, CODES.argument, 'Version does not exist.');
    return jsonResponse(ctx, 200, render(v));
  }
  return jsonResponse(ctx, 200, { 'odata.metadata': `${ctx.siteUrl}/_api/$metadata#SP.ListItemVersions`, value: rows.map(render) });
}

export { itemTypeName };
