// The local server holds SharePoint's line (issue 19): form digest on writes, JSON bodies, the Host it serves,
// /_local controls only for the demo, $batch limits, list title length, permission levels as SharePoint defines
// them, and the form endpoints that can set Author/Editor — each attacked over raw HTTP as the wrong party.
import http from 'node:http';
import { SPFI } from '@pnp/sp';
import '@pnp/sp/security';
import { InjectHeaders } from '@pnp/queryable';
import { startLocalServer, LocalServer, formDigest, asLocalUser } from '../support/localServer';
import { pnp, raw, errorOf } from './pnpClient';

jest.setTimeout(120_000);

let server: LocalServer;
let sp: SPFI;
const LIST = "web/lists/getByTitle('Notes')";

beforeAll(async () => {
  server = await startLocalServer({ user: 'admin' });
  sp = pnp(server.siteUrl);
  await sp.web.lists.add('Notes', '', 100, false);
});
afterAll(async () => {
  await server?.stop();
});

const as = (login: string): SPFI => pnp(server.siteUrl).using(InjectHeaders(asLocalUser(login)));

function rawHttp(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolveRequest, reject) => {
    const req = http.request(`${server.url}${path}`, { method, headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => { text += c.toString(); });
      res.on('end', () => resolveRequest({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('form digest (X-RequestDigest)', () => {
  it('refuses a write without a digest, or with a forged one, with SharePoint\'s 403; PnPjs gets one from contextinfo', async () => {
    const body = JSON.stringify({ Title: 'no digest' });
    const none = await raw(server.siteUrl, `${LIST}/items`, { method: 'POST', headers: { 'x-requestdigest': '' }, body });
    expect(none.status).toBe(403);
    expect(errorOf(none.json)).toEqual({ code: '-2130575251, Microsoft.SharePoint.SPException', message: expect.stringMatching(/security validation for this page is invalid/) });
    const real = await formDigest(server.siteUrl);
    const forged = real.replace(/^0x(.)/, (_m, c: string) => `0x${c === 'A' ? 'B' : 'A'}`);
    expect((await raw(server.siteUrl, `${LIST}/items`, { method: 'POST', headers: { 'x-requestdigest': forged }, body })).status).toBe(403);
    const later = real.replace(/,.*$/, `,${new Date(Date.now() - 31 * 60_000).toUTCString()}`);
    expect((await raw(server.siteUrl, `${LIST}/items`, { method: 'POST', headers: { 'x-requestdigest': later }, body })).status).toBe(403);
    expect((await raw(server.siteUrl, `${LIST}/items`, { method: 'POST', headers: { 'x-requestdigest': real }, body })).status).toBe(201);
    const ctx = await raw(server.siteUrl, 'contextinfo', { method: 'POST', headers: { 'x-requestdigest': '' } });
    expect(ctx.json.FormDigestTimeoutSeconds).toBe(1800);
    expect(ctx.json.FormDigestValue).toMatch(/^0x[0-9A-F]{64},/);
    // MERGE through X-HTTP-Method and DELETE need it as well; reads do not.
    const merge = await raw(server.siteUrl, `${LIST}/items(1)`, { method: 'POST', headers: { 'x-http-method': 'MERGE', 'if-match': '*', 'x-requestdigest': '' }, body: '{"Title":"x"}' });
    expect(merge.status).toBe(403);
    expect((await raw(server.siteUrl, `${LIST}/items`)).status).toBe(200);
    expect((await sp.web.lists.getByTitle('Notes').items.add({ Title: 'through PnPjs' })).Title).toBe('through PnPjs');
  });
});

describe('request shape', () => {
  it('refuses a JSON body that is not sent as JSON (415), as a cross-origin form post would be', async () => {
    const r = await raw(server.siteUrl, `${LIST}/items`, { method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8' }, body: '{"Title":"form post"}' });
    expect(r.status).toBe(415);
    expect(errorOf(r.json).code).toMatch(/InvalidClientQueryException/);
    const items = await sp.web.lists.getByTitle('Notes').items.filter("Title eq 'form post'")();
    expect(items).toHaveLength(0);
  });

  it('answers only as 127.0.0.1 or localhost on its own port (421 for a rebinding name)', async () => {
    const port = new URL(server.url).port;
    expect((await rawHttp('GET', '/_local/health', { host: 'evil.example' })).status).toBe(421);
    expect((await rawHttp('GET', '/sites/socialvalue/_api/web', { host: `evil.example:${port}`, accept: 'application/json' })).status).toBe(421);
    expect((await rawHttp('GET', '/_local/health', { host: `127.0.0.1:${Number(port) + 1}` })).status).toBe(421);
    expect((await rawHttp('GET', '/_local/health', { host: `localhost:${port}` })).status).toBe(200);
    expect((await rawHttp('GET', '/_local/health', { host: `127.0.0.1:${port}` })).status).toBe(200);
  });
});

describe('$batch limits', () => {
  const batchOf = (n: number): string => {
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push('--b', 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '', `GET ${server.siteUrl}/_api/web?$select=Title HTTP/1.1`, 'Accept: application/json', '');
    return [...parts, '--b--', ''].join('\r\n');
  };
  const post = async (body: string | ReadableStream<Uint8Array>, extra: Record<string, string> = {}): Promise<Response> =>
    fetch(`${server.siteUrl}/_api/$batch`, { method: 'POST', headers: { 'content-type': 'multipart/mixed; boundary=b', 'x-requestdigest': await formDigest(server.siteUrl), ...extra }, body, duplex: 'half' } as RequestInit);

  it('runs 100 requests and refuses 101 before running any', async () => {
    expect((await post(batchOf(100))).status).toBe(200);
    const r = await post(batchOf(101));
    expect(r.status).toBe(400);
    expect(JSON.stringify(await r.json())).toMatch(/at most 100 requests/);
  });

  it('refuses a body over 1,048,576 bytes, declared or streamed, without holding it (a 6,000-part batch stays cheap)', async () => {
    const big = batchOf(6000);
    expect(Buffer.byteLength(big)).toBeGreaterThan(1_048_576);
    const t0 = Date.now();
    const declared = await post(big);
    expect(declared.status).toBe(400);
    expect(JSON.stringify(await declared.json())).toMatch(/maximum of 1048576 bytes is allowed/);
    const chunk = new TextEncoder().encode(batchOf(10).replace('--b--\r\n', ''));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent > 3_000_000) {
          c.enqueue(new TextEncoder().encode('--b--\r\n'));
          c.close();
          return;
        }
        sent += chunk.length;
        c.enqueue(chunk);
      },
    });
    const streamed = await post(stream);
    expect(streamed.status).toBe(400);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect((await sp.web.select('Title')()).Title).toBe('Social Value Hub');
  });
});

describe('lists', () => {
  it('refuses a list title over 255 characters, on create and rename, and takes 255', async () => {
    await expect(sp.web.lists.ensure('t'.repeat(512))).rejects.toThrow(/at most 255 characters/);
    await expect(sp.web.lists.add('u'.repeat(256))).rejects.toThrow(/at most 255 characters/);
    await sp.web.lists.add('v'.repeat(255));
    await expect(sp.web.lists.getByTitle('Notes').update({ Title: 'w'.repeat(256) })).rejects.toThrow(/at most 255/);
  });
});

describe('/_local controls', () => {
  it('lets only a site owner bulk insert, and takes control changes only as JSON', async () => {
    const post = (path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
      fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const asOfficer = await post('/_local/bulk', { list: 'Notes', items: [{ Title: 'bulk' }] }, asLocalUser('officer'));
    expect(asOfficer.status).toBe(403);
    expect((await post('/_local/bulk', { list: 'Notes', items: [{ Title: 'bulk' }] }, asLocalUser('admin'))).status).toBe(200);
    const form = await fetch(`${server.url}/_local/user`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"login":"admin"}' });
    expect(form.status).toBe(415);
  });

  it('does not switch the user, nor honour X-SVHub-User, unless started for the demo', async () => {
    const plain = await startLocalServer({ demoControls: false, seed: 'none' });
    try {
      const r = await fetch(`${plain.url}/_local/user`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"login":"admin"}' });
      expect(r.status).toBe(403);
      const me = await fetch(`${plain.siteUrl}/_api/web/currentuser`, { headers: { accept: 'application/json', ...asLocalUser('admin') } });
      expect(me.status).toBe(403);
      const who = await (await fetch(`${plain.siteUrl}/_api/web/currentuser`, { headers: { accept: 'application/json' } })).json() as { Email: string };
      expect(who.Email).toBe('priya.sandhu@svhub.example');
    } finally {
      await plain.stop();
    }
  });
});

describe('permission levels', () => {
  let listId: string;
  beforeAll(async () => {
    const added = await sp.web.lists.add('Guarded', '', 100, false);
    listId = (added as unknown as { Id?: string }).Id ?? (await sp.web.lists.getByTitle('Guarded').select('Id')<{ Id: string }>()).Id;
    await sp.web.lists.getByTitle('Guarded').breakRoleInheritance(false, false);
  });
  it('Contribute adds and edits items but cannot manage the list; Edit can', async () => {
    const list = sp.web.lists.getByTitle('Guarded');
    const officer = await sp.web.ensureUser('priya.sandhu@svhub.example');
    const contribute = await sp.web.roleDefinitions.getByName('Contribute')();
    await list.roleAssignments.add(officer.Id, contribute.Id);
    const asOfficer = as('officer').web.lists.getByTitle('Guarded');
    const item = await asOfficer.items.add({ Title: 'mine' });
    await asOfficer.items.getById(item.Id).update({ Title: 'mine, edited' });
    await expect(asOfficer.update({ EnableVersioning: false })).rejects.toThrow(/Access denied/);
    await expect(asOfficer.fields.addText('Sneaky')).rejects.toThrow(/Access denied/);
    const edit = await sp.web.roleDefinitions.getByName('Edit')();
    await list.roleAssignments.add(officer.Id, edit.Id);
    await asOfficer.update({ Description: 'managed' });
    await list.roleAssignments.remove(officer.Id, edit.Id);
    await list.roleAssignments.remove(officer.Id, contribute.Id);
    expect(listId).toBeTruthy();
  });

  it('takes a custom permission level (add items, not edit them) and enforces it kind by kind', async () => {
    const perms = await sp.web.roleDefinitions.getByName('Contribute')<{ BasePermissions: { High: string; Low: string } }>();
    // Contribute without EditListItems (3) and DeleteListItems (4).
    const low = (Number(perms.BasePermissions.Low) & ~(1 << 2) & ~(1 << 3)) >>> 0;
    const created = await raw(server.siteUrl, 'web/roledefinitions', { method: 'POST', body: JSON.stringify({ Name: 'Add only', Description: 'Add items, not edit them', Order: 0, BasePermissions: { High: perms.BasePermissions.High, Low: String(low) } }) });
    expect(created.status).toBe(201);
    const again = await raw(server.siteUrl, 'web/roledefinitions', { method: 'POST', body: JSON.stringify({ Name: 'add ONLY', BasePermissions: { High: '0', Low: '1' } }) });
    expect(again.status).toBe(400);
    const denied = await raw(server.siteUrl, 'web/roledefinitions', { method: 'POST', headers: asLocalUser('officer'), body: JSON.stringify({ Name: 'Mine', BasePermissions: { High: '0', Low: '1' } }) });
    expect(denied.status).toBe(403);
    const list = sp.web.lists.getByTitle('Guarded');
    const manager = await sp.web.ensureUser('daniel.hughes@svhub.example');
    await list.roleAssignments.add(manager.Id, created.json.Id);
    const asManager = as('manager').web.lists.getByTitle('Guarded');
    const item = await asManager.items.add({ Title: 'a decision' });
    await expect(asManager.items.getById(item.Id).update({ Title: 'changed' })).rejects.toThrow(/Access denied/);
    await expect(asManager.items.getById(item.Id).delete()).rejects.toThrow(/Access denied/);
    const mine = await as('manager').web.lists.getByTitle('Guarded').effectiveBasePermissions();
    expect((Number(mine.Low) >> 1) & 1).toBe(1);
    expect((Number(mine.Low) >> 2) & 1).toBe(0);
  });
});

describe('ValidateUpdateListItem and AddValidateUpdateItemUsingPath', () => {
  it('let a Contribute member set Author and Editor (sp-dev-docs#6333, pnpjs#3265): Author is no proof on a list they can write', async () => {
    await sp.web.lists.add('Logs', '', 100, false);
    const list = sp.web.lists.getByTitle('Logs');
    await list.breakRoleInheritance(false, false);
    const officer = await sp.web.ensureUser('priya.sandhu@svhub.example');
    const contribute = await sp.web.roleDefinitions.getByName('Contribute')();
    await list.roleAssignments.add(officer.Id, contribute.Id);
    const asOfficer = as('officer').web.lists.getByTitle('Logs');
    const grace = 'i:0#.f|membership|grace.okafor@svhub.example';
    const added = await asOfficer.addValidateUpdateItemUsingPath([{ FieldName: 'Title', FieldValue: 'verified, honest' }, { FieldName: 'Author', FieldValue: `[{'Key':'${grace}'}]` }], `${new URL(server.siteUrl).pathname}/Lists/Logs`);
    const id = Number(added.find((v) => v.FieldName === 'Id')?.FieldValue);
    expect(added.every((v) => !v.HasException)).toBe(true);
    const item = await list.items.getById(id).select('Title', 'Author/EMail', 'Editor/EMail').expand('Author', 'Editor')<{ Author: { EMail: string }; Editor: { EMail: string } }>();
    expect(item.Author.EMail).toBe('grace.okafor@svhub.example');
    expect(item.Editor.EMail).toBe('priya.sandhu@svhub.example');
    // …and on an item of their own, Editor too — which a MERGE cannot set (EditorId is not written).
    const own = await asOfficer.items.add({ Title: 'mine' });
    const merge = await raw(server.siteUrl, `web/lists/getByTitle('Logs')/items(${own.Id})`, { method: 'POST', headers: { 'x-http-method': 'MERGE', 'if-match': '*', ...asLocalUser('officer') }, body: JSON.stringify({ EditorId: 99 }) });
    expect(merge.status).toBe(204);
    expect((await list.items.getById(own.Id).select('Editor/EMail').expand('Editor')<{ Editor: { EMail: string } }>()).Editor.EMail).toBe('priya.sandhu@svhub.example');
    const answer = await asOfficer.items.getById(own.Id).validateUpdateListItem([{ FieldName: 'Editor', FieldValue: `[{'Key':'${grace}'}]` }], true);
    expect(answer[0].HasException).toBe(false);
    const after = await list.items.getById(own.Id).select('Editor/EMail', 'Author/EMail').expand('Editor', 'Author')<{ Author: { EMail: string }; Editor: { EMail: string } }>();
    expect(after.Editor.EMail).toBe('grace.okafor@svhub.example');
    expect(after.Author.EMail).toBe('priya.sandhu@svhub.example');
  });

  it('still needs the right to edit the item: a Visitor, or another member\'s item under WriteSecurity 2, is refused', async () => {
    const list = sp.web.lists.getByTitle('Logs');
    await list.update({ WriteSecurity: 2 });
    const ownerItem = await list.items.add({ Title: 'the owner\'s' });
    await expect(as('officer').web.lists.getByTitle('Logs').items.getById(ownerItem.Id).validateUpdateListItem([{ FieldName: 'Title', FieldValue: 'taken' }]))
      .rejects.toThrow(/Access denied/);
    await expect(as('taskforce').web.lists.getByTitle('Logs').items.getById(ownerItem.Id).validateUpdateListItem([{ FieldName: 'Title', FieldValue: 'taken' }]))
      .rejects.toThrow(/Access denied/);
    expect((await list.items.getById(ownerItem.Id).select('Title')()).Title).toBe('the owner\'s');
  });

  it('answers a bad value field by field and writes nothing', async () => {
    const list = sp.web.lists.getByTitle('Notes');
    const item = await list.items.add({ Title: 'before' });
    const answer = await list.items.getById(item.Id).validateUpdateListItem([{ FieldName: 'Title', FieldValue: 'after' }, { FieldName: 'NoSuchColumn', FieldValue: 'x' }]);
    expect(answer.map((a) => a.HasException)).toEqual([false, true]);
    expect((await list.items.getById(item.Id).select('Title')()).Title).toBe('before');
  });
});
