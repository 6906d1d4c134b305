import ExcelJS from 'exceljs';
import { CURRENT_POLICY_EDITION, MEASURES, commitmentFor, measureByCode, thresholdRowsFromTables } from '../../src/domain';
import type { Measure } from '../../src/domain';
import { SETTING_KEYS } from '../../src/domain';
import { parseCsv, toCsv } from '../../src/documents/csv';
import { cellText, readMeasureCsv, readMeasureWorkbook } from '../../src/documents/measureFile';
import { measuresToCsv, readMeasureRows } from '../../src/documents/measureSheet';
import { editionInForce, editionSettings, figuresAsText, knownEditionIds, measureChangeProblems, planPolicyFigures, planThresholdTable } from '../../src/domain';

const HEAD = 'Code,Theme,Outcome,What is counted,Unit,Proxy (£ per unit),Proxy edition,Proxy source,Record only,Active';

describe('CSV reader', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF and a BOM', () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n\r\nlast,,\r\n';
    const { rows, problems } = parseCsv(text);
    expect(problems).toEqual([]);
    expect(rows).toEqual([['a', 'b', 'c'], ['x, y', 'say "hi"', 'two\nlines'], [], ['last', '', '']]);
  });

  it('reads LF and CR line ends and a last line without one', () => {
    expect(parseCsv('a,b\nc,d\re,f').rows).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f']]);
  });

  it('reports a quote never closed with its line', () => {
    const { problems } = parseCsv('a,b\n"open,c\nd');
    expect(problems[0]).toMatch(/Line 2: a quoted field is never closed/);
  });

  it('round-trips through toCsv', () => {
    const rows = [['Code', 'Text'], ['GSE-01', 'Residents, "local", employed\nover years']];
    expect(parseCsv(toCsv(rows)).rows).toEqual(rows);
  });
});

describe('measure sheet import', () => {
  it('gives one entry per row: ready measures and a per-row error report, nothing dropped', () => {
    const csv = [
      HEAD,
      'HSC-07,Creating Healthier Stronger Communities,Food security,Meals donated to local food banks,count,2.50,SVH 2027,Food bank survey 2027,No,Yes',
      'GSE-13,,Older workers,People over 50 hired for the contract,FTE,,,,,',
      'XYZ-1,Environment,Bad code,Something,count,,,,,',
      'ENV-07,Environment,Clean water,Litres saved,litres,,,,,',
      'PLB-07,Promoting Local Businesses,Bad money,Spend,£ spend,12.345,E,S,No,Yes',
      'GSE-13,,Again,Again,FTE,,,,,',
      'INN-05,Social Innovation,Valued without edition,Hours,hours,10,,,No,maybe',
    ].join('\r\n');
    const result = readMeasureCsv(csv, MEASURES);
    expect(result.fileErrors).toEqual([]);
    expect(result.rows.map((r) => [r.row, r.code, r.errors.map((e) => e.field)])).toEqual([
      [2, 'HSC-07', []],
      [3, 'GSE-13', []],
      [4, 'XYZ-1', ['code']],
      [5, 'ENV-07', ['unit']],
      [6, 'PLB-07', ['proxyPence']],
      [7, 'GSE-13', ['code']],
      [8, 'INN-05', ['active', 'proxyEdition', 'proxySource']],
    ]);
    expect(result.rows[0].measure).toMatchObject({ themeId: 'healthier-stronger-communities', proxyPence: 250, recordOnly: false, active: true });
    expect(result.rows[1].measure).toMatchObject({ themeId: 'growth-skills-employment', recordOnly: true, active: true });
    expect(result.rows[1].measure!.proxyPence).toBeUndefined();
    expect(result.rows[4].errors[0].message).toMatch(/is not an amount of money/);
    expect(result.rows[5].errors[0].message).toMatch(/already on row 3/);
    expect(result.ready.map((m) => m.code)).toEqual(['HSC-07', 'GSE-13']);
  });

  it('names missing required columns and stops', () => {
    const result = readMeasureCsv('Code,Theme\r\nGSE-01,x\r\n', MEASURES);
    expect(result.fileErrors).toEqual(expect.arrayContaining(['The heading row has no "Outcome" column.', 'The heading row has no "Unit" column.']));
    expect(result.rows).toEqual([]);
  });

  it('an empty file says what it needs', () => {
    expect(readMeasureCsv('', MEASURES).fileErrors[0]).toMatch(/empty/);
  });

  it('re-importing the library as exported changes nothing', () => {
    const result = readMeasureCsv(measuresToCsv(MEASURES), MEASURES);
    expect(result.fileErrors).toEqual([]);
    expect(result.rows.every((r) => r.errors.length === 0 && r.action === 'unchanged')).toBe(true);
    expect(result.ready).toEqual([]);
  });

  it('refuses a changed proxy under the same edition name, and accepts it under a new one', () => {
    const hsc01 = measureByCode('HSC-01')!;
    const sameEdition = readMeasureRows(
      [HEAD.split(','), ['HSC-01', '', hsc01.outcome, hsc01.text, 'hours', '18.00', hsc01.proxyEdition!, 'New survey', 'No', 'Yes']],
      MEASURES,
    );
    expect(sameEdition.rows[0].errors).toEqual([expect.objectContaining({ field: 'proxyEdition', message: expect.stringMatching(/new edition name/) })]);
    const newEdition = readMeasureRows(
      [HEAD.split(','), ['HSC-01', '', hsc01.outcome, hsc01.text, 'hours', '18.00', 'SVH 2027', 'New survey', 'No', 'Yes']],
      MEASURES,
    );
    expect(newEdition.rows[0]).toMatchObject({ action: 'update', newProxyEdition: true, errors: [] });
    expect(newEdition.ready[0]).toMatchObject({ code: 'HSC-01', proxyPence: 1800, proxyEdition: 'SVH 2027' });
  });

  it('reads an .xlsx workbook the same way, numbers as typed', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Measures');
    ws.addRow(HEAD.split(','));
    ws.addRow(['ENV-08', 'Protecting and Improving our Environment', 'Biodiversity', 'Hectares improved', 'count', 16.93, 'SVH 2027', 'Survey', false, true]);
    ws.addRow(['ENV-09', 'Environment', 'x', '', 'count']);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const result = await readMeasureWorkbook(bytes, MEASURES);
    expect(result.fileErrors).toEqual([]);
    expect(result.rows[0]).toMatchObject({ row: 2, code: 'ENV-08', errors: [] });
    expect(result.rows[0].measure).toMatchObject({ proxyPence: 1693, recordOnly: false, active: true });
    expect(result.rows[1]).toMatchObject({ row: 3, errors: [expect.objectContaining({ field: 'text' })] });
  });

  it('reads a cell number as Excel shows it (no binary float noise)', () => {
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText(16.93)).toBe('16.93');
    expect(cellText({ formula: 'A1*2', result: 33.86 } as never)).toBe('33.86');
  });

  it('a file that is not a workbook is a file error, not a crash', async () => {
    const result = await readMeasureWorkbook(new Uint8Array([1, 2, 3]), MEASURES);
    expect(result.fileErrors[0]).toMatch(/not an Excel workbook/);
  });
});

describe('proxy editions never touch existing commitments', () => {
  it('a commitment keeps the proxy locked at award after the measure gets a new edition', () => {
    const before = measureByCode('HSC-01')!;
    const commitment = commitmentFor(before, { procurementReference: 'WMCA-2026-0001', targetQuantity: 100, dueDate: '2027-03-31' });
    const after: Measure = { ...before, proxyPence: 2000, proxyEdition: 'SVH 2027', proxySource: 'New survey' };
    expect(measureChangeProblems(before, after)).toEqual([]);
    expect(commitment.proxyPenceLocked).toBe(1693);
  });

  it('the code of a measure cannot change', () => {
    const before = measureByCode('HSC-01')!;
    expect(measureChangeProblems(before, { ...before, code: 'HSC-09' }).map((e) => e.field)).toContain('code');
  });

  it('nor its unit: quantities already recorded count in it, and are added up only within one unit', () => {
    const before = measureByCode('GSE-07')!;
    const problems = measureChangeProblems(before, { ...before, unit: 'count' });
    expect(problems).toEqual([{ field: 'unit', message: expect.stringMatching(/GSE-07 counts in weeks.*Add a new measure in count/) }]);
  });
});

describe('policy figures and threshold tables as new editions', () => {
  const settings = {
    [SETTING_KEYS.policyEdition]: CURRENT_POLICY_EDITION.id,
    [SETTING_KEYS.lightTouchLimitPence]: '5000000',
    [SETTING_KEYS.weightingMinPercent]: '5',
    [SETTING_KEYS.weightingMaxPercent]: '30',
  };
  const current = editionInForce(settings, []);

  it('new figures need a new edition id and pass the domain checks', () => {
    const input = { editionId: CURRENT_POLICY_EDITION.id, label: '', source: 'Policy review 2028', lightTouchLimit: '£60,000', weightingMinPercent: '10', weightingMaxPercent: '5' };
    const refused = planPolicyFigures(input, current, knownEditionIds(settings));
    expect(refused.errors.map((e) => e.field)).toEqual(['editionId']);
    const inverted = planPolicyFigures({ ...input, editionId: 'wmca-svp-2028' }, current, knownEditionIds(settings));
    expect(inverted.errors).toEqual([expect.objectContaining({ field: 'weightingMaxPercent', message: expect.stringMatching(/above the maximum/) })]);
    const ok = planPolicyFigures({ ...input, editionId: 'wmca-svp-2028', weightingMaxPercent: '35%' }, current, knownEditionIds(settings));
    expect(ok.errors).toEqual([]);
    expect(ok.edition).toMatchObject({ id: 'wmca-svp-2028', lightTouchLimitPence: 6000000, weightingMinPercent: 10, weightingMaxPercent: 35 });
    const written = editionSettings(ok.edition!, '2026-11-25T00:00:00Z');
    expect(written.map(([k]) => k)).toEqual(['policy.editions.wmca-svp-2028', SETTING_KEYS.lightTouchLimitPence, SETTING_KEYS.weightingMinPercent, SETTING_KEYS.weightingMaxPercent, SETTING_KEYS.policyEdition]);
    const after = Object.fromEntries(written.map(([k, v]) => [k, v]));
    expect(knownEditionIds({ ...settings, ...after })).toEqual(expect.arrayContaining(['wmca-svp-2028', CURRENT_POLICY_EDITION.id]));
  });

  it('a light-touch line above a threshold is refused by the domain', () => {
    const plan = planPolicyFigures(
      { editionId: 'x-1', label: '', source: 's', lightTouchLimit: '300,000', weightingMinPercent: '5', weightingMaxPercent: '30' },
      current,
      [],
    );
    expect(plan.edition).toBeUndefined();
    expect(plan.errors.some((e) => /must be above the light-touch limit/.test(e.message))).toBe(true);
  });

  it('adds the 2028 table as a new edition; rows to save are the new table and the end date of 2026', () => {
    const figures = figuresAsText(current.thresholdTables[current.thresholdTables.length - 1]);
    figures['sub-central'].goods = '214,000';
    const plan = planThresholdTable({ editionId: 'wmca-svp-2028', effectiveFrom: '2028-01-01', source: 'SI 2027/1', figures }, current, knownEditionIds(settings), '2026-11-25', thresholdRowsFromTables(current.thresholdTables));
    expect(plan.errors).toEqual([]);
    expect(plan.edition!.thresholdTables.map((t) => t.effectiveFrom)).toEqual(['2024-01-01', '2026-01-01', '2028-01-01']);
    const added = plan.rowsToSave.filter((r) => r.effectiveFrom === '2028-01-01');
    const ended = plan.rowsToSave.filter((r) => r.effectiveFrom === '2026-01-01');
    expect(added).toHaveLength(20);
    expect(added.filter((r) => r.regime === 'sub-central' && r.contractType === 'goods')[0].valuePence).toBe(21400000);
    expect(ended).toHaveLength(20);
    expect(ended.every((r) => r.effectiveTo === '2027-12-31')).toBe(true);
    expect(plan.rowsToSave.some((r) => r.effectiveFrom === '2024-01-01')).toBe(false);
  });

  it('with an empty Thresholds list (built-in tables in use) every table is written, so none is lost', () => {
    const figures = figuresAsText(current.thresholdTables[1]);
    const plan = planThresholdTable({ editionId: 'wmca-svp-2028', effectiveFrom: '2028-01-01', source: 'SI 2027/1', figures }, current, [], '2026-11-25', []);
    expect(plan.rowsToSave).toHaveLength(60);
  });

  it('never rewrites a table already in force, and reports bad figures by cell', () => {
    const figures = figuresAsText(current.thresholdTables[1]);
    figures.central.works = 'lots';
    const plan = planThresholdTable({ editionId: 'e2', effectiveFrom: '2026-01-01', source: '', figures }, current, [], '2026-11-25', []);
    expect(plan.errors.map((e) => e.field).sort()).toEqual(['central.works', 'effectiveFrom', 'source']);
    expect(plan.rowsToSave).toEqual([]);
  });
});
