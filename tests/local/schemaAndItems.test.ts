// Lists, fields, views and item CRUD through real PnPjs over real HTTP against the local server.
import { startLocalServer, LocalServer } from '../support/localServer';
import { pnp, raw, errorOf } from './pnpClient';
import { SPFI } from '@pnp/sp';

let server: LocalServer;
let sp: SPFI;

beforeAll(async () => {
  server = await startLocalServer();
  sp = pnp(server.siteUrl);
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

describe('web and users', () => {
  it('answers the web, the current user and their groups', async () => {
    const web = await sp.web.select('Title', 'Url', 'ServerRelativeUrl', 'Id')();
    expect(web.Title).toBe('Social Value Hub');
    expect(web.Url).toBe(server.siteUrl);
    expect(web.ServerRelativeUrl).toBe('/sites/socialvalue');
    const me = await sp.web.currentUser();
    expect(me.Email).toBe('priya.sandhu@svhub.example');
    expect(me.LoginName).toBe('i:0#.f|membership|priya.sandhu@svhub.example');
    const groups = await sp.web.currentUser.groups();
    expect(groups.map((g: { Title: string }) => g.Title)).toEqual(['Social Value Members']);
  });

  it('ensures a user and finds site users and group members', async () => {
    const r = await sp.web.ensureUser('daniel.hughes@svhub.example');
    expect(r.Title).toBe('Daniel Hughes');
    const byId = await sp.web.getUserById(r.Id)();
    expect(byId.Email).toBe('daniel.hughes@svhub.example');
    const approvers = await sp.web.siteGroups.getByName('Social Value Approvers').users();
    expect(approvers.map((u: { Email: string }) => u.Email)).toContain('daniel.hughes@svhub.example');
    await expect(sp.web.ensureUser('someone@contoso.com')).rejects.toThrow();
  });
});

describe('lists, fields and views', () => {
  it('creates a list with ensure, then finds it again without creating it twice', async () => {
    const first = await sp.web.lists.ensure('Procurements', 'One procurement per item', 100, false, { EnableVersioning: true, MajorVersionLimit: 100 });
    expect(first.created).toBe(true);
    const again = await sp.web.lists.ensure('Procurements', 'One procurement per item', 100, false, { EnableVersioning: true });
    expect(again.created).toBe(false);
    const info = await sp.web.lists.getByTitle('Procurements').select('Title', 'EnableVersioning', 'MajorVersionLimit', 'ListItemEntityTypeFullName', 'ItemCount')();
    expect(info).toMatchObject({ Title: 'Procurements', EnableVersioning: true, MajorVersionLimit: 100, ListItemEntityTypeFullName: 'SP.Data.ProcurementsListItem', ItemCount: 0 });
    const filtered = await sp.web.lists.filter("Title eq 'Procurements'").select('Title', 'Id')();
    expect(filtered).toHaveLength(1);
  });

  it('answers 404 with SharePoint\'s error for a missing list', async () => {
    const r = await raw(server.siteUrl, "web/lists/getByTitle('Nope')");
    expect(r.status).toBe(404);
    expect(errorOf(r.json)).toEqual({ code: '-1, System.ArgumentException', message: `List 'Nope' does not exist at site with URL '${server.siteUrl}'.` });
  });

  it('creates fields from schema XML, honouring AddFieldInternalNameHint like SharePoint', async () => {
    const list = sp.web.lists.getByTitle('Procurements');
    await list.fields.createFieldAsXml({ SchemaXml: '<Field Type="Text" Name="Reference" DisplayName="Reference" Required="TRUE" Indexed="TRUE" EnforceUniqueValues="TRUE" MaxLength="50" />', Options: 8 });
    await list.fields.createFieldAsXml({ SchemaXml: '<Field Type="Currency" Name="EstimatedValue" DisplayName="Estimated value" Decimals="2" />', Options: 8 });
    await list.fields.createFieldAsXml({ SchemaXml: '<Field Type="Choice" Name="Status" DisplayName="Status" Indexed="TRUE"><Default>Draft</Default><CHOICES><CHOICE>Draft</CHOICE><CHOICE>Awaiting approval</CHOICE><CHOICE>Approved</CHOICE></CHOICES></Field>', Options: 8 });
    await list.fields.createFieldAsXml({ SchemaXml: '<Field Type="DateTime" Name="DecisionDate" DisplayName="Decision date" Format="DateOnly" Indexed="TRUE" />', Options: 8 });
    await list.fields.createFieldAsXml({ SchemaXml: '<Field Type="Boolean" Name="IsSme" DisplayName="SME"><Default>0</Default></Field>', Options: 8 });
    await list.fields.createFieldAsXml({ SchemaXml: '<Field Type="MultiChoice" Name="Themes" DisplayName="Themes"><CHOICES><CHOICE>Jobs</CHOICE><CHOICE>Skills</CHOICE><CHOICE>Environment</CHOICE></CHOICES></Field>', Options: 8 });
    await list.fields.createFieldAsXml({ SchemaXml: '<Field Type="User" Name="LeadOfficer" DisplayName="Lead officer" UserSelectionMode="PeopleOnly" />', Options: 8 });
    await list.fields.createFieldAsXml({ SchemaXml: '<Field Type="Note" Name="Justification" DisplayName="Justification" NumLines="6" RichText="FALSE" />', Options: 8 });
    await list.fields.createFieldAsXml({ SchemaXml: '<Field Type="URL" Name="EvidenceLink" DisplayName="Evidence link" />', Options: 8 });
    await list.fields.createFieldAsXml({ SchemaXml: '<Field Type="Number" Name="WeightingPercent" DisplayName="Weighting %" Min="0" Max="100" />', Options: 8 });
    // Without the hint SharePoint derives the internal name from DisplayName.
    const noHint = await list.fields.createFieldAsXml('<Field Type="Text" Name="PolicyEdition" DisplayName="Policy edition" />');
    expect(noHint.InternalName).toBe('Policy_x0020_edition');
    // AddFieldInternalNameHint (8) + AddFieldToDefaultView (16)
    await list.fields.createFieldAsXml({ SchemaXml: '<Field Type="Text" Name="Supplier" DisplayName="Supplier name" />', Options: 24 as never });
    expect((await list.defaultView.fields()).Items).toContain('Supplier');
    const ref = await list.fields.getByInternalNameOrTitle('Reference')();
    expect(ref).toMatchObject({ InternalName: 'Reference', Title: 'Reference', TypeAsString: 'Text', FieldTypeKind: 2, Required: true, Indexed: true, EnforceUniqueValues: true, MaxLength: 50 });
    const status = await list.fields.getByInternalNameOrTitle('Status')();
    expect(status).toMatchObject({ TypeAsString: 'Choice', Choices: ['Draft', 'Awaiting approval', 'Approved'], DefaultValue: 'Draft', Indexed: true });
    const byTitle = await list.fields.getByTitle('Estimated value')();
    expect(byTitle.InternalName).toBe('EstimatedValue');
    const all = await list.fields.filter("Hidden eq false").select('InternalName', 'TypeAsString')();
    expect(all.map((f: { InternalName: string }) => f.InternalName)).toEqual(expect.arrayContaining(['Title', 'Reference', 'Status', 'Created', 'Author']));
  });

  it('creates fields through the typed PnPjs helpers (verbose bodies)', async () => {
    const list = sp.web.lists.getByTitle('Procurements');
    const t = await list.fields.addText('Directorate', { MaxLength: 100 });
    expect(t.InternalName).toBe('Directorate');
    const c = await list.fields.addChoice('Tier', { Choices: ['Light', 'Standard', 'Enhanced'] });
    expect(c.Choices).toEqual(expect.objectContaining({}));
    const tier = await list.fields.getByInternalNameOrTitle('Tier')();
    expect(tier.Choices).toEqual(['Light', 'Standard', 'Enhanced']);
    await list.fields.addNumber('Score', { MinimumValue: 0, MaximumValue: 10 });
    await list.fields.addBoolean('IsLocal');
    await list.fields.addDateTime('AwardDate');
  });

  it('updates field properties (index, required, title, choices, column formatting)', async () => {
    const list = sp.web.lists.getByTitle('Procurements');
    const formatter = JSON.stringify({ elmType: 'div', txtContent: '@currentField' });
    await list.fields.getByInternalNameOrTitle('Title').update({ Required: false, Title: 'Procurement title' });
    await list.fields.getByInternalNameOrTitle('Tier').update({ Indexed: true, CustomFormatter: formatter, Choices: ['Light', 'Standard', 'Enhanced', 'Strategic'] });
    const tier = await list.fields.getByInternalNameOrTitle('Tier')();
    expect(tier).toMatchObject({ Indexed: true, CustomFormatter: formatter, Choices: ['Light', 'Standard', 'Enhanced', 'Strategic'] });
    const title = await list.fields.getByInternalNameOrTitle('Title')();
    expect(title).toMatchObject({ Required: false, Title: 'Procurement title' });
    expect(title.SchemaXml).toContain('Required="FALSE"');
    // SchemaXml is writable: SharePoint re-reads the definition from it, keeping the internal name
    const status = list.fields.getByInternalNameOrTitle('Status');
    const { SchemaXml } = await status.select('SchemaXml')();
    await status.update({ SchemaXml: SchemaXml.replace('<CHOICE>Approved</CHOICE>', '<CHOICE>Approved</CHOICE><CHOICE>Withdrawn</CHOICE>') });
    const after = await list.fields.getByInternalNameOrTitle('Status')();
    expect(after.Choices).toEqual(['Draft', 'Awaiting approval', 'Approved', 'Withdrawn']);
    expect(after.InternalName).toBe('Status');
    expect((after.SchemaXml.match(/SourceID=/g) ?? []).length).toBe(1);
  });

  it('creates, updates and reads views with their fields', async () => {
    const list = sp.web.lists.getByTitle('Procurements');
    const added = await list.views.add('Awaiting approval', false, {
      ViewQuery: '<Where><Eq><FieldRef Name="Status" /><Value Type="Choice">Awaiting approval</Value></Eq></Where>', RowLimit: 50,
    });
    expect(added.Title).toBe('Awaiting approval');
    const v = list.views.getByTitle('Awaiting approval');
    await v.fields.removeAll();
    await v.fields.add('Reference');
    await v.fields.add('LinkTitle');
    await v.fields.add('Status');
    await v.update({ RowLimit: 100, CustomFormatter: '{"additionalRowClass":"x"}' });
    const info = await v();
    expect(info).toMatchObject({ Title: 'Awaiting approval', RowLimit: 100, CustomFormatter: '{"additionalRowClass":"x"}' });
    expect(info.ViewQuery).toContain('Awaiting approval');
    const vf = await v.fields();
    expect(vf.Items).toEqual(['Reference', 'LinkTitle', 'Status']);
    expect(vf.SchemaXml).toContain('<FieldRef Name="Reference" />');
    const views = await list.views.select('Title', 'DefaultView')();
    expect(views.map((x: { Title: string }) => x.Title)).toEqual(['All Items', 'Awaiting approval']);
    const dv = await list.defaultView();
    expect(dv.Title).toBe('All Items');
  });
});

describe('items', () => {
  it('adds, reads, updates with ETags and deletes an item', async () => {
    const items = sp.web.lists.getByTitle('Procurements').items;
    const added = await items.add({
      Title: 'Bus shelters', Reference: 'P-0001', EstimatedValue: 250000, DecisionDate: '2025-03-01T00:00:00Z',
      ThemesId: undefined, Themes: ['Jobs', 'Skills'], LeadOfficerId: 7, EvidenceLink: { Url: 'https://evidence.svhub.example/p1', Description: 'Folder' },
      IsSme: true, Justification: 'Because.',
    } as Record<string, unknown>);
    expect(added['odata.etag']).toBe('"1"');
    expect(added).toMatchObject({
      Id: 1, ID: 1, Title: 'Bus shelters', Reference: 'P-0001', EstimatedValue: 250000, Status: 'Draft', Themes: ['Jobs', 'Skills'],
      LeadOfficerId: 7, LeadOfficerStringId: '7', IsSme: true, DecisionDate: '2025-03-01T00:00:00Z', AuthorId: 7, EditorId: 7,
      EvidenceLink: { Url: 'https://evidence.svhub.example/p1', Description: 'Folder' },
    });
    const item = items.getById(1);
    const got = await item.select('Id', 'Title', 'LeadOfficer/Title', 'LeadOfficer/EMail').expand('LeadOfficer')();
    expect(got.LeadOfficer).toMatchObject({ Title: 'Priya Sandhu', EMail: 'priya.sandhu@svhub.example' });
    const upd = await item.update({ Status: 'Awaiting approval' }, '"1"');
    expect(upd.etag).toBe('"2"');
    await expect(item.update({ Status: 'Approved' }, '"1"')).rejects.toMatchObject({ status: 412 });
    const r = await raw(server.siteUrl, "web/lists/getByTitle('Procurements')/items(1)", {
      method: 'POST', headers: { 'x-http-method': 'MERGE', 'if-match': '"1"' }, body: JSON.stringify({ Status: 'Approved' }),
    });
    expect(r.status).toBe(412);
    expect(errorOf(r.json)).toEqual({ code: '-1, Microsoft.SharePoint.Client.ClientServiceException', message: 'The request ETag value \'"1"\' does not match the object\'s ETag value \'"2"\'.' });
    await item.update({ Status: 'Approved' }, '*');
    const after = await item.select('Status', 'OData__UIVersionString')();
    expect(after.Status).toBe('Approved');
    expect(after['odata.etag']).toBe('"3"');
    const versions = await item.versions();
    expect(versions.map((v: { VersionLabel: string; Status: string }) => [v.VersionLabel, v.Status])).toEqual([['3.0', 'Approved'], ['2.0', 'Awaiting approval'], ['1.0', 'Draft']]);
    const tmp = await items.add({ Title: 'Temporary', Reference: 'P-TMP' });
    await items.getById(tmp.Id).delete();
    await expect(items.getById(tmp.Id)()).rejects.toMatchObject({ status: 404 });
  });
});

describe('more endpoints PnPjs calls', () => {
  it('reaches a list by id and by URL, updates list settings, and deletes fields and views', async () => {
    const info = await sp.web.lists.getByTitle('Procurements').select('Id')();
    const byId = await sp.web.lists.getById(info.Id).select('Title')();
    expect(byId.Title).toBe('Procurements');
    const byUrl = await sp.web.getList('/sites/socialvalue/Lists/Procurements').select('Title')();
    expect(byUrl.Title).toBe('Procurements');
    await sp.web.lists.getByTitle('Procurements').update({ WriteSecurity: 2, Description: 'One per procurement' });
    const after = await sp.web.lists.getByTitle('Procurements').select('WriteSecurity', 'Description')();
    expect(after).toMatchObject({ WriteSecurity: 2, Description: 'One per procurement' });
    await sp.web.lists.getByTitle('Procurements').update({ WriteSecurity: 1 });
    await sp.web.lists.getByTitle('Procurements').fields.getByInternalNameOrTitle('Score').delete();
    await expect(sp.web.lists.getByTitle('Procurements').fields.getByInternalNameOrTitle('Score')()).rejects.toMatchObject({ status: 400 });
    await expect(sp.web.lists.getByTitle('Procurements').fields.getByInternalNameOrTitle('Title').delete()).rejects.toMatchObject({ status: 400 });
    const v = await sp.web.lists.getByTitle('Procurements').views.add('Temporary');
    await sp.web.lists.getByTitle('Procurements').views.getById(v.Id).delete();
    expect((await sp.web.lists.getByTitle('Procurements').views()).map((x: { Title: string }) => x.Title)).not.toContain('Temporary');
  });

  it('handles multi-value lookups and people, recycle, and site users', async () => {
    await sp.web.lists.add('Measures', '', 100);
    await sp.web.lists.getByTitle('Measures').items.add({ Title: 'NT1 jobs' });
    await sp.web.lists.getByTitle('Measures').items.add({ Title: 'NT2 apprenticeships' });
    const measures = await sp.web.lists.getByTitle('Measures').select('Id')();
    const list = sp.web.lists.getByTitle('Procurements');
    await list.fields.createFieldAsXml({ SchemaXml: `<Field Type="LookupMulti" Mult="TRUE" Name="MeasureRefs" DisplayName="Measures" List="{${measures.Id}}" ShowField="Title" />`, Options: 8 });
    await list.fields.createFieldAsXml({ SchemaXml: '<Field Type="UserMulti" Mult="TRUE" Name="Reviewers" DisplayName="Reviewers" />', Options: 8 });
    const added = await list.items.add({ Title: 'Multi', Reference: 'P-MULTI', MeasureRefsId: [1, 2], ReviewersId: { results: [7, 10] } });
    expect(added).toMatchObject({ MeasureRefsId: [1, 2], ReviewersId: [7, 10], ReviewersStringId: ['7', '10'] });
    const got = await list.items.getById(added.Id).select('MeasureRefs/Title', 'Reviewers/EMail').expand('MeasureRefs', 'Reviewers')();
    expect(got.MeasureRefs.map((m: { Title: string }) => m.Title)).toEqual(['NT1 jobs', 'NT2 apprenticeships']);
    expect(got.Reviewers.map((m: { EMail: string }) => m.EMail)).toEqual(['priya.sandhu@svhub.example', 'daniel.hughes@svhub.example']);
    expect((await list.items.filter('MeasureRefsId eq 2').select('Id')()).map((x: { Id: number }) => x.Id)).toEqual([added.Id]);
    await list.items.getById(added.Id).recycle();
    await expect(list.items.getById(added.Id)()).rejects.toMatchObject({ status: 404 });
    const users = await sp.web.siteUsers.filter("substringof('svhub.example',Email)").select('Email')();
    expect(users.length).toBeGreaterThanOrEqual(6);
    const officer = await sp.web.siteUsers.getByEmail('tom.whitehouse@svhub.example')();
    expect(officer.Title).toBe('Tom Whitehouse');
    const byLogin = await sp.web.siteUsers.getByLoginName('i:0#.f|membership|tom.whitehouse@svhub.example')();
    expect(byLogin.Id).toBe(officer.Id);
  });
});
