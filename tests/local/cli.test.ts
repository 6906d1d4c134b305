// The server's CLI: SIGTERM closes cleanly (exit 0), --static serves the page, /_local controls, verbose OData,
// ReadSecurity and version limits.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLocalServer, startLocalServer } from '../support/localServer';
import { pnp, raw } from './pnpClient';

function run(args: string[]): Promise<{ url?: string; stop(): Promise<number | null>; output(): string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', buildLocalServer(), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no start: ${out}`)), 30_000);
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    const handle = {
      stop: async () => {
        child.kill('SIGTERM');
        return exited;
      },
      output: () => out,
    };
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /local server: (http:\/\/127\.0\.0\.1:\d+)\/[\s\S]*Current user: .*\n/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ ...handle, url: m[1] });
      }
    });
    child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
    void exited.then((code) => {
      clearTimeout(timer);
      resolve({ ...handle, stop: async () => code });
    });
  });
}

describe('CLI', () => {
  it('serves a static page, prints its URLs, and exits 0 on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'svhub-cli-'));
    const page = join(dir, 'page');
    mkdirSync(page);
    writeFileSync(join(page, 'index.html'), '<!doctype html><title>hub</title>');
    writeFileSync(join(page, 'app.js'), 'console.log(1)');
    try {
      const s = await run(['--port', '0', '--data', join(dir, 'data'), '--seed', 'none', '--static', page, '--user', 'manager', '--fault-latency-ms', '0', '--fault-latency-scope', 'all']);
      let exitCode: number | null = null;
      try {
        expect(s.output()).toContain('/sites/socialvalue');
        expect(s.output()).not.toContain('ExperimentalWarning');
        const index = await fetch(`${s.url}/`);
        expect(index.headers.get('content-type')).toContain('text/html');
        const html = await index.text();
        expect(html).toContain('<title>hub</title>');
        // As a SharePoint page: the site's request digest in _spPageContextInfo, good for a write without contextinfo.
        const info = JSON.parse(/window\._spPageContextInfo=(\{.*?\});<\/script>/.exec(html)?.[1] ?? '{}') as { webAbsoluteUrl: string; formDigestValue: string; userId: number; userEmail: string };
        expect(info.webAbsoluteUrl).toBe(`${s.url}/sites/socialvalue`);
        const write = await fetch(`${info.webAbsoluteUrl}/_api/$batch`, { method: 'POST', headers: { 'content-type': 'multipart/mixed; boundary=batch_1', 'x-requestdigest': info.formDigestValue }, body: '--batch_1--\r\n' });
        expect(write.status).toBe(200);
        // Flip the MAC's first hex digit (always to a different one: a fixed '0' matched one digest in sixteen).
        const forged = await fetch(`${info.webAbsoluteUrl}/_api/$batch`, { method: 'POST', headers: { 'content-type': 'multipart/mixed; boundary=batch_1', 'x-requestdigest': info.formDigestValue.replace(/^0x(.)/, (_, c: string) => `0x${c === '0' ? '1' : '0'}`) }, body: '--batch_1--\r\n' });
        expect(forged.status).toBe(403);
        expect((await fetch(`${s.url}/app.js`)).headers.get('content-type')).toContain('javascript');
        expect((await fetch(`${s.url}/../../etc/passwd`)).status).toBe(404);
        const me = await (await fetch(`${s.url}/sites/socialvalue/_api/web/currentuser`, { headers: { accept: 'application/json' } })).json() as { Id: number; Email: string };
        expect(me.Email).toBe('daniel.hughes@svhub.example');
        // And who is signed in, as the site knows them (SPFx's legacyPageContext): the opening's batch filters by it.
        expect({ userId: info.userId, userEmail: info.userEmail }).toEqual({ userId: me.Id, userEmail: me.Email });
        expect(await (await fetch(`${s.url}/_local/faults`)).json()).toMatchObject({ latencyMs: 0, latencyScope: 'all' });
      } finally {
        exitCode = await s.stop();
      }
      expect(exitCode).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('on first start, tells everyone the demo site is being prepared until it is, then signs in as the demo officer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'svhub-cli-'));
    const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', buildLocalServer(), '--port', '0', '--data', join(dir, 'data'), '--seed', 'demo'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
    const until = async (pattern: RegExp): Promise<RegExpExecArray> => {
      for (let i = 0; i < 1200; i++) {
        const m = pattern.exec(out);
        if (m) return m;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`never printed ${pattern}: ${out}`);
    };
    try {
      const url = (await until(/First start: setting up the site \(demo\); (http:\/\/127\.0\.0\.1:\d+)\//))[1];
      const page = await fetch(`${url}/`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(503);
      expect(page.headers.get('retry-after')).toBe('2');
      expect(await page.text()).toContain('Preparing the demo site');
      const api = await fetch(`${url}/sites/socialvalue/_api/web/currentuser`, { headers: { accept: 'application/json' } });
      expect(api.status).toBe(503);
      expect(out).not.toMatch(/Current user:/);

      await until(/Current user: .*\n/);
      const me = (await (await fetch(`${url}/sites/socialvalue/_api/web/currentuser`, { headers: { accept: 'application/json' } })).json()) as { Email: string };
      expect(me.Email).toBe('priya.sandhu@svhub.example');
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses bad options', async () => {
    const s = await run(['--port', 'nope']);
    expect(await s.stop()).toBe(1);
    const t = await run(['--host', '0.0.0.0']);
    expect(await t.stop()).toBe(1);
  }, 60_000);
});

describe('more SharePoint behaviour', () => {
  it('answers verbose OData (the "d" shape) when asked', async () => {
    const server = await startLocalServer({ user: 'admin' });
    try {
      const sp = pnp(server.siteUrl);
      await sp.web.lists.add('Verbose', '', 100, false, { EnableVersioning: true, MajorVersionLimit: 2, ReadSecurity: 2 });
      const item = await sp.web.lists.getByTitle('Verbose').items.add({ Title: 'v1' });
      const v = { accept: 'application/json;odata=verbose' };
      const coll = await raw(server.siteUrl, "web/lists/getByTitle('Verbose')/items?$select=Id,Title&$top=1", { headers: v });
      expect(coll.json.d.results[0]).toMatchObject({ __metadata: { type: 'SP.Data.VerboseListItem', etag: '"1"' }, Id: item.Id, Title: 'v1' });
      const one = await raw(server.siteUrl, `web/lists/getByTitle('Verbose')/items(${item.Id})`, { headers: v });
      expect(one.json.d).toMatchObject({ Id: item.Id, Title: 'v1' });
      const count = await raw(server.siteUrl, "web/lists/getByTitle('Verbose')/ItemCount", { headers: v });
      expect(count.json.d).toEqual({ ItemCount: 1 });
      const light = await raw(server.siteUrl, "web/lists/getByTitle('Verbose')/ItemCount");
      expect(light.json).toMatchObject({ value: 1 });
      expect(light.json['odata.name']).toBeUndefined();
      const err = await raw(server.siteUrl, "web/lists/getByTitle('Nope')", { headers: v });
      expect(err.json.error.message.value).toContain("List 'Nope' does not exist");

      // MajorVersionLimit keeps only the newest versions
      for (const t of ['v2', 'v3', 'v4']) await sp.web.lists.getByTitle('Verbose').items.getById(item.Id).update({ Title: t });
      const versions = await sp.web.lists.getByTitle('Verbose').items.getById(item.Id).versions();
      expect(versions.map((x: { VersionLabel: string; Title: string }) => `${x.VersionLabel}:${x.Title}`)).toEqual(['4.0:v4', '3.0:v3']);

      // ReadSecurity 2: members read only their own items; owners read everything
      await server.setUser('officer');
      expect(await sp.web.lists.getByTitle('Verbose').items()).toHaveLength(0);
      await expect(sp.web.lists.getByTitle('Verbose').items.getById(item.Id)()).rejects.toMatchObject({ status: 404 });
      await sp.web.lists.getByTitle('Verbose').items.add({ Title: 'mine' });
      expect((await sp.web.lists.getByTitle('Verbose').items()).map((x: { Title: string }) => x.Title)).toEqual(['mine']);
      await server.setUser('admin');
      expect(await sp.web.lists.getByTitle('Verbose').items()).toHaveLength(2);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
