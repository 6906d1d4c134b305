// SharePoint Search over the local site's list items: /_api/search/postquery (what PnPjs's sp.search() posts) and
// /_api/search/query. The result shape is SharePoint's: PrimaryQueryResult.RelevantResults with RowCount, TotalRows,
// TotalRowsIncludingDuplicates and Table.Rows[].Cells[] of { Key, Value, ValueType } (values as strings).
// Sources: Microsoft Learn, "SharePoint Search REST API overview" (querytext, startrow, rowlimit, selectproperties,
// sortlist; postquery's { request: {...} } body); PnPjs's SearchResults (node_modules/@pnp/sp/search/query.js) reads
// exactly PrimaryQueryResult.RelevantResults.{RowCount, TotalRows, Table.Rows[].Cells}.
//
// Managed properties, as SharePoint Online's search schema has them for a list item:
//  - Title, Path, ListItemID, ListId, Created, LastModifiedTime (Write), ContentClass, Rank, DocId;
//  - RefinableString00–199, RefinableInt00–49, RefinableDate00–19, RefinableDecimal00–09: queryable, retrievable,
//    sortable; empty until a site collection admin maps a crawled property (`ows_<InternalName>`) to them in the
//    site's search schema (here: the site's searchSchema meta, set with POST /_local/searchschema — the local
//    stand-in for "Site settings > Search schema" or an imported search configuration).
//  - NOT the automatically created `<Name>OWS<CODE>` properties: SharePoint makes those only for SITE columns
//    ("Regular columns won't automatically become managed properties" — Microsoft Learn, "Automatically created
//    managed properties in SharePoint"), and this site's columns are all list columns.
//  - Free-text words are looked for in the item's text and choice columns (the crawl indexes their content).
// Sorting on anything but Rank, Created, LastModifiedTime, Size, DocId or a Refinable property answers 400
// "Invalid parameter: SortList." (github.com/pnp/pnpjs/issues/307: the OOTB Title is unsortable in SPO; PnP-JS-Core #308).
//
// Not emulated: relevance ranking (results without a SortList come in ID order), the crawl's delay (an item is
// searchable as soon as it is written; SharePoint Online indexes changes within minutes, so the app must not rely
// on this), refiners, query rules, result sources, documents' contents.
import { Ctx, Json } from '../context';
import { FieldDef, isStored } from '../fields';
import { canRead, readOnlyOwnItems } from '../permissions';
import { ListRecord, itemsTable, quoteIdent } from '../store';
import { KqlNode, parseKql, searchError, wordsOf } from './kql';
import { MAX_KQL_LENGTH, MAX_SEARCH_ROW_LIMIT } from '../platformLimits';

export interface SearchRequest {
  querytext: string;
  startRow: number;
  rowLimit: number;
  selectProperties: string[];
  sortList: { property: string; descending: boolean }[];
}

type Kind = 'text' | 'multi' | 'number' | 'date' | 'bool';
interface Prop {
  sql: string;
  params: unknown[];
  kind: Kind;
  name: string;
  /** a value the same for every item of the list (ListId, contentclass): decided here, not per row */
  constant?: string;
  /** a person column: matched on the person's text, then by id */
  userColumn?: string;
}

const REFINABLE = /^refinable(string(1[0-9]{2}|[0-9]{2})|int[0-4][0-9]|date[01][0-9]|decimal0[0-9])$/i;
const SORTABLE_BUILT_IN = new Set(['rank', 'created', 'lastmodifiedtime', 'write', 'size', 'docid']);

function kindOf(f: FieldDef): Kind {
  if (f.typeAsString === 'MultiChoice') return 'multi';
  if (['Number', 'Currency', 'Integer', 'Counter'].includes(f.typeAsString)) return 'number';
  if (f.typeAsString === 'DateTime') return 'date';
  if (f.typeAsString === 'Boolean') return 'bool';
  return 'text';
}

function column(f: FieldDef, name: string): Prop {
  return { sql: quoteIdent(f.internalName), params: [], kind: kindOf(f), name };
}

/** The site's search schema: Refinable property → crawled property (`ows_Reference`). */
export function searchSchema(ctx: Ctx): Record<string, string> {
  const raw = ctx.store.getMeta('searchSchema');
  return raw ? (JSON.parse(raw) as Record<string, string>) : {};
}

function resolveProperty(ctx: Ctx, list: ListRecord, name: string, schema: Record<string, string>): Prop | undefined {
  const n = name.toLowerCase();
  const field = (internal: string): FieldDef | undefined => list.fields.find((f) => f.internalName.toLowerCase() === internal.toLowerCase());
  switch (n) {
    case 'title': {
      const f = field('Title');
      return f ? column(f, 'Title') : undefined;
    }
    case 'listitemid':
      return { sql: 'ID', params: [], kind: 'number', name: 'ListItemID' };
    case 'listid':
      return { sql: '?', params: [list.id], kind: 'text', name: 'ListId', constant: list.id };
    case 'path':
      return { sql: "(? || ID)", params: [`${ctx.siteUrl}/Lists/${list.urlName}/DispForm.aspx?ID=`], kind: 'text', name: 'Path' };
    case 'created':
      return { sql: 'Created', params: [], kind: 'date', name: 'Created' };
    case 'lastmodifiedtime':
    case 'write':
      return { sql: 'Modified', params: [], kind: 'date', name: name };
    case 'contentclass':
      return { sql: '?', params: ['STS_ListItem_GenericList'], kind: 'text', name: 'contentclass', constant: 'STS_ListItem_GenericList' };
    case 'docid':
    case 'rank':
      return { sql: 'ID', params: [], kind: 'number', name };
    default:
      break;
  }
  if (REFINABLE.test(n)) {
    const crawled = Object.entries(schema).find(([k]) => k.toLowerCase() === n)?.[1];
    const f = crawled && /^ows_/i.test(crawled) ? field(crawled.slice(4)) : undefined;
    if (f && f.typeAsString === 'User') {
      // A person's crawled value carries their e-mail and name (its exact layout is SharePoint's own): queries
      // look for the e-mail as a phrase, which matches here.
      return { sql: `(SELECT email || ' | ' || title FROM users WHERE users.id = ${quoteIdent(f.internalName)})`, params: [], kind: 'text', name, userColumn: f.internalName };
    }
    return f ? column(f, name) : { sql: 'NULL', params: [], kind: 'text', name };
  }
  return undefined;
}

/** The columns a free-text word is looked for in: the item's title and its text and choice columns. */
function searchableColumns(list: ListRecord): Prop[] {
  return list.fields
    .filter((f) => isStored(f) && ['Text', 'Note', 'Choice', 'MultiChoice'].includes(f.typeAsString) && !f.hidden)
    .map((f) => column(f, f.internalName));
}

interface Sql { sql: string; params: unknown[] }
const NEVER: Sql = { sql: '0', params: [] };
const ALWAYS: Sql = { sql: '1', params: [] };

/** Whether the words of `text` contain the words of `value` in order (the last as a prefix when asked). */
function containsWords(text: string, value: string, prefix: boolean): boolean {
  const have = wordsOf(text);
  const want = wordsOf(value);
  if (want.length === 0) return false;
  const last = want.length - 1;
  for (let i = 0; i + want.length <= have.length; i++) {
    let ok = true;
    for (let j = 0; j <= last && ok; j++) ok = j === last && prefix ? have[i + j].startsWith(want[j]) : have[i + j] === want[j];
    if (ok) return true;
  }
  return false;
}

/** A text property restriction decided outside SQL (`:` words, `=`/`<>` the whole value, case-insensitive). */
function matchesText(text: string, op: string, value: string, prefix: boolean): boolean {
  if (op === ':') return containsWords(text, value, prefix);
  if (op === '=') return text.toLowerCase() === value.toLowerCase();
  if (op === '<>') return text.toLowerCase() !== value.toLowerCase();
  return false;
}

function dateValue(v: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(v);
  if (!m) return undefined;
  const d = new Date(m[4] ? v : `${v}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function compare(p: Prop, op: string, value: string, prefix: boolean): Sql {
  const sqlOp = op === ':' || op === '=' ? '=' : op;
  if (p.kind === 'number') {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n)) return NEVER;
    return { sql: `(${p.sql}) ${sqlOp} ?`, params: [...p.params, n] };
  }
  if (p.kind === 'date') {
    const d = dateValue(value);
    if (!d) return NEVER;
    // `Created:2026-02-01` names the day.
    if ((op === ':' || op === '=') && !/T/.test(value)) return { sql: `substr(${p.sql}, 1, 10) = ?`, params: [...p.params, d.slice(0, 10)] };
    return { sql: `(${p.sql}) ${sqlOp} ?`, params: [...p.params, d] };
  }
  if (p.kind === 'bool') {
    const v = value.toLowerCase();
    const b = v === '1' || v === 'true' || v === 'yes' ? 1 : v === '0' || v === 'false' || v === 'no' ? 0 : undefined;
    if (b === undefined || (op !== ':' && op !== '=' && op !== '<>')) return NEVER;
    return { sql: `coalesce(${p.sql}, 0) ${op === '<>' ? '<>' : '='} ?`, params: [...p.params, b] };
  }
  // Text and choices: `:` is word matching (the words of the value, in order; a trailing * makes the last a prefix),
  // `=` the whole value; the comparisons are on the text.
  if (op === ':') {
    const words = wordsOf(value);
    if (words.length === 0) return NEVER;
    const match = { sql: `svh_kql_words(${p.sql}, ?, ?)`, params: [...p.params, JSON.stringify(words), prefix ? 1 : 0] };
    // A cheap first look for the longest ASCII word as a substring, so the word breaker runs only where it may match
    // (SQLite's lower() folds ASCII only, hence ASCII words only).
    const longest = words.filter((w) => /^[a-z0-9]+$/.test(w)).sort((a, b) => b.length - a.length)[0];
    if (!longest) return match;
    return { sql: `(instr(lower(coalesce(${p.sql}, '')), ?) > 0 AND ${match.sql})`, params: [...p.params, longest, ...match.params] };
  }
  if (p.kind === 'multi') {
    const any = `EXISTS (SELECT 1 FROM json_each(coalesce(${p.sql}, '[]')) WHERE lower(value) = lower(?))`;
    return { sql: op === '<>' ? `NOT ${any}` : op === '=' ? any : '0', params: [...p.params, value] };
  }
  if (op === '=' || op === '<>') return { sql: `lower(coalesce(${p.sql}, '')) ${op === '=' ? '=' : '<>'} lower(?)`, params: [...p.params, value] };
  return { sql: `(${p.sql}) ${op} ?`, params: [...p.params, value] };
}

function compile(ctx: Ctx, list: ListRecord, node: KqlNode, schema: Record<string, string>): Sql {
  if (node.kind === 'and' || node.kind === 'or') {
    const parts = node.items.map((n) => compile(ctx, list, n, schema));
    // Constant parts decide here (a restriction to another list's ListId rules this list out without a scan).
    if (node.kind === 'and' && parts.some((p) => p.sql === '0')) return NEVER;
    if (node.kind === 'or' && parts.some((p) => p.sql === '1')) return ALWAYS;
    return { sql: `(${parts.map((p) => p.sql).join(node.kind === 'and' ? ' AND ' : ' OR ')})`, params: parts.flatMap((p) => p.params) };
  }
  if (node.kind === 'not') {
    const inner = compile(ctx, list, node.item, schema);
    return { sql: `NOT (${inner.sql})`, params: inner.params };
  }
  if (!node.property) {
    // Free text: a word or phrase found in any searchable column (prefix when it ends with *).
    const parts = searchableColumns(list).map((p) => compare(p, ':', node.value, node.prefix));
    return parts.length ? { sql: `(${parts.map((p) => p.sql).join(' OR ')})`, params: parts.flatMap((p) => p.params) } : NEVER;
  }
  const p = resolveProperty(ctx, list, node.property, schema);
  // A restriction on a property the schema does not have matches nothing.
  if (!p) return NEVER;
  if (p.constant !== undefined) return matchesText(p.constant, node.op, node.value, node.prefix) ? ALWAYS : NEVER;
  if (p.userColumn !== undefined) {
    const ids = ctx.store.allUsers().filter((u) => matchesText(`${u.email} | ${u.title}`, node.op, node.value, node.prefix)).map((u) => u.id);
    return ids.length ? { sql: `${quoteIdent(p.userColumn)} IN (${ids.map(() => '?').join(', ')})`, params: ids } : NEVER;
  }
  return compare(p, node.op, node.value, node.prefix);
}

const registered = new WeakSet<object>();

/** svh_kql_words(text, words, prefix): the text's words contain the given words in order (the last as a prefix). */
function registerFunctions(ctx: Ctx): void {
  const db = ctx.store.db as unknown as { function(name: string, opts: object, fn: (...a: unknown[]) => number): void };
  if (registered.has(db)) return;
  db.function('svh_kql_words', { deterministic: true }, (text: unknown, wordsJson: unknown, prefix: unknown) => {
    if (text === null || text === undefined) return 0;
    return containsWords(String(text), (JSON.parse(String(wordsJson)) as string[]).join(' '), Number(prefix) === 1) ? 1 : 0;
  });
  registered.add(db);
}

function cell(key: string, value: unknown, kind: Kind | 'id'): Json {
  if (value === null || value === undefined) return { Key: key, Value: null, ValueType: 'Null' };
  if (kind === 'number' || kind === 'id') return { Key: key, Value: String(value), ValueType: Number.isInteger(Number(value)) ? 'Edm.Int64' : 'Edm.Double' };
  if (kind === 'date') return { Key: key, Value: String(value), ValueType: 'Edm.DateTime' };
  if (kind === 'bool') return { Key: key, Value: Number(value) === 1 ? 'true' : 'false', ValueType: 'Edm.Boolean' };
  if (kind === 'multi') return { Key: key, Value: (JSON.parse(String(value)) as string[]).join(';'), ValueType: 'Edm.String' };
  return { Key: key, Value: String(value), ValueType: 'Edm.String' };
}

export function runSearch(ctx: Ctx, req: SearchRequest): Json {
  const started = Date.now();
  if (req.querytext.trim() === '') throw searchError('The query text is empty.');
  if (req.querytext.length > MAX_KQL_LENGTH) throw searchError('The query text is too long.');
  const tree = parseKql(req.querytext);
  registerFunctions(ctx);
  const schema = searchSchema(ctx);
  const sorts = req.sortList.map((s) => {
    const n = s.property.toLowerCase();
    if (!SORTABLE_BUILT_IN.has(n) && !REFINABLE.test(n)) throw searchError('Invalid parameter: SortList.');
    return s;
  });
  const rowLimit = Math.max(0, Math.min(req.rowLimit, MAX_SEARCH_ROW_LIMIT));
  const startRow = Math.max(0, req.startRow);
  const selected = req.selectProperties.length > 0 ? req.selectProperties : ['Title', 'Path', 'ListItemID', 'ListId', 'Created', 'LastModifiedTime'];

  type Hit = { keys: unknown[]; id: number; cells: Json[] };
  const hits: Hit[] = [];
  let total = 0;
  for (const list of ctx.store.allLists()) {
    if (list.baseTemplate !== 100 || list.props.Hidden === true || !canRead(ctx.store, ctx.user, list)) continue;
    const where = compile(ctx, list, tree, schema);
    if (where.sql === '0') continue;
    const conds = [where];
    if (readOnlyOwnItems(ctx.store, ctx.user, list)) conds.push({ sql: 'Author = ?', params: [ctx.user.id] });
    const whereSql = conds.map((c) => c.sql).join(' AND ');
    const params = conds.flatMap((c) => c.params);
    const table = quoteIdent(itemsTable(list));
    const sortProps = sorts.map((s) => resolveProperty(ctx, list, s.property, schema) ?? { sql: 'NULL', params: [], kind: 'text' as Kind, name: s.property });
    const selProps = selected.map((name) => ({ name, p: resolveProperty(ctx, list, name, schema) }));
    const cols = [
      'ID AS svh$id',
      // the count of all matches in the same scan
      'COUNT(*) OVER () AS svh$total',
      ...sortProps.map((p, i) => `${p.sql} AS svh$s${i}`),
      ...selProps.map((s, i) => `${s.p ? s.p.sql : 'NULL'} AS svh$c${i}`),
    ];
    const order = [...sortProps.map((_, i) => `svh$s${i} ${sorts[i].descending ? 'DESC' : 'ASC'}`), 'ID ASC'].join(', ');
    const colParams = [...sortProps.flatMap((p) => p.params), ...selProps.flatMap((s) => (s.p ? s.p.params : []))];
    const rows = ctx.store.db.prepare(`SELECT ${cols.join(', ')} FROM ${table} WHERE ${whereSql} ORDER BY ${order} LIMIT ?`)
      .all(...([...colParams, ...params, startRow + rowLimit] as never[])) as Record<string, unknown>[];
    total += rows.length > 0 ? Number(rows[0].svh$total)
      : Number((ctx.store.db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${whereSql}`).get(...(params as never[])) as { n: number }).n);
    for (const r of rows) {
      hits.push({
        id: Number(r.svh$id),
        keys: sortProps.map((_, i) => r[`svh$s${i}`]),
        cells: selProps.map((s, i) => cell(s.name, r[`svh$c${i}`], s.p ? s.p.kind : 'text')),
      });
    }
  }
  const cmp = (a: unknown, b: unknown): number => (a === b ? 0 : a === null || a === undefined ? -1 : b === null || b === undefined ? 1 : (a as number) < (b as number) ? -1 : 1);
  hits.sort((x, y) => {
    for (let i = 0; i < sorts.length; i++) {
      const c = cmp(x.keys[i], y.keys[i]);
      if (c !== 0) return sorts[i].descending ? -c : c;
    }
    return x.id - y.id;
  });
  const page = hits.slice(startRow, startRow + rowLimit);
  const rows = page.map((h, i) => ({
    Cells: [
      { Key: 'Rank', Value: String(total - startRow - i), ValueType: 'Edm.Double' },
      { Key: 'DocId', Value: String(h.id), ValueType: 'Edm.Int64' },
      ...h.cells,
    ],
  }));
  return {
    ElapsedTime: Date.now() - started,
    PrimaryQueryResult: {
      QueryId: null,
      QueryRuleId: '00000000-0000-0000-0000-000000000000',
      RefinementResults: null,
      RelevantResults: {
        GroupTemplateId: null,
        ItemTemplateId: null,
        Properties: [
          { Key: 'RowLimit', Value: String(rowLimit), ValueType: 'Edm.Int32' },
          { Key: 'StartRow', Value: String(startRow), ValueType: 'Edm.Int32' },
        ],
        ResultTitle: null,
        ResultTitleUrl: null,
        RowCount: rows.length,
        Table: { Rows: rows },
        TotalRows: total,
        TotalRowsIncludingDuplicates: total,
      },
      SpecialTermResults: null,
    },
    Properties: [],
    SecondaryQueryResults: [],
    SpellingSuggestion: '',
    TriggeredRules: [],
  };
}
