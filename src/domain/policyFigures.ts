// Policy figures (the £50,000 light-touch line, the 5–30% weighting range) and threshold tables change
// only as a new policy edition with its own id, checked by the domain's policyEditionProblems and built
// by buildPolicyEdition. Records name the edition they were judged under, so an edition once used is
// never rewritten: the screen writes the new figures under a new id and keeps each edition's figures.
import { authorityEditionsFromJson } from './authorityEdition';
import { CONTRACT_TYPES, REGIMES } from './contract';
import { compareIsoDates, isIsoDate } from './dates';
import { PolicyInputError } from './errors';
import { formatPounds, parsePounds } from './money';
import { CURRENT_POLICY_EDITION, buildPolicyEdition, policyEditionProblems, withThresholdTable } from './policyEdition';
import { SETTING_KEYS } from './settings';
import { thresholdRowsFromTables, thresholdTablesFromRows } from './thresholds';
import type { AuthorityEdition } from './authorityEdition';
import type { ContractType, Regime } from './contract';
import type { IsoDate } from './dates';
import type { FieldError } from './errors';
import type { PolicyEdition } from './policyEdition';
import type { ThresholdFigures, ThresholdRow, ThresholdTable } from './thresholds';

/** Where each edition's figures are kept as JSON, so an edition stays readable after a newer one. */
export const EDITION_ARCHIVE_PREFIX = 'policy.editions.';

export interface PolicyFigures {
  editionId: string;
  lightTouchLimitPence: number;
  weightingMinPercent: number;
  weightingMaxPercent: number;
}

function numberSetting(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  return isFinite(n) ? n : fallback;
}

/** The figures in force, from the Settings list (the current edition's defaults where a key is missing). */
export function policyFiguresFromSettings(settings: Record<string, string>): PolicyFigures {
  const e = CURRENT_POLICY_EDITION;
  return {
    editionId: (settings[SETTING_KEYS.policyEdition] || '').trim() || e.id,
    lightTouchLimitPence: numberSetting(settings[SETTING_KEYS.lightTouchLimitPence], e.lightTouchLimitPence),
    weightingMinPercent: numberSetting(settings[SETTING_KEYS.weightingMinPercent], e.weightingMinPercent),
    weightingMaxPercent: numberSetting(settings[SETTING_KEYS.weightingMaxPercent], e.weightingMaxPercent),
  };
}

/** The ids of every edition the site has used (the current one and those kept in the archive). */
export function knownEditionIds(settings: Record<string, string>): string[] {
  const ids = [policyFiguresFromSettings(settings).editionId];
  for (const k of Object.keys(settings)) if (k.indexOf(EDITION_ARCHIVE_PREFIX) === 0) ids.push(k.slice(EDITION_ARCHIVE_PREFIX.length));
  if (ids.indexOf(CURRENT_POLICY_EDITION.id) < 0) ids.push(CURRENT_POLICY_EDITION.id);
  return ids;
}

/** Each authority's own editions as the Settings list holds them (authorityEdition.ts), and what was left out. */
export function authorityEditionsOf(settings: Record<string, string>): { editions: AuthorityEdition[]; problems: string[] } {
  return authorityEditionsFromJson(settings[SETTING_KEYS.authorityEditions]);
}

/** Every edition id records may name: the region's (current and archived) and each authority's. */
export function allEditionIds(settings: Record<string, string>): string[] {
  return knownEditionIds(settings).concat(authorityEditionsOf(settings).editions.map((e) => e.editionId));
}

/** Threshold tables from the stored list rows (ids and etags ignored); the built-in tables when the list is empty. */
export function tablesFromStoredRows(rows: readonly ThresholdRow[]): ThresholdTable[] {
  if (rows.length === 0) return CURRENT_POLICY_EDITION.thresholdTables.slice();
  return thresholdTablesFromRows(
    rows.map((r) => ({ regime: r.regime, contractType: r.contractType, valuePence: r.valuePence, effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo, source: r.source, tableId: r.tableId })),
  );
}

/** The edition in force: settings figures and the stored threshold tables. Throws PolicyInputError when unsound. */
export function editionInForce(settings: Record<string, string>, rows: readonly ThresholdRow[]): PolicyEdition {
  const f = policyFiguresFromSettings(settings);
  return buildPolicyEdition({
    id: f.editionId,
    label: f.editionId === CURRENT_POLICY_EDITION.id ? CURRENT_POLICY_EDITION.label : f.editionId,
    source: CURRENT_POLICY_EDITION.source,
    lightTouchLimitPence: f.lightTouchLimitPence,
    weightingMinPercent: f.weightingMinPercent,
    weightingMaxPercent: f.weightingMaxPercent,
    thresholdTables: tablesFromStoredRows(rows),
  });
}

/** Files an edition-level problem (from policyEditionProblems) under the form field it is about. */
export function fieldForEditionProblem(problem: string): string {
  if (/minimum weighting/i.test(problem) && !/above the maximum/i.test(problem)) return 'weightingMinPercent';
  if (/maximum weighting|above the maximum/i.test(problem)) return 'weightingMaxPercent';
  if (/light-touch limit/i.test(problem) && !/threshold/i.test(problem)) return 'lightTouchLimit';
  if (/edition needs an id/i.test(problem)) return 'editionId';
  return 'edition';
}

function editionIdProblems(id: string, known: readonly string[]): FieldError[] {
  const trimmed = id.trim();
  if (trimmed === '') return [{ field: 'editionId', message: 'Name the new edition, e.g. "wmca-svp-2028": figures change only as a new edition.' }];
  if (known.indexOf(trimmed) >= 0) {
    return [{ field: 'editionId', message: `The edition "${trimmed}" already exists and records were judged under it; give the new figures a new edition id.` }];
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(trimmed)) {
    return [{ field: 'editionId', message: 'Use letters, numbers, dots, hyphens or underscores for the edition id, e.g. "wmca-svp-2028".' }];
  }
  return [];
}

function percent(text: string, field: string, label: string, errors: FieldError[]): number {
  const t = text.trim().replace(/%$/, '').trim();
  if (!/^\d+(\.\d+)?$/.test(t)) {
    errors.push({ field, message: `Enter the ${label} as a percentage, e.g. 5.` });
    return NaN;
  }
  return Number(t);
}

export interface PolicyFiguresInput {
  editionId: string;
  label: string;
  source: string;
  lightTouchLimit: string;
  weightingMinPercent: string;
  weightingMaxPercent: string;
}

export interface EditionPlan {
  edition?: PolicyEdition;
  errors: FieldError[];
}

/** A new edition with new policy figures and the current threshold tables, or the problems, by field. */
export function planPolicyFigures(input: PolicyFiguresInput, current: PolicyEdition, knownIds: readonly string[]): EditionPlan {
  const errors: FieldError[] = editionIdProblems(input.editionId, knownIds);
  let limit = NaN;
  try {
    limit = parsePounds(input.lightTouchLimit, 'light-touch limit');
  } catch (e) {
    errors.push({ field: 'lightTouchLimit', message: e instanceof PolicyInputError ? e.message : String(e) });
  }
  const min = percent(input.weightingMinPercent, 'weightingMinPercent', 'minimum weighting', errors);
  const max = percent(input.weightingMaxPercent, 'weightingMaxPercent', 'maximum weighting', errors);
  if (input.source.trim() === '') errors.push({ field: 'source', message: 'Say where the figures come from (e.g. the policy review and its date).' });
  if (errors.length) return { errors };
  const data = {
    id: input.editionId.trim(),
    label: input.label.trim() || input.editionId.trim(),
    source: input.source.trim(),
    lightTouchLimitPence: limit,
    weightingMinPercent: min,
    weightingMaxPercent: max,
    thresholdTables: current.thresholdTables.slice(),
  };
  const problems = policyEditionProblems(data);
  if (problems.length) return { errors: problems.map((message) => ({ field: fieldForEditionProblem(message), message })) };
  return { edition: buildPolicyEdition(data), errors: [] };
}

export interface ThresholdTableInput {
  editionId: string;
  effectiveFrom: string;
  source: string;
  /** Pounds as typed, by regime then contract type. */
  figures: { [R in Regime]: { [C in ContractType]: string } };
}

export interface ThresholdPlan extends EditionPlan {
  table?: ThresholdTable;
  /** List rows to save: the new table's, and earlier rows whose "effective to" the new table ends. */
  rowsToSave: ThresholdRow[];
}

/** The figures field name for a regime and contract type, e.g. "sub-central.works". */
export function figureField(regime: Regime, contractType: ContractType): string {
  return `${regime}.${contractType}`;
}

/** The latest table's figures in pounds (pence shown only when there are some), to start a new table from. */
export function figuresAsText(table: ThresholdTable | undefined): ThresholdTableInput['figures'] {
  const out = {} as ThresholdTableInput['figures'];
  for (const r of REGIMES) {
    out[r.id] = {} as ThresholdTableInput['figures'][Regime];
    for (const c of CONTRACT_TYPES) out[r.id][c.id] = table ? formatPounds(table.figures[r.id][c.id]).replace('£', '') : '';
  }
  return out;
}

/**
 * A new edition that adds a threshold table (e.g. the 2028 figures). A table already in force on `today`
 * is never rewritten: a table for a date on or before today that already exists is refused; a future one
 * (not yet used by any decision) may be corrected.
 */
export function planThresholdTable(
  input: ThresholdTableInput,
  current: PolicyEdition,
  knownIds: readonly string[],
  today: IsoDate,
  storedRows: readonly ThresholdRow[],
): ThresholdPlan {
  const errors: FieldError[] = editionIdProblems(input.editionId, knownIds);
  const date = input.effectiveFrom.trim();
  if (!isIsoDate(date)) {
    errors.push({ field: 'effectiveFrom', message: 'Enter the date the table takes effect, as yyyy-mm-dd (e.g. 2028-01-01).' });
  } else if (compareIsoDates(date, today) <= 0 && current.thresholdTables.some((t) => t.effectiveFrom === date)) {
    errors.push({ field: 'effectiveFrom', message: `The table from ${date} is already in force and decisions were made under it; it cannot be rewritten. Add a table from a later date.` });
  }
  if (input.source.trim() === '') errors.push({ field: 'source', message: 'Say where the figures come from (the regulations or guidance).' });
  const figures = {} as ThresholdFigures;
  for (const r of REGIMES) {
    figures[r.id] = {} as ThresholdFigures[Regime];
    for (const c of CONTRACT_TYPES) {
      try {
        figures[r.id][c.id] = parsePounds(input.figures[r.id][c.id], `${r.label.toLowerCase()} ${c.label.toLowerCase()} threshold`);
      } catch (e) {
        errors.push({ field: figureField(r.id, c.id), message: e instanceof PolicyInputError ? e.message : String(e) });
      }
    }
  }
  if (errors.length) return { errors, rowsToSave: [] };
  const table: ThresholdTable = {
    id: `uk-thresholds-${date}`,
    label: `UK procurement thresholds from ${date}`,
    effectiveFrom: date,
    source: input.source.trim(),
    figures,
  };
  let edition: PolicyEdition;
  try {
    edition = withThresholdTable(current, table, input.editionId.trim());
  } catch (e) {
    const problems = e instanceof PolicyInputError ? e.problems : [String(e)];
    return { errors: problems.map((message) => ({ field: 'edition', message })), rowsToSave: [] };
  }
  return { edition, table, errors: [], rowsToSave: thresholdRowsToWrite(storedRows, edition.thresholdTables) };
}

function rowKey(r: ThresholdRow): string {
  return `${r.effectiveFrom}|${r.regime}|${r.contractType}`;
}

/**
 * The list rows to write so the Thresholds list holds `after`: rows that are new or differ from the stored
 * ones (value, dates or source). With an empty list, every row (the built-in tables were in use).
 */
export function thresholdRowsToWrite(stored: readonly ThresholdRow[], after: readonly ThresholdTable[]): ThresholdRow[] {
  const old: { [k: string]: ThresholdRow } = {};
  for (const r of stored) old[rowKey(r)] = r;
  return thresholdRowsFromTables(after).filter((r) => {
    const o = old[rowKey(r)];
    return !o || o.valuePence !== r.valuePence || o.effectiveTo !== r.effectiveTo || o.source !== r.source;
  });
}


/** The settings to write for a new edition: the figures in force, and the edition's own archived copy. */
export function editionSettings(edition: PolicyEdition, savedAt: string): [string, string, string][] {
  return [
    [
      EDITION_ARCHIVE_PREFIX + edition.id,
      JSON.stringify({
        id: edition.id,
        label: edition.label,
        source: edition.source,
        lightTouchLimitPence: edition.lightTouchLimitPence,
        weightingMinPercent: edition.weightingMinPercent,
        weightingMaxPercent: edition.weightingMaxPercent,
        thresholdTableIds: edition.thresholdTables.map((t) => t.id),
        savedAt,
      }),
      `Policy edition ${edition.id}: its figures as saved (kept so records judged under it stay explainable).`,
    ],
    [SETTING_KEYS.lightTouchLimitPence, String(edition.lightTouchLimitPence), 'Below this value (pence, inc. VAT) a procurement is light touch.'],
    [SETTING_KEYS.weightingMinPercent, String(edition.weightingMinPercent), 'Lowest social value weighting allowed (%).'],
    [SETTING_KEYS.weightingMaxPercent, String(edition.weightingMaxPercent), 'Highest social value weighting allowed (%).'],
    [SETTING_KEYS.policyEdition, edition.id, edition.label],
  ];
}
