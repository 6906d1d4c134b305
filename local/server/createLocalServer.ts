// The local HTTP server: the emulated SharePoint site under /sites/socialvalue/_api, local controls under /_local
// (current user, faults, bulk insert — not SharePoint), and an optional static page. Listens on 127.0.0.1 only.
// More sinks (e.g. a Graph sink under /v1.0/ for Teams channel posts) plug in through `extraHandlers`.
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { SharePointSite, SITE_PATH } from '../sharepoint/site';
import { SPError, CODES, errorBody } from '../sharepoint/errors';
import { FaultInjector, FaultOptions } from './faults';
import { readStatic } from './staticFiles';
import { DEMO_USERS, LOCAL_USER_HEADER } from '../sharepoint/users';

export const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface LocalRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: Buffer;
}

export interface LocalReply {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** A handler answers a request it owns, or returns undefined to pass. */
export type LocalHandler = (req: LocalRequest, server: LocalServerHandle) => Promise<LocalReply | undefined> | LocalReply | undefined;

/**
 * A handler that works on node's raw request/response (it reads the body itself) and says whether it answered,
 * e.g. the Graph sink: `rawHandlers: [(req, res) => graph.handle(req, res)]`. Raw handlers run first.
 */
export type RawHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

export interface LocalServerOptions {
  dataDir: string;
  user?: string;
  staticDir?: string;
  faults?: FaultOptions;
  log?: (line: string) => void;
  extraHandlers?: LocalHandler[];
  rawHandlers?: RawHandler[];
}

export interface LocalServerHandle {
  readonly site: SharePointSite;
  readonly faults: FaultInjector;
  readonly server: Server;
  /** Listens on host:port (port 0 = any free port) and resolves with the base URL, e.g. http://127.0.0.1:4321 */
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
  url(): string;
  siteUrl(): string;
}

function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): LocalReply {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(value) };
}

function spErrorReply(e: SPError): LocalReply {
  return { status: e.status, headers: { 'content-type': 'application/json;odata=minimalmetadata;charset=utf-8', ...e.headers }, body: errorBody(e.code, e.message) };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      // Past the limit the rest is read and dropped, so the client gets the 413 instead of a reset connection.
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) reject(new SPError(413, CODES.invalidClientQuery, 'The request body is too large.'));
      else resolveBody(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function faultReply(status: number, retryAfter: number): LocalReply {
  const message = status === 429
    ? 'The request has been throttled. Please wait for the time given in the Retry-After header and try again.'
    : 'The service is temporarily unavailable. Please wait for the time given in the Retry-After header and try again.';
  const code = status === 429 ? '-2147024860, Microsoft.SharePoint.SPQueryThrottledException' : '-1, System.InvalidOperationException';
  return { status, headers: { 'content-type': 'application/json;odata=minimalmetadata;charset=utf-8', 'retry-after': String(retryAfter) }, body: errorBody(code, message) };
}

export function createLocalServer(options: LocalServerOptions): LocalServerHandle {
  const log = options.log ?? (() => undefined);
  const site = new SharePointSite({ dataDir: options.dataDir, user: options.user });
  const faults = new FaultInjector(options.faults);
  let baseUrl = '';

  const localControls: LocalHandler = (req) => {
    const p = req.url.pathname;
    if (!p.startsWith('/_local/')) return undefined;
    const body = (): Record<string, unknown> => {
      try {
        const v = JSON.parse(req.body.toString('utf8') || '{}') as unknown;
        if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error('body must be a JSON object');
        return v as Record<string, unknown>;
      } catch (e) {
        throw new SPError(400, CODES.invalidClientQuery, `Invalid JSON: ${(e as Error).message}`);
      }
    };
    if (p === '/_local/health') return jsonReply(200, { ok: true, siteUrl: handle.siteUrl() });
    if (p === '/_local/user') {
      if (req.method === 'POST') {
        const login = body().login;
        if (typeof login !== 'string') return jsonReply(400, { error: 'login (string) is required' });
        try {
          site.setUser(login);
        } catch (e) {
          return jsonReply(400, { error: (e as Error).message });
        }
      }
      return jsonReply(200, { user: site.user, demoUsers: DEMO_USERS });
    }
    if (p === '/_local/faults') {
      if (req.method === 'POST') {
        try {
          faults.set(body() as FaultOptions);
        } catch (e) {
          return jsonReply(400, { error: (e as Error).message });
        }
      }
      return jsonReply(200, faults.get());
    }
    if (p === '/_local/bulk' && req.method === 'POST') {
      // NOT SharePoint: a fast path to create many items at once (tests and benchmarks).
      const b = body();
      const result = site.bulkInsert(String(b.list ?? ''), b.items as unknown[]);
      return jsonReply(200, result);
    }
    return jsonReply(404, { error: `No local control at ${p}` });
  };

  const sharePoint: LocalHandler = async (req) => {
    const p = req.url.pathname;
    const apiPrefix = `${SITE_PATH}/_api`;
    if (!p.toLowerCase().startsWith(apiPrefix.toLowerCase())) return undefined;
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    const fault = faults.next();
    if (fault) return faultReply(fault.status, fault.retryAfter);
    let user = site.user;
    const as = req.headers[LOCAL_USER_HEADER];
    if (as !== undefined) {
      try {
        user = site.resolveUser(as);
      } catch (e) {
        return spErrorReply(new SPError(401, CODES.accessDenied, (e as Error).message));
      }
    }
    const rest = p.slice(apiPrefix.length).replace(/^\/+/, '');
    const origin = `${req.url.protocol}//${req.url.host}`;
    if (rest.toLowerCase() === '$batch') {
      if (req.method !== 'POST') return spErrorReply(new SPError(405, CODES.clientService, 'The $batch endpoint only accepts POST.'));
      const r = site.handleBatch(req.headers['content-type'], req.body.toString('utf8'), origin, user);
      return { status: 200, headers: { 'content-type': r.contentType }, body: r.body };
    }
    const r = site.handleApi({ method: req.method, url: req.url, headers: req.headers, body: req.body.toString('utf8') }, `${origin}${SITE_PATH}`, rest, user);
    return { status: r.status, headers: r.headers, body: r.body };
  };

  const staticPage: LocalHandler = async (req) => {
    if (!options.staticDir || (req.method !== 'GET' && req.method !== 'HEAD')) return undefined;
    const f = await readStatic(options.staticDir, req.url.pathname);
    if (!f) return undefined;
    return { status: 200, headers: { 'content-type': f.type, 'cache-control': 'no-store' }, body: f.body };
  };

  const handlers: LocalHandler[] = [localControls, sharePoint, ...(options.extraHandlers ?? []), staticPage];

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      let reply: LocalReply | undefined;
      try {
        for (const raw of options.rawHandlers ?? []) {
          if (await raw(req, res)) return;
        }
        const body = await readBody(req);
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
        let url: URL;
        try {
          url = new URL(req.url ?? '/', `http://${headers.host ?? '127.0.0.1'}`);
        } catch {
          throw new SPError(400, CODES.invalidClientQuery, 'The request URL is not valid.');
        }
        const lreq: LocalRequest = { method: (req.method ?? 'GET').toUpperCase(), url, headers, body };
        for (const h of handlers) {
          reply = await h(lreq, handle);
          if (reply) break;
        }
        if (!reply) reply = spErrorReply(new SPError(404, CODES.noHandler, `Cannot find resource for the request ${url.pathname}.`));
      } catch (e) {
        if (e instanceof SPError) reply = spErrorReply(e);
        else {
          log(`internal error: ${(e as Error).stack ?? String(e)}`);
          reply = spErrorReply(new SPError(500, CODES.internal, (e as Error).message ?? 'Internal error'));
        }
      }
      if (res.headersSent || res.destroyed) return;
      res.writeHead(reply.status, reply.headers ?? {});
      res.end(req.method === 'HEAD' ? undefined : reply.body ?? '');
    })();
  });
  // Idle keep-alive connections are closed by the client, never by the server. With a server-side idle timeout
  // (node's default: 5 s, plus a 1 s buffer) a request the client sends on a pooled connection just before that
  // deadline races the close: a server process that is busy or descheduled on a loaded machine wakes up, runs its
  // expired timer first and resets the connection under the request → `write EPIPE` / `ECONNRESET` on a large
  // POST (the dashboard test's bulk insert after seconds of synchronous data generation). RFC 9112 §9.6 lets
  // either side close an idle connection; only a close by the client, which knows it is not sending, is free of
  // that race. The client pools (undici, browsers) time idle connections out themselves, and close() ends them all.
  server.keepAliveTimeout = 0;

  const handle: LocalServerHandle = {
    site,
    faults,
    server,
    listen(port: number, host = '127.0.0.1') {
      return new Promise((resolveListen, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const addr = server.address() as AddressInfo;
          baseUrl = `http://${host}:${addr.port}`;
          resolveListen(baseUrl);
        });
      });
    },
    close() {
      return new Promise((resolveClose) => {
        server.close(() => {
          site.close();
          resolveClose();
        });
        server.closeAllConnections();
      });
    },
    url: () => baseUrl,
    siteUrl: () => `${baseUrl}${SITE_PATH}`,
  };
  return handle;
}
