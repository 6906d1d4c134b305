// Tiny CAML builders for view queries, so views are written in the schema's own field names
// and values are XML-escaped once, here.

export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export type CamlValueType = 'Text' | 'Choice' | 'Number' | 'Boolean' | 'DateTime' | 'Integer';

type Comparison = (field: string, type: CamlValueType, value: string | number | boolean) => string;
const compare = (op: string): Comparison => (field, type, value) =>
  `<${op}><FieldRef Name="${field}" /><Value Type="${type}">${xmlEscape(
    typeof value === 'boolean' ? (value ? '1' : '0') : String(value),
  )}</Value></${op}>`;

export const eq = compare('Eq');
export const neq = compare('Neq');
export const lt = compare('Lt');
export const leq = compare('Leq');
export const geq = compare('Geq');

export const isNull = (field: string): string => `<IsNull><FieldRef Name="${field}" /></IsNull>`;

/** Dates relative to today: SharePoint evaluates <Today OffsetDays="n"/> when the view runs. */
export const beforeToday = (field: string, offsetDays = 0): string =>
  `<Lt><FieldRef Name="${field}" /><Value Type="DateTime"><Today OffsetDays="${offsetDays}" /></Value></Lt>`;

/** The signed-in user, for "My …" views on a person column. */
export const isMe = (field: string): string =>
  `<Eq><FieldRef Name="${field}" LookupId="TRUE" /><Value Type="Integer"><UserID Type="Integer" /></Value></Eq>`;

/** CAML's And/Or are binary: fold a list into nested pairs. */
function fold(op: 'And' | 'Or', parts: readonly string[]): string {
  if (parts.length === 0) throw new Error(`${op} needs at least one condition`);
  return parts.reduce((acc, part) => `<${op}>${acc}${part}</${op}>`);
}
export const and = (...parts: string[]): string => fold('And', parts);
export const or = (...parts: string[]): string => fold('Or', parts);
export const anyOf = (field: string, type: CamlValueType, values: readonly string[]): string =>
  `<In><FieldRef Name="${field}" /><Values>${values.map((v) => `<Value Type="${type}">${xmlEscape(v)}</Value>`).join('')}</Values></In>`;

export type SortKey = readonly [field: string, ascending: boolean];

/** A complete view query: <Where> (optional) then <OrderBy>. */
export function viewQuery(where: string | undefined, orderBy: readonly SortKey[]): string {
  const whereXml = where ? `<Where>${where}</Where>` : '';
  const orderXml = orderBy.length
    ? `<OrderBy>${orderBy.map(([f, asc]) => `<FieldRef Name="${f}" Ascending="${asc ? 'TRUE' : 'FALSE'}" />`).join('')}</OrderBy>`
    : '';
  return whereXml + orderXml;
}

/** Views that group (e.g. By tier) put <GroupBy> first, as SharePoint writes it. */
export function groupedViewQuery(groupBy: string, where: string | undefined, orderBy: readonly SortKey[]): string {
  return `<GroupBy Collapse="TRUE" GroupLimit="30"><FieldRef Name="${groupBy}" /></GroupBy>` + viewQuery(where, orderBy);
}
