/**
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// exceljs (the .xlsx import) is a Node/CommonJS package: resolve its dependencies as Node does, as webpack does for the browser build.
import * as React from 'react';
import { act, render, screen, within, waitFor } from '@testing-library/react';
import ExcelJS from 'exceljs';
import userEvent from '@testing-library/user-event';
import { CURRENT_POLICY_EDITION, commitmentFor, measureByCode } from '../../src/domain';
import { SETTING_KEYS } from '../../src/domain';
import { MeasureLibraryAdmin } from '../../src/ui/library';
import { memoryHub, withLibrary } from '../support/memoryHubData';

jest.setTimeout(60_000);

function setup(canManageSite = true) {
  const hub = memoryHub();
  const library = withLibrary(hub);
  hub.settings.set(SETTING_KEYS.policyEdition, CURRENT_POLICY_EDITION.id);
  hub.settings.set(SETTING_KEYS.lightTouchLimitPence, '5000000');
  hub.settings.set(SETTING_KEYS.weightingMinPercent, '5');
  hub.settings.set(SETTING_KEYS.weightingMaxPercent, '30');
  const user = userEvent.setup({ delay: null });
  render(<MeasureLibraryAdmin data={hub.data} canManageSite={canManageSite} today="2026-11-25" />);
  return { hub, library, user };
}

async function replace(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, value: string): Promise<void> {
  await user.clear(field);
  if (value) await user.type(field, value);
}

describe('measure library admin', () => {
  it('is for site owners only', async () => {
    const { library } = setup(false);
    expect(screen.getByText(/Only site owners can change the measure library/)).toBeTruthy();
    await act(async () => undefined);
    expect(screen.queryByRole('tab', { name: 'Import' })).toBeNull();
    expect(library.measureSaves).toBe(0);
  });

  it('lists measures by theme with unit, proxy, edition, source, record-only and active', async () => {
    setup();
    const table = await screen.findByRole('table', { name: 'Measures: Creating Healthier, Stronger Communities' });
    const row = within(table).getByRole('row', { name: /HSC-01/ });
    expect(within(row).getByText('hours')).toBeTruthy();
    expect(within(row).getByText('£16.93')).toBeTruthy();
    expect(within(row).getByText('SVH 2026')).toBeTruthy();
    expect(within(row).getByText(/Staff volunteering £16.93 per hour/)).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Measures: Growth, Skills and Employment' })).toBeTruthy();
  });

  it('a proxy change is a new edition and leaves awarded commitments at their locked proxy', async () => {
    const { library, user } = setup();
    const awarded = commitmentFor(measureByCode('HSC-01')!, { procurementReference: 'WMCA-2026-0001', targetQuantity: 200, dueDate: '2027-03-31' });
    await user.click(await screen.findByRole('button', { name: 'Edit HSC-01' }));
    const editor = screen.getByRole('region', { name: 'Edit measure HSC-01' });
    await replace(user, within(editor).getByLabelText(/Proxy \(£ per unit\)/), '18.50');
    expect(within(editor).getByText(/Commitments already awarded keep the proxy locked at their award/)).toBeTruthy();
    await user.click(within(editor).getByRole('button', { name: 'Save measure' }));
    expect(await within(editor).findByText(/A new proxy needs a new edition name/)).toBeTruthy();
    expect(library.measureSaves).toBe(0);

    await replace(user, within(editor).getByLabelText(/^Edition/), 'SVH 2027');
    await replace(user, within(editor).getByLabelText(/^Source/), 'Staff volunteering £18.50 per hour: 2027 survey.');
    await user.click(within(editor).getByRole('button', { name: 'Save measure' }));
    expect(await screen.findByText('Saved HSC-01.')).toBeTruthy();
    expect(library.measures.get('HSC-01')).toMatchObject({ proxyPence: 1850, proxyEdition: 'SVH 2027' });
    expect(awarded.proxyPenceLocked).toBe(1693);
    const table = await screen.findByRole('table', { name: 'Measures: Creating Healthier, Stronger Communities' });
    await waitFor(() => expect(within(within(table).getByRole('row', { name: /HSC-01/ })).getByText('£18.50')).toBeTruthy());
  });

  it('imports a CSV: rows with problems are reported by row, nothing is saved until confirmed, then only the good rows', async () => {
    const { library, user } = setup();
    await user.click(await screen.findByRole('tab', { name: 'Import' }));
    const csv = [
      'Code,Theme,Outcome,What is counted,Unit,Proxy (£ per unit),Proxy edition,Proxy source,Record only,Active',
      'HSC-07,,Food security,"Meals donated, counted",count,2.50,SVH 2027,Food bank survey,No,Yes',
      'ENV-07,,Clean water,Litres saved,litres,,,,,',
      'XYZ-9,,Bad,Bad,count,,,,,',
    ].join('\r\n');
    await user.upload(screen.getByLabelText(/Choose a measure sheet/), new File([csv], 'measures.csv', { type: 'text/csv' }));
    const preview = await screen.findByRole('table', { name: 'Import preview' });
    expect(within(preview).getByRole('row', { name: /HSC-07 New measure/ })).toBeTruthy();
    expect(within(within(preview).getByRole('row', { name: /ENV-07/ })).getByText(/Unit: Unknown unit "litres"/)).toBeTruthy();
    expect(within(within(preview).getByRole('row', { name: /XYZ-9/ })).getByText(/Code: The measure code must be a theme prefix/)).toBeTruthy();
    expect(screen.getByText('1 row(s) ready to save, 2 with problems, 0 unchanged.')).toBeTruthy();
    expect(library.measureSaves).toBe(0);
    await user.click(screen.getByRole('button', { name: 'Save 1 measure(s)' }));
    expect(await screen.findByText('Saved 1 measure(s).')).toBeTruthy();
    expect(library.measureSaves).toBe(1);
    expect(library.measures.get('HSC-07')).toMatchObject({ text: 'Meals donated, counted', proxyPence: 250, recordOnly: false });
    expect(library.measures.has('ENV-07')).toBe(false);
  });

  it('adds the 2028 threshold table as a new edition, never rewriting a table in force', async () => {
    const { hub, library, user } = setup();
    await user.click(await screen.findByRole('tab', { name: 'Threshold tables' }));
    await user.click(await screen.findByRole('button', { name: 'Add a threshold table' }));
    const form = screen.getByRole('region', { name: 'New threshold table' });
    await user.type(within(form).getByLabelText(/New edition id/), CURRENT_POLICY_EDITION.id);
    await user.type(within(form).getByLabelText(/Takes effect on/), '2026-01-01');
    await user.click(within(form).getByRole('button', { name: 'Save the table as a new edition' }));
    expect(await within(form).findByText(/already exists and records were judged under it/)).toBeTruthy();
    expect(within(form).getByText(/already in force and decisions were made under it/)).toBeTruthy();
    expect(within(form).getByText(/Say where the figures come from/)).toBeTruthy();
    expect(library.thresholdSaves).toBe(0);

    await replace(user, within(form).getByLabelText(/New edition id/), 'wmca-svp-2028');
    await replace(user, within(form).getByLabelText(/Takes effect on/), '2028-01-01');
    await user.type(within(form).getByLabelText(/Source of the figures/), 'Threshold Amounts regulations 2027');
    await replace(user, within(within(form).getByRole('group', { name: 'Sub-central' })).getByLabelText(/goods/i), '214,000');
    await user.click(within(form).getByRole('button', { name: 'Save the table as a new edition' }));
    expect(await screen.findByText(/Saved the table from 1 January 2028 as edition wmca-svp-2028/)).toBeTruthy();
    expect(library.thresholdSaves).toBe(40);
    expect(library.thresholds.filter((r) => r.effectiveFrom === '2028-01-01' && r.regime === 'sub-central' && r.contractType === 'goods')[0].valuePence).toBe(21400000);
    expect(library.thresholds.filter((r) => r.effectiveFrom === '2026-01-01').every((r) => r.effectiveTo === '2027-12-31')).toBe(true);
    expect(hub.settings.get(SETTING_KEYS.policyEdition)).toBe('wmca-svp-2028');
    expect(hub.settings.get(`policy.editions.wmca-svp-2028`)).toBeTruthy();
    expect(await screen.findByRole('heading', { name: /In force from 1 January 2028/ })).toBeTruthy();
  });

  it('saves policy figures as a new edition, with the domain’s problems under each field', async () => {
    const { hub, user } = setup();
    await user.click(await screen.findByRole('tab', { name: 'Policy figures' }));
    expect(await screen.findByText(/Light touch below £50,000; social value weighting 5% to 30%/)).toBeTruthy();
    await user.type(screen.getByLabelText(/New edition id/), 'wmca-svp-2028');
    await user.type(screen.getByLabelText(/Where the figures come from/), 'Policy review 2028');
    await replace(user, screen.getByLabelText(/Lowest weighting/), '40');
    await user.click(screen.getByRole('button', { name: 'Save as a new edition' }));
    expect(await screen.findByText(/The minimum weighting \(40%\) is above the maximum \(30%\)/)).toBeTruthy();
    expect(hub.settings.get(SETTING_KEYS.policyEdition)).toBe(CURRENT_POLICY_EDITION.id);

    await replace(user, screen.getByLabelText(/Lowest weighting/), '10');
    await replace(user, screen.getByLabelText(/Light-touch line/), '60,000');
    await user.click(screen.getByRole('button', { name: 'Save as a new edition' }));
    await waitFor(() => expect(hub.settings.get(SETTING_KEYS.policyEdition)).toBe('wmca-svp-2028'));
    expect(hub.settings.get(SETTING_KEYS.lightTouchLimitPence)).toBe('6000000');
    expect(hub.settings.get(SETTING_KEYS.weightingMinPercent)).toBe('10');
    expect(await screen.findByText('Saved edition wmca-svp-2028.')).toBeTruthy();
    expect(await screen.findByText(/In force: edition wmca-svp-2028. Light touch below £60,000; social value weighting 10% to 30%/)).toBeTruthy();
  });

  it('adds an authority’s own edition, each problem under its field, never reusing an id', async () => {
    const { hub, user } = setup();
    await user.click(await screen.findByRole('tab', { name: 'Authorities’ editions' }));
    expect(await screen.findByText(/No authority has its own edition yet/)).toBeTruthy();
    await user.selectOptions(screen.getByLabelText(/^Authority/), 'coventry');
    await user.type(screen.getByLabelText(/^Edition id/), CURRENT_POLICY_EDITION.id);
    await user.type(screen.getByLabelText(/^In force from/), '2026-04-01');
    await user.type(screen.getByLabelText(/^Light-touch line/), 'lots');
    await user.type(screen.getByLabelText(/^Lowest weighting/), '10');
    await user.type(screen.getByLabelText(/^Highest weighting/), '20');
    await user.click(screen.getByRole('button', { name: 'Add the edition' }));
    expect(screen.getByLabelText(/^Light-touch line/)).toHaveAccessibleDescription(/light-touch line/i);
    expect(hub.settings.get(SETTING_KEYS.authorityEditions)).toBeUndefined();

    await replace(user, screen.getByLabelText(/^Light-touch line/), '75,000');
    await user.type(screen.getByLabelText(/^Measure set/), 'gse-01, ENV-01');
    await user.click(screen.getByRole('button', { name: 'Add the edition' }));
    expect(await screen.findByText(/already exists and records may name it/)).toBeTruthy();
    expect(screen.getByLabelText(/^The authority’s policy/)).toHaveAccessibleDescription(/Say which policy of the authority/);
    expect(hub.settings.get(SETTING_KEYS.authorityEditions)).toBeUndefined();

    await replace(user, screen.getByLabelText(/^Edition id/), 'coventry-svp-2026');
    await user.type(screen.getByLabelText(/^The authority’s policy/), 'Coventry social value policy, 2026');
    await user.click(screen.getByRole('button', { name: 'Add the edition' }));
    expect(await screen.findByText('Added edition coventry-svp-2026 for Coventry City Council.')).toBeTruthy();
    expect(JSON.parse(hub.settings.get(SETTING_KEYS.authorityEditions)!)).toEqual([
      expect.objectContaining({ authorityId: 'coventry', editionId: 'coventry-svp-2026', lightTouchLimitPence: 7_500_000, weightingMinPercent: 10, weightingMaxPercent: 20, measureCodes: ['GSE-01', 'ENV-01'] }),
    ]);
    const table = await screen.findByRole('table', { name: 'Authorities’ own editions' });
    expect(within(table).getByRole('row', { name: /Coventry City Council/ })).toHaveTextContent('Light touch below £75,000; weighting 10% to 20%');
  });

  it('shows the domain’s problem under the field when a measure is incomplete, and saves nothing', async () => {
    const { library, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Add a measure' }));
    const editor = screen.getByRole('region', { name: 'Add a measure' });
    await user.type(within(editor).getByLabelText(/^Code/), 'GSE-13');
    await user.selectOptions(within(editor).getByLabelText(/^Theme/), 'environment');
    await user.click(within(editor).getByRole('button', { name: 'Save measure' }));
    expect(await within(editor).findByText(/belongs to "Growth, Skills and Employment"/)).toBeTruthy();
    expect(within(editor).getByText('Describe the outcome the measure evidences.')).toBeTruthy();
    expect(within(editor).getByText(/Choose the unit/)).toBeTruthy();
    expect(library.measureSaves).toBe(0);
  });

  it('imports an .xlsx workbook with a per-row error report, and says which saves failed', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Measures');
    ws.addRow(['Code', 'Theme', 'Outcome', 'What is counted', 'Unit', 'Proxy (£ per unit)', 'Proxy edition', 'Proxy source', 'Record only', 'Active']);
    ws.addRow(['ENV-08', 'Environment', 'Biodiversity', 'Hectares of habitat improved', 'count', undefined, undefined, undefined, 'Yes', 'Yes']);
    ws.addRow(['ENV-09', 'Environment', 'Repair', 'Items repaired', 'count', 3.5, undefined, undefined, 'No', 'Yes']);
    ws.addRow(['PAD-05', 'Planning and Development', 'Early engagement', 'Workshops held', 'count', undefined, undefined, undefined, undefined, undefined]);
    const bytes = (await wb.xlsx.writeBuffer()) as ArrayBuffer;
    // The hub after the workbook is written: its screen's first reads land while the test waits for the tab.
    const { hub, library, user } = setup();
    const save = hub.data.measures.save;
    hub.data.measures.save = async (m) => {
      if (m.code === 'PAD-05') throw new Error('The list refused the item.');
      return save(m);
    };
    await user.click(await screen.findByRole('tab', { name: 'Import' }));
    await user.upload(screen.getByLabelText(/Choose a measure sheet/), new File([bytes], 'measures.xlsx'));
    const preview = await screen.findByRole('table', { name: 'Import preview' });
    const bad = within(preview).getByRole('row', { name: /ENV-09/ });
    expect(within(bad).getByText(/Proxy edition: Say which edition or year the proxy comes from/)).toBeTruthy();
    expect(within(bad).getByText(/Proxy source: Say where the proxy figure comes from/)).toBeTruthy();
    expect(within(preview).getByRole('row', { name: /^3 ENV-09/ })).toBeTruthy();
    expect(library.measureSaves).toBe(0);
    await user.click(screen.getByRole('button', { name: 'Save 2 measure(s)' }));
    expect(await screen.findByText('Saved 1 measure(s).')).toBeTruthy();
    expect(screen.getByRole('alert')).toHaveProperty('textContent', expect.stringMatching(/PAD-05: The list refused the item/));
    expect(library.measures.get('ENV-08')).toMatchObject({ recordOnly: true, active: true });
    expect(library.measures.has('ENV-09')).toBe(false);
  });
});
