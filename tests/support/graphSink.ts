// Starts the local Graph sink on 127.0.0.1 in this test process, behind a real HTTP server, and builds
// graph-client's real Client against it — the same client SPFx wraps as MSGraphClientV3.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthenticationHandler, Client, HTTPMessageHandler, RetryHandler, RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import { createGraphSink, GraphSink, GraphSinkOptions } from '../../local/graph';

export interface StartedGraphSink {
  url: string;
  sink: GraphSink;
  /**
   * A new graph-client Client for the sink: the default middleware chain (graph-client retries 429/503/504
   * itself, waiting Retry-After), or with `maxRetries` a chain whose RetryHandler gives up sooner.
   */
  client(options?: { maxRetries?: number }): Client;
  close(): Promise<void>;
}

export function graphClientFor(baseUrl: string, options: { maxRetries?: number } = {}): Client {
  if (options.maxRetries !== undefined) {
    const auth = new AuthenticationHandler({ getAccessToken: () => Promise.resolve('local-token') });
    const retry = new RetryHandler(new RetryHandlerOptions(0, options.maxRetries));
    auth.setNext(retry);
    retry.setNext(new HTTPMessageHandler());
    return Client.initWithMiddleware({ baseUrl, defaultVersion: 'v1.0', middleware: auth });
  }
  return Client.init({
    baseUrl,
    defaultVersion: 'v1.0',
    // graph-client hands the token only to https Graph (or customHosts) URLs, so over http it stays here.
    authProvider: (done) => done(null, 'local-token'),
  });
}

export async function startGraphSink(options: GraphSinkOptions = {}): Promise<StartedGraphSink> {
  const sink = createGraphSink(options);
  const server = http.createServer((req, res) => {
    sink.handle(req, res).then(
      (handled) => {
        if (!handled) {
          res.writeHead(404, { 'Content-Type': 'text/plain' });
          res.end('Not found');
        }
      },
      (e: unknown) => {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(String(e));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    sink,
    client: (options) => graphClientFor(url, options),
    close: async () => {
      await sink.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
