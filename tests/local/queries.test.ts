// $filter / $orderby / $top / $skiptoken paging / $expand and the 5,000-item list view threshold.
import { startLocalServer, LocalServer } from '../support/localServer';
import { pnp, raw, errorOf } from './pnpClient';
import { SPFI } from '@pnp/sp';

let server: LocalServer;
let sp: SPFI;

const THEMES = ['Jobs', 'Skills', 'Environment'];

beforeAll(async () => {
  server = await startLocalServer();
  sp = pnp(server.siteUrl);
  await sp.web.lists.add('Suppliers', '', 100);
  const sup = sp.web.lists.getByTitle('Suppliers');
  await sup.fields.createFieldAsXml({ SchemaXml: '<Field Type="Text" Name="Town" DisplayName="Town" />', Options: 8 });
  await sp.web.lists.add('Logs', '', 100);
  const supInfo = await sup.select('Id')();
  const logs = sp.web.lists.getByTitle('Logs');
  const xml = [
    '<Field Type="Text" Name="Ref" DisplayName="Ref" Indexed="TRUE" />',
    '<Field Type="Number" Name="Quantity" DisplayName="Quantity" />',
    '<Field Type="DateTime" Name="PeriodEnd" DisplayName="Period end" Indexed="TRUE" />',
    '<Field Type="Choice" Name="Verification" DisplayName="Verification"><CHOICES><CHOICE>Reported</CHOICE><CHOICE>Verified</CHOICE></CHOICES></Field>',
    '<Field Type="Boolean" Name="Celebrated" DisplayName="Celebrated" />',
    '<Field Type="MultiChoice" Name="Themes" DisplayName="Themes" />',
    `<Field Type="Lookup" Name="Supplier" DisplayName="Supplier" List="{${supInfo.Id}}" ShowField="Title" />`,
    '<Field Type="User" Name="Verifier" DisplayName="Verifier" />',
  ];
  for (const SchemaXml of xml) await logs.fields.createFieldAsXml({ SchemaXml, Options: 8 });
  await server.bulkInsert('Suppliers', [
    { Title: "O'Neil & Sons", Town: 'Walsall' }, { Title: 'Black Country Builders', Town: 'Dudley' }, { Title: 'Brum Bakes', Town: 'Birmingham' },
  ]);
  const items: Record<string, unknown>[] = [];
  for (let i = 1; i <= 5100; i++) {
    items.push({
      Title: `Log ${String(i).padStart(5, '0')}`,
      Ref: `P-${String(i % 50).padStart(3, '0')}`,
      Quantity: i % 10,
      PeriodEnd: new Date(Date.UTC(2024, (i % 8) * 3, 1)).toISOString(),
      Verification: i % 3 === 0 ? 'Verified' : 'Reported',
      Celebrated: i % 7 === 0,
      Themes: [THEMES[i % 3]],
      SupplierId: (i % 3) + 1,
      VerifierId: i % 5 === 0 ? 8 : null,
    });
  }
  await server.bulkInsert('Logs', items);
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

const logs = (): ReturnType<SPFI['web']['lists']['getByTitle']>['items'] => sp.web.lists.getByTitle('Logs').items;
const sups = (): ReturnType<SPFI['web']['lists']['getByTitle']>['items'] => sp.web.lists.getByTitle('Suppliers').items;

describe('lookup column threshold', () => {
  it('refuses a query joining more than 12 lookup or person columns, as SharePoint Online does', async () => {
    await sp.web.lists.add('People', '', 100);
    const list = sp.web.lists.getByTitle('People');
    for (let i = 1; i <= 11; i++) await list.fields.createFieldAsXml({ SchemaXml: `<Field Type="User" Name="P${i}" DisplayName="P${i}" />`, Options: 8 });
    await list.items.add({ Title: 'x', P1Id: 7 });
    // 11 people + Created By + Modified By = 13 lookup columns when nothing is selected
    await expect(list.items()).rejects.toMatchObject({ status: 500 });
    const r = await raw(server.siteUrl, "web/lists/getByTitle('People')/items");
    expect(errorOf(r.json)).toEqual({ code: '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
      message: 'The query cannot be completed because the number of lookup columns it contains exceeds the lookup column threshold enforced by the administrator.' });
    expect(await list.items.select('Title', 'P1Id', 'P1/Title').expand('P1')()).toEqual([expect.objectContaining({ Title: 'x', P1Id: 7, P1: expect.objectContaining({ Title: 'Priya Sandhu' }) })]);
  });
});

describe('$filter on a small list', () => {
  it('supports eq, ne, startswith, substringof and escaped quotes', async () => {
    expect((await sups().filter("Title eq 'O''Neil & Sons'")()).map((x: { Town: string }) => x.Town)).toEqual(['Walsall']);
    expect((await sups().filter("Town ne 'Walsall'").select('Town')()).map((x: { Town: string }) => x.Town)).toEqual(['Dudley', 'Birmingham']);
    expect((await sups().filter("startswith(Title,'b')")()).length).toBe(2);
    expect((await sups().filter("substringof('country',Title)")()).map((x: { Id: number }) => x.Id)).toEqual([2]);
    expect((await sups().filter("not (Town eq 'Walsall') and (Id lt 3 or Id gt 10)")()).map((x: { Id: number }) => x.Id)).toEqual([2]);
    expect((await sups().filter('Town eq null')()).length).toBe(0);
    expect((await sups().filter('Town ne null')()).length).toBe(3);
    expect((await sups().orderBy('Town', false).select('Town')()).map((x: { Town: string }) => x.Town)).toEqual(['Walsall', 'Dudley', 'Birmingham']);
  });
});

describe('$filter, $orderby and paging on a list over the threshold', () => {
  it('filters on an indexed column with every comparison operator', async () => {
    expect((await logs().filter("Ref eq 'P-007'").top(5000)()).length).toBe(102);
    expect((await logs().filter("Ref lt 'P-002'").top(5000)()).length).toBe(204);
    expect((await logs().filter("Ref le 'P-001'").top(5000)()).length).toBe(204);
    expect((await logs().filter("Ref gt 'P-047'").top(5000)()).length).toBe(204);
    expect((await logs().filter("Ref ge 'P-048'").top(5000)()).length).toBe(204);
    expect((await logs().filter("startswith(Ref,'P-04')").top(5000)()).length).toBe(1020);
    const dated = await logs().filter("PeriodEnd eq datetime'2024-04-01T00:00:00Z' and Quantity ge 5").select('Id', 'Quantity', 'PeriodEnd').top(5000)();
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.every((x: { Quantity: number; PeriodEnd: string }) => x.Quantity >= 5 && x.PeriodEnd === '2024-04-01T00:00:00Z')).toBe(true);
    const iso = await logs().filter("PeriodEnd ge '2025-10-01T00:00:00Z' and Celebrated eq true").select('Id').top(5000)();
    expect(iso.length).toBeGreaterThan(0);
  });

  it('filters lookups by id and expands them, and filters people by e-mail', async () => {
    const a = await logs().filter("Ref eq 'P-003' and SupplierId eq 1").select('Id', 'SupplierId', 'Supplier/Title', 'Supplier/Town').expand('Supplier').top(5000)();
    expect(a.length).toBeGreaterThan(0);
    expect(a[0].Supplier).toMatchObject({ Title: "O'Neil & Sons", Town: 'Walsall' });
    const b = await logs().filter("Ref eq 'P-003' and Supplier/Id eq 1").top(5000)();
    expect(b.length).toBe(a.length);
    const c = await logs().filter("Ref eq 'P-005' and Verifier/EMail eq 'tom.whitehouse@svhub.example'").select('Id', 'VerifierId', 'Verifier/Title').expand('Verifier').top(5000)();
    expect(c.length).toBe(102);
    expect(c[0]).toMatchObject({ VerifierId: 8, Verifier: { Title: 'Tom Whitehouse' } });
    const d = await logs().filter("Ref eq 'P-005' and Themes eq 'Skills'").top(5000)();
    expect(d.every((x: { Themes: string[] }) => x.Themes.includes('Skills'))).toBe(true);
  });

  it('pages through 5,100 items by ID with odata.nextLink and $skiptoken', async () => {
    const seen: number[] = [];
    for await (const page of logs().select('Id').top(2000)) {
      seen.push(...page.map((x: { Id: number }) => x.Id));
    }
    expect(seen).toHaveLength(5100);
    expect(new Set(seen).size).toBe(5100);
    const first = await raw(server.siteUrl, "web/lists/getByTitle('Logs')/items?$select=Id&$top=5000");
    expect(first.json['odata.nextLink']).toContain('%24skiptoken=Paged%3dTRUE%26p_ID%3d5000');
  });

  it('pages in another order with the sort value in the skiptoken', async () => {
    const seen: { Id: number; PeriodEnd: string }[] = [];
    for await (const page of logs().filter("Ref eq 'P-010'").select('Id', 'PeriodEnd').orderBy('PeriodEnd', false).top(7)) {
      seen.push(...page);
    }
    expect(seen).toHaveLength(102);
    expect(new Set(seen.map((x) => x.Id)).size).toBe(102);
    const sorted = [...seen].sort((x, y) => (x.PeriodEnd < y.PeriodEnd ? 1 : x.PeriodEnd > y.PeriodEnd ? -1 : x.Id - y.Id));
    expect(seen).toEqual(sorted);
  });

  it('refuses an unindexed filter over 5,000 items with SharePoint\'s threshold error', async () => {
    const r = await raw(server.siteUrl, "web/lists/getByTitle('Logs')/items?$filter=Quantity eq 3&$top=10");
    expect(r.status).toBe(500);
    expect(errorOf(r.json)).toEqual({
      code: '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
      message: 'The attempted operation is prohibited because it exceeds the list view threshold.',
    });
    await expect(logs().filter("Verification eq 'Verified'")()).rejects.toMatchObject({ status: 500 });
    // an OR at the top level cannot use the index
    await expect(logs().filter("Ref eq 'P-001' or Quantity eq 1")()).rejects.toMatchObject({ status: 500 });
    // an indexed clause that still matches more than 5,000 items does not help
    await expect(logs().filter("Ref ne 'x' and Quantity eq 1")()).rejects.toMatchObject({ status: 500 });
    await expect(logs().filter("startswith(Ref,'P') and Quantity eq 1")()).rejects.toMatchObject({ status: 500 });
    // ordering a large list by an unindexed column
    await expect(logs().orderBy('Quantity')()).rejects.toMatchObject({ status: 500 });
    await expect(logs().filter("Ref eq 'P-001'").orderBy('Quantity')()).rejects.toMatchObject({ status: 500 });
    // an indexed lookup column does not narrow the query
    await expect(logs().filter('SupplierId eq 1')()).rejects.toMatchObject({ status: 500 });
    // $top over 5,000 on a large list
    await expect(logs().top(5001)()).rejects.toMatchObject({ status: 500 });
  });

  it('allows a filter that narrows first on an indexed column, and reading any item by id', async () => {
    const ok = await logs().filter("Ref eq 'P-001' and Quantity eq 1").orderBy('PeriodEnd').top(5000)();
    expect(ok.length).toBe(102);
    expect((await logs().getById(5099)()).Id).toBe(5099);
    expect((await logs().filter('Id le 10 and Quantity eq 3')()).map((x: { Id: number }) => x.Id)).toEqual([3]);
  });

  it('sorts the whole large list by an indexed text or date column, as SharePoint Online walks that index', async () => {
    const byRef = await logs().select('Id', 'Ref').orderBy('Ref', false).top(3)();
    expect(byRef.map((x: { Ref: string }) => x.Ref)).toEqual(['P-049', 'P-049', 'P-049']);
    const byDate = await logs().select('Id', 'PeriodEnd').orderBy('PeriodEnd').top(2)();
    expect(byDate).toHaveLength(2);
  });

  it('answers SharePoint\'s errors for unknown fields and malformed OData', async () => {
    const path = "web/lists/getByTitle('Suppliers')/items";
    const bad = async (q: string): Promise<{ status: number; code: string; message: string }> => {
      const r = await raw(server.siteUrl, `${path}?${q}`);
      return { status: r.status, ...errorOf(r.json) };
    };
    expect(await bad('$select=Nope')).toEqual({ status: 400, code: '-1, Microsoft.SharePoint.SPException', message: "The field or property 'Nope' does not exist." });
    expect(await bad("$filter=Nope eq 'x'")).toEqual({ status: 400, code: '-1, Microsoft.SharePoint.SPException', message: "The field or property 'Nope' does not exist." });
    expect(await bad('$orderby=Nope')).toMatchObject({ status: 400, message: "The field or property 'Nope' does not exist." });
    expect((await bad("$filter=Title eq 'x")).status).toBe(400);
    expect((await bad('$filter=Title eq')).status).toBe(400);
    expect((await bad('$filter=(Title eq 1')).status).toBe(400);
    expect((await bad("$filter=Title xx 'a'")).status).toBe(400);
    expect((await bad('$top=abc')).status).toBe(400);
    expect((await bad('$top=-1')).status).toBe(400);
    expect(await bad('$select=Supplier/Title')).toMatchObject({ status: 400 });
  });
});
