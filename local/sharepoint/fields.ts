// Field (column) definitions: the base fields every generic list has, fields parsed from Field schema XML
// (createFieldAsXml) or from REST properties (fields.add / addText / addChoice …), and their JSON shape.
import { randomUUID } from 'node:crypto';
import { SPError, CODES } from './errors';
import { child, encodeXml, parseXml, XmlElement } from './schemaXml';
import { FieldTypeInfo, typeByKind, typeByName } from './fieldTypes';

export interface FieldDef {
  id: string;
  internalName: string;
  staticName: string;
  title: string;
  typeAsString: string;
  required: boolean;
  indexed: boolean;
  enforceUnique: boolean;
  readOnly: boolean;
  hidden: boolean;
  fromBaseType: boolean;
  description: string;
  group: string;
  defaultValue: string | null;
  maxLength?: number;
  choices?: string[];
  fillInChoice?: boolean;
  min?: number;
  max?: number;
  decimals?: number;
  /** DateTime: 'DateOnly' | 'DateTime' */
  format?: string;
  lookupList?: string;
  lookupField?: string;
  selectionMode?: number;
  numberOfLines?: number;
  richText?: boolean;
  customFormatter: string | null;
  jsLink?: string;
  validationFormula?: string | null;
  validationMessage?: string | null;
  /** attributes of the original schema XML we do not model, kept so SchemaXml round-trips */
  extraAttrs: Record<string, string>;
}

export function fieldType(f: FieldDef): FieldTypeInfo {
  const t = typeByName(f.typeAsString);
  if (!t) throw new Error(`unknown field type ${f.typeAsString}`);
  return t;
}

/** Name of the property an item's JSON uses for this field (OData prefixes names that start with '_'). */
export function entityPropertyName(internalName: string): string {
  return internalName.startsWith('_') ? `OData_${internalName}` : internalName;
}

/** SharePoint derives an internal name from a display name: non-alphanumerics as _xHHHH_, at most 32 chars. */
export function internalNameFromDisplayName(display: string): string {
  let out = '';
  for (const ch of display) {
    if (/[A-Za-z0-9_]/.test(ch)) out += ch;
    else out += `_x${ch.codePointAt(0)!.toString(16).padStart(4, '0')}_`;
  }
  return out.slice(0, 32);
}

function base(partial: Partial<FieldDef> & Pick<FieldDef, 'internalName' | 'title' | 'typeAsString'>): FieldDef {
  return {
    id: randomUUID(),
    staticName: partial.internalName,
    required: false,
    indexed: false,
    enforceUnique: false,
    readOnly: false,
    hidden: false,
    fromBaseType: true,
    description: '',
    group: '_Hidden',
    defaultValue: null,
    customFormatter: null,
    extraAttrs: {},
    ...partial,
  };
}

/** The fields a new generic list (BaseTemplate 100) starts with. */
export function baseFields(): FieldDef[] {
  return [
    base({ internalName: 'ID', title: 'ID', typeAsString: 'Counter', readOnly: true, id: '1d22ea11-1e32-424e-89ab-9fedbadb6ce1' }),
    base({ internalName: 'Title', title: 'Title', typeAsString: 'Text', required: true, maxLength: 255, group: 'Custom Columns', id: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247' }),
    base({ internalName: 'Modified', title: 'Modified', typeAsString: 'DateTime', readOnly: true, format: 'DateTime', id: '28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f' }),
    base({ internalName: 'Created', title: 'Created', typeAsString: 'DateTime', readOnly: true, format: 'DateTime', id: '8c06beca-0777-48f7-91c7-6da68bc07b69' }),
    base({ internalName: 'Author', title: 'Created By', typeAsString: 'User', readOnly: true, lookupList: 'UserInfo', lookupField: 'Title', id: '1df5e554-ec7e-46a6-901d-d85a3881cb18' }),
    base({ internalName: 'Editor', title: 'Modified By', typeAsString: 'User', readOnly: true, lookupList: 'UserInfo', lookupField: 'Title', id: 'd31655d1-1d5b-4511-95a1-7a09e9b75bf2' }),
    base({ internalName: 'Attachments', title: 'Attachments', typeAsString: 'Attachments', readOnly: true, id: '67df98f4-9dec-48ff-a553-29bece9c5bf4' }),
    base({ internalName: 'GUID', title: 'GUID', typeAsString: 'Guid', readOnly: true, hidden: true, id: 'ae069f25-3ac2-4256-b9c3-15dbc15da0e0' }),
    base({ internalName: '_UIVersionString', title: 'Version', typeAsString: 'Text', readOnly: true, id: 'dce8262a-3ae9-45aa-aab4-83bd75fb738a' }),
    base({ internalName: 'ContentType', title: 'Content Type', typeAsString: 'Computed', readOnly: true, id: 'c042a256-787d-4a6f-8a8a-cf6ab767f12d' }),
    base({ internalName: 'LinkTitle', title: 'Title', typeAsString: 'Computed', readOnly: true, id: '82642ec8-ef9b-478f-acf9-31f7d45fbc31' }),
    base({ internalName: 'LinkTitleNoMenu', title: 'Title', typeAsString: 'Computed', readOnly: true, id: 'bc91a437-52e7-49e1-8c4e-4698904b2b6d' }),
    base({ internalName: 'Edit', title: 'Edit', typeAsString: 'Computed', readOnly: true, id: '503f1caa-358e-4918-9094-4a2cdc4bc034' }),
  ];
}

/** Fields whose values live in their own SQLite column. */
export function isStored(f: FieldDef): boolean {
  return !['Computed', 'Calculated', 'Attachments', 'Counter'].includes(f.typeAsString) && f.internalName !== '_UIVersionString';
}

function bool(v: string | undefined): boolean | undefined {
  if (v === undefined) return undefined;
  return v.toUpperCase() === 'TRUE';
}

function num(v: string | undefined): number | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

const MODELLED_ATTRS = new Set([
  'type', 'name', 'staticname', 'displayname', 'required', 'indexed', 'enforceuniquevalues', 'maxlength', 'min', 'max',
  'decimals', 'format', 'list', 'showfield', 'mult', 'id', 'description', 'group', 'hidden', 'readonly', 'fillinchoice',
  'usermode', 'userselectionmode', 'numlines', 'richtext', 'customformatter', 'jslink',
  // written by SharePoint itself; regenerated, not echoed twice
  'sourceid', 'colname', 'version', 'rowordinal',
]);

const ADD_FIELD_INTERNAL_NAME_HINT = 8;

function fieldXmlError(message: string): SPError {
  return new SPError(400, CODES.spException, message);
}

/**
 * A field from <Field …/> schema XML, as createFieldAsXml makes it. Like SharePoint, the internal name comes from
 * DisplayName unless Options includes AddFieldInternalNameHint (8) — or there is no DisplayName — in which case Name
 * (or StaticName) is used.
 */
export function fieldFromSchemaXml(xml: string, options: number): FieldDef {
  let el: XmlElement;
  try {
    el = parseXml(xml);
  } catch (e) {
    throw fieldXmlError(`Field schema XML is not valid: ${(e as Error).message}`);
  }
  if (el.name !== 'Field') throw fieldXmlError('The root element of a field schema must be <Field>.');
  const a: Record<string, string> = {};
  for (const [k, v] of Object.entries(el.attrs)) a[k.toLowerCase()] = v;
  const rawType = a.type ?? 'Text';
  let typeInfo = typeByName(rawType);
  if (!typeInfo) throw fieldXmlError(`Field type ${rawType} is not installed properly. Go to the list settings page to delete this field.`);
  const mult = bool(a.mult) === true;
  if (typeInfo.typeAsString === 'User' && mult) typeInfo = typeByName('UserMulti')!;
  if (typeInfo.typeAsString === 'Lookup' && mult) typeInfo = typeByName('LookupMulti')!;
  const name = a.name ?? a.staticname;
  const display = a.displayname ?? name;
  if (!display) throw fieldXmlError('The field schema must have a Name or DisplayName attribute.');
  const useHint = (options & ADD_FIELD_INTERNAL_NAME_HINT) !== 0;
  const internalName = useHint && name ? name : display ? internalNameFromDisplayName(display) : name!;
  const extraAttrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(el.attrs)) if (!MODELLED_ATTRS.has(k.toLowerCase())) extraAttrs[k] = v;
  const def: FieldDef = {
    id: (a.id ?? randomUUID()).replace(/[{}]/g, '').toLowerCase(),
    internalName,
    staticName: internalName,
    title: display,
    typeAsString: typeInfo.typeAsString,
    required: bool(a.required) ?? false,
    indexed: bool(a.indexed) ?? false,
    enforceUnique: bool(a.enforceuniquevalues) ?? false,
    readOnly: bool(a.readonly) ?? false,
    hidden: bool(a.hidden) ?? false,
    fromBaseType: false,
    description: a.description ?? '',
    group: a.group ?? 'Custom Columns',
    defaultValue: child(el, 'Default')?.text ?? null,
    customFormatter: a.customformatter ?? null,
    jsLink: a.jslink,
    extraAttrs,
  };
  if (typeInfo.typeAsString === 'Text') def.maxLength = num(a.maxlength) ?? 255;
  if (typeInfo.typeAsString === 'Note') {
    def.numberOfLines = num(a.numlines) ?? 6;
    def.richText = bool(a.richtext) ?? false;
  }
  if (['Number', 'Currency', 'Integer'].includes(typeInfo.typeAsString)) {
    def.min = num(a.min);
    def.max = num(a.max);
    def.decimals = num(a.decimals);
  }
  if (typeInfo.typeAsString === 'DateTime') def.format = a.format ?? 'DateTime';
  if (typeInfo.typeAsString === 'Choice' || typeInfo.typeAsString === 'MultiChoice') {
    const choices = child(el, 'CHOICES');
    def.choices = choices ? choices.children.filter((c) => c.name.toUpperCase() === 'CHOICE').map((c) => c.text) : [];
    def.fillInChoice = bool(a.fillinchoice) ?? false;
  }
  if (['Lookup', 'LookupMulti'].includes(typeInfo.typeAsString)) {
    def.lookupList = a.list;
    def.lookupField = a.showfield ?? 'Title';
  }
  if (['User', 'UserMulti'].includes(typeInfo.typeAsString)) {
    def.lookupList = 'UserInfo';
    def.lookupField = a.showfield ?? 'ImnName';
    def.selectionMode = (a.userselectionmode ?? '').toLowerCase() === 'peopleonly' || a.userselectionmode === '0' ? 0 : 1;
  }
  const formula = child(el, 'Formula');
  if (formula) def.extraAttrs['__Formula'] = formula.text;
  return def;
}

function choicesFrom(v: unknown): string[] | undefined {
  if (Array.isArray(v)) return v.map(String);
  if (v && typeof v === 'object' && Array.isArray((v as { results?: unknown }).results)) {
    return ((v as { results: unknown[] }).results).map(String);
  }
  return undefined;
}

/** A field from REST properties: fields.add(title, kind, props) and fields.addField({parameters}). */
export function fieldFromProperties(props: Record<string, unknown>): FieldDef {
  const title = props.Title;
  if (typeof title !== 'string' || title.trim() === '') throw new SPError(400, CODES.argument, 'Value cannot be null.\r\nParameter name: Title');
  const kind = Number(props.FieldTypeKind);
  const multi = props.AllowMultipleValues === true;
  const typeInfo = typeByKind(kind, multi);
  if (!typeInfo) throw new SPError(400, CODES.argument, `Invalid field type kind ${String(props.FieldTypeKind)}.`);
  const internalName = internalNameFromDisplayName(title);
  const def: FieldDef = {
    id: randomUUID(),
    internalName,
    staticName: internalName,
    title,
    typeAsString: typeInfo.typeAsString,
    required: props.Required === true,
    indexed: props.Indexed === true,
    enforceUnique: props.EnforceUniqueValues === true,
    readOnly: props.ReadOnlyField === true,
    hidden: props.Hidden === true,
    fromBaseType: false,
    description: typeof props.Description === 'string' ? props.Description : '',
    group: typeof props.Group === 'string' ? props.Group : 'Custom Columns',
    defaultValue: typeof props.DefaultValue === 'string' ? props.DefaultValue : null,
    customFormatter: typeof props.CustomFormatter === 'string' ? props.CustomFormatter : null,
    extraAttrs: {},
  };
  if (typeInfo.typeAsString === 'Text') def.maxLength = typeof props.MaxLength === 'number' ? props.MaxLength : 255;
  if (typeInfo.typeAsString === 'Choice' || typeInfo.typeAsString === 'MultiChoice') def.choices = choicesFrom(props.Choices) ?? [];
  if (typeof props.MinimumValue === 'number') def.min = props.MinimumValue;
  if (typeof props.MaximumValue === 'number') def.max = props.MaximumValue;
  if (typeInfo.typeAsString === 'DateTime') def.format = props.DisplayFormat === 0 ? 'DateOnly' : 'DateTime';
  if (typeInfo.typeAsString === 'Lookup' || typeInfo.typeAsString === 'LookupMulti') {
    def.lookupList = typeof props.LookupListId === 'string' ? props.LookupListId : undefined;
    def.lookupField = typeof props.LookupFieldName === 'string' ? props.LookupFieldName : 'Title';
  }
  if (typeInfo.typeAsString === 'User' || typeInfo.typeAsString === 'UserMulti') {
    def.lookupList = 'UserInfo';
    def.lookupField = 'ImnName';
    def.selectionMode = typeof props.SelectionMode === 'number' ? props.SelectionMode : 1;
  }
  if (typeInfo.typeAsString === 'Note') {
    def.numberOfLines = typeof props.NumberOfLines === 'number' ? props.NumberOfLines : 6;
    def.richText = props.RichText === true;
  }
  return def;
}

/** Regenerates SchemaXml from the definition so it always reflects the field's current state. */
export function schemaXml(f: FieldDef, listId: string): string {
  const t = fieldType(f);
  const attrs: [string, string][] = [
    ['Type', f.typeAsString === 'UserMulti' ? 'UserMulti' : f.typeAsString === 'LookupMulti' ? 'LookupMulti' : t.typeAsString],
    ['DisplayName', f.title],
    ['Required', f.required ? 'TRUE' : 'FALSE'],
    ['EnforceUniqueValues', f.enforceUnique ? 'TRUE' : 'FALSE'],
    ['Indexed', f.indexed ? 'TRUE' : 'FALSE'],
  ];
  if (f.maxLength !== undefined) attrs.push(['MaxLength', String(f.maxLength)]);
  if (f.min !== undefined) attrs.push(['Min', String(f.min)]);
  if (f.max !== undefined) attrs.push(['Max', String(f.max)]);
  if (f.decimals !== undefined) attrs.push(['Decimals', String(f.decimals)]);
  if (f.format !== undefined) attrs.push(['Format', f.format]);
  if (f.lookupList && f.lookupList !== 'UserInfo') attrs.push(['List', f.lookupList], ['ShowField', f.lookupField ?? 'Title']);
  if (f.typeAsString === 'UserMulti' || f.typeAsString === 'LookupMulti') attrs.push(['Mult', 'TRUE']);
  if (f.customFormatter) attrs.push(['CustomFormatter', f.customFormatter]);
  if (f.description) attrs.push(['Description', f.description]);
  if (f.hidden) attrs.push(['Hidden', 'TRUE']);
  for (const [k, v] of Object.entries(f.extraAttrs)) if (!k.startsWith('__')) attrs.push([k, v]);
  attrs.push(['ID', `{${f.id}}`], ['SourceID', `{${listId}}`], ['StaticName', f.staticName], ['Name', f.internalName], ['ColName', f.internalName]);
  let inner = '';
  if (f.defaultValue !== null && f.defaultValue !== undefined) inner += `<Default>${encodeXml(f.defaultValue)}</Default>`;
  if (f.choices) inner += `<CHOICES>${f.choices.map((c) => `<CHOICE>${encodeXml(c)}</CHOICE>`).join('')}</CHOICES>`;
  if (f.extraAttrs['__Formula']) inner += `<Formula>${encodeXml(f.extraAttrs['__Formula'])}</Formula>`;
  const a = attrs.map(([k, v]) => ` ${k}="${encodeXml(v)}"`).join('');
  return inner ? `<Field${a}>${inner}</Field>` : `<Field${a} />`;
}

const TYPE_DISPLAY: Record<string, string> = {
  Text: 'Single line of text', Note: 'Multiple lines of text', Number: 'Number', Currency: 'Currency', Integer: 'Integer',
  DateTime: 'Date and Time', Boolean: 'Yes/No', Choice: 'Choice', MultiChoice: 'Choice', User: 'Person or Group',
  UserMulti: 'Person or Group', Lookup: 'Lookup', LookupMulti: 'Lookup', URL: 'Hyperlink or Picture', Counter: 'Counter',
  Computed: 'Computed', Guid: 'Guid', Calculated: 'Calculated', Attachments: 'Attachments',
};

/** The REST shape of a field (JSON light). */
export function fieldJson(f: FieldDef, listId: string, verbose: boolean): Record<string, unknown> {
  const t = fieldType(f);
  const arr = (v: string[]): unknown => (verbose ? { results: v } : v);
  const out: Record<string, unknown> = {
    AutoIndexed: false,
    CanBeDeleted: !f.fromBaseType,
    ClientSideComponentId: '00000000-0000-0000-0000-000000000000',
    ClientSideComponentProperties: null,
    ClientValidationFormula: null,
    ClientValidationMessage: null,
    CustomFormatter: f.customFormatter,
    DefaultFormula: null,
    DefaultValue: f.defaultValue,
    Description: f.description,
    Direction: 'none',
    EnforceUniqueValues: f.enforceUnique,
    EntityPropertyName: entityPropertyName(f.internalName),
    Filterable: true,
    FromBaseType: f.fromBaseType,
    Group: f.group,
    Hidden: f.hidden,
    Id: f.id,
    Indexed: f.indexed,
    IndexStatus: 0,
    InternalName: f.internalName,
    IsModern: false,
    JSLink: f.jsLink ?? 'clienttemplates.js',
    PinnedToFiltersPane: false,
    ReadOnlyField: f.readOnly,
    Required: f.required,
    SchemaXml: schemaXml(f, listId),
    Scope: '/sites/socialvalue/Lists',
    Sealed: f.fromBaseType,
    ShowInFiltersPane: 0,
    Sortable: !t.multi,
    StaticName: f.staticName,
    Title: f.title,
    FieldTypeKind: t.kind,
    TypeAsString: f.typeAsString,
    TypeDisplayName: TYPE_DISPLAY[f.typeAsString] ?? f.typeAsString,
    TypeShortDescription: TYPE_DISPLAY[f.typeAsString] ?? f.typeAsString,
    ValidationFormula: f.validationFormula ?? null,
    ValidationMessage: f.validationMessage ?? null,
  };
  if (f.maxLength !== undefined) out.MaxLength = f.maxLength;
  if (f.choices) {
    out.Choices = arr(f.choices);
    out.FillInChoice = f.fillInChoice ?? false;
    out.EditFormat = 0;
    out.Mappings = null;
  }
  if (['Number', 'Currency', 'Integer'].includes(f.typeAsString)) {
    out.MinimumValue = f.min ?? -1.7976931348623157e308;
    out.MaximumValue = f.max ?? 1.7976931348623157e308;
    out.DisplayFormat = f.decimals ?? -1;
    if (f.typeAsString === 'Currency') out.CurrencyLocaleId = 2057;
  }
  if (f.typeAsString === 'DateTime') {
    out.DisplayFormat = f.format === 'DateOnly' ? 0 : 1;
    out.DateTimeCalendarType = 1;
    out.FriendlyDisplayFormat = 0;
  }
  if (t.storage === 'lookup' || t.storage === 'user' || f.typeAsString === 'UserMulti' || f.typeAsString === 'LookupMulti') {
    out.AllowMultipleValues = !!t.multi;
    out.LookupField = f.lookupField ?? 'Title';
    out.LookupList = f.lookupList ?? '';
    out.LookupWebId = '00000000-0000-0000-0000-000000000001';
    out.PrimaryFieldId = null;
    out.RelationshipDeleteBehavior = 0;
    out.UnlimitedLengthInDocumentLibrary = false;
  }
  if (t.storage === 'user' || f.typeAsString === 'UserMulti') {
    out.AllowDisplay = true;
    out.Presence = true;
    out.SelectionGroup = 0;
    out.SelectionMode = f.selectionMode ?? 1;
  }
  if (f.typeAsString === 'Note') {
    out.AllowHyperlink = false;
    out.AppendOnly = false;
    out.NumberOfLines = f.numberOfLines ?? 6;
    out.RichText = f.richText ?? false;
    out.RestrictedMode = true;
    out.UnlimitedLengthInDocumentLibrary = false;
  }
  if (f.typeAsString === 'URL') out.DisplayFormat = 0;
  if (verbose) {
    out.__metadata = { type: t.odataType };
  } else {
    out['odata.type'] = t.odataType;
  }
  return out;
}
