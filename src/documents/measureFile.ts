// Reads a measure file the administrator picked: .csv as text, .xlsx through exceljs (loaded only when
// a workbook is read). Both become cells for readMeasureRows, so CSV and XLSX are checked the same way.
import type * as ExcelJS from 'exceljs';
import type { Measure } from '../domain';
import { parseCsv } from './csv';
import type { MeasureImport } from './measureSheet';
import { readMeasureRows } from './measureSheet';

type ExcelModule = typeof ExcelJS;

async function excel(): Promise<ExcelModule> {
  const mod = (await import(/* webpackChunkName: 'measure-import' */ 'exceljs')) as ExcelModule & { default?: ExcelModule };
  return mod.default && mod.default.Workbook ? mod.default : mod;
}

/** A cell as the sheet shows it, as text ("16.93", "Yes", "GSE-01"). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === undefined || value === null) return '';
  // 15 significant digits, as Excel shows them: 0.1 + 0.2 in a cell reads as 0.3, not 0.30000000000000004.
  if (typeof value === 'number') return String(Number(value.toPrecision(15)));
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const v = value as unknown as { result?: ExcelJS.CellValue; text?: unknown; richText?: { text: string }[]; hyperlink?: string; error?: string };
  if (v.result !== undefined) return cellText(v.result);
  if (v.richText) return v.richText.map((t) => t.text).join('');
  if (typeof v.text === 'string') return v.text;
  if (v.hyperlink) return v.hyperlink;
  if (v.error) return v.error;
  return String(value);
}

/** The cells of a workbook's "Measures" sheet (or its first), row 1 first. */
export async function workbookCells(bytes: Uint8Array | ArrayBuffer): Promise<{ cells: string[][]; problem?: string }> {
  const { Workbook } = await excel();
  const wb = new Workbook();
  try {
    await wb.xlsx.load((bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)) as unknown as ArrayBuffer);
  } catch {
    return { cells: [], problem: 'This file is not an Excel workbook the hub can read. Save it as .xlsx (or .csv) and try again.' };
  }
  const ws = wb.getWorksheet('Measures') || wb.worksheets[0];
  if (!ws) return { cells: [], problem: 'The workbook has no worksheet.' };
  const cells: string[][] = [];
  const width = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const out: string[] = [];
    for (let c = 1; c <= width; c++) out.push(cellText(row.getCell(c).value));
    cells.push(out);
  }
  return { cells };
}

/** Reads CSV text into the import preview; records nothing. */
export function readMeasureCsv(text: string, existing: readonly Measure[]): MeasureImport {
  const { rows, problems } = parseCsv(text);
  const result = readMeasureRows(rows, existing);
  result.fileErrors.unshift(...problems);
  return result;
}

/** Reads an .xlsx workbook into the import preview; records nothing. */
export async function readMeasureWorkbook(bytes: Uint8Array | ArrayBuffer, existing: readonly Measure[]): Promise<MeasureImport> {
  const { cells, problem } = await workbookCells(bytes);
  if (problem) return { fileErrors: [problem], rows: [], ready: [] };
  return readMeasureRows(cells, existing);
}

/** Which reader a file name needs, or undefined for a file the import cannot read. */
export function measureFileKind(fileName: string): 'csv' | 'xlsx' | undefined {
  const name = fileName.toLowerCase();
  return name.endsWith('.csv') ? 'csv' : name.endsWith('.xlsx') ? 'xlsx' : undefined;
}
