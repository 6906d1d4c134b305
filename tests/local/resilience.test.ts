// Injected 429/503 faults with Retry-After (PnPjs retries; nothing lost or duplicated), crash safety (SIGKILL keeps
// every acknowledged write), restart, and item-level security.
import { startLocalServer, LocalServer, formDigest } from '../support/localServer';
import { pnp, raw, errorOf } from './pnpClient';
import { SPFI } from '@pnp/sp';
import '@pnp/sp/security';
import { PermissionKind } from '@pnp/sp/security';

async function makeList(sp: SPFI, title: string, extra: Record<string, unknown> = {}): Promise<void> {
  await sp.web.lists.add(title, '', 100, false, extra);
  await sp.web.lists.getByTitle(title).fields.createFieldAsXml({ SchemaXml: '<Field Type="Text" Name="Key" DisplayName="Key" Indexed="TRUE" />', Options: 8 });
}

describe('faults', () => {
  let server: LocalServer;
  let sp: SPFI;
  beforeAll(async () => {
    server = await startLocalServer();
    sp = pnp(server.siteUrl);
    await makeList(sp, 'Posts');
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('answers a share of requests 429/503 with Retry-After, SharePoint-shaped, before doing anything', async () => {
    const digest = await formDigest(server.siteUrl);
    await server.setFaults({ rate: 1, statuses: [429], retryAfterSeconds: 2 });
    const r = await raw(server.siteUrl, "web/lists/getByTitle('Posts')/items", { method: 'POST', headers: { 'x-requestdigest': digest }, body: JSON.stringify({ Title: 'never', Key: 'never' }) });
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('2');
    expect(errorOf(r.json).code).toMatch(/^-?\d+, Microsoft\.SharePoint\./);
    await server.setFaults({ rate: 1, statuses: [503], retryAfterSeconds: 0 });
    expect((await raw(server.siteUrl, 'web')).status).toBe(503);
    const state = await (await fetch(`${server.url}/_local/faults`)).json() as { injected: number };
    expect(state.injected).toBe(2);
    await server.setFaults({ rate: 0 });
    const items = await sp.web.lists.getByTitle('Posts').items.filter("Key eq 'never'")();
    expect(items).toHaveLength(0);
  });

  it('lets PnPjs retry through injected faults with nothing lost or duplicated', async () => {
    await server.setFaults({ rate: 0.35, statuses: [429, 503], retryAfterSeconds: 0, seed: 7 });
    const keys = Array.from({ length: 40 }, (_, i) => `K${i}`);
    let gaveUp = 0;
    for (const key of keys) {
      // PnPjs retries 429/503 itself (3 attempts); the app retries a request PnPjs gave up on.
      for (let attempt = 0; ; attempt++) {
        try {
          await sp.web.lists.getByTitle('Posts').items.add({ Title: key, Key: key });
          break;
        } catch (e) {
          gaveUp++;
          if (attempt > 5) throw e;
        }
      }
    }
    const state = await (await fetch(`${server.url}/_local/faults`)).json() as { injected: number };
    expect(state.injected).toBeGreaterThan(5);
    await server.setFaults({ rate: 0 });
    const all = await sp.web.lists.getByTitle('Posts').items.select('Key').top(5000)();
    expect(all.map((x: { Key: string }) => x.Key).sort()).toEqual([...keys].sort());
    expect(gaveUp).toBeLessThan(10);
  });

  it('faults a whole batch, not its parts', async () => {
    await server.setFaults({ rate: 1, statuses: [503], retryAfterSeconds: 0 });
    const res = await fetch(`${server.siteUrl}/_api/$batch`, { method: 'POST', headers: { 'content-type': 'multipart/mixed; boundary=batch_1' }, body: '--batch_1--\r\n' });
    expect(res.status).toBe(503);
    await server.setFaults({ rate: 0, latencyMs: 30 });
    const t0 = Date.now();
    await sp.web.select('Title')();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(25);
    await server.setFaults({});
  });

  it("delays only the API by default, and every request with the 'all' scope", async () => {
    const timed = async (url: string): Promise<number> => {
      const t0 = Date.now();
      await (await fetch(url)).text();
      return Date.now() - t0;
    };
    const health = `${server.url}/_local/health`;
    const api = `${server.siteUrl}/_api/web?$select=Title`;
    await server.setFaults({ latencyMs: 120 });
    expect(await timed(health)).toBeLessThan(100);
    expect(await timed(api)).toBeGreaterThanOrEqual(115);
    await server.setFaults({ latencyMs: 120, latencyScope: 'all' });
    expect(await timed(health)).toBeGreaterThanOrEqual(115);
    // Once per request, not once at the door and again in the API's handler.
    expect(await timed(api)).toBeLessThan(235);
    await expect(server.setFaults({ latencyScope: 'some' as 'all' })).rejects.toThrow(/latencyScope/);
    await server.setFaults({});
  });
});

describe('crash safety', () => {
  it('keeps every acknowledged write after SIGKILL and restart', async () => {
    const server = await startLocalServer();
    try {
      const sp = pnp(server.siteUrl);
      await makeList(sp, 'Durable', { EnableVersioning: true });
      const list = sp.web.lists.getByTitle('Durable');
      const ids: number[] = [];
      for (let i = 0; i < 30; i++) ids.push((await list.items.add({ Title: `d${i}`, Key: `d${i}` })).Id);
      await list.items.getById(ids[0]).update({ Title: 'changed' }, '"1"');
      await server.kill();
      await server.restart();
      const sp2 = pnp(server.siteUrl);
      const all = await sp2.web.lists.getByTitle('Durable').items.select('Id', 'Title').top(100)();
      expect(all.map((x: { Id: number }) => x.Id)).toEqual(ids);
      const first = await sp2.web.lists.getByTitle('Durable').items.getById(ids[0])();
      expect(first).toMatchObject({ Title: 'changed', 'odata.etag': '"2"' });
      const versions = await sp2.web.lists.getByTitle('Durable').items.getById(ids[0]).versions();
      expect(versions.map((v: { VersionLabel: string }) => v.VersionLabel)).toEqual(['2.0', '1.0']);
      const field = await sp2.web.lists.getByTitle('Durable').fields.getByInternalNameOrTitle('Key')();
      expect(field.Indexed).toBe(true);
    } finally {
      await server.stop();
    }
  }, 60_000);
});

describe('item-level security and groups', () => {
  let server: LocalServer;
  let sp: SPFI;
  beforeAll(async () => {
    server = await startLocalServer({ user: 'officer' });
    sp = pnp(server.siteUrl);
    await makeList(sp, 'Own', { WriteSecurity: 2 });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('lets users edit only the items they created when WriteSecurity is 2; owners are exempt', async () => {
    const mine = await sp.web.lists.getByTitle('Own').items.add({ Title: 'mine', Key: 'a' });
    await server.setUser('officer2');
    await expect(sp.web.lists.getByTitle('Own').items.getById(mine.Id).update({ Title: 'stolen' })).rejects.toMatchObject({ status: 403 });
    const r = await raw(server.siteUrl, `web/lists/getByTitle('Own')/items(${mine.Id})`, { method: 'DELETE', headers: { 'if-match': '*' } });
    expect(r.status).toBe(403);
    expect(errorOf(r.json)).toEqual({ code: '-2147024891, System.UnauthorizedAccessException', message: 'Access denied.' });
    const theirs = await sp.web.lists.getByTitle('Own').items.add({ Title: 'theirs', Key: 'b' });
    expect(theirs.AuthorId).not.toBe(mine.AuthorId);
    await server.setUser('admin');
    await sp.web.lists.getByTitle('Own').items.getById(mine.Id).update({ Title: 'fixed by the owner' });
    const now = await sp.web.lists.getByTitle('Own').items.getById(mine.Id)();
    expect(now.Title).toBe('fixed by the owner');
    await server.setUser('officer');
  });

  it('refuses any write from a Visitor (read-only) but lets them read', async () => {
    await server.setUser('taskforce');
    const me = await sp.web.currentUser();
    expect(me.Email).toBe('sam.barker@svhub.example');
    expect((await sp.web.lists.getByTitle('Own').items()).length).toBe(2);
    await expect(sp.web.lists.getByTitle('Own').items.add({ Title: 'nope', Key: 'c' })).rejects.toMatchObject({ status: 403 });
    await expect(sp.web.lists.add('Sneaky')).rejects.toMatchObject({ status: 403 });
    await server.setUser('officer');
  });

  it('gives a list its own permissions (break inheritance, role assignments) and enforces them', async () => {
    await server.setUser('admin');
    await makeList(sp, 'Approvals');
    const list = sp.web.lists.getByTitle('Approvals');
    expect(((await list.select('HasUniqueRoleAssignments')()) as { HasUniqueRoleAssignments: boolean }).HasUniqueRoleAssignments).toBe(false);
    const members = await sp.web.associatedMemberGroup.select('Id', 'Title')();
    expect(members.Title).toBe('Social Value Members');
    const reader = await sp.web.roleDefinitions.getByType(2).select('Id', 'Name')();
    const contributor = await sp.web.roleDefinitions.getByType(3).select('Id')();
    expect(reader.Name).toBe('Read');
    await server.setUser('officer');
    await expect(list.breakRoleInheritance(true, false)).rejects.toMatchObject({ status: 403 });
    await server.setUser('admin');
    await list.breakRoleInheritance(true, false);
    await list.roleAssignments.getById(members.Id).delete();
    await list.roleAssignments.add(members.Id, reader.Id);
    const approvers = (await sp.web.siteGroups.select('Id', 'Title')()).find((g: { Title: string }) => g.Title === 'Social Value Approvers');
    await list.roleAssignments.add(approvers!.Id, contributor.Id);
    expect(((await list.select('HasUniqueRoleAssignments')()) as { HasUniqueRoleAssignments: boolean }).HasUniqueRoleAssignments).toBe(true);
    const principals = (await list.roleAssignments()).map((a: { PrincipalId: number }) => a.PrincipalId).sort();
    expect(principals).toEqual([3, 4, 5, 6]);

    await server.setUser('officer');
    expect(await list.currentUserHasPermissions(PermissionKind.ViewListItems)).toBe(true);
    expect(await list.currentUserHasPermissions(PermissionKind.AddListItems)).toBe(false);
    expect(await sp.web.currentUserHasPermissions(PermissionKind.AddListItems)).toBe(true);
    await expect(list.items.add({ Title: 'self-approved', Key: 'x' })).rejects.toMatchObject({ status: 403 });
    await expect(list.fields.createFieldAsXml({ SchemaXml: '<Field Type="Text" Name="X" DisplayName="X" />', Options: 8 })).rejects.toMatchObject({ status: 403 });
    expect(await list.items()).toEqual([]);
    await server.setUser('manager');
    const approval = await list.items.add({ Title: 'approved', Key: 'a1' });
    expect(approval.Id).toBe(1);
    await server.setUser('officer');
  });

  it('rejects an unknown local user', async () => {
    const res = await fetch(`${server.url}/_local/user`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'mallory@contoso.com' }) });
    expect(res.status).toBe(400);
  });
});
