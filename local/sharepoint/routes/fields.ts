// Fields of a list: GET (collection and one), createfieldasxml, add (typed, verbose body), AddField, MERGE, DELETE.
import { Ctx, Json, SPResponse, jsonResponse, emptyResponse } from '../context';
import { ListRecord } from '../store';
import { FieldDef, fieldFromProperties, fieldFromSchemaXml, fieldJson, fieldType } from '../fields';
import { SPError, CODES, fieldNotFound } from '../errors';
import { parseJsonBody } from './items';
import { queryObjects, project } from '../odata/objectQuery';
import { requireManageLists, requireRead } from '../permissions';

export function findField(ctx: Ctx, list: ListRecord, how: 'name' | 'title' | 'id', key: string): FieldDef {
  const l = key.toLowerCase();
  let f: FieldDef | undefined;
  if (how === 'id') f = list.fields.find((x) => x.id === l.replace(/[{}]/g, ''));
  else if (how === 'title') f = list.fields.find((x) => x.title.toLowerCase() === l);
  else f = ctx.store.fieldByName(list, key);
  if (!f) {
    if (how === 'id') throw new SPError(404, CODES.argument, 'Invalid field name. {' + key + '}');
    throw fieldNotFound(key);
  }
  return f;
}

/** A lookup must name an existing list of the site by id (or "Self"); SharePoint refuses anything else. */
function resolveLookupTarget(ctx: Ctx, list: ListRecord, f: FieldDef): void {
  if (f.typeAsString !== 'Lookup' && f.typeAsString !== 'LookupMulti') return;
  const ref = (f.lookupList ?? '').trim();
  const target = /^self$/i.test(ref) ? list : ctx.store.listById(ref);
  if (!target) throw new SPError(400, CODES.notFound, 'Value does not fall within the expected range.');
  f.lookupList = `{${target.id}}`;
}

export function getFields(ctx: Ctx, list: ListRecord): SPResponse {
  requireRead(ctx.store, ctx.user, list);
  const all = list.fields.map((f) => fieldJson(f, list.id, false));
  return jsonResponse(ctx, 200, {
    'odata.metadata': `${ctx.siteUrl}/_api/$metadata#SP.ApiData.Fields`,
    value: queryObjects(all, ctx.req.url.searchParams, 'SP.Field'),
  });
}

function respondField(ctx: Ctx, list: ListRecord, f: FieldDef, status: number): SPResponse {
  const json = fieldJson(f, list.id, false);
  return jsonResponse(ctx, status, { 'odata.metadata': `${ctx.siteUrl}/_api/$metadata#SP.ApiData.Fields/@Element`,
    ...project(json, ctx.req.url.searchParams.get('$select'), String(json['odata.type'])) });
}

export function getField(ctx: Ctx, list: ListRecord, f: FieldDef): SPResponse {
  requireRead(ctx.store, ctx.user, list);
  return respondField(ctx, list, f, 200);
}

function bodyObject(ctx: Ctx): Json {
  const b = parseJsonBody(ctx);
  if (b === null || typeof b !== 'object' || Array.isArray(b)) {
    throw new SPError(400, CODES.invalidClientQuery, 'The request body must be a JSON object.');
  }
  return b as Json;
}

export function createFieldAsXml(ctx: Ctx, list: ListRecord): SPResponse {
  requireManageLists(ctx.store, ctx.user, list);
  const body = bodyObject(ctx);
  const p = body.parameters as Json | undefined;
  if (!p || typeof p !== 'object' || typeof p.SchemaXml !== 'string') {
    throw new SPError(400, CODES.argument, 'Value cannot be null.\r\nParameter name: parameters.SchemaXml');
  }
  const options = typeof p.Options === 'number' ? p.Options : 0;
  const f = fieldFromSchemaXml(p.SchemaXml, options);
  resolveLookupTarget(ctx, list, f);
  ctx.store.addField(list, f);
  // AddFieldToDefaultView (16): the new column also shows in the list's default view.
  const dv = list.views.find((v) => v.defaultView);
  if ((options & 16) !== 0 && dv && !dv.viewFields.includes(f.internalName)) {
    dv.viewFields.push(f.internalName);
    ctx.store.saveView(list, dv);
  }
  return respondField(ctx, list, f, 201);
}

export function addField(ctx: Ctx, list: ListRecord, wrapped: boolean): SPResponse {
  requireManageLists(ctx.store, ctx.user, list);
  const body = bodyObject(ctx);
  const props = (wrapped ? body.parameters : body) as Json | undefined;
  if (!props || typeof props !== 'object') throw new SPError(400, CODES.argument, 'Value cannot be null.\r\nParameter name: parameters');
  const clean: Json = {};
  for (const [k, v] of Object.entries(props)) if (k !== '__metadata' && !k.startsWith('odata.')) clean[k] = v;
  const f = fieldFromProperties(clean);
  resolveLookupTarget(ctx, list, f);
  ctx.store.addField(list, f);
  return respondField(ctx, list, f, 201);
}

const UPDATABLE: Record<string, (f: FieldDef, v: unknown) => void> = {
  Title: (f, v) => { f.title = str(v, 'Title'); },
  Description: (f, v) => { f.description = str(v, 'Description'); },
  Required: (f, v) => { f.required = bool(v); },
  Indexed: (f, v) => { f.indexed = bool(v); },
  EnforceUniqueValues: (f, v) => { f.enforceUnique = bool(v); },
  Hidden: (f, v) => { f.hidden = bool(v); },
  ReadOnlyField: (f, v) => { f.readOnly = bool(v); },
  DefaultValue: (f, v) => { f.defaultValue = v === null ? null : str(v, 'DefaultValue'); },
  CustomFormatter: (f, v) => { f.customFormatter = v === null ? null : str(v, 'CustomFormatter'); },
  JSLink: (f, v) => { f.jsLink = str(v, 'JSLink'); },
  Group: (f, v) => { f.group = str(v, 'Group'); },
  ValidationFormula: (f, v) => { f.validationFormula = v === null ? null : str(v, 'ValidationFormula'); },
  ValidationMessage: (f, v) => { f.validationMessage = v === null ? null : str(v, 'ValidationMessage'); },
  MaxLength: (f, v) => {
    if (f.typeAsString !== 'Text') throw noSuchProperty('MaxLength', f);
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > 255) throw new SPError(400, CODES.argument, 'Specified argument was out of the range of valid values.\r\nParameter name: MaxLength');
    f.maxLength = n;
  },
  Choices: (f, v) => {
    if (!f.choices) throw noSuchProperty('Choices', f);
    const arr = Array.isArray(v) ? v : v && typeof v === 'object' && Array.isArray((v as Json).results) ? (v as Json).results as unknown[] : null;
    if (!arr) throw new SPError(400, CODES.invalidClientQuery, "Cannot convert a primitive value to the expected type 'Collection(Edm.String)'. See the inner error for more details.");
    f.choices = arr.map(String);
  },
  FillInChoice: (f, v) => { f.fillInChoice = bool(v); },
  MinimumValue: (f, v) => { f.min = Number(v); },
  MaximumValue: (f, v) => { f.max = Number(v); },
  DisplayFormat: (f, v) => {
    if (f.typeAsString === 'DateTime') f.format = Number(v) === 0 ? 'DateOnly' : 'DateTime';
    else if (['Number', 'Currency'].includes(f.typeAsString)) f.decimals = Number(v) < 0 ? undefined : Number(v);
  },
  SelectionMode: (f, v) => { f.selectionMode = Number(v); },
  NumberOfLines: (f, v) => { f.numberOfLines = Number(v); },
  RichText: (f, v) => { f.richText = bool(v); },
  LookupField: (f, v) => { f.lookupField = str(v, 'LookupField'); },
  StaticName: (f, v) => { f.staticName = str(v, 'StaticName'); },
  // SP.Field.SchemaXml is writable: SharePoint re-reads the whole definition from it (the internal name stays).
  SchemaXml: (f, v) => {
    const parsed = fieldFromSchemaXml(str(v, 'SchemaXml'), 8);
    if (parsed.typeAsString !== f.typeAsString) {
      throw new SPError(400, CODES.spException, 'Changing the type of a field is not supported by the local server.');
    }
    const keep = { id: f.id, internalName: f.internalName, staticName: f.staticName, fromBaseType: f.fromBaseType, readOnly: f.readOnly, group: f.group };
    for (const k of Object.keys(f) as (keyof FieldDef)[]) delete (f as Partial<FieldDef>)[k];
    Object.assign(f, parsed, keep);
  },
};

function str(v: unknown, _name: string): string {
  if (typeof v !== 'string') throw new SPError(400, CODES.invalidClientQuery, "Cannot convert a primitive value to the expected type 'Edm.String'. See the inner error for more details.");
  return v;
}

function bool(v: unknown): boolean {
  if (typeof v !== 'boolean') throw new SPError(400, CODES.invalidClientQuery, "Cannot convert a primitive value to the expected type 'Edm.Boolean'. See the inner error for more details.");
  return v;
}

function noSuchProperty(k: string, f: FieldDef): SPError {
  return new SPError(400, CODES.invalidClientQuery,
    `The property '${k}' does not exist on type '${fieldType(f).odataType}'. Make sure to only use property names that are defined by the type.`);
}

export function updateField(ctx: Ctx, list: ListRecord, f: FieldDef): SPResponse {
  requireManageLists(ctx.store, ctx.user, list);
  const body = bodyObject(ctx);
  const next: FieldDef = JSON.parse(JSON.stringify(f)) as FieldDef;
  for (const [k, v] of Object.entries(body)) {
    if (k === '__metadata' || k.startsWith('odata.') || k.includes('@odata.')) continue;
    if (k === 'FieldTypeKind' || k === 'TypeAsString') {
      if (v === fieldType(f).kind || v === f.typeAsString) continue;
      throw new SPError(400, CODES.spException, 'Changing the type of a field is not supported by the local server.');
    }
    const apply = UPDATABLE[k];
    if (!apply) throw noSuchProperty(k, f);
    apply(next, v);
  }
  ctx.store.updateField(list, f, next);
  return emptyResponse(204);
}

export function deleteField(ctx: Ctx, list: ListRecord, f: FieldDef): SPResponse {
  requireManageLists(ctx.store, ctx.user, list);
  ctx.store.deleteField(list, f);
  return emptyResponse(200);
}
