// $filter / $select / $orderby / $top over in-memory collections (lists, fields, views, users, groups).
import { FilterNode, Literal, Operand } from './filterParser';
import { parseFilter } from './filterParser';
import { SPError, CODES, invalidQuery } from '../errors';
import { splitList } from './select';

type Obj = Record<string, unknown>;

function getProp(o: Obj, path: string[]): unknown {
  let cur: unknown = o;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    const key = Object.keys(cur as Obj).find((k) => k.toLowerCase() === p.toLowerCase());
    if (key === undefined) return undefined;
    cur = (cur as Obj)[key];
  }
  return cur;
}

function hasProp(o: Obj, path: string[]): boolean {
  const key = Object.keys(o).find((k) => k.toLowerCase() === path[0].toLowerCase());
  return key !== undefined;
}

function litValue(l: Literal): unknown {
  if (l.kind === 'null') return null;
  return (l as { value: unknown }).value;
}

function cmp(a: unknown, b: unknown): number {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0;
  if (typeof a === 'boolean' || typeof b === 'boolean') return Number(a) - Number(b);
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function operand(o: Obj, op: Operand, typeName: string): unknown {
  if (op.kind === 'literal') return litValue(op.literal);
  if (!hasProp(o, op.path)) throw unknownType(op.path[0], typeName);
  return getProp(o, op.path);
}

function unknownType(prop: string, typeName: string): SPError {
  return new SPError(400, CODES.invalidClientQuery,
    `The property '${prop}' does not exist on type '${typeName}'. Make sure to only use property names that are defined by the type.`);
}

function evaluate(o: Obj, n: FilterNode, typeName: string): boolean {
  switch (n.kind) {
    case 'and':
      return evaluate(o, n.left, typeName) && evaluate(o, n.right, typeName);
    case 'or':
      return evaluate(o, n.left, typeName) || evaluate(o, n.right, typeName);
    case 'not':
      return !evaluate(o, n.expr, typeName);
    case 'startswith':
    case 'substringof': {
      if (!hasProp(o, n.path)) throw unknownType(n.path[0], typeName);
      const v = String(getProp(o, n.path) ?? '').toLowerCase();
      const s = String(litValue(n.value) ?? '').toLowerCase();
      return n.kind === 'startswith' ? v.startsWith(s) : v.includes(s);
    }
    case 'compare': {
      const a = operand(o, n.left, typeName);
      const b = operand(o, n.right, typeName);
      if (a === null || a === undefined || b === null || b === undefined) {
        const eq = (a ?? null) === (b ?? null);
        if (n.op === 'eq') return eq;
        if (n.op === 'ne') return !eq;
        return false;
      }
      const c = cmp(a, b);
      switch (n.op) {
        case 'eq': return c === 0;
        case 'ne': return c !== 0;
        case 'lt': return c < 0;
        case 'le': return c <= 0;
        case 'gt': return c > 0;
        case 'ge': return c >= 0;
      }
    }
  }
  return false;
}

export function queryObjects(all: Obj[], params: URLSearchParams, typeName: string): Obj[] {
  const get = (name: string): string | null => {
    for (const [k, v] of params) if (k.toLowerCase() === name) return v;
    return null;
  };
  let rows = all;
  const filter = get('$filter');
  if (filter !== null && filter.trim() !== '') {
    const ast = parseFilter(filter);
    rows = rows.filter((o) => evaluate(o, ast, typeName));
  }
  const orderby = get('$orderby');
  if (orderby) {
    const terms = splitList(orderby).map((t) => {
      const [name, dir] = t.split(/\s+/);
      return { name, desc: (dir ?? '').toLowerCase() === 'desc' };
    });
    rows = [...rows].sort((a, b) => {
      for (const t of terms) {
        const c = cmp(getProp(a, [t.name]), getProp(b, [t.name]));
        if (c !== 0) return t.desc ? -c : c;
      }
      return 0;
    });
  }
  const top = get('$top');
  if (top !== null) {
    if (!/^\d+$/.test(top.trim())) throw invalidQuery(`Invalid value '${top}' for the $top query option.`);
    rows = rows.slice(0, Number(top));
  }
  return rows.map((o) => project(o, get('$select'), typeName));
}

/** Keeps odata.* annotations and the selected properties; unknown names are SharePoint's 400. */
export function project(o: Obj, select: string | null, typeName: string): Obj {
  const names = splitList(select);
  if (names.length === 0 || names.includes('*')) return o;
  const out: Obj = {};
  for (const [k, v] of Object.entries(o)) if (k.startsWith('odata.')) out[k] = v;
  for (const n of names) {
    const head = n.split('/')[0];
    const key = Object.keys(o).find((k) => k.toLowerCase() === head.toLowerCase());
    if (key === undefined) throw unknownType(head, typeName);
    out[key] = o[key];
  }
  return out;
}
