// The local SharePoint Search: /_api/search/postquery through PnPjs's own sp.search() (unchanged), and
// /_api/search/query; the KQL subset, SharePoint's result shape, the search schema's sortable properties, and
// security trimming.
import '@pnp/sp/search';
import '@pnp/sp/security';
import { SPFI } from '@pnp/sp';
import { InjectHeaders } from '@pnp/queryable';
import { startLocalServer, LocalServer, asLocalUser } from '../support/localServer';
import { pnp, raw, errorOf } from './pnpClient';
import { REGISTER_SEARCH_SCHEMA } from '../../src/data/schema';

let server: LocalServer;
let sp: SPFI;
let listId: string;

beforeAll(async () => {
  server = await startLocalServer({ user: 'admin' });
  sp = pnp(server.siteUrl);
  await sp.web.lists.add('Deals', '', 100);
  const deals = sp.web.lists.getByTitle('Deals');
  for (const SchemaXml of [
    '<Field Type="Text" Name="Ref" DisplayName="Ref" />',
    '<Field Type="Number" Name="Pence" DisplayName="Pence" />',
    '<Field Type="Choice" Name="Area" DisplayName="Area"><CHOICES><CHOICE>warwickshire</CHOICE><CHOICE>north-warwickshire</CHOICE></CHOICES></Field>',
    '<Field Type="MultiChoice" Name="Tags" DisplayName="Tags" />',
    '<Field Type="Boolean" Name="Green" DisplayName="Green" />',
    '<Field Type="DateTime" Name="Decided" DisplayName="Decided" />',
  ]) await deals.fields.createFieldAsXml({ SchemaXml, Options: 8 });
  listId = (await deals.select('Id')<{ Id: string }>()).Id;
  await server.bulkInsert('Deals', [
    { Title: 'Grounds maintenance contract', Ref: 'GEN-00041', Pence: 300, Area: 'warwickshire', Tags: ['jobs', 'green-skills'], Green: true, Decided: '2026-02-01T00:00:00Z' },
    { Title: 'Youth employment programme', Ref: 'GEN-00042', Pence: 100, Area: 'north-warwickshire', Tags: ['jobs'], Green: false, Decided: '2025-02-01T00:00:00Z' },
    { Title: 'Contractor framework', Ref: 'ABC-1', Pence: 200, Area: 'warwickshire', Tags: [], Green: false, Decided: '2024-02-01T00:00:00Z' },
  ]);
  await server.setSearchSchema({ RefinableString10: 'ows_Ref', RefinableInt01: 'ows_Pence', RefinableString11: 'ows_Area', RefinableString12: 'ows_Tags', RefinableString13: 'ows_Green', RefinableDate01: 'ows_Decided' });
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

const refs = async (Querytext: string, extra: Record<string, unknown> = {}): Promise<string[]> => {
  const r = await sp.search({ Querytext: `ListId:${listId} AND (${Querytext})`, SelectProperties: ['RefinableString10'], RowLimit: 50, ...extra });
  return r.PrimarySearchResults.map((x) => String((x as Record<string, unknown>).RefinableString10));
};

describe('SharePoint Search, emulated for PnPjs', () => {
  it('answers sp.search() in SharePoint\'s result shape', async () => {
    const r = await sp.search({ Querytext: `ListId:${listId}`, SelectProperties: ['Title', 'ListItemID', 'Path', 'RefinableInt01'], RowLimit: 2, StartRow: 1 });
    expect(r.TotalRows).toBe(3);
    expect(r.RowCount).toBe(2);
    const relevant = r.RawSearchResults.PrimaryQueryResult?.RelevantResults;
    expect(relevant?.Properties).toEqual(expect.arrayContaining([{ Key: 'RowLimit', Value: '2', ValueType: 'Edm.Int32' }, { Key: 'StartRow', Value: '1', ValueType: 'Edm.Int32' }]));
    expect(relevant?.Table?.Rows?.[0].Cells).toEqual(expect.arrayContaining([{ Key: 'Title', Value: 'Youth employment programme', ValueType: 'Edm.String' }, { Key: 'RefinableInt01', Value: '100', ValueType: 'Edm.Int64' }]));
    expect(r.PrimarySearchResults[0]).toMatchObject({ ListItemID: '2', Path: `${server.siteUrl}/Lists/Deals/DispForm.aspx?ID=2` });
    const page2 = await r.getPage(2, 2);
    expect(page2?.PrimarySearchResults.map((x) => (x as Record<string, unknown>).Title)).toEqual(['Contractor framework']);
  });

  it('matches words, prefixes, phrases and property restrictions; = on a choice is the whole value', async () => {
    expect(await refs('contract')).toEqual(['GEN-00041']);
    expect(await refs('contract*')).toEqual(['GEN-00041', 'ABC-1']);
    expect(await refs('Title:"maintenance contract"')).toEqual(['GEN-00041']);
    expect(await refs('Title:"contract maintenance"')).toEqual([]);
    expect(await refs('RefinableString10:GEN*')).toEqual(['GEN-00041', 'GEN-00042']);
    expect(await refs('RefinableString10:"GEN-00042"')).toEqual(['GEN-00042']);
    expect(await refs('RefinableString11:warwickshire')).toEqual(['GEN-00041', 'GEN-00042', 'ABC-1']);
    expect(await refs('RefinableString11="warwickshire"')).toEqual(['GEN-00041', 'ABC-1']);
    expect(await refs('RefinableString12="green-skills"')).toEqual(['GEN-00041']);
    expect(await refs('RefinableInt01>=200')).toEqual(['GEN-00041', 'ABC-1']);
    expect(await refs('RefinableString13:1')).toEqual(['GEN-00041']);
    expect(await refs('RefinableDate01>2025-01-01')).toEqual(['GEN-00041', 'GEN-00042']);
  });

  it('applies AND, OR, NOT, parentheses, and ORs restrictions on the same property side by side', async () => {
    expect(await refs('youth OR framework')).toEqual(['GEN-00042', 'ABC-1']);
    expect(await refs('RefinableString10:GEN* NOT youth')).toEqual(['GEN-00041']);
    expect(await refs('RefinableString10:GEN* -youth')).toEqual(['GEN-00041']);
    expect(await refs('(youth OR grounds) AND RefinableInt01<200')).toEqual(['GEN-00042']);
    expect(await refs('RefinableString10:ABC* RefinableString10:"GEN-00042"')).toEqual(['GEN-00042', 'ABC-1']);
    // operators are upper case only: "and" is a word
    expect(await refs('youth and')).toEqual([]);
    // a property the schema does not have matches nothing — nor an automatic OWS property of a LIST column
    // (SharePoint creates those for site columns only), nor a Refinable property nobody mapped
    expect(await refs('NoSuchProperty:youth')).toEqual([]);
    expect(await refs('RefOWSTEXT:GEN*')).toEqual([]);
    expect(await refs('RefinableString99:GEN*')).toEqual([]);
  });

  it('sorts only by sortable properties: Created, LastModifiedTime, and Refinable ones the schema maps', async () => {
    expect(await refs('RefinableString10:GEN* OR RefinableString10:ABC*', { SortList: [{ Property: 'RefinableString10', Direction: 1 }] })).toEqual(['GEN-00042', 'GEN-00041', 'ABC-1']);
    expect(await refs('RefinableInt01>0', { SortList: [{ Property: 'RefinableInt01', Direction: 0 }] })).toEqual(['GEN-00042', 'ABC-1', 'GEN-00041']);
    expect(await refs('RefinableInt01>0', { SortList: [{ Property: 'Created', Direction: 1 }] })).toHaveLength(3);
    // The built-in Title is not sortable in SharePoint Online (pnp/pnpjs#307), nor an automatic OWS property.
    for (const Property of ['Title', 'RefOWSTEXT']) {
      const r = await raw(server.siteUrl, 'search/postquery', { method: 'POST', body: JSON.stringify({ request: { Querytext: 'youth', SortList: [{ Property, Direction: 0 }] } }) });
      expect({ status: r.status, ...errorOf(r.json) }).toEqual({ status: 400, code: '-1, Microsoft.Office.Server.Search.REST.SearchServiceException', message: 'Invalid parameter: SortList.' });
    }
  });

  it('answers GET /_api/search/query and refuses an empty or over-long query', async () => {
    const r = await raw(server.siteUrl, `search/query?querytext='RefinableString10:GEN*'&selectproperties='RefinableString10,Title'&sortlist='RefinableString10:descending'&rowlimit=1`);
    expect(r.status).toBe(200);
    expect(r.json.PrimaryQueryResult.RelevantResults.TotalRows).toBe(2);
    expect(r.json.PrimaryQueryResult.RelevantResults.Table.Rows[0].Cells).toEqual(expect.arrayContaining([{ Key: 'RefinableString10', Value: 'GEN-00042', ValueType: 'Edm.String' }]));
    expect((await raw(server.siteUrl, "search/query?querytext=''")).status).toBe(400);
    expect((await raw(server.siteUrl, `search/query?querytext='${'a'.repeat(4097)}'`)).status).toBe(400);
    expect((await raw(server.siteUrl, "search/query?querytext='AND'")).status).toBe(400);
  });

  it('trims results to what the user may read', async () => {
    await sp.web.lists.add('Secret', '', 100);
    await server.bulkInsert('Secret', [{ Title: 'Youth secret' }]);
    const secret = sp.web.lists.getByTitle('Secret');
    await secret.breakRoleInheritance(false, false);
    const admin = await sp.search({ Querytext: 'youth', SelectProperties: ['Title'], RowLimit: 10 });
    expect(admin.PrimarySearchResults.map((x) => (x as Record<string, unknown>).Title)).toContain('Youth secret');
    const visitor = pnp(server.siteUrl).using(InjectHeaders(asLocalUser('taskforce')));
    const seen = await visitor.search({ Querytext: 'youth', SelectProperties: ['Title'], RowLimit: 10 });
    expect(seen.PrimarySearchResults.map((x) => (x as Record<string, unknown>).Title)).toEqual(['Youth employment programme']);
  });
});

describe('the local site as first started', () => {
  it('has the register\'s search schema mapped, as the site collection admin maps it on a tenant', async () => {
    const seeded = await startLocalServer({ seed: 'provision' });
    try {
      const res = await fetch(`${seeded.url}/_local/searchschema`);
      expect(await res.json()).toEqual({ mappings: REGISTER_SEARCH_SCHEMA });
    } finally {
      await seeded.stop();
    }
  }, 120_000);
});
