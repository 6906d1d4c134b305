// The search endpoints: POST /_api/search/postquery with { request: { Querytext, StartRow, RowLimit,
// SelectProperties, SortList } } (arrays plain in JSON light, { results: [...] } in verbose), and
// GET /_api/search/query?querytext='…'&startrow=&rowlimit=&selectproperties='A,B'&sortlist='A:descending'.
// Source: Microsoft Learn, "SharePoint Search REST API overview".
import { Ctx, SPResponse, jsonResponse } from '../context';
import { parseJsonBody } from '../routes/items';
import { SearchRequest, runSearch } from './searchQuery';
import { searchError } from './kql';
import { wrongMethod } from '../errors';

function arrayOf(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (v && typeof v === 'object' && Array.isArray((v as { results?: unknown[] }).results)) return (v as { results: unknown[] }).results;
  return [];
}

function whole(v: unknown, fallback: number, name: string): number {
  if (v === undefined || v === null || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw searchError(`Invalid parameter: ${name}.`);
  return n;
}

/** A GET parameter as SharePoint takes it: 'quoted' strings lose their quotes (a doubled '' is one quote). */
function unquote(v: string | null): string | undefined {
  if (v === null) return undefined;
  const m = /^'(.*)'$/s.exec(v);
  return m ? m[1].replace(/''/g, "'") : v;
}

function fromPost(ctx: Ctx): SearchRequest {
  const body = parseJsonBody(ctx) as { request?: Record<string, unknown> };
  const r = body && typeof body === 'object' && body.request && typeof body.request === 'object' ? body.request : undefined;
  if (!r) throw searchError('The request body must carry a "request" object.');
  return {
    querytext: typeof r.Querytext === 'string' ? r.Querytext : '',
    startRow: whole(r.StartRow, 0, 'StartRow'),
    rowLimit: whole(r.RowLimit, 10, 'RowLimit'),
    selectProperties: arrayOf(r.SelectProperties).map(String),
    sortList: arrayOf(r.SortList).map((s) => {
      const o = (s || {}) as { Property?: unknown; Direction?: unknown };
      if (typeof o.Property !== 'string' || o.Property === '') throw searchError('Invalid parameter: SortList.');
      return { property: o.Property, descending: Number(o.Direction) === 1 };
    }),
  };
}

function fromGet(ctx: Ctx): SearchRequest {
  const q = (name: string): string | undefined => {
    for (const [k, v] of ctx.req.url.searchParams) if (k.toLowerCase() === name) return unquote(v);
    return undefined;
  };
  const list = (v: string | undefined): string[] => (v ? v.split(',').map((x) => x.trim()).filter(Boolean) : []);
  return {
    querytext: q('querytext') ?? '',
    startRow: whole(q('startrow'), 0, 'StartRow'),
    rowLimit: whole(q('rowlimit'), 10, 'RowLimit'),
    selectProperties: list(q('selectproperties')),
    sortList: list(q('sortlist')).map((s) => {
      const [property, dir] = s.split(':');
      return { property, descending: (dir || '').toLowerCase() === 'descending' };
    }),
  };
}

export function searchRoute(ctx: Ctx, name: string): SPResponse | undefined {
  const m = ctx.req.method;
  if (name === 'postquery') {
    if (m !== 'POST') throw wrongMethod(m, 'postquery');
    const payload = runSearch(ctx, fromPost(ctx));
    return jsonResponse(ctx, 200, ctx.verbose ? { 'odata.name': 'postquery', value: payload } : payload);
  }
  if (name === 'query') {
    if (m !== 'GET') throw wrongMethod(m, 'query');
    const payload = runSearch(ctx, fromGet(ctx));
    return jsonResponse(ctx, 200, ctx.verbose ? { 'odata.name': 'query', value: payload } : payload);
  }
  return undefined;
}
