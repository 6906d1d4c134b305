// The local HTTP server: the emulated SharePoint site under /sites/socialvalue/_api, local controls under /_local
// (current user, faults, bulk insert — not SharePoint), and an optional static page. Listens on 127.0.0.1 only.
// More sinks (e.g. a Graph sink under /v1.0/ for Teams channel posts) plug in through `extraHandlers`.
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { SharePointSite, SITE_PATH } from '../sharepoint/site';
import type { UserRecord } from '../sharepoint/store';
import { SPError, CODES, errorBody } from '../sharepoint/errors';
import { FaultInjector, FaultOptions } from './faults';
import { readStatic } from './staticFiles';
import { DEMO_USERS, LOCAL_USER_HEADER } from '../sharepoint/users';
import { checkDigest, issueDigest } from '../sharepoint/formDigest';
import { FORM_DIGEST_TIMEOUT_SECONDS, MAX_BATCH_BYTES, MAX_BATCH_REQUESTS } from '../sharepoint/platformLimits';
import { effectiveLevel } from '../sharepoint/security';
import { APP_CATALOG_PATH, ROOT_SITE_PATH, handleTenantSite } from '../sharepoint/tenant';
import { runBatch } from '../sharepoint/batch';

/** Not a SharePoint figure: what the local server buffers for any other request (the bulk insert's test data). */
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
  /**
   * Started for the demo or the tests (`--demo-controls`): switching the local user (POST /_local/user, the
   * X-SVHub-User header) is allowed. Off by default, so a server started for anything else cannot be told who the user is.
   */
  demoControls?: boolean;
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

function readBody(req: IncomingMessage, limit: number, tooLarge: (size: number) => SPError): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      // Past the limit the rest is read and dropped (nothing is kept), so the client gets the error instead of a
      // reset connection while it is still sending.
      if (size <= limit) chunks.push(c);
      else chunks.length = 0;
    });
    req.on('end', () => {
      if (size > limit) reject(tooLarge(size));
      else resolveBody(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

/** SharePoint Online's answer to a $batch body past 1,048,576 bytes (see platformLimits.ts for the threads quoting it). */
function batchTooLarge(size: number): SPError {
  return new SPError(400, CODES.clientService,
    `The maximum number of bytes allowed to be read from the stream has been exceeded. After the last read operation, a total of ${size} bytes has been read from the stream; however a maximum of ${MAX_BATCH_BYTES} bytes is allowed.`);
}

const isBatchPath = (url: string | undefined): boolean => /\/_api\/\$batch(\?|$)/i.test(decodeURIComponentSafe(url ?? ''));

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
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
  /**
   * A page as SharePoint serves it carries the site's request digest, so its first write needs no round trip to
   * /_api/contextinfo (Microsoft Learn, "Work with __REQUESTDIGEST": classic pages hold it in __REQUESTDIGEST, and
   * SPFx reads it from the page context, legacyPageContext.formDigestValue — PnPjs's SPFx behaviour uses it). The
   * local page (a page of the hub's site) gets the same, as _spPageContextInfo before its scripts. With it, who is
   * signed in: the site user's id, e-mail and name (userId, userEmail, userDisplayName — what SPFx hands a web part
   * as pageContext.legacyPageContext, "an object similar to the _spPageContextInfo window variable" (Microsoft
   * Learn, PageContext class); its user.email and user.displayName as well).
   */
  const withPageContext = (html: string, webUrl: string): string => {
    const user = site.user;
    const info = {
      webAbsoluteUrl: webUrl,
      formDigestValue: issueDigest(site.store, webUrl),
      formDigestTimeoutSeconds: FORM_DIGEST_TIMEOUT_SECONDS,
      userId: user.id,
      userEmail: user.email,
      userDisplayName: user.title,
      userLoginName: user.loginName,
    };
    const script = `<script>window._spPageContextInfo=${JSON.stringify(info).replace(/</g, '\\u003c')};</script>`;
    return html.includes('</head>') ? html.replace('</head>', `${script}</head>`) : `${script}${html}`;
  };

  const log = options.log ?? (() => undefined);
  const site = new SharePointSite({ dataDir: options.dataDir, user: options.user });
  const faults = new FaultInjector(options.faults);
  let baseUrl = '';

  /** Who sends the request: the X-SVHub-User header's user (demo controls only) or the current local user. */
  const actingUser = (req: LocalRequest): UserRecord => {
    const as = req.headers[LOCAL_USER_HEADER];
    if (as === undefined) return site.user;
    if (!options.demoControls) throw new SPError(403, CODES.accessDenied, 'Access denied. Acting as another local user is only for the demo (--demo-controls).');
    try {
      return site.resolveUser(as);
    } catch (e) {
      throw new SPError(401, CODES.accessDenied, (e as Error).message);
    }
  };

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
    // The Viva Connections card as SharePoint would draw it, from the local site's data (local/page/viva.ts).
    if (p === '/_local/viva' && req.method === 'GET') return pageFile(req, '/viva.html');
    // Not SharePoint, so not reachable the way SharePoint is: a control that changes anything takes a JSON body
    // (a page on another origin cannot send one without a CORS preflight, which this server never grants).
    if (req.method !== 'GET' && !/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
      return jsonReply(415, { error: 'Local controls take a JSON body (content-type: application/json).' });
    }
    if (p === '/_local/user') {
      if (req.method === 'POST') {
        if (!options.demoControls) return jsonReply(403, { error: 'Switching the local user is only for the demo (start the server with --demo-controls).' });
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
      // NOT SharePoint: a fast path to create many items at once (tests and benchmarks), as a site owner only —
      // like a migration tool, it may name the items' author (default: the current local user).
      const actor = actingUser(req);
      if (effectiveLevel(site.store, actor) !== 'full') return spErrorReply(new SPError(403, CODES.accessDenied, 'Access denied. The bulk insert is for site owners.'));
      const b = body();
      const result = site.bulkInsert(String(b.list ?? ''), b.items as unknown[], typeof b.author === 'string' ? site.resolveUser(b.author) : undefined);
      return jsonReply(200, result);
    }
    if (p === '/_local/searchschema') {
      // NOT SharePoint's API: the local stand-in for a site collection admin's "Search schema" page (or an imported
      // search configuration) — which crawled property each Refinable managed property holds, e.g.
      // { "mappings": { "RefinableString150": "ows_Reference" } }. Site owners only.
      if (req.method === 'POST') {
        const actor = actingUser(req);
        if (effectiveLevel(site.store, actor) !== 'full') return spErrorReply(new SPError(403, CODES.accessDenied, 'Access denied. The search schema is for site collection admins.'));
        const m = body().mappings;
        if (!m || typeof m !== 'object' || Array.isArray(m) || Object.entries(m).some(([k, v]) => !/^Refinable(String|Int|Date|Decimal)\d{2,3}$/i.test(k) || typeof v !== 'string' || !/^ows_\w+$/.test(v))) {
          return jsonReply(400, { error: 'mappings must map Refinable managed properties to crawled properties (ows_<InternalName>).' });
        }
        const current = JSON.parse(site.store.getMeta('searchSchema') || '{}') as Record<string, string>;
        site.store.setMeta('searchSchema', JSON.stringify({ ...current, ...(m as Record<string, string>) }));
      }
      return jsonReply(200, { mappings: JSON.parse(site.store.getMeta('searchSchema') || '{}') });
    }
    return jsonReply(404, { error: `No local control at ${p}` });
  };

  const sharePoint: LocalHandler = async (req) => {
    const p = req.url.pathname;
    const apiPrefix = `${SITE_PATH}/_api`;
    if (!p.toLowerCase().startsWith(apiPrefix.toLowerCase())) return undefined;
    const latency = faults.latencyFor(true);
    if (latency > 0) await sleep(latency);
    const fault = faults.next();
    if (fault) return faultReply(fault.status, fault.retryAfter);
    const user = actingUser(req);
    const rest = p.slice(apiPrefix.length).replace(/^\/+/, '');
    const origin = `${req.url.protocol}//${req.url.host}`;
    // Every write made with the browser's session carries a form digest from /_api/contextinfo (see formDigest.ts).
    const method = (req.method === 'POST' && req.headers['x-http-method']) ? req.headers['x-http-method'].toUpperCase() : req.method;
    if (method !== 'GET' && method !== 'HEAD' && rest.toLowerCase() !== 'contextinfo') {
      checkDigest(site.store, `${origin}${SITE_PATH}`, req.headers['x-requestdigest']);
    }
    if (rest.toLowerCase() === '$batch') {
      if (req.method !== 'POST') return spErrorReply(new SPError(405, CODES.clientService, 'The $batch endpoint only accepts POST.'));
      const r = site.handleBatch(req.headers['content-type'], req.body.toString('utf8'), origin, user, MAX_BATCH_REQUESTS);
      return { status: 200, headers: { 'content-type': r.contentType }, body: r.body };
    }
    const r = site.handleApi({ method: req.method, url: req.url, headers: req.headers, body: req.body.toString('utf8') }, `${origin}${SITE_PATH}`, rest, user);
    return { status: r.status, headers: r.headers, body: r.body };
  };

  /** The tenant's root site and app catalog (tenant properties): local/sharepoint/tenant.ts. */
  const tenantSites: LocalHandler = async (req) => {
    const p = req.url.pathname;
    const sitePath = [APP_CATALOG_PATH, ROOT_SITE_PATH].find((s) => p.toLowerCase().startsWith(`${s}/_api/`.toLowerCase()) || p.toLowerCase() === `${s}/_api`);
    if (sitePath === undefined) return undefined;
    const latency = faults.latencyFor(true);
    if (latency > 0) await sleep(latency);
    const fault = faults.next();
    if (fault) return faultReply(fault.status, fault.retryAfter);
    const user = actingUser(req);
    const rest = p.slice(`${sitePath}/_api`.length).replace(/^\/+/, '');
    const origin = `${req.url.protocol}//${req.url.host}`;
    const method = (req.method === 'POST' && req.headers['x-http-method']) ? req.headers['x-http-method'].toUpperCase() : req.method;
    if (method !== 'GET' && method !== 'HEAD' && rest.toLowerCase() !== 'contextinfo') checkDigest(site.store, `${origin}${sitePath}`, req.headers['x-requestdigest']);
    if (rest.toLowerCase() === '$batch') {
      // Every site answers /_api/$batch (Microsoft Learn, "Make batch requests with the REST APIs"): the parts
      // addressed to this site run as its own requests would; anything else is not found, as on the hub's site.
      if (req.method !== 'POST') return spErrorReply(new SPError(405, CODES.clientService, 'The $batch endpoint only accepts POST.'));
      const prefix = `${sitePath}/_api/`.toLowerCase();
      const r = runBatch(req.headers['content-type'], req.body.toString('utf8'), (part) => {
        const path = part.url.pathname;
        if (!path.toLowerCase().startsWith(prefix) || /\/_api\/\$batch/i.test(path)) {
          return { status: 404, headers: { 'content-type': 'application/json;odata=minimalmetadata;charset=utf-8' }, body: errorBody(CODES.noHandler, `Cannot find resource for the request ${path}.`) };
        }
        return handleTenantSite(site.store, part, user, origin, sitePath, path.slice(prefix.length));
      }, new URL(`${origin}${sitePath}`), MAX_BATCH_REQUESTS);
      return { status: 200, headers: { 'content-type': r.contentType }, body: r.body };
    }
    const r = handleTenantSite(site.store, { method: req.method, url: req.url, headers: req.headers, body: req.body.toString('utf8') }, user, origin, sitePath, rest);
    return { status: r.status, headers: r.headers, body: r.body };
  };

  /** A file of the local page (an HTML page with the site's page context, as SharePoint serves its pages). */
  async function pageFile(req: LocalRequest, pathname: string): Promise<LocalReply | undefined> {
    if (!options.staticDir) return undefined;
    const f = await readStatic(options.staticDir, pathname);
    if (!f) return undefined;
    const body = f.type.startsWith('text/html') ? withPageContext(f.body.toString('utf8'), `${req.url.protocol}//${req.url.host}${SITE_PATH}`) : f.body;
    return { status: 200, headers: { 'content-type': f.type, 'cache-control': 'no-store' }, body };
  }

  const staticPage: LocalHandler = async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return undefined;
    return pageFile(req, req.url.pathname);
  };

  const handlers: LocalHandler[] = [localControls, sharePoint, tenantSites, ...(options.extraHandlers ?? []), staticPage];

  /**
   * DNS-rebinding defence: the server answers only requests addressed to it by the names it serves
   * (127.0.0.1:PORT, localhost:PORT). A page on evil.example whose name is re-pointed at 127.0.0.1 sends
   * Host: evil.example and is refused with 421 Misdirected Request (RFC 9110 §15.5.20), before anything runs.
   */
  const hostAllowed = (host: string | undefined): boolean => {
    const addr = server.address() as AddressInfo | null;
    if (!addr || !host) return false;
    const h = host.toLowerCase();
    return h === `127.0.0.1:${addr.port}` || h === `localhost:${addr.port}`;
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      let reply: LocalReply | undefined;
      try {
        if (!hostAllowed(req.headers.host)) {
          req.resume();
          res.writeHead(421, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
          res.end(JSON.stringify({ error: 'Misdirected request: this server answers only as 127.0.0.1 or localhost on its own port.' }));
          return;
        }
        // Scope 'all': every request waits, before anything runs (the API's requests wait in their handlers otherwise).
        const latency = faults.latencyFor(false);
        if (latency > 0) await sleep(latency);
        for (const raw of options.rawHandlers ?? []) {
          if (await raw(req, res)) return;
        }
        const batch = isBatchPath(req.url);
        const limit = batch ? MAX_BATCH_BYTES : MAX_BODY_BYTES;
        const tooLarge = batch ? batchTooLarge : (): SPError => new SPError(413, CODES.invalidClientQuery, 'The request body is too large.');
        // Past the limit the body is read and dropped, never held, and the refusal goes out after the client has
        // finished sending: answering (and closing) while it is still writing resets its connection (EPIPE), which
        // is not what SharePoint does — its message counts the bytes it read from the stream.
        const body = await readBody(req, limit, tooLarge);
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
      // A body still arriving after a refusal is not read: close the connection after the answer.
      const headers = req.complete ? reply.headers ?? {} : { ...reply.headers, connection: 'close' };
      res.writeHead(reply.status, headers);
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
