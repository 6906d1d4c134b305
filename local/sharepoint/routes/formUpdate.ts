// The form endpoints SharePoint's own list forms use: item/ValidateUpdateListItem and list/AddValidateUpdateItemUsingPath
// (PnPjs: item.validateUpdateListItem, list.addValidateUpdateItemUsingPath). Values arrive as the text a form field
// holds ({FieldName, FieldValue}); the answer lists every field with HasException/ErrorMessage, status 200 even when
// a field is refused.
//
// What SharePoint Online lets these endpoints do, as the public record shows it, and as emulated here:
//  - They write fields a MERGE cannot: a user with only Contribute set a ReadOnly column through ValidateUpdateListItem
//    that the items endpoint refused (github.com/SharePoint/sp-dev-docs/issues/6333, open, no fix); Author, Editor,
//    Created and Modified are set through them with a claims login in "[{'Key':'i:0#.f|membership|…'}]"
//    (github.com/pnp/pnpjs/issues/3265, /1408). So here ANY user who may edit the item (Contribute and
//    WriteSecurity as for MERGE) may set Author, Editor, Created and Modified. A design must therefore never take
//    Author/Editor on a list the person can write to as proof of who did something.
//  - bNewDocumentUpdate = true updates the current version in place (no new version, Modified/Editor kept unless
//    given: pnpjs#1408's "preserve modified, editor"); false is an ordinary update (new version when versioning).
//  - Assumption (not in the threads): a refused field means nothing is written, as a form's validation would.
// Field text as the en-GB web (Language 2057) shows it: numbers with ',' grouping, dates dd/mm/yyyy [hh:mm] or ISO,
// Yes/No as 1/0/Yes/No/true/false, lookups "id" or "id;#text", people as the JSON Key list above.
import { randomUUID } from 'node:crypto';
import { Ctx, SPResponse, jsonResponse, Json } from '../context';
import { ListRecord, itemsTable, quoteIdent, ETAG_COL, VERSION_COL, nowIso, UserRecord } from '../store';
import { FieldDef, isStored } from '../fields';
import { convertValue, completeAndCheck, ColumnValue, normalizeDate } from '../itemValues';
import { SPError, CODES, itemNotFound } from '../errors';
import { requireItemWrite } from '../permissions';
import { parseJsonBody, recordVersion } from './items';
import { ensureUser } from './web';

interface FormValue { FieldName: string; FieldValue: string }

const SYSTEM_FIELDS = new Set(['Author', 'Editor', 'Created', 'Modified']);

function formValuesOf(body: unknown): { values: FormValue[]; newDocumentUpdate: boolean; datesInUtc: boolean } {
  const b = (body ?? {}) as Json;
  const raw = b.formValues;
  if (!Array.isArray(raw)) throw new SPError(400, CODES.argument, 'Value cannot be null.\r\nParameter name: formValues');
  const values = raw.map((v) => {
    const o = (v ?? {}) as Json;
    if (typeof o.FieldName !== 'string') throw new SPError(400, CODES.invalidClientQuery, "Cannot convert a primitive value to the expected type 'Edm.String'. See the inner error for more details.");
    return { FieldName: o.FieldName, FieldValue: o.FieldValue === null || o.FieldValue === undefined ? '' : String(o.FieldValue) };
  });
  return { values, newDocumentUpdate: b.bNewDocumentUpdate === true, datesInUtc: b.datesInUTC === true };
}

function people(ctx: Ctx, text: string): number[] {
  if (text.trim() === '') return [];
  let keys: unknown;
  try {
    keys = JSON.parse(text.replace(/'/g, '"'));
  } catch {
    throw new Error('The user does not exist or is not unique.');
  }
  if (!Array.isArray(keys)) throw new Error('The user does not exist or is not unique.');
  return keys.map((k) => {
    const key = (k as Json)?.Key;
    if (typeof key !== 'string') throw new Error('The user does not exist or is not unique.');
    try {
      return ensureUser(ctx, key).id;
    } catch {
      throw new Error('The user does not exist or is not unique.');
    }
  });
}

function formDate(text: string): string | null {
  const t = text.trim();
  if (t === '') return null;
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(t);
  const iso = uk ? `${uk[3]}-${uk[2].padStart(2, '0')}-${uk[1].padStart(2, '0')}T${(uk[4] ?? '0').padStart(2, '0')}:${uk[5] ?? '00'}:00Z` : t;
  const d = normalizeDate(iso);
  if (d === null) throw new Error('You must specify a valid date within the range of 1/1/1900 and 12/31/8900.');
  return iso;
}

/** The REST (JSON light) value a form field's text stands for. */
function jsonValue(ctx: Ctx, f: FieldDef, text: string): unknown {
  const t = text.trim();
  switch (f.typeAsString) {
    case 'Number':
    case 'Currency':
    case 'Integer': {
      if (t === '') return null;
      const n = Number(t.replace(/,/g, ''));
      if (!Number.isFinite(n)) throw new Error('You must specify a number.');
      return n;
    }
    case 'Boolean':
      if (/^(1|yes|true)$/i.test(t)) return true;
      if (/^(0|no|false|)$/i.test(t)) return false;
      throw new Error('You must specify Yes or No.');
    case 'DateTime':
      return formDate(t);
    case 'MultiChoice':
      return t === '' ? [] : t.split(';#').filter((s) => s !== '');
    case 'User':
      return people(ctx, text)[0] ?? null;
    case 'UserMulti':
      return people(ctx, text);
    case 'Lookup':
      return t === '' ? null : Number(t.split(';#')[0]);
    case 'LookupMulti':
      return t === '' ? [] : t.split(';#').filter((_s, i) => i % 2 === 0).map(Number);
    case 'URL': {
      if (t === '') return null;
      const i = text.indexOf(', ');
      return i < 0 ? { Url: text } : { Url: text.slice(0, i), Description: text.slice(i + 2) };
    }
    default:
      return text;
  }
}

interface Outcome { values: Map<FieldDef, ColumnValue>; answers: Json[]; failed: boolean }

function convertAll(ctx: Ctx, list: ListRecord, values: FormValue[], itemId: number): Outcome {
  const out: Outcome = { values: new Map(), answers: [], failed: false };
  for (const v of values) {
    const f = list.fields.find((x) => x.internalName === v.FieldName) ?? list.fields.find((x) => x.title === v.FieldName);
    let error = '';
    if (!f || !isStored(f)) error = `Column '${v.FieldName}' does not exist. It may have been deleted by another user.`;
    else if (f.readOnly && !SYSTEM_FIELDS.has(f.internalName)) error = `The field '${f.title}' is read-only.`;
    else {
      try {
        out.values.set(f, convertValue(ctx.store, f, jsonValue(ctx, f, v.FieldValue)));
      } catch (e) {
        error = e instanceof SPError || e instanceof Error ? e.message : String(e);
      }
    }
    if (error) out.failed = true;
    out.answers.push({ 'odata.type': 'SP.ListItemFormUpdateValue', ErrorCode: error ? -2146232832 : 0, ErrorMessage: error || null,
      FieldName: v.FieldName, FieldValue: v.FieldValue, HasException: !!error, ItemId: itemId });
  }
  return out;
}

function answer(ctx: Ctx, answers: Json[]): SPResponse {
  return jsonResponse(ctx, 200, { 'odata.metadata': `${ctx.siteUrl}/_api/$metadata#Collection(SP.ListItemFormUpdateValue)`, value: answers });
}

function writeColumns(ctx: Ctx, list: ListRecord, id: number, values: Map<FieldDef, ColumnValue>, user: UserRecord, newVersion: boolean): void {
  const sets: string[] = [];
  const vals: ColumnValue[] = [];
  const given = new Set([...values.keys()].map((f) => f.internalName));
  if (newVersion) {
    if (!given.has('Modified')) { sets.push('Modified = ?'); vals.push(nowIso()); }
    if (!given.has('Editor')) { sets.push('Editor = ?'); vals.push(user.id); }
    if (list.props.EnableVersioning === true) sets.push(`${quoteIdent(VERSION_COL)} = ${quoteIdent(VERSION_COL)} + 1`);
  }
  sets.push(`${quoteIdent(ETAG_COL)} = ${quoteIdent(ETAG_COL)} + 1`);
  for (const [f, v] of values) {
    sets.push(`${quoteIdent(f.internalName)} = ?`);
    vals.push(v);
  }
  ctx.store.stmt(`UPDATE ${quoteIdent(itemsTable(list))} SET ${sets.join(', ')} WHERE ID = ?`).run(...vals, id);
}

/** POST …/items(id)/ValidateUpdateListItem */
export function validateUpdateListItem(ctx: Ctx, list: ListRecord, id: number): SPResponse {
  const row = ctx.store.stmt(`SELECT Author FROM ${quoteIdent(itemsTable(list))} WHERE ID = ?`).get(id) as { Author: number | null } | undefined;
  if (!row) throw itemNotFound();
  requireItemWrite(ctx.store, ctx.user, list, row.Author === null ? null : Number(row.Author), 'edit');
  const { values, newDocumentUpdate } = formValuesOf(parseJsonBody(ctx));
  const c = convertAll(ctx, list, values, id);
  if (c.failed) return answer(ctx, c.answers);
  ctx.store.tx(() => {
    const ordinary = new Map([...c.values].filter(([f]) => !SYSTEM_FIELDS.has(f.internalName)));
    completeAndCheck(ctx.store, list, { values: ordinary }, id);
    writeColumns(ctx, list, id, c.values, ctx.user, !newDocumentUpdate);
    if (!newDocumentUpdate) recordVersion(ctx, list, id);
  });
  return answer(ctx, c.answers);
}

/** POST …/lists(…)/AddValidateUpdateItemUsingPath — adds an item from form values (folders are not emulated). */
export function addValidateUpdateItemUsingPath(ctx: Ctx, list: ListRecord): SPResponse {
  requireItemWrite(ctx.store, ctx.user, list, null);
  const body = parseJsonBody(ctx);
  const info = ((body ?? {}) as Json).listItemCreateInfo as Json | undefined;
  if (info && Number(info.UnderlyingObjectType ?? 0) !== 0) {
    throw new SPError(400, CODES.argument, 'The local server emulates list items only, not folders (UnderlyingObjectType 1).');
  }
  const { values } = formValuesOf(body);
  const c = convertAll(ctx, list, values, 0);
  if (c.failed) return answer(ctx, c.answers);
  const id = ctx.store.tx(() => {
    const ordinary = new Map([...c.values].filter(([f]) => !SYSTEM_FIELDS.has(f.internalName)));
    completeAndCheck(ctx.store, list, { values: ordinary });
    const now = nowIso();
    const cols = ['Created', 'Modified', 'Author', 'Editor', 'GUID', ETAG_COL, VERSION_COL];
    const vals: ColumnValue[] = [now, now, ctx.user.id, ctx.user.id, randomUUID(), 1, 1];
    for (const [f, v] of c.values) {
      const i = cols.indexOf(f.internalName);
      if (i >= 0) vals[i] = v;
      else {
        cols.push(f.internalName);
        vals.push(v);
      }
    }
    for (const [f, v] of ordinary) if (!c.values.has(f)) { cols.push(f.internalName); vals.push(v); }
    const r = ctx.store.stmt(`INSERT INTO ${quoteIdent(itemsTable(list))} (${cols.map(quoteIdent).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...vals);
    const newId = Number(r.lastInsertRowid);
    recordVersion(ctx, list, newId);
    return newId;
  });
  ctx.store.bumpCount(list, 1);
  // SharePoint adds the new item's id to the answer as a field named Id.
  const answers: Json[] = c.answers.map((a) => ({ ...a, ItemId: id }));
  answers.push({ 'odata.type': 'SP.ListItemFormUpdateValue', ErrorCode: 0, ErrorMessage: null, FieldName: 'Id', FieldValue: String(id), HasException: false, ItemId: id });
  return answer(ctx, answers);
}
