// The server's answer to bad input: SharePoint's error, never a crash, never a half-written item.
import { startLocalServer, LocalServer, formDigest } from '../support/localServer';
import { pnp, raw, errorOf } from './pnpClient';
import { SPFI } from '@pnp/sp';

let server: LocalServer;
let sp: SPFI;
const ITEMS = "web/lists/getByTitle('Outcomes')/items";

beforeAll(async () => {
  server = await startLocalServer();
  sp = pnp(server.siteUrl);
  await sp.web.lists.add('Outcomes', '', 100);
  const list = sp.web.lists.getByTitle('Outcomes');
  for (const SchemaXml of [
    '<Field Type="Text" Name="Ref" DisplayName="Ref" Required="TRUE" Indexed="TRUE" EnforceUniqueValues="TRUE" />',
    '<Field Type="Number" Name="Quantity" DisplayName="Quantity" />',
    '<Field Type="Currency" Name="ValueGbp" DisplayName="Value (£)" />',
    '<Field Type="Integer" Name="Year" DisplayName="Year" />',
    '<Field Type="DateTime" Name="PeriodEnd" DisplayName="Period end" />',
    '<Field Type="Boolean" Name="Verified" DisplayName="Verified" />',
    '<Field Type="Choice" Name="Status" DisplayName="Status"><CHOICES><CHOICE>Reported</CHOICE><CHOICE>Verified</CHOICE></CHOICES></Field>',
    '<Field Type="Note" Name="Notes" DisplayName="Notes" />',
    '<Field Type="User" Name="Officer" DisplayName="Officer" />',
    '<Field Type="URL" Name="Evidence" DisplayName="Evidence" />',
  ]) await list.fields.createFieldAsXml({ SchemaXml, Options: 8 });
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

async function post(body: string, path = ITEMS, headers: Record<string, string> = {}): Promise<{ status: number; code: string; message: string }> {
  const r = await raw(server.siteUrl, path, { method: 'POST', body, headers });
  return { status: r.status, ...errorOf(r.json) };
}

async function count(): Promise<number> {
  return (await sp.web.lists.getByTitle('Outcomes').select('ItemCount')()).ItemCount;
}

const CONVERT = (edm: string): string => `Cannot convert a primitive value to the expected type '${edm}'. See the inner error for more details.`;

describe('bad item bodies', () => {
  const cases: [string, string, number, string, string | RegExp][] = [
    ['body that is not JSON', '{"Title": "x", ', 400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', /JSON/],
    ['a JSON array', '[1,2]', 400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', /StartObject/],
    ['an unknown property', '{"Ref":"R1","Colour":"red"}', 400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
      "The property 'Colour' does not exist on type 'SP.Data.OutcomesListItem'. Make sure to only use property names that are defined by the type."],
    ['a property in the wrong case', '{"ref":"R1"}', 400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', /The property 'ref' does not exist/],
    ['text into a number', '{"Ref":"R1","Quantity":"lots"}', 400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', CONVERT('Edm.Double')],
    ['text into currency', '{"Ref":"R1","ValueGbp":"£5"}', 400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', CONVERT('Edm.Double')],
    ['a huge number', '{"Ref":"R1","Quantity":1e400}', 400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', CONVERT('Edm.Double')],
    ['a fraction into an integer', '{"Ref":"R1","Year":2024.5}', 400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', CONVERT('Edm.Int32')],
    ['an integer overflow', '{"Ref":"R1","Year":99999999999}', 400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', CONVERT('Edm.Int32')],
    ['a non-ISO date', '{"Ref":"R1","PeriodEnd":"31/03/2025"}', 400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', CONVERT('Edm.DateTime')],
    ['a date before 1900', '{"Ref":"R1","PeriodEnd":"1899-12-31T00:00:00Z"}', 400, '-2130575163, Microsoft.SharePoint.SPException', /out of range/],
    ['a non-boolean', '{"Ref":"R1","Verified":"yes"}', 400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', CONVERT('Edm.Boolean')],
    ['a number into text', '{"Ref":12}', 400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', CONVERT('Edm.String')],
    ['10,000 characters into single line text', JSON.stringify({ Ref: 'R1', Title: 'x'.repeat(10000) }), 400, '-2130575163, Microsoft.SharePoint.SPException', /maximum length of 255/],
    ['a missing required field', '{"Title":"no ref"}', 400, '-2130575163, Microsoft.SharePoint.SPException', /required field/],
    ['a user that does not exist', '{"Ref":"R1","OfficerId":424242}', 400, '-2146232832, Microsoft.SharePoint.SPException', /user/],
    ['a person field written as a value', '{"Ref":"R1","Officer":7}', 400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', /PrimitiveValue/],
    ['a URL field as text', '{"Ref":"R1","Evidence":"https://x.svhub.example"}', 400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', CONVERT('SP.FieldUrlValue')],
  ];
  it.each(cases)('refuses %s with SharePoint\'s error and writes nothing', async (_name, body, status, code, message) => {
    const before = await count();
    const r = await post(body);
    expect(r.status).toBe(status);
    expect(r.code).toBe(code);
    if (typeof message === 'string') expect(r.message).toBe(message);
    else expect(r.message).toMatch(message);
    expect(await count()).toBe(before);
  });

  it('stores choice values that are not among the choices (SharePoint\'s REST API does not check them)', async () => {
    const added = await sp.web.lists.getByTitle('Outcomes').items.add({ Title: 't', Ref: 'R-choice', Status: 'Totally made up' });
    expect(added.Status).toBe('Totally made up');
  });

  it('accepts long text in a multi-line field, numbers as numeric strings, and ISO dates with offsets', async () => {
    const added = await sp.web.lists.getByTitle('Outcomes').items.add({ Title: 't', Ref: 'R-long', Notes: 'n'.repeat(10000), Quantity: '12.5', PeriodEnd: '2025-03-31T23:00:00+01:00' });
    expect(added).toMatchObject({ Quantity: 12.5, PeriodEnd: '2025-03-31T22:00:00Z' });
    expect(added.Notes).toHaveLength(10000);
  });

  it('refuses a duplicate in a unique column', async () => {
    await sp.web.lists.getByTitle('Outcomes').items.add({ Title: 't', Ref: 'R-unique' });
    const r = await post('{"Title":"t","Ref":"r-UNIQUE"}');
    expect(r).toMatchObject({ status: 400, code: '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException' });
  });

  it('never half-writes an update: a bad property leaves the item as it was', async () => {
    const added = await sp.web.lists.getByTitle('Outcomes').items.add({ Title: 't', Ref: 'R-half', Quantity: 1 });
    const r = await post('{"Quantity":2,"Verified":"no"}', `${ITEMS}(${added.Id})`, { 'x-http-method': 'MERGE', 'if-match': '*' });
    expect(r.status).toBe(400);
    const now = await sp.web.lists.getByTitle('Outcomes').items.getById(added.Id)();
    expect(now).toMatchObject({ Quantity: 1, 'odata.etag': '"1"' });
  });
});

describe('bad requests', () => {
  it('answers unknown lists, items, fields, views and routes with SharePoint-shaped errors', async () => {
    expect((await raw(server.siteUrl, "web/lists/getByTitle('Nope')/items")).status).toBe(404);
    expect((await raw(server.siteUrl, "web/lists(guid'00000000-0000-0000-0000-000000000000')")).status).toBe(404);
    const item = await raw(server.siteUrl, `${ITEMS}(999999)`);
    expect(item.status).toBe(404);
    expect(errorOf(item.json).message).toBe('Item does not exist. It may have been deleted by another user.');
    const field = await raw(server.siteUrl, "web/lists/getByTitle('Outcomes')/fields/getByInternalNameOrTitle('Nope')");
    expect(field.status).toBe(400);
    expect(errorOf(field.json)).toEqual({ code: '-2147024809, System.ArgumentException', message: "Column 'Nope' does not exist. It may have been deleted by another user." });
    expect((await raw(server.siteUrl, "web/lists/getByTitle('Outcomes')/views/getByTitle('Nope')")).status).toBe(404);
    const route = await raw(server.siteUrl, 'web/nothingHere');
    expect(route.status).toBe(404);
    expect(errorOf(route.json).code).toBeDefined();
    const outside = await fetch(`${server.url}/no/such/page`);
    expect(outside.status).toBe(404);
  });

  it('answers malformed URLs and OData with 400', async () => {
    for (const q of ['$filter=Quantity gt', '$filter=Quantity gt \'', '$filter=((Quantity gt 1)', '$filter=Quantity gt 1 and', '$filter=bogus(Ref)',
      '$top=abc', '$top=1.5', '$orderby=Quantity sideways', '$select=Ref/Title', '$filter=PeriodEnd gt \'not a date\'', '$filter=Quantity eq \'abc\'',
      '$filter=Quantity gt null', '$skiptoken=Paged=TRUE%26p_ID=abc', "$filter=substringof('x',Notes)", '$orderby=Notes']) {
      const r = await raw(server.siteUrl, `${ITEMS}?${q}`);
      expect([q, r.status]).toEqual([q, 400]);
      expect(errorOf(r.json).code).toMatch(/^-?\d+, /);
    }
    const badPct = await fetch(`${server.siteUrl}/_api/web/lists/getByTitle('%E0%A4%A')/items`, { headers: { accept: 'application/json' } });
    expect(badPct.status).toBe(400);
  });

  it('refuses a 21st indexed column like SharePoint', async () => {
    await sp.web.lists.add('ManyIndexes', '', 100);
    const list = sp.web.lists.getByTitle('ManyIndexes');
    for (let i = 1; i <= 20; i++) {
      await list.fields.createFieldAsXml({ SchemaXml: `<Field Type="Text" Name="C${i}" DisplayName="C${i}" Indexed="TRUE" />`, Options: 8 });
    }
    await expect(list.fields.createFieldAsXml({ SchemaXml: '<Field Type="Text" Name="C21" DisplayName="C21" Indexed="TRUE" />', Options: 8 })).rejects.toMatchObject({ status: 400 });
    await list.fields.createFieldAsXml({ SchemaXml: '<Field Type="Text" Name="C22" DisplayName="C22" />', Options: 8 });
    await expect(list.fields.getByInternalNameOrTitle('C22').update({ Indexed: true })).rejects.toMatchObject({ status: 400 });
    await expect(list.fields.createFieldAsXml('<Field Type="Text" Name="Broken" DisplayName="Broken"')).rejects.toMatchObject({ status: 400 });
    await expect(list.fields.createFieldAsXml('<Field Type="Frobnicate" Name="F" DisplayName="F" />')).rejects.toMatchObject({ status: 400 });
    await expect(list.fields.createFieldAsXml('<Field Type="Lookup" Name="L" DisplayName="L" List="Lists/Outcomes" ShowField="Title" />')).rejects.toMatchObject({ status: 400 });
  });

  it('stays alive after a barrage of garbage', async () => {
    const garbage: Promise<Response>[] = [];
    const api = `${server.siteUrl}/_api`;
    // Each write carries a valid form digest, so the garbage reaches the handlers.
    const digest = await formDigest(server.siteUrl);
    const fetch = (url: string, init: RequestInit = {}): Promise<Response> =>
      globalThis.fetch(url, { ...init, headers: { 'x-requestdigest': digest, ...(init.headers as Record<string, string> | undefined) } });
    garbage.push(fetch(`${api}/web/lists`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '\u0000\u0001' }));
    garbage.push(fetch(`${api}/web/lists`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"Title":5}' }));
    garbage.push(fetch(`${api}/web/lists`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"Title":"X","Bogus":1}' }));
    garbage.push(fetch(`${api}/web/lists/getByTitle('Outcomes')`, { method: 'POST', headers: { 'x-http-method': 'MERGE' }, body: '{"WriteSecurity":"all"}' }));
    garbage.push(fetch(`${api}/web/lists/getByTitle('Outcomes')/fields/createfieldasxml`, { method: 'POST', body: '{"parameters":{}}' }));
    garbage.push(fetch(`${api}/web/lists/getByTitle('Outcomes')/views`, { method: 'POST', body: '{"Title":123}' }));
    garbage.push(fetch(`${api}/web/lists/getByTitle('Outcomes')/items(abc)`));
    garbage.push(fetch(`${api}/web/lists/getByTitle('Outcomes')/items`, { method: 'PUT', body: '{}' }));
    garbage.push(fetch(`${api}/web/lists/getByTitle('Outcomes')/items`, { method: 'POST', body: JSON.stringify({ Ref: 'x'.repeat(1_000_000) }) }));
    garbage.push(fetch(`${api}/$batch`, { method: 'POST', headers: { 'content-type': 'multipart/mixed; boundary=b' }, body: '--b\r\nContent-Type: application/http\r\n\r\nGARBAGE\r\n--b--' }));
    garbage.push(fetch(`${api}/web/ensureuser`, { method: 'POST', body: '{"logonName":null}' }));
    garbage.push(fetch(`${api}/web/siteusers/getById(abc)`));
    const res = await Promise.all(garbage);
    for (const r of res) {
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      const j = await r.json() as Record<string, unknown>;
      expect(j['odata.error']).toBeDefined();
    }
    expect((await sp.web.select('Title')()).Title).toBe('Social Value Hub');
  });
});
