// The request/response shapes the emulator works with, independent of node:http, so $batch parts go through
// exactly the same code as top-level requests.
import { Store, UserRecord } from './store';

export interface SPRequest {
  method: string;
  url: URL;
  /** lower-case header names */
  headers: Record<string, string>;
  body: string;
}

export interface SPResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface Ctx {
  store: Store;
  /** absolute site URL, e.g. http://127.0.0.1:4321/sites/socialvalue */
  siteUrl: string;
  /** server-relative site path, e.g. /sites/socialvalue */
  sitePath: string;
  user: UserRecord;
  req: SPRequest;
  verbose: boolean;
  noMetadata: boolean;
}

export type Json = Record<string, unknown>;

/** Converts a JSON light payload to the verbose ("d") shape PnPjs's DefaultParse also understands. */
export function toVerbose(v: unknown): unknown {
  if (Array.isArray(v)) return { results: v.map(toVerbose) };
  if (v === null || typeof v !== 'object') return v;
  const o = v as Json;
  const meta: Json = {};
  const out: Json = {};
  for (const [k, val] of Object.entries(o)) {
    if (k === 'odata.type') meta.type = val;
    else if (k === 'odata.id') {
      meta.id = val;
      meta.uri = val;
    } else if (k === 'odata.etag') meta.etag = val;
    else if (k.startsWith('odata.') || k.includes('@odata.')) continue;
    else if (k === '__metadata') meta.type = (val as Json).type;
    else out[k] = toVerbose(val);
  }
  return Object.keys(meta).length ? { __metadata: meta, ...out } : out;
}

export function stripMetadata(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripMetadata);
  if (v === null || typeof v !== 'object') return v;
  const out: Json = {};
  for (const [k, val] of Object.entries(v as Json)) {
    if (k.startsWith('odata.') || k.includes('@odata.') || k === '__metadata') continue;
    out[k] = stripMetadata(val);
  }
  return out;
}

export function jsonResponse(ctx: Ctx, status: number, payload: Json, headers: Record<string, string> = {}): SPResponse {
  let body: unknown = payload;
  if (ctx.verbose) {
    if (Array.isArray(payload.value)) {
      const d: Json = { results: (payload.value as unknown[]).map(toVerbose) };
      if (typeof payload['odata.nextLink'] === 'string') d.__next = payload['odata.nextLink'];
      body = { d };
    } else if ('value' in payload && Object.keys(payload).filter((k) => !k.startsWith('odata.')).length === 1) {
      body = { d: { [String(payload['odata.name'] ?? 'value')]: payload.value } };
    } else {
      body = { d: toVerbose(payload) };
    }
  } else if (ctx.noMetadata) {
    body = stripMetadata(payload);
  } else if ('odata.name' in payload) {
    const { ['odata.name']: _name, ...rest } = payload;
    body = rest;
  }
  const ct = ctx.verbose ? 'application/json;odata=verbose;charset=utf-8' : `application/json;odata=${ctx.noMetadata ? 'nometadata' : 'minimalmetadata'};streaming=true;charset=utf-8`;
  return { status, headers: { 'content-type': ct, ...headers }, body: JSON.stringify(body) };
}

export function emptyResponse(status: number, headers: Record<string, string> = {}): SPResponse {
  return { status, headers, body: '' };
}
