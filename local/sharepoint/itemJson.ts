// A stored item row → SharePoint's item JSON (JSON light, minimal metadata).
import { Ctx, Json } from './context';
import { FieldDef, entityPropertyName, fieldType, isStored } from './fields';
import { ListRecord, itemsTable, quoteIdent, ETAG_COL, VERSION_COL } from './store';
import { itemTypeName } from './itemValues';
import { Projection, isRefField, isUserField, fieldByProp } from './odata/select';

export type Row = Record<string, unknown>;

export function itemEntityUrl(ctx: Ctx, list: ListRecord, id: number): string {
  return `${ctx.siteUrl}/_api/Web/Lists(guid'${list.id}')/Items(${id})`;
}

export function etagOf(row: Row): string {
  return `"${Number(row[ETAG_COL])}"`;
}

export function resolveLookupList(ctx: Ctx, f: FieldDef): ListRecord | undefined {
  const ref = f.lookupList;
  if (!ref || ref === 'UserInfo') return undefined;
  const byId = ctx.store.listById(ref);
  if (byId) return byId;
  const name = ref.replace(/^.*\//, '');
  return ctx.store.listByTitle(name) ?? ctx.store.allLists().find((l) => l.urlName.toLowerCase() === name.toLowerCase());
}

function plainValue(f: FieldDef, v: unknown): unknown {
  const st = fieldType(f).storage;
  if (f.typeAsString === 'MultiChoice' || f.typeAsString === 'UserMulti' || f.typeAsString === 'LookupMulti') {
    return v === null || v === undefined ? [] : JSON.parse(String(v));
  }
  if (v === null || v === undefined) return null;
  if (f.typeAsString === 'URL') return JSON.parse(String(v));
  if (st === 'bool') return Number(v) === 1;
  if (st === 'real' || st === 'int' || st === 'user' || st === 'lookup') return Number(v);
  return v;
}

function userEntity(ctx: Ctx, id: number, sub: string[]): Json | null {
  const u = ctx.store.userById(id);
  if (!u) return null;
  const all: Json = {
    Id: u.id, ID: u.id, Title: u.title, Name: u.loginName, EMail: u.email, UserName: u.email,
    FirstName: u.title.split(' ')[0], LastName: u.title.split(' ').slice(1).join(' '), JobTitle: u.jobTitle,
    Department: u.department, Office: null, SipAddress: u.email, Picture: null, IsSiteAdmin: u.isSiteAdmin, Deleted: false,
    ContentTypeID: '0x010A00', MobilePhone: null, WorkPhone: null,
  };
  const out: Json = { 'odata.type': 'SP.Data.UserInfoItem', 'odata.id': `${ctx.siteUrl}/_api/Web/SiteUserInfoList/Items(${u.id})` };
  for (const s of sub) {
    const key = Object.keys(all).find((k) => k.toLowerCase() === s.toLowerCase());
    if (key) out[key] = all[key];
  }
  return out;
}

function lookupEntity(ctx: Ctx, target: ListRecord | undefined, id: number, sub: string[]): Json | null {
  if (!target) return { Id: id, ID: id };
  const row = ctx.store.stmt(`SELECT * FROM ${quoteIdent(itemsTable(target))} WHERE ID = ?`).get(id) as Row | undefined;
  if (!row) return null;
  const out: Json = { 'odata.type': itemTypeName(target), 'odata.id': itemEntityUrl(ctx, target, id) };
  for (const s of sub) {
    if (s.toLowerCase() === 'id') {
      out[s === 'ID' ? 'ID' : 'Id'] = id;
      continue;
    }
    const f = fieldByProp(target, s);
    if (f && isStored(f)) out[entityPropertyName(f.internalName)] = plainValue(f, row[f.internalName]);
  }
  return out;
}

function systemValue(list: ListRecord, row: Row, prop: string): unknown {
  switch (prop) {
    case 'Id':
    case 'ID':
      return Number(row.ID);
    case 'FileSystemObjectType':
      return 0;
    case 'ServerRedirectedEmbedUri':
      return null;
    case 'ServerRedirectedEmbedUrl':
      return '';
    case 'ContentTypeId':
      return `0x0100${list.id.replace(/-/g, '').toUpperCase()}`;
    case 'ComplianceAssetId':
      return null;
    case 'OData__UIVersionString':
      return `${Number(row[VERSION_COL])}.0`;
    case 'Attachments':
      return false;
    case 'GUID':
      return row.GUID ?? null;
    case 'FileRef':
      return `/sites/socialvalue/Lists/${list.urlName}/${row.ID}_.000`;
    case 'FileLeafRef':
      return `${row.ID}_.000`;
    case 'FileDirRef':
      return `/sites/socialvalue/Lists/${list.urlName}`;
    default:
      return null;
  }
}

function refIds(f: FieldDef, v: unknown): number[] {
  if (v === null || v === undefined) return [];
  if (f.typeAsString === 'UserMulti' || f.typeAsString === 'LookupMulti') return JSON.parse(String(v)) as number[];
  return [Number(v)];
}

function putRef(out: Json, f: FieldDef, v: unknown, withStringId: boolean): void {
  const prop = entityPropertyName(f.internalName);
  const multi = f.typeAsString === 'UserMulti' || f.typeAsString === 'LookupMulti';
  const ids = refIds(f, v);
  out[`${prop}Id`] = multi ? ids : ids.length ? ids[0] : null;
  if (withStringId && isUserField(f)) out[`${prop}StringId`] = multi ? ids.map(String) : ids.length ? String(ids[0]) : null;
}

export function renderItem(ctx: Ctx, list: ListRecord, row: Row, proj: Projection): Json {
  const id = Number(row.ID);
  const out: Json = {
    'odata.type': itemTypeName(list),
    'odata.id': itemEntityUrl(ctx, list, id),
    'odata.etag': etagOf(row),
    'odata.editLink': `Web/Lists(guid'${list.id}')/Items(${id})`,
  };
  if (proj.all) {
    out.FileSystemObjectType = 0;
    out.Id = id;
    out.ServerRedirectedEmbedUri = null;
    out.ServerRedirectedEmbedUrl = '';
    out.ContentTypeId = systemValue(list, row, 'ContentTypeId');
    for (const f of list.fields) {
      if (f.hidden || !isStored(f) || f.fromBaseType && f.internalName !== 'Title') continue;
      if (isRefField(f)) putRef(out, f, row[f.internalName], true);
      else out[entityPropertyName(f.internalName)] = plainValue(f, row[f.internalName]);
      if (f.internalName === 'Title') out.ComplianceAssetId = null;
    }
    out.ID = id;
    out.Modified = row.Modified;
    out.Created = row.Created;
    out.AuthorId = row.Author === null || row.Author === undefined ? null : Number(row.Author);
    out.EditorId = row.Editor === null || row.Editor === undefined ? null : Number(row.Editor);
    out.OData__UIVersionString = systemValue(list, row, 'OData__UIVersionString');
    out.Attachments = false;
    out.GUID = row.GUID;
  }
  for (const e of proj.entries) {
    switch (e.kind) {
      case 'system':
        out[e.prop] = systemValue(list, row, e.prop);
        break;
      case 'value':
        out[e.prop] = plainValue(e.field, row[e.field.internalName]);
        break;
      case 'id': {
        const tmp: Json = {};
        putRef(tmp, e.field, row[e.field.internalName], false);
        out[e.prop] = tmp[e.prop];
        break;
      }
      case 'stringId': {
        const tmp: Json = {};
        putRef(tmp, e.field, row[e.field.internalName], true);
        out[e.prop] = tmp[e.prop];
        break;
      }
      case 'navlink':
        out[`${e.prop}@odata.navigationLinkUrl`] = `Web/Lists(guid'${list.id}')/Items(${id})/${e.prop}`;
        break;
      case 'expand': {
        const ids = refIds(e.field, row[e.field.internalName]);
        const multi = e.field.typeAsString === 'UserMulti' || e.field.typeAsString === 'LookupMulti';
        const target = isUserField(e.field) ? undefined : resolveLookupList(ctx, e.field);
        const ents = ids.map((x) => (isUserField(e.field) ? userEntity(ctx, x, e.sub) : lookupEntity(ctx, target, x, e.sub)))
          .filter((x): x is Json => x !== null);
        out[e.prop] = multi ? ents : ents[0] ?? null;
        break;
      }
    }
  }
  return out;
}
