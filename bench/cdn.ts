// The tab-open benchmark's stand-in for the Microsoft 365 CDN: the page's script files from an origin of their own,
// over HTTP/2, each answer after the same added latency as the local server's.
//
// Why: an SPFx package built with "includeClientSideAssets" (config/package-solution.json) has its bundles in the
// app catalog's ClientSideAssets library, which the Microsoft 365 CDN serves, and "the Microsoft 365 CDN uses the
// HTTP/2 protocol" (Microsoft Learn, "Enable the Microsoft 365 CDN", sp-dev-docs
// docs/spfx/enable-Microsoft-365-content-delivery-network.md). Over HTTP/2 a browser asks for all of a page's chunks
// at once on one connection. The local server speaks HTTP/1.1, where Chromium opens six connections to a host and
// queues the rest, so a page made of more chunks than six pays a second round trip that SharePoint's CDN does not
// charge (esbuild splits the local page into more, smaller chunks than SPFx's webpack does). Browsers speak HTTP/2
// only over TLS: the certificate is a throwaway, self-signed one made by `openssl` for 127.0.0.1, and the benchmark's
// Chromium is told to accept it.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as http2 from 'http2';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { readStatic } from '../local/server/staticFiles';

export interface Cdn {
  /** https://127.0.0.1:PORT, the base of the page's scripts */
  url: string;
  stop(): Promise<void>;
}

/** A self-signed certificate for 127.0.0.1 (key and certificate, PEM), or an error that says what is missing. */
function throwawayCertificate(): { key: Buffer; cert: Buffer } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svhub-cdn-'));
  try {
    const keyFile = path.join(dir, 'key.pem');
    const certFile = path.join(dir, 'cert.pem');
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { encoding: 'utf8' });
    if (made.error || made.status !== 0) {
      throw new Error(`The tab-open benchmark's CDN needs openssl for its throwaway certificate (apt-get install openssl): ${made.error?.message ?? made.stderr}`);
    }
    return { key: fs.readFileSync(keyFile), cert: fs.readFileSync(certFile) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Serves `dir`'s files (the page's scripts) over HTTP/2 on 127.0.0.1, each answer `latencyMs` late, to any page (module scripts need CORS). */
export async function startCdn(dir: string, latencyMs: number): Promise<Cdn> {
  const server = http2.createSecureServer(throwawayCertificate(), (req, res) => {
    setTimeout(() => {
      // The local server's own reading of a built page's files (its path checks and content types).
      readStatic(dir, new URL(req.url, 'https://cdn').pathname).then((file) => {
        // Every visit of the benchmark is a first visit (a fresh browser context), so nothing is to be cached.
        res.writeHead(file ? 200 : 404, { 'content-type': file ? file.type : 'text/plain', 'access-control-allow-origin': '*', 'cache-control': 'no-store' });
        if (file) res.end(file.body);
        else res.end();
      }).catch(() => undefined); // a run's page already gone: nothing to answer
    }, latencyMs);
  });
  const sessions = new Set<http2.ServerHttp2Session>();
  server.on('session', (session: http2.ServerHttp2Session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const session of sessions) session.destroy();
      }),
  };
}
