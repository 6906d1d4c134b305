// UK procurement thresholds (inclusive of VAT) as data with effective dates. They replace the policy's
// "EU thresholds" and are revised every two years (last 1 January 2026, next expected 1 January 2028),
// so a procurement is tiered against the table in force on its decision date.
import type { ContractType, Regime } from './contract';
import { CONTRACT_TYPES, REGIMES, isContractType, isRegime } from './contract';
import type { IsoDate } from './dates';
import { addDays, addMonths, compareIsoDates, formatLongDate, isIsoDate, parseIsoDate } from './dates';
import { PolicyInputError } from './errors';
import type { Pence } from './money';

/**
 * One figure per regime and contract type, in pence. Each cell is the row of Schedule 1 to the Procurement Act
 * 2023 (https://www.legislation.gov.uk/ukpga/2023/54/schedule/1) that such a contract falls in, with the figures
 * of ../shared/reference/thresholds.md:
 * - concession (sub-central, central): row 9 "concession contract not within row 2, 6 or 7" — the concessions figure;
 * - concession (defence and security): row 2, the concessions figure;
 * - concession (utilities): row 6 "utilities contract not within row 3, 4 or 5" — the utilities goods/services
 *   figure, since row 9 excludes row 6; a utilities concession for works is row 4 (record it as works);
 * - defence and security goods/services: row 3; works: row 1 (the works figure); light-touch services: row 8
 *   (row 3 excludes row 8), the light-touch figure.
 */
export type ThresholdFigures = { [R in Regime]: { [C in ContractType]: Pence } };

export interface ThresholdTable {
  /** e.g. 'uk-thresholds-2026'. */
  id: string;
  label: string;
  /** The first day the table is in force; it stays in force until the next table's effectiveFrom. */
  effectiveFrom: IsoDate;
  source: string;
  figures: ThresholdFigures;
}

const SOURCE_2024 =
  'UK procurement thresholds in force 1 January 2024 – 31 December 2025, inclusive of VAT ' +
  '(Public Contracts Regulations 2015, Utilities Contracts Regulations 2016, Concession Contracts Regulations 2016 ' +
  'and Defence and Security Public Contracts Regulations 2011 as amended for 2024; carried into the Procurement Act ' +
  '2023 Schedule 1 from 24 February 2025). Light-touch figures unchanged in 2026.';

const SOURCE_2026 =
  'The Procurement Act 2023 (Threshold Amounts) regulations, SI 2025/1200, in force 1 January 2026, inclusive ' +
  'of VAT, as summarised by UK procurement law firms and PPN 023; each figure applied by the row of Schedule 1 to ' +
  'the Act the contract falls in.';

export const THRESHOLD_TABLE_2024: ThresholdTable = {
  id: 'uk-thresholds-2024',
  label: 'UK procurement thresholds 2024–2025',
  effectiveFrom: '2024-01-01',
  source: SOURCE_2024,
  figures: {
    'sub-central': { goods: 21490400, services: 21490400, works: 537260900, 'light-touch-services': 66354000, concession: 537260900 },
    central: { goods: 13968800, services: 13968800, works: 537260900, 'light-touch-services': 66354000, concession: 537260900 },
    utilities: { goods: 42980900, services: 42980900, works: 537260900, 'light-touch-services': 88472000, concession: 42980900 },
    'defence-security': { goods: 42980900, services: 42980900, works: 537260900, 'light-touch-services': 66354000, concession: 537260900 },
  },
};

export const THRESHOLD_TABLE_2026: ThresholdTable = {
  id: 'uk-thresholds-2026',
  label: 'UK procurement thresholds from 2026',
  effectiveFrom: '2026-01-01',
  source: SOURCE_2026,
  figures: {
    'sub-central': { goods: 20772000, services: 20772000, works: 519300000, 'light-touch-services': 66354000, concession: 519300000 },
    central: { goods: 13501800, services: 13501800, works: 519300000, 'light-touch-services': 66354000, concession: 519300000 },
    utilities: { goods: 41544000, services: 41544000, works: 519300000, 'light-touch-services': 88472000, concession: 41544000 },
    'defence-security': { goods: 41544000, services: 41544000, works: 519300000, 'light-touch-services': 66354000, concession: 519300000 },
  },
};

export const DEFAULT_THRESHOLD_TABLES: readonly ThresholdTable[] = [THRESHOLD_TABLE_2024, THRESHOLD_TABLE_2026];

/** UK thresholds are revised every two years (last 1 January 2026, next expected 1 January 2028: thresholds.md). */
export const THRESHOLD_REVISION_MONTHS = 24;

/** When the table after `table` is expected to take effect: two years after it did. */
export function nextThresholdRevision(table: ThresholdTable): IsoDate {
  return addMonths(table.effectiveFrom, THRESHOLD_REVISION_MONTHS);
}

/**
 * Why a decision on `date` under `table` may rest on an out-of-date figure: the date is on or after the table's
 * expected successor and no newer table is held. Empty when the table is still current on that date.
 */
export function thresholdTableWarnings(tables: readonly ThresholdTable[], table: ThresholdTable, date: IsoDate): string[] {
  const newer = tables.some((t) => compareIsoDates(t.effectiveFrom, table.effectiveFrom) > 0);
  const due = nextThresholdRevision(table);
  if (newer || compareIsoDates(date, due) < 0) return [];
  return [
    `The decision date ${formatLongDate(date)} is on or after ${formatLongDate(due)}, when the UK procurement thresholds are next due to be revised, ` +
      `but the hub holds no table newer than the one in force from ${formatLongDate(table.effectiveFrom)}, so its figures were applied. ` +
      'Ask an administrator to add the new table if it has been published, then work out the tier again.',
  ];
}

/** The table in force on `date` (the latest effectiveFrom on or before it). Throws when the date is before every table. */
export function thresholdTableInForce(tables: readonly ThresholdTable[], date: IsoDate): ThresholdTable {
  parseIsoDate(date, 'decision date');
  let found: ThresholdTable | undefined;
  for (const t of tables) {
    if (compareIsoDates(t.effectiveFrom, date) <= 0 && (!found || compareIsoDates(t.effectiveFrom, found.effectiveFrom) > 0)) {
      found = t;
    }
  }
  if (!found) {
    const earliest = tables.map((t) => t.effectiveFrom).sort()[0];
    throw new PolicyInputError(
      earliest
        ? `The decision date ${formatLongDate(date)} is before the earliest procurement threshold table (in force from ${formatLongDate(earliest)}). Check the date, or ask an administrator to add the table that applied then.`
        : 'The policy edition has no procurement threshold tables. Ask an administrator to add one.',
    );
  }
  return found;
}

/** The threshold phrase for a contract type, as the tables name it: goods and services share one figure. */
export function thresholdContractLabel(contractType: ContractType): string {
  switch (contractType) {
    case 'goods':
    case 'services':
      return 'goods/services';
    case 'works':
      return 'works';
    case 'light-touch-services':
      return 'light-touch services';
    case 'concession':
      return 'concession';
    default:
      return String(contractType);
  }
}

export function thresholdRegimeLabel(regime: Regime): string {
  switch (regime) {
    case 'central':
      return 'central government';
    case 'defence-security':
      return 'defence and security';
    default:
      return regime;
  }
}

/** One item of the Thresholds list: a single figure with its dates and source. */
export interface ThresholdRow {
  regime: Regime;
  contractType: ContractType;
  valuePence: Pence;
  effectiveFrom: IsoDate;
  /** The last day in force; undefined while it is the latest table. */
  effectiveTo?: IsoDate;
  source: string;
  tableId?: string;
}

/** Flattens tables into list rows (one per regime and contract type), with effectiveTo filled in. */
export function thresholdRowsFromTables(tables: readonly ThresholdTable[]): ThresholdRow[] {
  const sorted = tables.slice().sort((a, b) => compareIsoDates(a.effectiveFrom, b.effectiveFrom));
  const rows: ThresholdRow[] = [];
  sorted.forEach((t, i) => {
    const next = sorted[i + 1];
    for (const r of REGIMES) {
      for (const c of CONTRACT_TYPES) {
        rows.push({
          regime: r.id,
          contractType: c.id,
          valuePence: t.figures[r.id][c.id],
          effectiveFrom: t.effectiveFrom,
          effectiveTo: next ? addDays(next.effectiveFrom, -1) : undefined,
          source: t.source,
          tableId: t.id,
        });
      }
    }
  });
  return rows;
}

/**
 * Groups list rows back into tables by effectiveFrom. Throws PolicyInputError listing every problem:
 * a missing or duplicated figure, a bad date, a figure that is not whole positive pence.
 */
export function thresholdTablesFromRows(rows: readonly ThresholdRow[]): ThresholdTable[] {
  const problems: string[] = [];
  const byDate: { [date: string]: ThresholdRow[] } = {};
  rows.forEach((row, i) => {
    const where = `Threshold row ${i + 1}`;
    if (!isIsoDate(row.effectiveFrom)) {
      problems.push(`${where}: "effective from" must be a date as yyyy-mm-dd; got "${String(row.effectiveFrom)}".`);
      return;
    }
    if (!isRegime(row.regime)) problems.push(`${where}: unknown regime "${String(row.regime)}".`);
    if (!isContractType(row.contractType)) problems.push(`${where}: unknown contract type "${String(row.contractType)}".`);
    if (!Number.isSafeInteger(row.valuePence) || row.valuePence <= 0) {
      problems.push(`${where}: the value must be a positive whole number of pence; got ${String(row.valuePence)}.`);
    }
    (byDate[row.effectiveFrom] = byDate[row.effectiveFrom] || []).push(row);
  });
  const tables: ThresholdTable[] = [];
  Object.keys(byDate)
    .sort()
    .forEach((date) => {
      const group = byDate[date];
      const figures = {} as ThresholdFigures;
      for (const r of REGIMES) {
        figures[r.id] = {} as ThresholdFigures[Regime];
        for (const c of CONTRACT_TYPES) {
          const matches = group.filter((row) => row.regime === r.id && row.contractType === c.id);
          if (matches.length === 0) problems.push(`The table from ${date} has no ${r.label.toLowerCase()} ${c.label.toLowerCase()} threshold.`);
          if (matches.length > 1) problems.push(`The table from ${date} has ${matches.length} ${r.label.toLowerCase()} ${c.label.toLowerCase()} thresholds; keep one.`);
          if (matches.length > 0) figures[r.id][c.id] = matches[0].valuePence;
        }
      }
      const first = group[0];
      tables.push({
        id: first.tableId || `uk-thresholds-${date}`,
        label: `UK procurement thresholds from ${formatLongDate(date)}`,
        effectiveFrom: date,
        source: group.map((g) => g.source).filter((s) => !!s && s.trim() !== '')[0] || '',
        figures,
      });
    });
  if (problems.length > 0) {
    throw new PolicyInputError(`The threshold list has ${problems.length} problem(s): ${problems.join(' ')}`, problems);
  }
  return tables;
}
