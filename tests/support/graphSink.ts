// Starts the local Graph sink on 127.0.0.1 in this test process, behind a real HTTP server, and builds
// the client SPFx hands out at run time (graph-client 3.0.2, default chain: local/graph/runtimeClient.ts) against it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client } from '@microsoft/microsoft-graph-client';
import { runtimeGraphClient } from '../../local/graph/runtimeClient';
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

/** The client the hub gets at run time (graph-client 3.0.2, SPFx's default chain), for a local Graph at baseUrl. */
export function graphClientFor(baseUrl: string, options: { maxRetries?: number } = {}): Client {
  return runtimeGraphClient(baseUrl, options);
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
