// CLI: node .local-build/server.cjs [--port 4321] [--host 127.0.0.1] [--data .data] [--static dir]
//      [--seed none|provision|demo] [--user officer] [--fault-rate 0.2 --fault-statuses 429,503 --fault-retry-after 1
//      --fault-latency-ms 0 --fault-latency-scope api|all --fault-seed 1]
// Starts the local SharePoint-compatible server; on first start (new database) provisions the site through
// bootstrapSite() from local/seed unless --seed none.
import { createHash, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { createGraphSink } from '../graph';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createLocalServer } from './createLocalServer';
import type { RawHandler } from './createLocalServer';
import { faultsFromEnv, FaultOptions } from './faults';
import { bootstrapSite } from '../seed/index';

// node:sqlite prints an ExperimentalWarning; keep every other warning.
process.removeAllListeners('warning');
process.on('warning', (w) => {
  if (w.name === 'ExperimentalWarning' && /SQLite/i.test(w.message)) return;
  process.stderr.write(`${w.name}: ${w.message}\n`);
});

export type SeedMode = 'none' | 'provision' | 'demo';

export interface CliOptions {
  port: number;
  host: string;
  dataDir: string;
  staticDir?: string;
  seed: SeedMode;
  user?: string;
  faults: FaultOptions;
  /** switching the local user (POST /_local/user, X-SVHub-User) — for the demo page and the tests only */
  demoControls: boolean;
}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv): CliOptions {
  const opts: CliOptions = {
    port: Number(env.PORT ?? 4321),
    host: '127.0.0.1',
    dataDir: env.SVHUB_DATA ?? '.data',
    seed: (env.SVHUB_SEED as SeedMode | undefined) ?? 'demo',
    user: env.SVHUB_USER,
    faults: faultsFromEnv(env),
    demoControls: env.SVHUB_DEMO_CONTROLS === '1',
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    switch (a) {
      case '--port': opts.port = Number(next()); break;
      case '--host': opts.host = next(); break;
      case '--data': opts.dataDir = next(); break;
      case '--static': opts.staticDir = next(); break;
      case '--seed': opts.seed = next() as SeedMode; break;
      case '--user': opts.user = next(); break;
      case '--demo-controls': opts.demoControls = true; break;
      case '--fault-rate': opts.faults.rate = Number(next()); break;
      case '--fault-statuses': opts.faults.statuses = next().split(',').map(Number); break;
      case '--fault-retry-after': opts.faults.retryAfterSeconds = Number(next()); break;
      case '--fault-latency-ms': opts.faults.latencyMs = Number(next()); break;
      case '--fault-latency-scope': opts.faults.latencyScope = next() as FaultOptions['latencyScope']; break;
      case '--fault-seed': opts.faults.seed = Number(next()); break;
      case '--help':
        process.stdout.write('Usage: server [--port n] [--host 127.0.0.1] [--data dir] [--static dir] [--seed none|provision|demo] [--user alias|email] [--demo-controls]\n');
        process.exit(0);
        break;
      default:
        throw new Error(`Unknown option ${a}`);
    }
  }
  if (!['none', 'provision', 'demo'].includes(opts.seed)) throw new Error(`--seed must be none, provision or demo (got ${opts.seed})`);
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new Error('--port must be 0..65535');
  if (opts.host !== '127.0.0.1' && opts.host !== 'localhost') throw new Error('The local server listens on 127.0.0.1 only.');
  return opts;
}

/** A stable, fictional Entra object id for a local user (Graph identifies people by id). */
function aadObjectId(email: string): string {
  const h = createHash('sha1').update(email.toLowerCase()).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

type Bootstrap = (siteUrl: string, log: (line: string) => void, options?: { mode: 'provision' | 'demo'; headers?: Record<string, string> }) => Promise<void>;

/** Header carried by the first start's own set-up requests (NOT SharePoint): only they pass while it runs. */
const SETUP_HEADER = 'x-svhub-setup';

/**
 * While the first start sets the site up, everyone else is told to come back (503 with Retry-After, as
 * SharePoint answers when busy) and a browser sees a page saying the demo site is being prepared, which
 * reloads itself: nobody sees a half-filled site, or the site owner the set-up runs as.
 */
function preparingGate(token: () => string | undefined): RawHandler {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const expected = token();
    if (expected === undefined || req.headers[SETUP_HEADER] === expected) return false;
    req.resume();
    const wantsPage = req.method === 'GET' && /text\/html/.test(String(req.headers.accept ?? ''));
    res.writeHead(503, {
      'retry-after': '2',
      'cache-control': 'no-store',
      'content-type': wantsPage ? 'text/html; charset=utf-8' : 'application/json;odata=minimalmetadata;charset=utf-8',
    });
    res.end(
      wantsPage
        ? '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta http-equiv="refresh" content="2"><title>Preparing the demo site</title></head>' +
            '<body style="font-family: sans-serif; margin: 3rem"><h1>Preparing the demo site…</h1><p role="status">The Social Value Hub is setting up its lists and demo data for the first time. This page opens the hub by itself when it is ready.</p></body></html>'
        : JSON.stringify({ 'odata.error': { code: '-1, System.InvalidOperationException', message: { lang: 'en-US', value: 'The local site is being prepared. Please try again in a moment.' } } }),
    );
    return true;
  };
}

export async function main(argv = process.argv.slice(2), env = process.env): Promise<void> {
  const opts = parseArgs(argv, env);
  const dataDir = resolve(opts.dataDir);
  const log = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  // The Graph sink (taskforce channel posts) answers /v1.0/… and /_local/channel as the signed-in local user.
  let currentUser = (): { id: string; displayName: string } | undefined => undefined;
  const graph = createGraphSink({ dataDir, userFor: () => currentUser() });
  let setupToken: string | undefined;
  const server = createLocalServer({
    dataDir, user: opts.user, staticDir: opts.staticDir, faults: opts.faults, log, demoControls: opts.demoControls,
    rawHandlers: [preparingGate(() => setupToken), (req, res) => graph.handle(req, res)],
  });
  currentUser = () => ({ id: aadObjectId(server.site.user.email), displayName: server.site.user.title });
  const url = await server.listen(opts.port, '127.0.0.1');
  let closing = false;
  const shutdown = (): void => {
    if (closing) return;
    closing = true;
    void graph.close().then(() => server.close()).then(() => process.exit(0), () => process.exit(1));
  };
  // A bug in one request must not take the server down: every request is already answered inside try/catch;
  // anything that still escapes is logged, not fatal.
  process.on('uncaughtException', (e) => log(`uncaught: ${e.stack ?? String(e)}`));
  process.on('unhandledRejection', (e) => log(`unhandled rejection: ${String(e)}`));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  // First start = a database whose site has not been set up yet (a failed setup is retried on the next start).
  if (opts.seed !== 'none' && !server.site.store.getMeta('bootstrapped')) {
    log(`First start: setting up the site (${opts.seed}); ${url}/ says so until it is ready…`);
    setupToken = randomUUID();
    try {
      // The site owner provisions the lists, as on a real tenant; meanwhile the gate keeps everyone else
      // out, so nobody is served as the site owner.
      const headers = { [SETUP_HEADER]: setupToken };
      await server.site.asUser('admin', () => (bootstrapSite as Bootstrap)(server.siteUrl(), log, { mode: opts.seed as 'provision' | 'demo', headers }));
      server.site.store.setMeta('bootstrapped', new Date().toISOString());
    } catch (e) {
      // Keep serving: the hub offers provisioning to a site owner, and the next start tries again.
      log(`Site setup failed (the server keeps running; it tries again on the next start): ${(e as Error).stack ?? String(e)}`);
    } finally {
      setupToken = undefined;
    }
  }
  log(`Social Value Hub local server: ${url}/`);
  log(`SharePoint site: ${server.siteUrl()}`);
  log(`Taskforce channel (Graph sink): ${url}/_local/channel`);
  log(`Current user: ${server.site.user.title} <${server.site.user.email}>`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  });
}
