// Test helper: fills in a return workbook the way a supplier would in Excel (reads the hub's bytes, writes cells, saves).
import ExcelJS from 'exceljs';

export interface SupplierAnswers {
  /** Measure code → [quantity, evidence link, evidence notes]; a value of undefined leaves the cell blank. */
  rows?: { [code: string]: [unknown, string?, string?] };
  /** Extra rows appended to the table (e.g. a measure the contract never committed to). */
  extraRows?: unknown[][];
  attest?: string;
  reference?: string;
  period?: string;
}

export async function fillReturn(bytes: Uint8Array, answers: SupplierAnswers): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Return')!;
  let attestRow = 0;
  let lastMeasureRow = 0;
  ws.eachRow((row, n) => {
    const a = String(row.getCell(1).value ?? '');
    if (a.startsWith('Attestation:')) attestRow = n;
    if (a === 'Contract reference' && answers.reference) row.getCell(2).value = answers.reference;
    if (a === 'Reporting period' && answers.period) row.getCell(2).value = answers.period;
    const rowAnswer = answers.rows?.[a];
    if (/^[A-Z]{3}-\d+$/.test(a)) lastMeasureRow = n;
    if (rowAnswer) {
      row.getCell(5).value = rowAnswer[0] as ExcelJS.CellValue;
      if (rowAnswer[1] !== undefined) row.getCell(6).value = rowAnswer[1];
      if (rowAnswer[2] !== undefined) row.getCell(7).value = rowAnswer[2];
    }
  });
  if (answers.attest !== undefined) ws.getRow(attestRow).getCell(2).value = answers.attest;
  (answers.extraRows ?? []).forEach((values, i) => {
    const row = ws.getRow(lastMeasureRow + 1 + i);
    if (row.getCell(1).value) throw new Error('no room for extra rows');
    values.forEach((v, j) => (row.getCell(j + 1).value = v as ExcelJS.CellValue));
  });
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
