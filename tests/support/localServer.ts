// Starts the local SharePoint-compatible server (local/server/main.ts) as a child process for a test suite.
// Each call spawns it on a free port with a fresh temp data dir unless one is given.
import { spawn, ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { FaultOptions } from '../../local/server/faults';
import { LOCAL_USER_HEADER } from '../../local/sharepoint/users';

export type { FaultOptions };

/**
 * Headers that make every request of a client run as this site user (alias, email or claims login), whoever
 * the server's current user is: `createLocalSp(siteUrl).using(InjectHeaders(asLocalUser('officer2')))`.
 */
export function asLocalUser(login: string): Record<string, string> {
  return { [LOCAL_USER_HEADER]: login };
}

/**
 * A form digest for writes sent by hand (raw fetch), as a page gets it: POST /_api/contextinfo → FormDigestValue.
 * PnPjs does this itself (SPBrowser's RequestDigest); tests that write raw HTTP send `X-RequestDigest` from here.
 */
export async function formDigest(siteUrl: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(`${siteUrl}/_api/contextinfo`, { method: 'POST', headers: { accept: 'application/json', ...headers } });
  const json = await res.json() as { FormDigestValue?: string };
  if (!res.ok || !json.FormDigestValue) throw new Error(`contextinfo answered ${res.status}: ${JSON.stringify(json)}`);
  return json.FormDigestValue;
}

/** Headers for a raw write to the site's REST API: JSON body, the digest, and optionally who sends it. */
export async function writeHeaders(siteUrl: string, extra: Record<string, string> = {}): Promise<Record<string, string>> {
  return { accept: 'application/json', 'content-type': 'application/json;charset=utf-8', 'x-requestdigest': await formDigest(siteUrl), ...extra };
}

export interface LocalServerOptions {
  dataDir?: string;
  user?: string;
  seed?: 'none' | 'provision' | 'demo';
  faults?: FaultOptions;
  /** the local user controls (--demo-controls); on unless false */
  demoControls?: boolean;
  /** extra CLI arguments */
  args?: string[];
}

export interface LocalServer {
  /** http://127.0.0.1:PORT */
  url: string;
  /** url + '/sites/socialvalue' */
  siteUrl: string;
  dataDir: string;
  /** the server process (e.g. to SIGSTOP it as a loaded machine would deschedule it) */
  readonly pid: number;
  /** everything the server printed */
  output(): string;
  stop(): Promise<void>;
  /** SIGKILL, for crash tests */
  kill(): Promise<void>;
  /** starts again on the same data dir (and the same port if it is still free) */
  restart(): Promise<void>;
  setFaults(f: FaultOptions): Promise<void>;
  setUser(login: string): Promise<void>;
  /** NOT SharePoint: inserts many items in one transaction (POST /_local/bulk) */
  bulkInsert(list: string, items: Record<string, unknown>[]): Promise<{ count: number; firstId: number | null; lastId: number | null }>;
  /** NOT SharePoint's API: maps Refinable managed properties to crawled properties, as a site collection admin does
   * in the site's search schema (POST /_local/searchschema). */
  setSearchSchema(mappings: Record<string, string>): Promise<void>;
}

// One build of the server, shared with `npm start` and the benchmarks (local/buildServer.cjs): bundled with esbuild
// into .local-build/server.cjs, rebuilt when a source is newer, written beside and renamed so parallel jest workers
// never see half a file.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const shared = require('../../local/buildServer.cjs') as { buildLocalServer(o?: { force?: boolean }): string };

export function buildLocalServer(): string {
  return shared.buildLocalServer();
}

function spawnServer(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string; out: string[] }> {
  return new Promise((resolveSpawn, reject) => {
    const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', '--enable-source-maps', file, ...args], {
      env, stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: string[] = [];
    let buf = '';
    let done = false;
    const timer = setTimeout(() => {
      if (!done) {
        done = true;
        child.kill('SIGKILL');
        reject(new Error(`local server did not start within 60 s:\n${out.join('')}`));
      }
    }, 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      const s = d.toString();
      out.push(s);
      buf += s;
      const m = /Social Value Hub local server: (http:\/\/127\.0\.0\.1:\d+)\//.exec(buf);
      if (m && !done) {
        done = true;
        clearTimeout(timer);
        resolveSpawn({ child, url: m[1], out });
      }
    });
    child.stderr!.on('data', (d: Buffer) => out.push(d.toString()));
    child.on('exit', (code, signal) => {
      if (!done) {
        done = true;
        clearTimeout(timer);
        reject(new Error(`local server exited (${code ?? signal}) before it was ready:\n${out.join('')}`));
      }
    });
  });
}

export async function startLocalServer(opts: LocalServerOptions = {}): Promise<LocalServer> {
  const file = buildLocalServer();
  const ownsDataDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'svhub-test-'));
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('SVHUB_')) delete env[k];
  if (opts.user) env.SVHUB_USER = opts.user;
  const f = opts.faults ?? {};
  if (f.rate !== undefined) env.SVHUB_FAULT_RATE = String(f.rate);
  if (f.statuses) env.SVHUB_FAULT_STATUSES = f.statuses.join(',');
  if (f.retryAfterSeconds !== undefined) env.SVHUB_FAULT_RETRY_AFTER = String(f.retryAfterSeconds);
  if (f.latencyMs !== undefined) env.SVHUB_FAULT_LATENCY_MS = String(f.latencyMs);
  if (f.seed !== undefined) env.SVHUB_FAULT_SEED = String(f.seed);
  // The tests are the demo's harness: they switch the local user (--demo-controls).
  const baseArgs = ['--data', dataDir, '--seed', opts.seed ?? 'none', ...(opts.demoControls === false ? [] : ['--demo-controls']), ...(opts.args ?? [])];

  let { child, url, out } = await spawnServer(file, [...baseArgs, '--port', '0'], env);
  // never leave a server behind if a suite forgets to stop it
  const killOnExit = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  const port = Number(new URL(url).port);
  let stopped = false;

  const waitExit = (c: ChildProcess): Promise<void> => new Promise((r) => {
    if (c.exitCode !== null || c.signalCode !== null) r();
    else c.once('exit', () => r());
  });

  const post = async (path: string, body: unknown, headers: Record<string, string> = {}): Promise<unknown> => {
    const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const json = await res.json() as unknown;
    if (!res.ok) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(json)}`);
    return json;
  };

  const server: LocalServer = {
    get url() { return url; },
    get siteUrl() { return `${url}/sites/socialvalue`; },
    dataDir,
    get pid() { return child.pid!; },
    output: () => out.join(''),
    async stop() {
      if (stopped) return;
      stopped = true;
      child.kill('SIGTERM');
      await waitExit(child);
      process.removeListener('exit', killOnExit);
      if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    async kill() {
      child.kill('SIGKILL');
      await waitExit(child);
    },
    async restart() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await waitExit(child);
      }
      try {
        ({ child, url, out } = await spawnServer(file, [...baseArgs, '--port', String(port)], env));
      } catch {
        ({ child, url, out } = await spawnServer(file, [...baseArgs, '--port', '0'], env));
      }
    },
    async setFaults(faults: FaultOptions) {
      await post('/_local/faults', faults);
    },
    async setUser(login: string) {
      await post('/_local/user', { login });
    },
    async bulkInsert(list: string, items: Record<string, unknown>[]) {
      // The bulk insert is a site owner's tool; the items are authored by the current local user, as before.
      const me = await (await fetch(`${url}/_local/user`)).json() as { user: { loginName: string } };
      return await post('/_local/bulk', { list, items, author: me.user.loginName }, asLocalUser('admin')) as { count: number; firstId: number | null; lastId: number | null };
    },
    async setSearchSchema(mappings: Record<string, string>) {
      await post('/_local/searchschema', { mappings }, asLocalUser('admin'));
    },
  };
  return server;
}
