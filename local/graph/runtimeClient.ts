// The Graph client the hub gets at run time, for local use and tests: SPFx 1.23's
// msGraphClientFactory.getClient('3') is graph-client 3.0.2 (the version @microsoft/sp-http-msgraph depends
// on) with graph-client's default middleware chain — authentication, a RetryHandler that retries 429, 503 and
// 504 itself (POSTs included, honouring Retry-After, 3 times), telemetry, fetch. Its errors carry status, code,
// message, request-id and date but no response headers (headers arrived in 3.0.3). Loading that very copy,
// rather than the newer graph-client the app lists for its types, means local runs and tests see the errors
// and retries the hub sees in SharePoint and Teams.
import path from 'node:path';
import type { Client } from '@microsoft/microsoft-graph-client';

type GraphClientModule = typeof import('@microsoft/microsoft-graph-client');

let cached: { module: GraphClientModule; version: string } | undefined;

/** graph-client as @microsoft/sp-http-msgraph resolves it, and its version. */
export function runtimeGraphClientModule(): { module: GraphClientModule; version: string } {
  if (!cached) {
    const spfx = path.dirname(require.resolve('@microsoft/sp-http-msgraph/package.json'));
    const entry = require.resolve('@microsoft/microsoft-graph-client', { paths: [spfx] });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require(entry) as GraphClientModule;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const version = (require(path.join(path.dirname(entry), '..', '..', 'package.json')) as { version: string }).version;
    cached = { module, version };
  }
  return cached;
}

export interface RuntimeClientOptions {
  /** Retries the RetryHandler makes itself (default 3, as SPFx's chain); 0 hands every 429/503/504 straight back. */
  maxRetries?: number;
}

/** A client for a local Graph at baseUrl, built as MSGraphClientV3 builds its own. */
export function runtimeGraphClient(baseUrl: string, options: RuntimeClientOptions = {}): Client {
  const { module: g } = runtimeGraphClientModule();
  // graph-client hands the token only to https Graph hosts (or customHosts), so over http it stays here.
  const authProvider = { getAccessToken: (): Promise<string> => Promise.resolve('local-token') };
  const middleware =
    options.maxRetries === undefined
      ? g.MiddlewareFactory.getDefaultMiddlewareChain(authProvider)
      : [new g.AuthenticationHandler(authProvider), new g.RetryHandler(new g.RetryHandlerOptions(0, options.maxRetries)), new g.HTTPMessageHandler()];
  // An array, as MSGraphClientV3 passes it: graph-client chains the handlers itself.
  return g.Client.initWithMiddleware({ baseUrl, defaultVersion: 'v1.0', middleware }) as unknown as Client;
}
