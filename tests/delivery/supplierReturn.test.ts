import ExcelJS from 'exceljs';
import { MEASURES, commitmentFor, measureByCode, outcomeLogFor, periodById } from '../../src/domain';
import type { Commitment } from '../../src/domain';
import { ATTESTATION, annotateSupplierReturn, buildSupplierReturn, readSupplierReturn, supplierReturnFileName } from '../../src/documents/supplierReturn';
import { fillReturn } from './returnWorkbook';
import type { SupplierAnswers } from './returnWorkbook';

const REF = 'WMCA-2026-0042';
const period = periodById('2026-27 Q1');

function commitments(): Commitment[] {
  return [
    { ...commitmentFor(measureByCode('HSC-01')!, { procurementReference: REF, targetQuantity: 400, dueDate: '2027-03-31' }), id: 1 },
    { ...commitmentFor(measureByCode('GSE-08')!, { procurementReference: REF, targetQuantity: 6, dueDate: '2027-03-31' }), id: 2 },
    { ...commitmentFor(measureByCode('ENV-01')!, { procurementReference: REF, targetQuantity: 12.5, dueDate: '2027-03-31' }), id: 3 },
  ];
}

async function blankReturn(): Promise<Uint8Array> {
  return buildSupplierReturn({ reference: REF, title: 'Depot refurbishment', supplierName: 'Tame Valley Facilities Ltd (fictional)', period, commitments: commitments(), library: MEASURES });
}

const ctx = (existingLogs = [] as ReturnType<typeof outcomeLogFor>[]) => ({
  reference: REF,
  commitments: commitments(),
  library: MEASURES,
  existingLogs,
  reportedBy: 'priya.sandhu@svhub.example',
  asOf: '2026-07-15',
});

describe('the supplier return workbook', () => {
  it('holds the contract, the period, each commitment with its unit, the attestation, and validation on quantity cells', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await blankReturn()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Return')!;
    const cells: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toEqual(expect.arrayContaining([REF, '2026-27 Q1', 'HSC-01', 'hours', 'GSE-08', 'count', 'ENV-01', 'tonnes CO2e', ATTESTATION, '30 July 2026']));
    let countRow = 0;
    let carbonRow = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === 'GSE-08') countRow = n;
      if (row.getCell(1).value === 'ENV-01') carbonRow = n;
    });
    expect(ws.getRow(countRow).getCell(5).dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(ws.getRow(carbonRow).getCell(5).dataValidation).toMatchObject({ type: 'decimal' });
    expect(supplierReturnFileName(REF, period)).toBe('Social value return WMCA-2026-0042 2026-27 Q1.xlsx');
  });

  it('reads a correctly filled return back as Reported logs at the locked proxy', async () => {
    const filled = await fillReturn(await blankReturn(), {
      attest: 'Yes',
      rows: { 'HSC-01': [120, 'https://supplier.example/evidence/q1'], 'GSE-08': [2, undefined, '2 apprenticeships started; contracts on file'], 'ENV-01': [1.25, 'https://supplier.example/carbon'] },
    });
    const read = await readSupplierReturn(filled, ctx());
    expect(read.fileErrors).toEqual([]);
    expect(read.rows.map((r) => [r.measureCode, r.status])).toEqual([['HSC-01', 'ready'], ['GSE-08', 'ready'], ['ENV-01', 'ready']]);
    expect(read.ready).toHaveLength(3);
    expect(read.ready[0]).toMatchObject({ measureCode: 'HSC-01', quantity: 120, periodEnd: '2026-06-30', proxyPence: 1693, valuePence: 203_160, verification: 'Reported', commitmentId: 1, reportedBy: 'priya.sandhu@svhub.example' });
    expect(read.ready[1].evidenceNotes).toContain('attested by the supplier');
    expect(read.ready[2]).toMatchObject({ quantity: 1.25, valuePence: 30_625 });
  });

  it('reports every bad row with its reason and imports nothing', async () => {
    const existing = [outcomeLogFor(commitments()[2], { periodDate: '2026-06-30', quantity: 1, reportedBy: 'a@svhub.example', evidenceUrl: 'https://x.example' })];
    const filled = await fillReturn(await blankReturn(), {
      attest: 'Yes',
      rows: { 'HSC-01': [-5], 'GSE-08': ['about ten'], 'ENV-01': [2] },
      extraRows: [['XYZ-99', 'Something else', 'hours', 10, 5]],
    });
    const read = await readSupplierReturn(filled, ctx(existing));
    expect(read.fileErrors).toEqual([]);
    const byCode = Object.fromEntries(read.rows.map((r) => [r.measureCode, r]));
    expect(byCode['HSC-01'].messages.join(' ')).toMatch(/cannot be negative/);
    expect(byCode['GSE-08'].messages.join(' ')).toMatch(/"about ten" is not a number/);
    expect(byCode['ENV-01'].messages.join(' ')).toMatch(/already reported for 2026-27 Q1/);
    expect(byCode['XYZ-99'].messages.join(' ')).toMatch(/not in the measure library/);
    expect(read.rows.every((r) => r.status === 'error')).toBe(true);
    expect(read.rows.every((r) => r.row > 0)).toBe(true);
    expect(read.ready).toEqual([]);

    // The supplier gets their own workbook back with each row's problem beside it.
    const annotated = new ExcelJS.Workbook();
    await annotated.xlsx.load((await annotateSupplierReturn(filled, read)) as unknown as ArrayBuffer);
    const problems: { [code: string]: string } = {};
    annotated.getWorksheet('Return')!.eachRow((row) => (problems[String(row.getCell(1).value)] = String(row.getCell(8).value ?? '')));
    expect(problems['Measure code']).toBe('Problems found by the hub');
    expect(problems['HSC-01']).toMatch(/cannot be negative/);
    expect(problems['XYZ-99']).toMatch(/not in the measure library/);
  });

  it('refuses a wrong unit, a whole count with decimals and notes with personal details', async () => {
    const bytes = await fillReturn(await blankReturn(), {
      attest: 'Yes',
      rows: { 'GSE-08': [2.5], 'HSC-01': [10, undefined, 'Volunteer jo.bloggs@example.com, DOB 01/02/1990'] },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    wb.getWorksheet('Return')!.eachRow((row) => {
      if (row.getCell(1).value === 'ENV-01') {
        row.getCell(3).value = 'kg';
        row.getCell(5).value = 3;
      }
    });
    const read = await readSupplierReturn(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), ctx());
    const byCode = Object.fromEntries(read.rows.map((r) => [r.measureCode, r]));
    expect(byCode['GSE-08'].messages.join(' ')).toMatch(/whole number/);
    expect(byCode['HSC-01'].messages.join(' ')).toMatch(/personal details/);
    expect(byCode['ENV-01'].messages.join(' ')).toMatch(/counted in tonnes CO2e, not kg/);
    expect(read.ready).toEqual([]);
  });

  describe('a share (%) beside the other units', () => {
    // The contract also commits to GSE-12, the share of its workforce paid the Real Living Wage.
    const withShare = (): Commitment[] => [
      ...commitments(),
      { ...commitmentFor(measureByCode('GSE-12')!, { procurementReference: REF, targetQuantity: 100, dueDate: '2027-03-31' }), id: 4 },
    ];
    const shareCtx = () => ({ ...ctx(), commitments: withShare() });
    const blankWithShare = () => buildSupplierReturn({ reference: REF, title: 'Depot refurbishment', supplierName: 'Tame Valley', period, commitments: withShare(), library: MEASURES });
    const good: SupplierAnswers['rows'] = { 'HSC-01': [120, 'https://supplier.example/evidence/q1'], 'GSE-08': [2, undefined, '2 apprenticeships started'], 'ENV-01': [1.25, 'https://supplier.example/carbon'] };

    /** The filled return with GSE-12's quantity cell set as Excel would leave it (value and number format). */
    async function withShareCell(value: number, numFmt?: string, hoursFmt?: { value: number; numFmt: string }): Promise<Uint8Array> {
      const filled = await fillReturn(await blankWithShare(), { attest: 'Yes', rows: { ...good, 'GSE-12': [value, 'https://supplier.example/payroll'] } });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(filled as unknown as ArrayBuffer);
      // A style of the cell's own: exceljs shares one style object among a column's cells when it loads.
      const format = (cell: ExcelJS.Cell, fmt: string): void => {
        cell.style = { ...cell.style, numFmt: fmt };
      };
      wb.getWorksheet('Return')!.eachRow((row) => {
        if (row.getCell(1).value === 'GSE-12' && numFmt) format(row.getCell(5), numFmt);
        if (row.getCell(1).value === 'HSC-01' && hoursFmt) {
          row.getCell(5).value = hoursFmt.value;
          format(row.getCell(5), hoursFmt.numFmt);
        }
      });
      return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    }

    it('asks Excel for the same limit the hub checks: 0 to 100 for a share', async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await blankWithShare()) as unknown as ArrayBuffer);
      let shareRow = 0;
      wb.getWorksheet('Return')!.eachRow((row, n) => {
        if (row.getCell(1).value === 'GSE-12') shareRow = n;
      });
      expect(wb.getWorksheet('Return')!.getRow(shareRow).getCell(5).dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 100], error: 'Enter a number of %, 0 or more, up to 100.' });
    });

    it('refuses a share above 100% and imports none of the good rows beside it', async () => {
      const read = await readSupplierReturn(await withShareCell(120), shareCtx());
      expect(read.fileErrors).toEqual([]);
      expect(read.rows.map((r) => [r.measureCode, r.status])).toEqual([['HSC-01', 'ready'], ['GSE-08', 'ready'], ['ENV-01', 'ready'], ['GSE-12', 'error']]);
      expect(read.rows[3].messages).toEqual(['The quantity is a percentage, so it cannot be more than 100.']);
      // Nothing half-imported: three good rows, yet nothing is ready to record until the return is right.
      expect(read.ready).toEqual([]);
      // Corrected, the same return imports all four.
      const fixed = await readSupplierReturn(await withShareCell(95), shareCtx());
      expect(fixed.ready.map((l) => [l.measureCode, l.quantity])).toEqual([['HSC-01', 120], ['GSE-08', 2], ['ENV-01', 1.25], ['GSE-12', 95]]);
    });

    it('reads a cell Excel shows as a percentage as the supplier sees it: 85% is 85 of a share, and never 0.85', async () => {
      // Typing "85%" (or "7%") in Excel stores 0.85 (0.07) in a percent-formatted cell.
      const read = await readSupplierReturn(await withShareCell(0.85, '0%'), shareCtx());
      expect(read.ready.find((l) => l.measureCode === 'GSE-12')).toMatchObject({ quantity: 85 });
      const seven = await readSupplierReturn(await withShareCell(0.07, '0.0%'), shareCtx());
      expect(seven.ready.find((l) => l.measureCode === 'GSE-12')).toMatchObject({ quantity: 7 });
      // A "%" shown as literal text in the format does not scale the value.
      const literal = await readSupplierReturn(await withShareCell(85, '0"%"'), shareCtx());
      expect(literal.ready.find((l) => l.measureCode === 'GSE-12')).toMatchObject({ quantity: 85 });
      // Above 100% as shown is refused like a typed 120.
      const over = await readSupplierReturn(await withShareCell(1.2, '0%'), shareCtx());
      expect(over.rows.find((r) => r.measureCode === 'GSE-12')!.messages).toEqual(['The quantity is a percentage, so it cannot be more than 100.']);
      expect(over.ready).toEqual([]);
    });

    it('refuses hours entered as a percentage (a unit other than the measure’s), and imports nothing', async () => {
      const read = await readSupplierReturn(await withShareCell(90, undefined, { value: 0.4, numFmt: '0%' }), shareCtx());
      const hours = read.rows.find((r) => r.measureCode === 'HSC-01')!;
      expect(hours.status).toBe('error');
      expect(hours.messages).toEqual(['The quantity is counted in hours, not as a percentage (40%).']);
      expect(read.ready).toEqual([]);
      // Typed as text, the same.
      const typed = await readSupplierReturn(await fillReturn(await blankWithShare(), { attest: 'Yes', rows: { ...good, 'HSC-01': ['40%', 'https://supplier.example/e'] } }), shareCtx());
      expect(typed.rows.find((r) => r.measureCode === 'HSC-01')!.messages).toEqual(['The quantity is counted in hours, not as a percentage (40%).']);
      expect(typed.ready).toEqual([]);
    });
  });

  it('leaves a blank quantity out (skipped) and still imports the rest', async () => {
    const filled = await fillReturn(await blankReturn(), { attest: 'Yes', rows: { 'HSC-01': [40, 'https://supplier.example/e'] } });
    const read = await readSupplierReturn(filled, ctx());
    expect(read.rows.map((r) => r.status)).toEqual(['ready', 'skipped', 'skipped']);
    expect(read.ready.map((l) => l.measureCode)).toEqual(['HSC-01']);
  });

  it('refuses the whole file without the attestation, for another contract or for another period', async () => {
    const noAttest = await readSupplierReturn(await fillReturn(await blankReturn(), { rows: { 'HSC-01': [1, 'https://e.example'] } }), ctx());
    expect(noAttest.fileErrors.join(' ')).toMatch(/attestation/);
    expect(noAttest.ready).toEqual([]);
    const other = await readSupplierReturn(await fillReturn(await blankReturn(), { attest: 'Yes', reference: 'WMCA-2026-0001', rows: { 'HSC-01': [1, 'https://e.example'] } }), ctx());
    expect(other.fileErrors.join(' ')).toMatch(/for contract WMCA-2026-0001, not WMCA-2026-0042/);
    const later = await readSupplierReturn(await fillReturn(await blankReturn(), { attest: 'Yes', rows: { 'HSC-01': [1, 'https://e.example'] } }), { ...ctx(), expectedPeriodId: '2026-27 Q2' });
    expect(later.fileErrors.join(' ')).toMatch(/you chose Q2 2026-27/);
    const notExcel = await readSupplierReturn(new TextEncoder().encode('name,quantity\n'), ctx());
    expect(notExcel.fileErrors.join(' ')).toMatch(/not an Excel workbook/);
  });

  it('refuses a period that has not started yet', async () => {
    const filled = await fillReturn(await blankReturn(), { attest: 'Yes', rows: { 'HSC-01': [5, 'https://e.example'] } });
    const read = await readSupplierReturn(filled, { ...ctx(), asOf: '2026-03-01' });
    expect(read.rows[0].messages.join(' ')).toMatch(/has not started yet/);
  });
});
