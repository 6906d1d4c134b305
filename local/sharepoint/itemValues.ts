// List item values: validating and converting a REST body (JSON light or verbose) into column values, and
// turning a stored row back into SharePoint's item JSON.
import { FieldDef, entityPropertyName, fieldType, isStored } from './fields';
import { ListRecord, Store, quoteIdent, itemsTable, ETAG_COL, VERSION_COL } from './store';
import {
  SPError, CODES, cannotConvert, fieldValidation, unknownProperty,
} from './errors';

export type ColumnValue = string | number | null;
export type ItemRow = Record<string, unknown> & { ID: number };

/** 'SP.Data.ProcurementsListItem' */
export function itemTypeName(list: ListRecord): string {
  const n = list.urlName.charAt(0).toUpperCase() + list.urlName.slice(1);
  return `SP.Data.${n}ListItem`;
}

/** Properties of an item that are not fields but that SharePoint accepts in $select or ignores in a body. */
export const SYSTEM_PROPERTIES = new Set([
  'FileSystemObjectType', 'ServerRedirectedEmbedUri', 'ServerRedirectedEmbedUrl', 'ContentTypeId', 'ComplianceAssetId',
  'OData__UIVersionString', 'Attachments', 'GUID', 'FileRef', 'FileLeafRef', 'FileDirRef', 'EncodedAbsUrl',
]);

const IGNORED_ON_WRITE = new Set(['Id', 'ID', 'Created', 'Modified', 'AuthorId', 'EditorId', 'AuthorStringId', 'EditorStringId',
  'OData__UIVersionString', 'Attachments', 'GUID', 'FileSystemObjectType', 'ContentTypeId', 'ServerRedirectedEmbedUri',
  'ServerRedirectedEmbedUrl', 'ComplianceAssetId']);

const MAX_DOUBLE = 1.7976931348623157e308;

export function normalizeDate(v: string): string | null {
  const s = v.trim();
  // ISO 8601 date or date-time, as SharePoint's OData reader accepts for Edm.DateTime
  const m = /^(\d{4})-(\d{2})-(\d{2})([T ](\d{2}):(\d{2})(:(\d{2})(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (!m) return null;
  // Date() rolls 30 February over to 2 March; SharePoint's reader refuses a day or a time that does not exist.
  const month = Number(m[2]);
  const day = Number(m[3]);
  const lastDay = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > lastDay || Number(m[5] ?? 0) > 23 || Number(m[6] ?? 0) > 59 || Number(m[8] ?? 0) > 59) return null;
  let iso = s.replace(' ', 'T');
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) iso += 'T00:00:00Z';
  else if (!/(Z|[+-]\d{2}:?\d{2})$/.test(iso)) iso += 'Z';
  const d = new Date(iso.replace(/(\.\d{3})\d+/, '$1'));
  if (Number.isNaN(d.getTime())) return null;
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function unwrapResults(v: unknown): unknown {
  if (v && typeof v === 'object' && !Array.isArray(v) && Array.isArray((v as { results?: unknown }).results)) {
    return (v as { results: unknown[] }).results;
  }
  return v;
}

function toNumber(v: unknown, edm: string): number | null {
  if (v === null) return null;
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string' && v.trim() !== '' && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v.trim())) n = Number(v);
  else throw cannotConvert(edm);
  if (!Number.isFinite(n) || Math.abs(n) > MAX_DOUBLE) throw cannotConvert(edm);
  return n;
}

function toInt(v: unknown, edm = 'Edm.Int32'): number | null {
  const n = toNumber(v, edm);
  if (n === null) return null;
  if (!Number.isInteger(n) || n > 2147483647 || n < -2147483648) throw cannotConvert(edm);
  return n;
}

/** Converts one REST value for a field into its column value; throws SharePoint's error on a wrong type. */
export function convertValue(store: Store, field: FieldDef, raw: unknown): ColumnValue {
  const t = fieldType(field);
  const v = unwrapResults(raw);
  if (v === undefined) return null;
  switch (field.typeAsString) {
    case 'Text':
    case 'Note':
    case 'Choice': {
      if (v === null) return null;
      if (typeof v !== 'string') throw cannotConvert('Edm.String');
      if (field.typeAsString === 'Text') {
        const max = field.maxLength ?? 255;
        if (v.length > max) {
          throw fieldValidation(`The value of the field '${field.title}' exceeds the maximum length of ${max} characters.`);
        }
      }
      return v === '' ? null : v;
    }
    case 'Number':
    case 'Currency': {
      const n = toNumber(v, 'Edm.Double');
      if (n !== null && ((field.min !== undefined && n < field.min) || (field.max !== undefined && n > field.max))) {
        throw fieldValidation(`The value of the field '${field.title}' must be between ${field.min ?? '-∞'} and ${field.max ?? '∞'}.`);
      }
      return n;
    }
    case 'Integer':
      return toInt(v);
    case 'Boolean':
      if (v === null) return null;
      if (typeof v !== 'boolean') throw cannotConvert('Edm.Boolean');
      return v ? 1 : 0;
    case 'DateTime': {
      if (v === null) return null;
      if (typeof v !== 'string') throw cannotConvert('Edm.DateTime');
      const d = normalizeDate(v);
      if (d === null) throw cannotConvert('Edm.DateTime');
      // SharePoint's date and time columns hold 1 January 1900 to 31 December 8900.
      const year = Number(d.slice(0, 4));
      if (year < 1900 || year > 8900) {
        throw fieldValidation(`The value of the field '${field.title}' is out of range. Dates must be between 1/1/1900 and 12/31/8900.`);
      }
      return d;
    }
    case 'MultiChoice': {
      if (v === null) return null;
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw cannotConvert('Collection(Edm.String)');
      return v.length === 0 ? null : JSON.stringify(v);
    }
    case 'User': {
      const id = toInt(v);
      if (id !== null && id !== -1 && !store.userById(id)) {
        throw new SPError(400, CODES.userNotFound, 'The user does not exist or is not unique.');
      }
      return id === -1 ? null : id;
    }
    case 'Lookup': {
      const id = toInt(v);
      return id === 0 || id === -1 ? null : id;
    }
    case 'UserMulti':
    case 'LookupMulti': {
      if (v === null) return null;
      if (!Array.isArray(v)) throw cannotConvert('Collection(Edm.Int32)');
      const ids = v.map((x) => toInt(x, 'Collection(Edm.Int32)')).filter((x): x is number => x !== null);
      if (field.typeAsString === 'UserMulti') {
        for (const id of ids) if (!store.userById(id)) throw new SPError(400, CODES.userNotFound, 'The user does not exist or is not unique.');
      }
      return ids.length === 0 ? null : JSON.stringify(ids);
    }
    case 'URL': {
      if (v === null) return null;
      if (typeof v !== 'object' || Array.isArray(v)) throw cannotConvert('SP.FieldUrlValue');
      const o = v as Record<string, unknown>;
      const url = o.Url;
      const desc = o.Description;
      if (url !== undefined && url !== null && typeof url !== 'string') throw cannotConvert('Edm.String');
      if (desc !== undefined && desc !== null && typeof desc !== 'string') throw cannotConvert('Edm.String');
      if (!url) return null;
      if (url.length > 255) throw fieldValidation(`The value of the field '${field.title}' exceeds the maximum length of 255 characters.`);
      if (!/^(https?|mailto|ftp|file|news):/i.test(url) && !url.startsWith('/')) {
        throw fieldValidation('Invalid URL value. A URL field contains invalid data. Please check the value and try again.');
      }
      return JSON.stringify({ Description: typeof desc === 'string' ? desc : url, Url: url });
    }
    default:
      throw unknownProperty(field.internalName, t.odataType);
  }
}

export interface ResolvedWrite {
  values: Map<FieldDef, ColumnValue>;
}

function isAnnotation(key: string): boolean {
  return key === '__metadata' || key.startsWith('odata.') || key.startsWith('@odata.') || key.includes('@odata.');
}

/** Validates a whole item body before anything is written. */
export function resolveWrite(store: Store, list: ListRecord, body: unknown): ResolvedWrite {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new SPError(400, CODES.invalidClientQuery,
      'An unexpected \'StartArray\' node was found when reading from the JSON reader. A \'StartObject\' node was expected.');
  }
  const typeName = itemTypeName(list);
  const byProp = new Map<string, { field: FieldDef; form: 'value' | 'id' | 'stringId' | 'nav' }>();
  for (const f of list.fields) {
    const prop = entityPropertyName(f.internalName);
    const st = fieldType(f).storage;
    const isRef = st === 'user' || st === 'lookup' || f.typeAsString === 'UserMulti' || f.typeAsString === 'LookupMulti';
    if (isRef) {
      byProp.set(`${prop}Id`, { field: f, form: 'id' });
      if (f.typeAsString === 'User' || f.typeAsString === 'UserMulti') byProp.set(`${prop}StringId`, { field: f, form: 'stringId' });
      byProp.set(prop, { field: f, form: 'nav' });
    } else {
      byProp.set(prop, { field: f, form: 'value' });
    }
  }
  const values = new Map<FieldDef, ColumnValue>();
  for (const [key, raw] of Object.entries(body as Record<string, unknown>)) {
    if (isAnnotation(key)) continue;
    if (IGNORED_ON_WRITE.has(key)) continue;
    const hit = byProp.get(key);
    if (!hit) throw unknownProperty(key, typeName);
    const f = hit.field;
    if (hit.form === 'nav') {
      throw new SPError(400, CODES.invalidClientQuery,
        'An unexpected \'PrimitiveValue\' node was found when reading from the JSON reader. A \'StartObject\' node was expected.');
    }
    if (f.readOnly || !isStored(f)) continue;
    let v = raw;
    if (hit.form === 'stringId') {
      const u = unwrapResults(raw);
      if (Array.isArray(u)) v = u.map((x) => (typeof x === 'string' && /^\d+$/.test(x) ? Number(x) : x));
      else if (typeof u === 'string' && /^-?\d+$/.test(u)) v = Number(u);
      else if (u !== null) throw cannotConvert('Edm.String');
    }
    values.set(f, convertValue(store, f, v));
  }
  return { values };
}

function defaultFor(store: Store, f: FieldDef): ColumnValue {
  const d = f.defaultValue;
  if (d === null || d === undefined || d === '') return null;
  try {
    switch (f.typeAsString) {
      case 'Boolean':
        return d === '1' || d.toLowerCase() === 'true' ? 1 : 0;
      case 'Number':
      case 'Currency':
      case 'Integer':
        return Number.isFinite(Number(d)) ? Number(d) : null;
      case 'DateTime':
        if (/^\[today\]$/i.test(d)) return new Date().toISOString().slice(0, 10) + 'T00:00:00Z';
        return normalizeDate(d);
      case 'MultiChoice':
        return JSON.stringify(d.split(';#').filter((x) => x !== ''));
      case 'Text':
      case 'Note':
      case 'Choice':
        return d;
      default:
        return convertValue(store, f, d);
    }
  } catch {
    return null;
  }
}

function isEmpty(v: ColumnValue | undefined): boolean {
  return v === null || v === undefined || v === '';
}

/**
 * Applies defaults and checks required/unique rules for an add (existingId undefined) or an update.
 * Throws before anything is written.
 */
export function completeAndCheck(store: Store, list: ListRecord, w: ResolvedWrite, existingId?: number): void {
  if (existingId === undefined) {
    for (const f of list.fields) {
      if (!isStored(f) || f.readOnly || w.values.has(f)) continue;
      const d = defaultFor(store, f);
      if (d !== null) w.values.set(f, d);
    }
  }
  // Required fields: SharePoint's REST API is lenient here (forms enforce Required); the local server refuses
  // an empty required field on add, or clearing one on update, so the app never relies on that leniency.
  for (const f of list.fields) {
    if (!f.required || f.readOnly || !isStored(f)) continue;
    const has = w.values.has(f);
    if ((existingId === undefined && isEmpty(w.values.get(f))) || (existingId !== undefined && has && isEmpty(w.values.get(f)))) {
      throw fieldValidation(`You must specify a value for this required field. Field: '${f.title}' (${f.internalName}).`);
    }
  }
  for (const [f, v] of w.values) {
    if (!f.enforceUnique || v === null) continue;
    const row = store.stmt(`SELECT ID FROM ${quoteIdent(itemsTable(list))} WHERE ${quoteIdent(f.internalName)} = ? AND ID <> ? LIMIT 1`)
      .get(v, existingId ?? -1);
    if (row) {
      throw new SPError(400, CODES.duplicateValues,
        'The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [' + f.title + '].');
    }
  }
}

export { ETAG_COL, VERSION_COL };
