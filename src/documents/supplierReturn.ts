// Supplier returns: suppliers are not in the tenant, so each quarter the hub writes a contract's return
// workbook (its commitments, units, the period, an attestation) for the officer to send, and reads a
// filled one back. Reading checks every row with the domain's own rules and reports each problem
// against its row; nothing is recorded here — the officer confirms, then the logs are recorded as
// Reported, awaiting verification. exceljs is loaded only when a return is made or read.
import type * as ExcelJS from 'exceljs';
import {
  formatLongDate,
  measureByCode,
  outcomeLogFor,
  periodById,
  quantityLimits,
  readTypedQuantity,
  returnDueDate,
  validateOutcomeLog,
  validateOutcomeQuantity,
  xmlSafeData,
  xmlSafeText,
} from '../domain';
import type { Commitment, IsoDate, Measure, OutcomeLog, ReportingPeriod } from '../domain';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const RETURN_SHEET = 'Return';

/** The words of the attestation the supplier signs: the guard against double counting across contracts. */
export const ATTESTATION =
  'I confirm that these figures are for this contract and this reporting period only, are not claimed on any other contract or period, ' +
  'and that the evidence notes hold counts only — no names or personal details of anyone.';

const LABELS = {
  reference: 'Contract reference',
  contract: 'Contract',
  supplier: 'Supplier',
  period: 'Reporting period',
  periodLabel: 'Period covered',
  due: 'Return due by',
  attest: 'Attestation: figures are for this contract and period only (Yes or No)',
  completedBy: 'Completed by (job title)',
  completedOn: 'Date completed',
} as const;

const HEADERS = [
  'Measure code',
  'What is counted',
  'Unit',
  'Target (whole contract)',
  'Quantity delivered this period',
  'Evidence link (where you keep the evidence)',
  'Evidence notes (counts only: no names or personal details)',
] as const;

export interface SupplierReturnSpec {
  reference: string;
  title: string;
  supplierName: string;
  period: ReportingPeriod;
  commitments: readonly Commitment[];
  library: readonly Measure[];
  /** When the return is due; defaults to the domain's return due date for the period. */
  dueDate?: IsoDate;
}

type ExcelModule = typeof ExcelJS;

async function excel(): Promise<ExcelModule> {
  const mod = (await import(/* webpackChunkName: 'supplier-return' */ 'exceljs')) as ExcelModule & { default?: ExcelModule };
  return mod.default && mod.default.Workbook ? mod.default : mod;
}

/** "Return WMCA-2026-0042 2026-27 Q1.xlsx" */
export function supplierReturnFileName(reference: string, period: ReportingPeriod): string {
  return `Social value return ${reference.replace(/[\\/:*?"<>|]/g, '-')} ${period.id}.xlsx`;
}

/** The return workbook for a contract and quarter, as bytes. Its text is made XML-safe first (titles, measure wording). */
export async function buildSupplierReturn(rawSpec: SupplierReturnSpec): Promise<Uint8Array> {
  const spec = xmlSafeData(rawSpec);
  const { Workbook } = await excel();
  const wb = new Workbook();
  wb.creator = 'Social Value Hub';
  const ws = wb.addWorksheet(RETURN_SHEET);
  ws.columns = [{ width: 34 }, { width: 60 }, { width: 14 }, { width: 16 }, { width: 20 }, { width: 40 }, { width: 50 }];
  ws.addRow([`Social value return: ${spec.reference} ${spec.title}`]).font = { bold: true, size: 14 };
  ws.addRow([LABELS.reference, spec.reference]);
  ws.addRow([LABELS.contract, spec.title]);
  ws.addRow([LABELS.supplier, spec.supplierName]);
  ws.addRow([LABELS.period, spec.period.id]);
  ws.addRow([LABELS.periodLabel, `${formatLongDate(spec.period.start)} to ${formatLongDate(spec.period.end)}`]);
  ws.addRow([LABELS.due, formatLongDate(spec.dueDate || returnDueDate(spec.period))]);
  ws.addRow([]);
  ws.addRow([
    'Enter the quantity delivered in this period only, in the unit shown (0 if none). Give a link to where you keep the evidence, or say what it is. ' +
      'Counts only: never names, dates of birth or other details of the people involved.',
  ]).getCell(1).alignment = { wrapText: true };
  ws.addRow([]);
  const header = ws.addRow(HEADERS.slice());
  header.font = { bold: true };
  for (const c of spec.commitments) {
    const m = measureByCode(c.measureCode, spec.library);
    const row = ws.addRow([c.measureCode, m ? m.text : '', c.unit, c.targetQuantity, undefined, undefined, undefined]);
    // Excel's own check on the cell, from the same limits the hub checks on import (the import checks again:
    // a pasted value skips Excel's check).
    const limits = quantityLimits(c.unit);
    const q = row.getCell(5);
    q.dataValidation = {
      type: limits.decimals === 0 ? 'whole' : 'decimal',
      operator: limits.max !== undefined ? 'between' : 'greaterThanOrEqual',
      allowBlank: true,
      formulae: limits.max !== undefined ? [0, limits.max] : [0],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: 'Quantity',
      error: `Enter ${limits.decimals === 0 ? 'a whole number' : 'a number'} of ${c.unit}, 0 or more${limits.max !== undefined ? `, up to ${limits.max}` : ''}.`,
      showInputMessage: true,
      promptTitle: 'Quantity',
      prompt: `Delivered in ${spec.period.id} only, in ${c.unit}.`,
    };
    for (const i of [5, 6, 7]) row.getCell(i).protection = { locked: false };
  }
  ws.addRow([]);
  ws.addRow([ATTESTATION]).getCell(1).alignment = { wrapText: true };
  const attest = ws.addRow([LABELS.attest, undefined]);
  attest.getCell(2).dataValidation = { type: 'list', allowBlank: true, formulae: ['"Yes,No"'], showErrorMessage: true, error: 'Choose Yes or No.' };
  const by = ws.addRow([LABELS.completedBy, undefined]);
  const on = ws.addRow([LABELS.completedOn, undefined]);
  for (const r of [attest, by, on]) r.getCell(2).protection = { locked: false };
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
  const out = await wb.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}

// ---- Reading a filled return --------------------------------------------------------------------

export type ReturnRowStatus = 'ready' | 'error' | 'skipped';

export interface ReturnRowResult {
  /** The spreadsheet row number, as the supplier sees it. */
  row: number;
  measureCode: string;
  status: ReturnRowStatus;
  /** Plain words, one per problem (or why the row is skipped). */
  messages: string[];
  /** The log to record, when the row is ready. */
  log?: OutcomeLog;
}

export interface ReturnImport {
  reference?: string;
  period?: ReportingPeriod;
  /** Problems with the workbook as a whole (wrong contract or period, no attestation): nothing can be imported. */
  fileErrors: string[];
  rows: ReturnRowResult[];
  /** The logs ready to record once the officer confirms (empty when there are file errors or row errors). */
  ready: OutcomeLog[];
}

export interface ReturnImportContext {
  reference: string;
  commitments: readonly Commitment[];
  library: readonly Measure[];
  /** Logs already recorded on this contract (any period): a measure already reported for the period is refused. */
  existingLogs: readonly OutcomeLog[];
  /** The officer importing the return (recorded as who reported it, so an approver other than them verifies). */
  reportedBy: string;
  /** Today, for "the period has not started yet". */
  asOf: IsoDate;
  reportedAt?: string;
  /** When given, the return must be for this period. */
  expectedPeriodId?: string;
}

type Raw = ExcelJS.CellValue;

/** A cell's value as the supplier sees it: numbers stay numbers, everything else becomes trimmed text. */
function plain(value: Raw): string | number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const v = value as unknown as { result?: Raw; text?: unknown; richText?: { text: string }[]; hyperlink?: string; error?: string };
  if (v.result !== undefined) return plain(v.result);
  if (v.richText) return plain(v.richText.map((t) => t.text).join(''));
  if (typeof v.text === 'string') return plain(v.text);
  if (v.hyperlink) return v.hyperlink;
  if (v.error) return v.error;
  return String(value);
}

function text(value: Raw): string {
  const v = plain(value);
  return v === undefined ? '' : String(v);
}

/**
 * Whether a number format shows its cell as a percentage: a "%" outside quoted text and not escaped with a backslash.
 * Such a cell holds a fraction: typing "85%" in Excel stores 0.85 and shows 85% (Excel's AutoPercentEntry,
 * learn.microsoft.com/office/vba/api/excel.application.autopercententry), and the number cells of a return
 * carry no format of ours, so a "%" here is what the supplier typed.
 */
function showsAsPercent(numFmt: string | undefined): boolean {
  return !!numFmt && /%/.test(numFmt.replace(/"[^"]*"/g, '').replace(/\\./g, ''));
}

/**
 * A quantity cell as the supplier sees it, as text for the domain's reading of typed quantities: a percentage
 * cell as "85%", so a share reads as 85 and any other unit is refused rather than taken as 0.85. The value × 100
 * is rounded to 15 significant digits, all Excel keeps of a number (Microsoft KB 158071), so 0.07 reads as 7.
 */
function quantityAsShown(value: string | number, numFmt: string | undefined): string | number {
  if (typeof value === 'number' && showsAsPercent(numFmt)) return `${Number((value * 100).toPrecision(15))}%`;
  return value;
}
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;
const NI_NUMBER = /\b[A-CEGHJ-PR-TW-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b/i;
const BIRTH = /\b(d\.?o\.?b\.?|date of birth|born on)\b/i;

/** Notes that look like they hold someone's details (an email, an NI number, a date of birth). */
export function personalDetailsProblem(notes: string | undefined): string | undefined {
  if (!notes) return undefined;
  if (EMAIL.test(notes) || NI_NUMBER.test(notes) || BIRTH.test(notes)) {
    return 'The evidence notes seem to hold personal details (an email address, National Insurance number or date of birth). Give counts only.';
  }
  return undefined;
}

/** Reads a filled return and checks every row; records nothing. */
export async function readSupplierReturn(bytes: Uint8Array | ArrayBuffer, ctx: ReturnImportContext): Promise<ReturnImport> {
  const { Workbook } = await excel();
  const wb = new Workbook();
  const result: ReturnImport = { fileErrors: [], rows: [], ready: [] };
  try {
    await wb.xlsx.load((bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)) as unknown as ArrayBuffer);
  } catch {
    result.fileErrors.push('This file is not an Excel workbook the hub can read. Ask the supplier to fill in the return workbook the hub made and send it back as .xlsx.');
    return result;
  }
  const ws = wb.getWorksheet(RETURN_SHEET) || wb.worksheets[0];
  if (!ws) {
    result.fileErrors.push('The workbook has no sheets.');
    return result;
  }
  const labelled: { [label: string]: Raw } = {};
  let headerRow = 0;
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const a = text(row.getCell(1).value);
    if (a === HEADERS[0] && !headerRow) headerRow = n;
    else labelled[a] = row.getCell(2).value;
  });

  const reference = text(labelled[LABELS.reference]);
  result.reference = reference || undefined;
  if (!reference) result.fileErrors.push('The workbook does not say which contract it is for: use the return workbook the hub made.');
  else if (reference.toUpperCase() !== ctx.reference.toUpperCase()) {
    result.fileErrors.push(`This return is for contract ${reference}, not ${ctx.reference}. Import it on its own contract.`);
  }
  const periodId = text(labelled[LABELS.period]);
  try {
    result.period = periodById(periodId);
    if (ctx.expectedPeriodId && result.period.id !== ctx.expectedPeriodId) {
      result.fileErrors.push(`This return is for ${result.period.label}, but you chose ${periodById(ctx.expectedPeriodId).label}.`);
    }
  } catch {
    result.fileErrors.push(`The reporting period "${periodId}" is not one the hub knows: use the return workbook the hub made.`);
  }
  const attestation = text(labelled[LABELS.attest]).toLowerCase();
  if (attestation !== 'yes') {
    result.fileErrors.push('The supplier has not confirmed the attestation (that the figures are for this contract and period only): ask them to answer Yes and send it again.');
  }
  if (!headerRow) {
    result.fileErrors.push(`The table of measures is missing (no "${HEADERS[0]}" heading): use the return workbook the hub made.`);
    return result;
  }

  const seen: string[] = [];
  const last = ws.rowCount;
  for (let n = headerRow + 1; n <= last; n++) {
    const row = ws.getRow(n);
    const code = text(row.getCell(1).value).toUpperCase();
    // The table ends at the attestation (or any of the labels below it).
    if (code === ATTESTATION.toUpperCase() || Object.keys(LABELS).some((k) => LABELS[k as keyof typeof LABELS].toUpperCase() === code)) break;
    if (code === '' && [5, 6, 7].every((i) => plain(row.getCell(i).value) === undefined)) continue;
    const unitText = text(row.getCell(3).value);
    const quantityCell = row.getCell(5);
    const shownQuantity = plain(quantityCell.value);
    const rawQuantity = shownQuantity === undefined ? undefined : quantityAsShown(shownQuantity, quantityCell.numFmt);
    const evidenceUrl = text(row.getCell(6).value) || undefined;
    const evidenceNotes = text(row.getCell(7).value) || undefined;
    const r: ReturnRowResult = { row: n, measureCode: code, status: 'ready', messages: [] };
    result.rows.push(r);
    const fail = (message: string): void => {
      r.status = 'error';
      r.messages.push(message);
    };
    if (code === '') {
      fail('The measure code is missing.');
      continue;
    }
    const measure = measureByCode(code, ctx.library);
    if (!measure) {
      fail(`Measure ${code} is not in the measure library.`);
      continue;
    }
    const commitment = ctx.commitments.filter((c) => c.measureCode === measure.code)[0];
    if (!commitment) {
      fail(`Measure ${code} is not one of this contract’s commitments.`);
      continue;
    }
    if (seen.indexOf(code) >= 0) {
      fail(`Measure ${code} appears more than once in the return: give one figure per measure.`);
      continue;
    }
    seen.push(code);
    if (unitText !== commitment.unit) fail(`Measure ${code} is counted in ${commitment.unit}, not ${unitText || 'a blank unit'}.`);
    if (rawQuantity === undefined) {
      r.status = r.status === 'error' ? 'error' : 'skipped';
      r.messages.push('No quantity given, so nothing is recorded for this measure.');
      continue;
    }
    let quantity: number | undefined;
    if (typeof rawQuantity === 'number') quantity = rawQuantity;
    else {
      // Text, or a percentage cell as shown: read as the hub's own field reads what an officer types.
      const typed = readTypedQuantity(rawQuantity, commitment.unit);
      typed.errors.forEach((e) => fail(e.message));
      quantity = typed.quantity;
    }
    if (quantity !== undefined) validateOutcomeQuantity(quantity, commitment.unit).forEach((e) => fail(e.message));
    const personal = personalDetailsProblem(evidenceNotes);
    if (personal) fail(personal);
    if (result.period) {
      const period = result.period;
      const already = ctx.existingLogs.filter(
        (l) => l.measureCode === measure.code && l.periodEnd === period.end && l.verification !== 'Rejected',
      )[0];
      if (already) {
        fail(`Measure ${code} is already reported for ${period.id} (${already.quantity} ${commitment.unit}, ${already.verification}). Correct that log on the outcome log screen instead.`);
      }
    }
    if (r.status === 'error' || quantity === undefined || !result.period) continue;
    const notes = [`From the supplier’s return for ${result.period.id}, attested by the supplier.`, evidenceNotes].filter((x) => !!x).join(' ');
    const log = outcomeLogFor(commitment, {
      periodDate: result.period.end,
      quantity,
      reportedBy: ctx.reportedBy,
      evidenceUrl,
      evidenceNotes: notes,
      reportedAt: ctx.reportedAt,
    });
    validateOutcomeLog(log, { commitment, library: ctx.library, asOf: ctx.asOf }).forEach((e) => fail(e.message));
    if (r.status === 'ready') r.log = log;
  }
  if (result.rows.length === 0) result.fileErrors.push('The return has no rows of measures.');
  const anyError = result.rows.some((r) => r.status === 'error');
  result.ready = result.fileErrors.length === 0 && !anyError ? result.rows.filter((r) => r.log).map((r) => r.log as OutcomeLog) : [];
  return result;
}

/**
 * Makes a loaded sheet's text XML-safe. exceljs decodes Excel's `_xHHHH_` escapes when it reads, so a supplier's
 * workbook can bring characters into cells (and notes) that exceljs would then write out raw, making the file
 * we send back malformed.
 */
function xmlSafeCells(ws: ExcelJS.Worksheet): void {
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      const value = cell.value;
      if (value !== null && value !== undefined && typeof value !== 'number' && typeof value !== 'boolean' && !(value instanceof Date)) {
        const safe = xmlSafeData(value);
        if (JSON.stringify(safe) !== JSON.stringify(value)) cell.value = safe;
      }
      if (typeof cell.note === 'string') {
        if (xmlSafeText(cell.note) !== cell.note) cell.note = xmlSafeText(cell.note);
      } else if (cell.note) {
        const safe = xmlSafeData(cell.note);
        if (JSON.stringify(safe) !== JSON.stringify(cell.note)) cell.note = safe;
      }
    });
  });
}

/**
 * The supplier's own workbook with the hub's findings beside each row (a "Problems found" column) and the
 * whole-file problems at the top, for the officer to send back so the supplier can correct and resend it.
 */
export async function annotateSupplierReturn(bytes: Uint8Array | ArrayBuffer, checked: ReturnImport): Promise<Uint8Array> {
  const { Workbook } = await excel();
  const wb = new Workbook();
  await wb.xlsx.load((bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(RETURN_SHEET) || wb.worksheets[0];
  xmlSafeCells(ws);
  ws.getColumn(8).width = 70;
  ws.eachRow((row) => {
    if (text(row.getCell(1).value) === HEADERS[0]) {
      row.getCell(8).value = 'Problems found by the hub';
      row.getCell(8).font = { bold: true };
    }
  });
  for (const r of checked.rows) {
    if (r.messages.length === 0) continue;
    const cell = ws.getRow(r.row).getCell(8);
    cell.value = xmlSafeText(r.messages.join(' '));
    cell.alignment = { wrapText: true };
    if (r.status === 'error') cell.font = { color: { argb: 'FFC00000' } };
  }
  if (checked.fileErrors.length > 0) {
    const cell = ws.getRow(1).getCell(8);
    cell.value = xmlSafeText(checked.fileErrors.join(' '));
    cell.font = { bold: true, color: { argb: 'FFC00000' } };
    cell.alignment = { wrapText: true };
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** "… 2026-27 Q1 – problems.xlsx" */
export function problemsFileName(reference: string, period: ReportingPeriod | undefined): string {
  return `Social value return ${reference.replace(/[\\/:*?"<>|]/g, '-')}${period ? ` ${period.id}` : ''} - problems to correct.xlsx`;
}
