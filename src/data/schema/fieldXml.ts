/* eslint-disable @rushstack/no-new-null -- SharePoint's REST JSON uses null for an empty column, and so do these types. */
// A field definition as the SchemaXml SharePoint's createFieldAsXml takes. Provisioning creates fields
// from this, so a field's internal name is exactly the schema's `name` (AddFieldInternalNameHint).
import { xmlEscape } from './caml';
import type { FieldDef } from './types';

const bool = (b: boolean | undefined): string => (b ? 'TRUE' : 'FALSE');

/** The default as SharePoint stores it (DefaultValue is always a string). */
export function defaultValueText(field: FieldDef): string | null {
  switch (field.kind) {
    case 'Text':
    case 'Choice':
      return field.defaultValue ?? null;
    case 'Number':
      return field.defaultValue === undefined ? null : String(field.defaultValue);
    case 'Boolean':
      return field.defaultValue === undefined ? null : field.defaultValue ? '1' : '0';
    default:
      return null;
  }
}

export function fieldSchemaXml(field: FieldDef, id?: string): string {
  const attrs: Record<string, string> = {
    Type: field.kind,
    Name: field.name,
    StaticName: field.name,
    DisplayName: field.title,
    Required: bool(field.required),
    Indexed: bool(field.indexed || field.unique),
    EnforceUniqueValues: bool(field.unique),
  };
  if (id) attrs.ID = id;
  if (field.description) attrs.Description = field.description;
  let inner = '';
  switch (field.kind) {
    case 'Text':
      attrs.MaxLength = String(field.maxLength);
      break;
    case 'Note':
      attrs.NumLines = String(field.lines ?? 6);
      attrs.RichText = 'FALSE';
      attrs.AppendOnly = 'FALSE';
      break;
    case 'Number':
      if (field.decimals !== undefined) attrs.Decimals = String(field.decimals);
      if (field.min !== undefined) attrs.Min = String(field.min);
      if (field.max !== undefined) attrs.Max = String(field.max);
      break;
    case 'DateTime':
      attrs.Format = field.dateOnly ? 'DateOnly' : 'DateTime';
      break;
    case 'Choice':
      attrs.Format = 'Dropdown';
      attrs.FillInChoice = 'FALSE';
      inner = choicesXml(field.choices);
      break;
    case 'MultiChoice':
      attrs.FillInChoice = 'FALSE';
      inner = choicesXml(field.choices);
      break;
    case 'User':
      attrs.List = 'UserInfo';
      attrs.ShowField = 'ImnName';
      attrs.UserSelectionMode = 'PeopleOnly';
      attrs.UserSelectionScope = '0';
      break;
    case 'URL':
      attrs.Format = 'Hyperlink';
      break;
    case 'Boolean':
      break;
  }
  const def = defaultValueText(field);
  if (def !== null) inner = `<Default>${xmlEscape(def)}</Default>` + inner;
  if (field.format) attrs.CustomFormatter = JSON.stringify(field.format);
  const attrText = Object.entries(attrs).map(([k, v]) => `${k}="${xmlEscape(v)}"`).join(' ');
  return inner ? `<Field ${attrText}>${inner}</Field>` : `<Field ${attrText} />`;
}

function choicesXml(choices: readonly string[]): string {
  return `<CHOICES>${choices.map((c) => `<CHOICE>${xmlEscape(c)}</CHOICE>`).join('')}</CHOICES>`;
}

/** Reads the choices back out of a provisioned field's SchemaXml (to compare with the schema). */
export function choicesFromSchemaXml(schemaXml: string): string[] {
  const out: string[] = [];
  const re = /<CHOICE>([\s\S]*?)<\/CHOICE>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(schemaXml)) !== null) out.push(xmlUnescape(m[1]));
  return out;
}

export function attributeFromSchemaXml(schemaXml: string, name: string): string | null {
  // A scan rather than a RegExp built from `name`.
  const re = /\s([A-Za-z_][\w:.-]*)="([^"]*)"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(schemaXml)) !== null) if (m[1] === name) return xmlUnescape(m[2]);
  return null;
}

function xmlUnescape(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
