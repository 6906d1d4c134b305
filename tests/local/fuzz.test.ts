// A deterministic fuzz of the REST surface: every answer is SharePoint-shaped, no request reaches an internal
// error (500 "System.InvalidOperationException" would be a bug in the emulator), and the server stays up.
import { startLocalServer, LocalServer, formDigest } from '../support/localServer';
import { pnp } from './pnpClient';
import { prng } from '../../local/prng';

let server: LocalServer;


beforeAll(async () => {
  server = await startLocalServer({ user: 'admin' });
  const sp = pnp(server.siteUrl);
  await sp.web.lists.add('Fuzz', '', 100);
  const list = sp.web.lists.getByTitle('Fuzz');
  for (const x of ['<Field Type="Number" Name="N" DisplayName="N" Indexed="TRUE" />', '<Field Type="DateTime" Name="D" DisplayName="D" />',
    '<Field Type="Boolean" Name="B" DisplayName="B" />', '<Field Type="MultiChoice" Name="M" DisplayName="M" />', '<Field Type="User" Name="U" DisplayName="U" />',
    '<Field Type="URL" Name="L" DisplayName="L" />', '<Field Type="Note" Name="T" DisplayName="T" />']) {
    await list.fields.createFieldAsXml({ SchemaXml: x, Options: 8 });
  }
  await list.items.add({ Title: 'seed', N: 1 });
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

const PATHS = ["web", "web/lists", "web/lists/getByTitle('Fuzz')", "web/lists/getByTitle('Fuzz')/items", "web/lists/getByTitle('Fuzz')/items(1)",
  "web/lists/getByTitle('Fuzz')/items(1)/versions", "web/lists/getByTitle('Fuzz')/fields", "web/lists/getByTitle('Fuzz')/fields/createfieldasxml",
  "web/lists/getByTitle('Fuzz')/views", "web/lists/getByTitle('Fuzz')/views/getByTitle('All Items')/viewfields/addviewfield('N')",
  "web/lists/getByTitle('Fuzz')/roleassignments", "web/lists/getByTitle('Fuzz')/breakroleinheritance(copyroleassignments=true)",
  'web/siteusers', 'web/ensureuser', 'web/sitegroups/getByName(\'x\')', 'contextinfo', 'web/lists(guid\'zz\')', "web/lists/getByTitle('Fuzz')/items(1)/recycle",
  "web/lists/getByTitle('Fu'zz')", 'web/lists/getByTitle(', 'web/getuserbyid(x)', "web/lists/getByTitle('Fuzz')/fields('abc')"];
const QUERIES = ['', '$select=Title,N', '$select=U/Title&$expand=U', '$filter=N gt 0', "$filter=D ge datetime'2020-01-01'", '$filter=B eq true',
  "$filter=M eq 'a'", '$filter=U/EMail eq 1', '$filter=N gt', "$filter=startswith(N,'1')", '$orderby=N desc,Id', '$top=0', '$top=99999999999999999999',
  '$skiptoken=Paged=TRUE%26p_ID=1%26p_N=abc&$orderby=N', '$filter=not(not(N eq 1))', '$expand=Title', "$filter=substringof(1,Title)", '$filter=L eq \'x\'',
  '$filter=T eq \'x\'', '$select=*,Author/Title&$expand=Author'];
const BODIES = ['', '{}', '[]', 'null', '"x"', '{"Title":"a"}', '{"Title":null,"N":"1e5"}', '{"N":{}}', '{"D":"2024-13-45"}', '{"M":"notarray"}',
  '{"M":{"results":[1]}}', '{"UId":"7"}', '{"UStringId":"7"}', '{"L":{"Url":5}}', '{"B":1}', '{"__metadata":{"type":"x"},"Title":"v"}',
  '{"parameters":{"SchemaXml":"<Field/>"}}', '{"parameters":{"SchemaXml":"<Field Type=\\"Text\\" DisplayName=\\"\\" />"}}', '{"logonName":"x"}',
  '{"Title":"' + 'é'.repeat(300) + '"}', '{"N":-0}', '{"T":"\\u0000"}'];
const METHODS = ['GET', 'POST', 'MERGE', 'DELETE', 'PUT', 'PATCH'];

it('answers hundreds of random requests with SharePoint-shaped answers and never an internal error', async () => {
  const rnd = prng(20251125);
  const pick = <T>(a: T[]): T => a[Math.floor(rnd() * a.length)];
  const problems: string[] = [];
  const digest = await formDigest(server.siteUrl);
  for (let i = 0; i < 800; i++) {
    const path = pick(PATHS);
    const query = pick(QUERIES);
    const method = pick(METHODS);
    const body = pick(BODIES);
    const headers: Record<string, string> = { accept: rnd() < 0.2 ? 'application/json;odata=verbose' : 'application/json', 'content-type': 'application/json' };
    // Most writes carry a valid form digest (so they reach the handlers); some none, some a forged one.
    const d = rnd();
    if (d < 0.8) headers['x-requestdigest'] = digest;
    else if (d < 0.9) headers['x-requestdigest'] = digest.replace(/^0x./, '0x0');
    let m = method;
    if (method === 'MERGE') {
      m = 'POST';
      headers['x-http-method'] = 'MERGE';
      headers['if-match'] = pick(['*', '"1"', '"99"', 'garbage', '']);
    }
    const res = await fetch(`${server.siteUrl}/_api/${path}${query ? `?${query}` : ''}`, { method: m, headers, body: m === 'GET' ? undefined : body });
    const text = await res.text();
    // SharePoint answers some SPExceptions with 500 (a duplicate list title, an unknown user in ensureuser); an
    // internal error of the emulator itself is System.InvalidOperationException.
    if (res.status >= 500 && /System\.InvalidOperationException/.test(text)) problems.push(`${method} ${path}?${query} ${body} → ${res.status} ${text.slice(0, 200)}`);
    if (res.status >= 400) {
      let ok = false;
      try {
        const j = JSON.parse(text) as Record<string, unknown>;
        ok = !!(j['odata.error'] || j.error);
      } catch {
        ok = false;
      }
      if (!ok) problems.push(`${method} ${path}?${query} → ${res.status} not SharePoint-shaped: ${text.slice(0, 100)}`);
    }
  }
  expect(problems).toEqual([]);
  const alive = await fetch(`${server.siteUrl}/_api/web`, { headers: { accept: 'application/json' } });
  expect(alive.status).toBe(200);
}, 60_000);
