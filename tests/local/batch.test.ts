// $batch: multipart/mixed with changesets, answered flat like SharePoint Online; changesets are not transactional.
import { startLocalServer, LocalServer, formDigest } from '../support/localServer';
import { pnp } from './pnpClient';
import { SPFI } from '@pnp/sp';
import '@pnp/sp/batching';

let server: LocalServer;
let sp: SPFI;

beforeAll(async () => {
  server = await startLocalServer();
  sp = pnp(server.siteUrl);
  await sp.web.lists.add('Commitments', '', 100);
  const list = sp.web.lists.getByTitle('Commitments');
  await list.fields.createFieldAsXml({ SchemaXml: '<Field Type="Text" Name="Key" DisplayName="Key" Indexed="TRUE" EnforceUniqueValues="TRUE" />', Options: 8 });
  await list.fields.createFieldAsXml({ SchemaXml: '<Field Type="Number" Name="Target" DisplayName="Target" />', Options: 8 });
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

describe('$batch', () => {
  it('runs every write in a PnPjs batch; one failing write does not undo the others', async () => {
    const [batched, execute] = sp.batched();
    // one fresh queryable per request: PnPjs does not allow reusing an instance inside a batch
    const items = (): ReturnType<SPFI['web']['lists']['getByTitle']>['items'] => batched.web.lists.getByTitle('Commitments').items;
    const results: { i: number; ok: boolean; value: unknown }[] = [];
    const adds = [
      { Title: 'a', Key: 'K1', Target: 1 },
      { Title: 'b', Key: 'K2', Target: 'lots' },
      { Title: 'c', Key: 'K3', Target: 3 },
      { Title: 'd', Key: 'K1', Target: 4 },
      { Title: 'e', Key: 'K5', Target: 5 },
    ];
    const promises = adds.map((a, i) => items().add(a).then(
      (value) => results.push({ i, ok: true, value }),
      (value) => results.push({ i, ok: false, value }),
    ));
    const read = batched.web.lists.getByTitle('Commitments').select('ItemCount')();
    await execute();
    await Promise.all(promises);
    const count = await read;
    expect(count.ItemCount).toBe(3);
    results.sort((x, y) => x.i - y.i);
    expect(results.map((r) => r.ok)).toEqual([true, false, true, false, true]);
    expect(String((results[1].value as Error).message)).toContain("Cannot convert a primitive value to the expected type 'Edm.Double'");
    expect(String((results[3].value as Error).message)).toContain('SPDuplicateValuesFoundException');
    const all = await sp.web.lists.getByTitle('Commitments').items.select('Key').orderBy('Id')();
    expect(all.map((x: { Key: string }) => x.Key)).toEqual(['K1', 'K3', 'K5']);
  });

  it('answers one flat batchresponse part per request, in order, with updates and deletes', async () => {
    const list = sp.web.lists.getByTitle('Commitments');
    const first = await list.items.select('Id', 'Key').orderBy('Id').top(1)();
    const id = first[0].Id;
    const boundary = 'batch_2f8f7f7c-0000-4000-8000-000000000001';
    const cs = 'changeset_2f8f7f7c-0000-4000-8000-000000000002';
    const api = `${server.siteUrl}/_api/web/lists/getByTitle('Commitments')`;
    const body = [
      `--${boundary}`,
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      '',
      `GET ${api}/items(${id})?$select=Key HTTP/1.1`,
      'Accept: application/json',
      '',
      `--${boundary}`,
      `Content-Type: multipart/mixed; boundary="${cs}"`,
      '',
      `--${cs}`,
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      '',
      `MERGE ${api}/items(${id}) HTTP/1.1`,
      'Accept: application/json',
      'Content-Type: application/json;charset=utf-8',
      'IF-Match: "1"',
      '',
      '{"Target":10}',
      '',
      `--${cs}`,
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      '',
      `POST ${api}/items(${id}) HTTP/1.1`,
      'Accept: application/json',
      'Content-Type: application/json;charset=utf-8',
      'X-HTTP-Method: MERGE',
      'IF-Match: "1"',
      '',
      '{"Target":11}',
      '',
      `--${cs}`,
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      '',
      `DELETE ${api}/items(99999) HTTP/1.1`,
      'Accept: application/json',
      '',
      '',
      `--${cs}--`,
      '',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const res = await fetch(`${server.siteUrl}/_api/$batch`, { method: 'POST', headers: { 'content-type': `multipart/mixed; boundary=${boundary}`, accept: 'application/json', 'x-requestdigest': await formDigest(server.siteUrl) }, body });
    expect(res.status).toBe(200);
    const ct = res.headers.get('content-type') ?? '';
    const m = /boundary=(batchresponse_[0-9a-f-]+)/.exec(ct);
    expect(m).not.toBeNull();
    const text = await res.text();
    const parts = text.split(`--${m![1]}`);
    expect(parts[parts.length - 1].trim()).toBe('--');
    const statuses = parts.slice(1, -1).map((p) => /HTTP\/1\.1 (\d+) /.exec(p)?.[1]);
    expect(statuses).toEqual(['200', '204', '412', '404']);
    expect(parts[1]).toContain('Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\nHTTP/1.1 200 OK\r\n');
    expect(parts[1]).toContain('"Key":"K1"');
    expect(parts[2]).toMatch(/ETag: "2"/i);
    expect(text).not.toContain('changesetresponse');
    const after = await list.items.getById(id).select('Target')();
    expect(after.Target).toBe(10);
  });

  it('answers a malformed batch with a 400 and stays up', async () => {
    const digest = await formDigest(server.siteUrl);
    const res = await fetch(`${server.siteUrl}/_api/$batch`, { method: 'POST', headers: { 'content-type': 'multipart/mixed; boundary=batch_x', 'x-requestdigest': digest }, body: '--batch_x\r\nnonsense' });
    expect(res.status).toBe(400);
    const res2 = await fetch(`${server.siteUrl}/_api/$batch`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-requestdigest': digest }, body: '{}' });
    expect(res2.status).toBe(400);
    expect((await sp.web.select('Title')()).Title).toBe('Social Value Hub');
  });
});
