// Compiles a parsed $filter into SQL over a list's items table. Text compares case-insensitively (columns are
// COLLATE NOCASE), dates compare as normalised ISO strings, lookups compare by id, and X/Title or Author/EMail
// compare through the target list or the users table.
import { FilterNode, Literal, Operand, CompareOp } from './filterParser';
import { FieldDef, fieldType, isStored } from '../fields';
import { ListRecord, quoteIdent, itemsTable } from '../store';
import { SPError, CODES, unknownField, invalidQuery } from '../errors';
import { fieldByProp, isRefField, isUserField, USER_PROPERTIES } from './select';
import { normalizeDate } from '../itemValues';

export type SqlParam = string | number | null;

export interface SqlFragment {
  sql: string;
  params: SqlParam[];
}

/** What a path in a filter points at. */
export type ResolvedPath =
  | { kind: 'id' }
  | { kind: 'column'; field: FieldDef }
  | { kind: 'refColumn'; field: FieldDef } // lookup/user id column (X, XId, X/Id)
  | { kind: 'refProperty'; field: FieldDef; target: ListRecord | 'users'; sub: string; subField?: FieldDef };

export interface FilterContext {
  list: ListRecord;
  lookupTarget: (f: FieldDef) => ListRecord | undefined;
}

const USER_COLUMNS: Record<string, string> = {
  id: 'id', title: 'title', name: 'login_name', email: 'email', username: 'email', jobtitle: 'job_title', department: 'department',
};

export function resolvePath(ctx: FilterContext, path: string[]): ResolvedPath {
  const { list } = ctx;
  const full = path.join('/');
  if (path.length === 1) {
    const name = path[0];
    if (name.toLowerCase() === 'id') return { kind: 'id' };
    const f = fieldByProp(list, name);
    if (f) {
      if (isRefField(f)) return { kind: 'refColumn', field: f };
      if (!isStored(f)) throw unknownField(name);
      if (f.typeAsString === 'Note') {
        // SharePoint cannot filter on multiple lines of text.
        throw new SPError(400, CODES.spException, `The field '${f.internalName}' of type 'Note' cannot be used in the query filter expression.`);
      }
      return { kind: 'column', field: f };
    }
    const m = /^(.*)Id$/.exec(name);
    if (m) {
      const rf = fieldByProp(list, m[1]);
      if (rf && isRefField(rf)) return { kind: 'refColumn', field: rf };
    }
    throw unknownField(name);
  }
  if (path.length === 2) {
    const f = fieldByProp(list, path[0]);
    if (!f) throw unknownField(path[0]);
    if (!isRefField(f)) throw unknownField(full);
    const sub = path[1];
    if (sub.toLowerCase() === 'id') return { kind: 'refColumn', field: f };
    if (isUserField(f)) {
      if (!USER_PROPERTIES.some((p) => p.toLowerCase() === sub.toLowerCase()) || !USER_COLUMNS[sub.toLowerCase()]) throw unknownField(sub);
      return { kind: 'refProperty', field: f, target: 'users', sub };
    }
    const target = ctx.lookupTarget(f);
    if (!target) throw unknownField(full);
    const subField = fieldByProp(target, sub);
    if (!subField || !isStored(subField) || isRefField(subField)) throw unknownField(sub);
    return { kind: 'refProperty', field: f, target, sub, subField };
  }
  throw unknownField(full);
}

const SQL_OP: Record<CompareOp, string> = { eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=' };
const FLIP: Record<CompareOp, CompareOp> = { eq: 'eq', ne: 'ne', lt: 'gt', le: 'ge', gt: 'lt', ge: 'le' };

type ValueKind = 'text' | 'number' | 'bool' | 'date';

function kindOfField(f: FieldDef | undefined): ValueKind {
  if (!f) return 'number';
  const st = fieldType(f).storage;
  if (st === 'real' || st === 'int' || st === 'user' || st === 'lookup') return 'number';
  if (st === 'bool') return 'bool';
  if (st === 'date') return 'date';
  return 'text';
}

function literalFor(kind: ValueKind, lit: Literal, what: string): SqlParam {
  switch (lit.kind) {
    case 'null':
      return null;
    case 'string':
      if (kind === 'text') return lit.value;
      if (kind === 'date') {
        const d = normalizeDate(lit.value);
        if (d === null) throw invalidQuery(`The expression "${what}" is not valid. '${lit.value}' is not a valid date.`);
        return d;
      }
      if (kind === 'number' && /^[-+]?\d+(\.\d+)?$/.test(lit.value.trim())) return Number(lit.value);
      if (kind === 'bool' && /^(true|false|0|1)$/i.test(lit.value)) return /^(true|1)$/i.test(lit.value) ? 1 : 0;
      throw invalidQuery(`The expression "${what}" is not valid. Cannot convert '${lit.value}' to the type of the field.`);
    case 'number':
      if (kind === 'number') return lit.value;
      if (kind === 'text') return lit.raw;
      if (kind === 'bool' && (lit.value === 0 || lit.value === 1)) return lit.value;
      throw invalidQuery(`The expression "${what}" is not valid. Cannot convert '${lit.raw}' to the type of the field.`);
    case 'boolean':
      if (kind === 'bool') return lit.value ? 1 : 0;
      if (kind === 'number') return lit.value ? 1 : 0;
      throw invalidQuery(`The expression "${what}" is not valid.`);
    case 'datetime': {
      const d = normalizeDate(lit.value) ?? new Date(lit.value).toISOString().replace(/\.\d{3}Z$/, 'Z');
      if (kind === 'date' || kind === 'text') return d;
      throw invalidQuery(`The expression "${what}" is not valid.`);
    }
    case 'guid':
      if (kind === 'text') return lit.value;
      throw invalidQuery(`The expression "${what}" is not valid.`);
  }
}

function compareSql(col: string, op: CompareOp, value: SqlParam, what: string): SqlFragment {
  if (value === null) {
    if (op === 'eq') return { sql: `${col} IS NULL`, params: [] };
    if (op === 'ne') return { sql: `${col} IS NOT NULL`, params: [] };
    throw invalidQuery(`The expression "${what}" is not valid. null can only be compared with eq or ne.`);
  }
  // CAML's Neq includes items whose value is empty; SQL's <> would drop them.
  if (op === 'ne') return { sql: `(${col} IS NULL OR ${col} <> ?)`, params: [value] };
  return { sql: `${col} ${SQL_OP[op]} ?`, params: [value] };
}

function describe(op: CompareOp, path: string[], lit: Literal): string {
  const v = lit.kind === 'string' ? `'${lit.value}'` : lit.kind === 'null' ? 'null' : lit.kind === 'number' ? lit.raw : String((lit as { value: unknown }).value);
  return `${path.join('/')} ${op} ${v}`;
}

export function compileComparison(ctx: FilterContext, path: string[], op: CompareOp, lit: Literal): SqlFragment {
  const r = resolvePath(ctx, path);
  const what = describe(op, path, lit);
  switch (r.kind) {
    case 'id':
      return compareSql('ID', op, literalFor('number', lit, what), what);
    case 'column': {
      const col = quoteIdent(r.field.internalName);
      const t = r.field.typeAsString;
      if (t === 'MultiChoice') {
        const v = literalFor('text', lit, what);
        if (v === null) return compareSql(col, op, null, what);
        if (op !== 'eq' && op !== 'ne') throw invalidQuery(`The expression "${what}" is not valid.`);
        const exists = `EXISTS (SELECT 1 FROM json_each(${col}) WHERE value = ? COLLATE NOCASE)`;
        return { sql: op === 'eq' ? exists : `NOT ${exists}`, params: [v] };
      }
      if (t === 'URL') {
        const v = literalFor('text', lit, what);
        return compareSql(`json_extract(${col}, '$.Url')`, op, v, what);
      }
      return compareSql(col, op, literalFor(kindOfField(r.field), lit, what), what);
    }
    case 'refColumn': {
      const col = quoteIdent(r.field.internalName);
      const v = literalFor('number', lit, what);
      if (r.field.typeAsString === 'UserMulti' || r.field.typeAsString === 'LookupMulti') {
        if (v === null) return compareSql(col, op, null, what);
        if (op !== 'eq' && op !== 'ne') throw invalidQuery(`The expression "${what}" is not valid.`);
        const exists = `EXISTS (SELECT 1 FROM json_each(${col}) WHERE value = ?)`;
        return { sql: op === 'eq' ? exists : `NOT ${exists}`, params: [v] };
      }
      return compareSql(col, op, v, what);
    }
    case 'refProperty': {
      const col = quoteIdent(r.field.internalName);
      let inner: SqlFragment;
      if (r.target === 'users') {
        const ucol = USER_COLUMNS[r.sub.toLowerCase()];
        const v = literalFor(ucol === 'id' ? 'number' : 'text', lit, what);
        const c = compareSql(ucol, op, v, what);
        inner = { sql: `SELECT id FROM users WHERE ${c.sql}`, params: c.params };
      } else {
        const sf = r.subField!;
        const c = compareSql(quoteIdent(sf.internalName), op, literalFor(kindOfField(sf), lit, what), what);
        inner = { sql: `SELECT ID FROM ${quoteIdent(itemsTable(r.target))} WHERE ${c.sql}`, params: c.params };
      }
      if (r.field.typeAsString === 'UserMulti' || r.field.typeAsString === 'LookupMulti') {
        return { sql: `EXISTS (SELECT 1 FROM json_each(${col}) WHERE value IN (${inner.sql}))`, params: inner.params };
      }
      return { sql: `${col} IN (${inner.sql})`, params: inner.params };
    }
  }
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function textColumn(ctx: FilterContext, path: string[], fn: string): string {
  const r = resolvePath(ctx, path);
  if (r.kind === 'column' && ['Text', 'Note', 'Choice', 'MultiChoice', 'URL'].includes(r.field.typeAsString)) {
    return quoteIdent(r.field.internalName);
  }
  if (r.kind === 'column' || r.kind === 'id') {
    throw invalidQuery(`The function '${fn}' is not supported for the field '${path.join('/')}'.`);
  }
  throw invalidQuery(`The function '${fn}' is not supported for the field '${path.join('/')}'.`);
}

export function compileFilter(ctx: FilterContext, node: FilterNode): SqlFragment {
  switch (node.kind) {
    case 'and':
    case 'or': {
      const l = compileFilter(ctx, node.left);
      const r = compileFilter(ctx, node.right);
      return { sql: `(${l.sql} ${node.kind.toUpperCase()} ${r.sql})`, params: [...l.params, ...r.params] };
    }
    case 'not': {
      const e = compileFilter(ctx, node.expr);
      return { sql: `(NOT COALESCE(${e.sql}, 0))`, params: e.params };
    }
    case 'compare': {
      const { left, right } = node;
      if (left.kind === 'path' && right.kind === 'literal') return compileComparison(ctx, left.path, node.op, right.literal);
      if (left.kind === 'literal' && right.kind === 'path') return compileComparison(ctx, right.path, FLIP[node.op], left.literal);
      throw invalidQuery('The expression is not valid. A comparison needs one field and one value.');
    }
    case 'startswith': {
      const col = textColumn(ctx, node.path, 'startswith');
      if (node.value.kind !== 'string') throw invalidQuery('The expression is not valid. startswith needs a text value.');
      return { sql: `${col} LIKE ? ESCAPE '\\'`, params: [`${escapeLike(node.value.value)}%`] };
    }
    case 'substringof': {
      const col = textColumn(ctx, node.path, 'substringof');
      if (node.value.kind !== 'string') throw invalidQuery('The expression is not valid. substringof needs a text value.');
      return { sql: `${col} LIKE ? ESCAPE '\\'`, params: [`%${escapeLike(node.value.value)}%`] };
    }
  }
}

/** Top-level AND clauses of a filter (the ones SharePoint can use to narrow a large list by an index first). */
export function topLevelAndClauses(node: FilterNode): FilterNode[] {
  if (node.kind === 'and') return [...topLevelAndClauses(node.left), ...topLevelAndClauses(node.right)];
  return [node];
}

export type { Operand };
export { SPError, CODES };
