// OData $batch as SharePoint Online answers it: the request is multipart/mixed (boundary batch_<guid>) with reads as
// their own parts and writes inside changeset_<guid> parts; the response is FLAT — one --batchresponse_<guid> part per
// request, in order (changesets are not echoed as nested multiparts), each
//   Content-Type: application/http / Content-Transfer-Encoding: binary / blank / HTTP/1.1 <status> <text> / headers / blank / body.
// A changeset is NOT transactional on SharePoint Online: each write runs (and commits) on its own, so a failed write
// does not undo the others.
import { randomUUID } from 'node:crypto';
import { SPRequest, SPResponse } from './context';
import { SPError, CODES } from './errors';
import { STATUS_CODES } from 'node:http';

export interface BatchRequestPart {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

function boundaryOf(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const m = /boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? m[1] ?? m[2] : undefined;
}

function badBatch(message: string): SPError {
  return new SPError(400, CODES.invalidClientQuery, message);
}

/** Splits a multipart body on its boundary; returns the raw parts (between delimiter lines). */
function splitMultipart(text: string, boundary: string): string[] {
  const lines = text.split('\n');
  const parts: string[] = [];
  let cur: string[] | null = null;
  let closed = false;
  for (const line of lines) {
    const t = line.trimEnd();
    if (t === `--${boundary}--`) {
      if (cur) parts.push(cur.join('\n'));
      cur = null;
      closed = true;
      break;
    }
    if (t === `--${boundary}`) {
      if (cur) parts.push(cur.join('\n'));
      cur = [];
      continue;
    }
    if (cur) cur.push(line);
  }
  if (!closed) throw badBatch(`The batch request is not valid: the closing boundary '--${boundary}--' is missing.`);
  return parts;
}

function splitHeaders(part: string): { headers: Record<string, string>; rest: string } {
  const idx = part.indexOf('\n\n');
  const head = idx < 0 ? part : part.slice(0, idx);
  const rest = idx < 0 ? '' : part.slice(idx + 2);
  const headers: Record<string, string> = {};
  for (const line of head.split('\n')) {
    if (line.trim() === '') continue;
    const i = line.indexOf(':');
    if (i < 0) throw badBatch(`The batch request is not valid: malformed header line '${line}'.`);
    headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return { headers, rest };
}

function parseHttpPart(content: string): BatchRequestPart {
  const body = content.replace(/^\n+/, '');
  const nl = body.indexOf('\n');
  const requestLine = (nl < 0 ? body : body.slice(0, nl)).trim();
  const m = /^([A-Z]+)\s+(\S+)\s+HTTP\/\d\.\d$/i.exec(requestLine);
  if (!m) throw badBatch(`The batch request is not valid: '${requestLine}' is not an HTTP request line.`);
  const { headers, rest } = splitHeaders(nl < 0 ? '' : body.slice(nl + 1));
  return { method: m[1].toUpperCase(), url: m[2], headers, body: rest.replace(/\n+$/, '') };
}

export function parseBatch(contentType: string | undefined, raw: string): BatchRequestPart[] {
  const boundary = boundaryOf(contentType);
  if (!boundary || !/^multipart\/mixed/i.test(contentType ?? '')) {
    throw badBatch('The batch request must have a Content-Type of multipart/mixed with a boundary.');
  }
  const text = raw.replace(/\r\n/g, '\n');
  const out: BatchRequestPart[] = [];
  for (const part of splitMultipart(text, boundary)) {
    if (part.trim() === '') continue;
    const { headers, rest } = splitHeaders(part.replace(/^\n+/, ''));
    const ct = headers['content-type'] ?? '';
    if (/^multipart\/mixed/i.test(ct)) {
      const cs = boundaryOf(ct);
      if (!cs) throw badBatch('The changeset has no boundary.');
      for (const cpart of splitMultipart(rest, cs)) {
        if (cpart.trim() === '') continue;
        const inner = splitHeaders(cpart.replace(/^\n+/, ''));
        const req = parseHttpPart(inner.rest);
        if (req.method === 'GET') throw badBatch('A changeset can only contain insert, update and delete requests, not GET.');
        out.push(req);
      }
    } else {
      out.push(parseHttpPart(rest));
    }
  }
  return out;
}

/** Header names as SharePoint writes them in batch parts (CONTENT-TYPE, ETag, Location, Retry-After). */
function headerName(k: string): string {
  const l = k.toLowerCase();
  if (l === 'content-type') return 'CONTENT-TYPE';
  if (l === 'etag') return 'ETag';
  return l.replace(/(^|-)([a-z])/g, (_m, a: string, b: string) => a + b.toUpperCase());
}

export function writeBatchResponse(responses: SPResponse[]): { contentType: string; body: string } {
  const boundary = `batchresponse_${randomUUID()}`;
  const chunks: string[] = [];
  for (const r of responses) {
    chunks.push(`--${boundary}\r\n`);
    chunks.push('Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n');
    chunks.push(`HTTP/1.1 ${r.status} ${STATUS_CODES[r.status] ?? 'Unknown'}\r\n`);
    for (const [k, v] of Object.entries(r.headers)) chunks.push(`${headerName(k)}: ${v}\r\n`);
    chunks.push('\r\n');
    if (r.body) chunks.push(`${r.body}\r\n`);
  }
  chunks.push(`--${boundary}--\r\n`);
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: chunks.join('') };
}

/** Runs every part through `handle` in order and answers one part per request. */
export function runBatch(
  contentType: string | undefined, raw: string, handle: (req: SPRequest) => SPResponse, base: URL, maxRequests = Infinity,
): { contentType: string; body: string } {
  const parts = parseBatch(contentType, raw);
  // SharePoint Online takes at most 100 requests a batch (platformLimits.ts cites the threads); a larger one is
  // refused whole, before any part runs. The wording of SharePoint's own answer is not published.
  if (parts.length > maxRequests) {
    throw badBatch(`The batch contains ${parts.length} requests; SharePoint Online accepts at most ${maxRequests} requests in one batch.`);
  }
  const responses: SPResponse[] = parts.map((p) => {
    let url: URL;
    try {
      url = new URL(p.url, base);
    } catch {
      return { status: 400, headers: { 'content-type': 'application/json;odata=minimalmetadata;charset=utf-8' },
        body: JSON.stringify({ 'odata.error': { code: CODES.invalidClientQuery, message: { lang: 'en-US', value: `The URL '${p.url}' is not valid.` } } }) };
    }
    return handle({ method: p.method, url, headers: p.headers, body: p.body });
  });
  return writeBatchResponse(responses);
}
