// Splits a SharePoint REST path (after /_api/) into segments such as web, lists, getByTitle('X'), items(5).
import { invalidQuery } from '../errors';

export type ArgValue = string | number | boolean | null;

export interface Segment {
  /** lower-case name */
  name: string;
  raw: string;
  args?: { name?: string; value: ArgValue; kind: 'string' | 'guid' | 'number' | 'boolean' | 'null' | 'alias' }[];
}

function splitRespectingQuotes(s: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inQuote = false;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "'") {
      if (inQuote && s[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      inQuote = !inQuote;
    } else if (!inQuote && c === '(') depth++;
    else if (!inQuote && c === ')') depth--;
    if (c === sep && !inQuote && depth === 0) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  if (inQuote) throw invalidQuery('The request URL has an unterminated string literal.');
  out.push(cur);
  return out;
}

function parseArg(raw: string): NonNullable<Segment['args']>[number] {
  let name: string | undefined;
  let v = raw.trim();
  const named = /^([A-Za-z_@][A-Za-z0-9_]*)\s*=\s*(.*)$/s.exec(v);
  if (named && !v.startsWith("'")) {
    name = named[1];
    v = named[2].trim();
  }
  if (/^@[A-Za-z0-9_]+$/.test(v)) return { name, value: v, kind: 'alias' };
  if (/^'.*'$/s.test(v)) return { name, value: v.slice(1, -1).replace(/''/g, "'"), kind: 'string' };
  const g = /^guid'(.*)'$/i.exec(v);
  if (g) return { name, value: g[1].toLowerCase(), kind: 'guid' };
  if (/^-?\d+(\.\d+)?$/.test(v)) return { name, value: Number(v), kind: 'number' };
  if (/^(true|false)$/i.test(v)) return { name, value: v.toLowerCase() === 'true', kind: 'boolean' };
  if (v === '' ) return { name, value: null, kind: 'null' };
  if (/^null$/i.test(v)) return { name, value: null, kind: 'null' };
  throw invalidQuery(`The argument '${raw}' in the request URL is not valid.`);
}

export function parsePath(rawPath: string): Segment[] {
  const parts = splitRespectingQuotes(rawPath.replace(/^\/+|\/+$/g, ''), '/').filter((p) => p !== '');
  return parts.map((p) => {
    let s: string;
    try {
      s = decodeURIComponent(p);
    } catch {
      throw invalidQuery('The request URL is not valid.');
    }
    const m = /^([^()]*)(\((.*)\))?$/s.exec(s);
    if (!m) throw invalidQuery(`The segment '${s}' in the request URL is not valid.`);
    const seg: Segment = { name: m[1].toLowerCase(), raw: s };
    if (m[2] !== undefined) {
      const inner = m[3];
      seg.args = inner.trim() === '' ? [] : splitRespectingQuotes(inner, ',').map(parseArg);
    }
    return seg;
  });
}

/** Resolves parameter aliases (getByLoginName(@v)?@v='…') against the query string. */
export function resolveAliases(segs: Segment[], params: URLSearchParams): void {
  for (const seg of segs) {
    for (const a of seg.args ?? []) {
      if (a.kind !== 'alias') continue;
      const raw = params.get(String(a.value));
      if (raw === null) throw invalidQuery(`The parameter alias '${String(a.value)}' has no value.`);
      const parsed = parseArg(raw);
      a.value = parsed.value;
      a.kind = parsed.kind;
    }
  }
}
