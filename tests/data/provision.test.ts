// provision() through real PnPjs over HTTP against the local SharePoint-compatible server.
import { SCHEMA_VERSION, createLocalSp, missingLists, provision } from '../../src/data/sharepoint';
import { SCHEMA } from '../../src/data/schema';
import { startLocalServer } from '../support/localServer';
import type { LocalServer } from '../support/localServer';

jest.setTimeout(60_000);

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer({ seed: 'none', user: 'admin' });
});
afterAll(async () => {
  await server?.stop();
});

describe('provision()', () => {
  it('creates every list, field, view and the reference data, then changes nothing the second time', async () => {
    const sp = createLocalSp(server.siteUrl);
    const first = await provision(sp);
    expect(first.problems).toEqual([]);
    expect(first.updated).toEqual(
      expect.arrayContaining([
        'permissions Approvals (own permissions, Social Value Owners Full Control, Social Value Members Read, Social Value Visitors Read, Social Value Approvers Contribute)',
        'permissions Procurements (own permissions, Social Value Owners Full Control, Social Value Members Contribute, Social Value Visitors Read, Social Value Approvers Contribute)',
      ]),
    );
    for (const list of SCHEMA) expect(first.created).toContain(`list ${list.title}`);
    expect(first.created).toContain('field Procurements.Reference');
    expect(first.created.some((c) => /measures? in Measures/.test(c))).toBe(true);

    const second = await provision(sp);
    expect(second.created).toEqual([]);
    expect(second.updated).toEqual([]);
    expect(second.problems).toEqual([]);
    expect(second.unchanged).toBeGreaterThan(100);
  });
});

describe('a site provisioned with an older schema', () => {
  it('reports the lists changed since as needing an update until a site owner provisions again, which records the new version', async () => {
    const sp = createLocalSp(server.siteUrl);
    expect(await missingLists(sp)).toEqual([]);
    const settings = sp.web.lists.getByTitle('Settings').items;
    const [version] = (await settings.filter("Title eq 'hub.schemaVersion'").select('Id', 'SettingValue')()) as { Id: number; SettingValue: string }[];
    expect(version.SettingValue).toBe(SCHEMA_VERSION);
    // As a site provisioned before Rollups carried quantities (and Verifications became the approvers') records it.
    await settings.getById(version.Id).update({ SettingValue: '1' });
    expect(await missingLists(sp)).toEqual(['Verifications', 'Rollups']);
    await settings.getById(version.Id).update({ SettingValue: '3' });
    expect(await missingLists(sp)).toEqual(['Verifications']);
    const repair = await provision(sp);
    expect(repair.problems).toEqual([]);
    expect(repair.updated).toContain(`setting hub.schemaVersion (3 → ${SCHEMA_VERSION})`);
    expect(await missingLists(sp)).toEqual([]);
    expect((await provision(sp)).updated).toEqual([]);
  });
});

describe('provision() on a site that drifted', () => {
  it('puts back a renamed column, an unindexed column and a changed view, and says so', async () => {
    const sp = createLocalSp(server.siteUrl);
    const fields = sp.web.lists.getByTitle('Procurements').fields;
    await fields.getByInternalNameOrTitle('Directorate').update({ Title: 'Dept' });
    await fields.getByInternalNameOrTitle('Tier').update({ Indexed: false });
    await fields.getByInternalNameOrTitle('Reference').update({ EnforceUniqueValues: false });
    await fields.getByInternalNameOrTitle('Reference').update({ Indexed: false });
    const view = (await sp.web.lists.getByTitle('Procurements').views.getByTitle('Awaiting approval').select('Id')()) as { Id: string };
    await sp.web.lists.getByTitle('Procurements').views.getById(view.Id).update({ RowLimit: 5 });
    await sp.web.lists.getByTitle('Procurements').views.getById(view.Id).fields.remove('Approver');

    const repair = await provision(sp);
    expect(repair.created).toEqual([]);
    expect(repair.updated.sort()).toEqual(
      [
        'field Procurements.Directorate (Title)',
        'field Procurements.Tier (Indexed)',
        'field Procurements.Reference (Indexed, EnforceUniqueValues)',
        'view Procurements/Awaiting approval (RowLimit, columns)',
      ].sort(),
    );
    const reference = (await fields.getByInternalNameOrTitle('Reference').select('Indexed', 'EnforceUniqueValues')()) as { Indexed: boolean; EnforceUniqueValues: boolean };
    expect(reference).toMatchObject({ Indexed: true, EnforceUniqueValues: true });
    const again = await provision(sp);
    expect(again.updated).toEqual([]);
    expect(again.created).toEqual([]);
  });

  it('puts back choices a site lost (through the field SchemaXml, which SharePoint lets you set)', async () => {
    const sp = createLocalSp(server.siteUrl);
    const status = sp.web.lists.getByTitle('Procurements').fields.getByInternalNameOrTitle('Status');
    const { SchemaXml } = (await status.select('SchemaXml')()) as { SchemaXml: string };
    await status.update({ SchemaXml: SchemaXml.replace('<CHOICE>Withdrawn</CHOICE>', '') });
    const repair = await provision(sp);
    expect(repair.updated).toEqual(['field Procurements.Status (choices)']);
    const after = (await status.select('Choices')()) as { Choices: string[] };
    expect(after.Choices).toContain('Withdrawn');
  });
});
