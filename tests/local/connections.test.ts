// Connection handling under load. The dashboard test's bulk insert failed now and then with `write EPIPE`: the
// server closed idle keep-alive connections itself (node's 5 s + 1 s), and a request sent on a pooled connection
// before that deadline was reset when the server process — descheduled on a busy machine — woke up and ran its
// expired timer before reading the request. Here the server is stopped across that deadline on purpose.
import http from 'node:http';
import { startLocalServer, LocalServer, asLocalUser } from '../support/localServer';

jest.setTimeout(60_000);

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer();
});
afterAll(async () => {
  await server?.stop();
});

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function request(agent: http.Agent, method: string, path: string, body?: string): Promise<{ status: number; reused: boolean }> {
  return new Promise((resolveRequest, reject) => {
    const headers = body ? { 'content-type': 'application/json', ...asLocalUser('admin') } : {};
    const req = http.request(`${server.url}${path}`, { method, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolveRequest({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('keep-alive connections', () => {
  it('answers a large POST sent on a pooled connection while the server process was descheduled past the old idle deadline', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      expect((await request(agent, 'GET', '/_local/health')).status).toBe(200);
      await sleep(1000);
      process.kill(server.pid, 'SIGSTOP');
      const pending = request(agent, 'POST', '/_local/bulk', JSON.stringify({ list: 'No such list', items: [], pad: 'x'.repeat(8_000_000) }));
      await sleep(7000);
      process.kill(server.pid, 'SIGCONT');
      const r = await pending;
      expect(r.reused).toBe(true);
      expect(r.status).toBe(404);
    } finally {
      process.kill(server.pid, 'SIGCONT');
      agent.destroy();
    }
  });
});
