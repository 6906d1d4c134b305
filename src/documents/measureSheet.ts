// A measure sheet (CSV or the first worksheet of an XLSX) read into a preview: one entry per row, each
// either a measure ready to save or the row's problems in words an administrator can act on. Every
// measure is checked with the domain's validateMeasure and the new-edition rule for proxies; nothing
// is saved here — the screen saves the ready rows once the administrator confirms.
import { MEASURE_UNITS, THEMES, isMeasureUnit, parsePounds, themeForMeasureCode, PolicyInputError, formatPounds } from '../domain';
import type { FieldError, Measure, MeasureUnit, ThemeId } from '../domain';
import { toCsv } from './csv';
import { measureChangeProblems, normaliseMeasure, proxyChanged, sameMeasure } from '../domain';

export type MeasureColumn = keyof Measure;

/** The sheet's columns, in the order the template writes them, with the headings people may use. */
export const MEASURE_SHEET_COLUMNS: readonly { field: MeasureColumn; heading: string; aliases: readonly string[]; required: boolean }[] = [
  { field: 'code', heading: 'Code', aliases: ['measure code', 'measure'], required: true },
  { field: 'themeId', heading: 'Theme', aliases: ['theme id'], required: false },
  { field: 'outcome', heading: 'Outcome', aliases: [], required: true },
  { field: 'text', heading: 'What is counted', aliases: ['text', 'description', 'measure text'], required: true },
  { field: 'unit', heading: 'Unit', aliases: ['units'], required: true },
  { field: 'proxyPence', heading: 'Proxy (£ per unit)', aliases: ['proxy', 'proxy £', 'proxy (£)', '£ per unit', 'proxy value'], required: false },
  { field: 'proxyEdition', heading: 'Proxy edition', aliases: ['edition'], required: false },
  { field: 'proxySource', heading: 'Proxy source', aliases: ['source'], required: false },
  { field: 'recordOnly', heading: 'Record only', aliases: ['record-only', 'recordonly'], required: false },
  { field: 'active', heading: 'Active', aliases: [], required: false },
];

export type ImportAction = 'new' | 'update' | 'unchanged';

export interface MeasureImportRow {
  /** The row number as the spreadsheet shows it (the heading is row 1 when it is the first row). */
  row: number;
  code: string;
  /** The measure to save, when the row has no problems. */
  measure?: Measure;
  action?: ImportAction;
  /** True when an existing measure's proxy changes (a new edition). */
  newProxyEdition?: boolean;
  errors: FieldError[];
}

export interface MeasureImport {
  /** Problems with the file as a whole (no heading row, a required column missing, unreadable). */
  fileErrors: string[];
  rows: MeasureImportRow[];
  /** The measures to save on confirmation: rows without problems that change something. */
  ready: Measure[];
}

function key(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

const TRUE_WORDS = ['yes', 'y', 'true', '1', 'x'];
const FALSE_WORDS = ['no', 'n', 'false', '0'];

function yesNo(value: string, field: string, label: string, errors: FieldError[]): boolean | undefined {
  const k = key(value);
  if (k === '') return undefined;
  if (TRUE_WORDS.indexOf(k) >= 0) return true;
  if (FALSE_WORDS.indexOf(k) >= 0) return false;
  errors.push({ field, message: `"${label}" must be Yes or No; got "${value.trim()}".` });
  return undefined;
}

function themeFrom(value: string, code: string, errors: FieldError[]): ThemeId | undefined {
  const k = key(value);
  if (k === '') return themeForMeasureCode(code)?.id;
  const loose = (t: string): string => key(t).replace(/[^a-z0-9]+/g, ' ').replace(/\band\b/g, ' ').replace(/\s+/g, ' ').trim();
  const found = THEMES.filter((t) => t.id === k || loose(t.label) === loose(value) || t.measurePrefix.toLowerCase() === k)[0];
  if (!found) errors.push({ field: 'themeId', message: `Unknown theme "${value.trim()}". Use one of: ${THEMES.map((t) => t.label).join('; ')}.` });
  return found?.id;
}

function unitFrom(value: string, errors: FieldError[]): MeasureUnit | undefined {
  const k = key(value);
  const found = MEASURE_UNITS.filter((u) => key(u) === k)[0];
  if (k !== '' && !found) errors.push({ field: 'unit', message: `Unknown unit "${value.trim()}". Use one of: ${MEASURE_UNITS.join(', ')}.` });
  return isMeasureUnit(found) ? found : undefined;
}

/** Reads a money cell: "16.93", "£16.93", "1,234.50"; blank is no proxy. */
function proxyFrom(value: string, errors: FieldError[]): number | undefined {
  if (value.trim() === '') return undefined;
  try {
    const pence = parsePounds(value, 'proxy');
    if (pence <= 0) errors.push({ field: 'proxyPence', message: 'The proxy must be more than £0; leave it blank for a record-only measure.' });
    return pence;
  } catch (e) {
    errors.push({ field: 'proxyPence', message: e instanceof PolicyInputError ? e.message : String(e) });
    return undefined;
  }
}

/** The field's label in the sheet, for messages ("Proxy (£ per unit)"). */
export function columnHeading(field: string): string {
  const c = MEASURE_SHEET_COLUMNS.filter((x) => x.field === field)[0];
  return c ? c.heading : field;
}

/**
 * Reads a sheet already split into cells (first non-blank row = headings) into a preview, checking every
 * row against the domain and against `existing` (the library as stored), so a proxy change without a
 * new edition name is refused row by row.
 */
export function readMeasureRows(cells: readonly (readonly string[])[], existing: readonly Measure[], firstRowNumber = 1): MeasureImport {
  const result: MeasureImport = { fileErrors: [], rows: [], ready: [] };
  let headingIndex = -1;
  for (let i = 0; i < cells.length; i++) {
    if (cells[i].some((c) => c.trim() !== '')) {
      headingIndex = i;
      break;
    }
  }
  if (headingIndex < 0) {
    result.fileErrors.push('The file is empty: it needs a heading row (Code, Theme, Outcome, What is counted, Unit, …) and one row per measure.');
    return result;
  }
  const headings = cells[headingIndex].map(key);
  const at: { [field: string]: number } = {};
  const unknown: string[] = [];
  headings.forEach((h, i) => {
    if (h === '') return;
    const col = MEASURE_SHEET_COLUMNS.filter((c) => key(c.heading) === h || key(c.field) === h || c.aliases.indexOf(h) >= 0)[0];
    if (!col) unknown.push(cells[headingIndex][i].trim());
    else if (at[col.field] === undefined) at[col.field] = i;
    else result.fileErrors.push(`The column "${col.heading}" appears twice; keep one.`);
  });
  for (const c of MEASURE_SHEET_COLUMNS) {
    if (c.required && at[c.field] === undefined) result.fileErrors.push(`The heading row has no "${c.heading}" column.`);
  }
  if (unknown.length) result.fileErrors.push(`Columns the hub does not know were ignored: ${unknown.join(', ')}.`);
  if (MEASURE_SHEET_COLUMNS.some((c) => c.required && at[c.field] === undefined)) return result;

  const byCode: { [code: string]: Measure } = {};
  for (const m of existing) byCode[m.code] = m;
  const seenAt: { [code: string]: number } = {};
  for (let i = headingIndex + 1; i < cells.length; i++) {
    const raw = cells[i];
    if (!raw.some((c) => c.trim() !== '')) continue;
    const cell = (field: MeasureColumn): string => (at[field] === undefined ? '' : String(raw[at[field]] ?? ''));
    const rowNumber = firstRowNumber + i;
    const errors: FieldError[] = [];
    const code = cell('code').trim().toUpperCase();
    const proxyPence = proxyFrom(cell('proxyPence'), errors);
    const recordOnlyCell = yesNo(cell('recordOnly'), 'recordOnly', 'Record only', errors);
    const active = yesNo(cell('active'), 'active', 'Active', errors);
    const unit = unitFrom(cell('unit'), errors);
    const themeId = themeFrom(cell('themeId'), code, errors);
    const candidate: Measure = {
      code,
      themeId: themeId as ThemeId,
      outcome: cell('outcome').trim(),
      text: cell('text').trim(),
      unit: unit as MeasureUnit,
      recordOnly: recordOnlyCell ?? proxyPence === undefined,
      active: active ?? true,
    };
    if (proxyPence !== undefined) candidate.proxyPence = proxyPence;
    if (cell('proxyEdition').trim() !== '') candidate.proxyEdition = cell('proxyEdition').trim();
    if (cell('proxySource').trim() !== '') candidate.proxySource = cell('proxySource').trim();
    const before = byCode[code];
    // Problems already reported for a cell (an unknown unit, a bad amount) are not repeated by the domain.
    const reported: { [field: string]: boolean } = {};
    for (const e of errors) reported[e.field] = true;
    for (const e of measureChangeProblems(before, candidate)) if (!reported[e.field]) errors.push(e);
    if (code !== '' && seenAt[code] !== undefined) {
      errors.push({ field: 'code', message: `${code} is already on row ${seenAt[code]}; each measure appears once.` });
    } else if (code !== '') {
      seenAt[code] = rowNumber;
    }
    const entry: MeasureImportRow = { row: rowNumber, code, errors };
    if (errors.length === 0) {
      const measure = normaliseMeasure(candidate);
      entry.measure = measure;
      entry.action = !before ? 'new' : sameMeasure(before, measure) ? 'unchanged' : 'update';
      entry.newProxyEdition = !!before && proxyChanged(before, measure);
      if (entry.action !== 'unchanged') result.ready.push(measure);
    }
    result.rows.push(entry);
  }
  if (result.rows.length === 0) result.fileErrors.push('The file has a heading row but no measures under it.');
  return result;
}

/** The library as a sheet (the import template): one row per measure, the headings the import reads. */
export function measuresToCsv(measures: readonly Measure[]): string {
  const rows: string[][] = [MEASURE_SHEET_COLUMNS.map((c) => c.heading)];
  for (const m of measures) {
    const theme = THEMES.filter((t) => t.id === m.themeId)[0];
    rows.push([
      m.code,
      theme ? theme.label : m.themeId,
      m.outcome,
      m.text,
      m.unit,
      m.proxyPence === undefined ? '' : formatPounds(m.proxyPence, { pence: true }).replace('£', '').replace(/,/g, ''),
      m.proxyEdition ?? '',
      m.proxySource ?? '',
      m.recordOnly ? 'Yes' : 'No',
      m.active ? 'Yes' : 'No',
    ]);
  }
  return toCsv(rows);
}
