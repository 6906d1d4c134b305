// The figures a policy review may change — the £50,000 light-touch line, the 5–30% weighting range and
// the threshold tables — held as data with an edition id. Every decision is made under an edition
// (passed in, or CURRENT_POLICY_EDITION) and names it, so a record shows which rules it was judged by.
import { CONTRACT_TYPES, REGIMES } from './contract';
import { compareIsoDates, isIsoDate } from './dates';
import { PolicyInputError } from './errors';
import type { Pence } from './money';
import { formatPounds } from './money';
import type { ThresholdFigures, ThresholdRow, ThresholdTable } from './thresholds';
import { DEFAULT_THRESHOLD_TABLES, thresholdTablesFromRows } from './thresholds';

export interface PolicyEdition {
  id: string;
  label: string;
  /** Where the figures come from. */
  source: string;
  /** Below this value (in pence) a procurement is light touch; at it, TOMs are considered. */
  lightTouchLimitPence: Pence;
  /** Inclusive bounds of a weighted social value decision, in percent. */
  weightingMinPercent: number;
  weightingMaxPercent: number;
  /** Sorted by effectiveFrom, oldest first. */
  thresholdTables: readonly ThresholdTable[];
  /** An authority's own measure set (measure codes); the whole library when absent (authorityEdition.ts). */
  measureCodes?: readonly string[];
  /** Set on an authority's own edition (authorityEdition.ts): whose policy it is. */
  authorityId?: string;
}

export const POLICY_EDITION_2026: PolicyEdition = {
  id: 'wmca-svp-2026',
  label: 'WMCA Social Value Policy (draft, appendix 2) with UK thresholds 2024–2025 and from 1 January 2026',
  source:
    'WMCA Social Value Policy section 6.0: under £50,000 light touch; £50,000 to threshold TOMs considered; at or ' +
    'above threshold TOMs included; weightings 5%–30% or PASS/FAIL. "EU thresholds" read as UK procurement thresholds.',
  lightTouchLimitPence: 5000000,
  weightingMinPercent: 5,
  weightingMaxPercent: 30,
  thresholdTables: DEFAULT_THRESHOLD_TABLES,
};

/** The edition decisions use when none is passed in. */
export const CURRENT_POLICY_EDITION: PolicyEdition = POLICY_EDITION_2026;

/** An edition as plain data (e.g. from the Settings and Thresholds lists): tables, or flat threshold rows. */
export interface PolicyEditionData {
  id: string;
  label?: string;
  source?: string;
  lightTouchLimitPence: Pence;
  weightingMinPercent: number;
  weightingMaxPercent: number;
  thresholdTables?: ThresholdTable[];
  thresholdRows?: ThresholdRow[];
}

function isNonBlank(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** Every problem with an edition's data, in words an administrator can act on; empty when it is sound. */
export function policyEditionProblems(data: unknown): string[] {
  const problems: string[] = [];
  if (!data || typeof data !== 'object') return ['A policy edition must be an object with its figures.'];
  const d = data as Partial<PolicyEditionData>;
  if (!isNonBlank(d.id)) problems.push('The edition needs an id, e.g. "wmca-svp-2028".');
  const limit = d.lightTouchLimitPence;
  const limitOk = typeof limit === 'number' && Number.isSafeInteger(limit) && limit > 0;
  if (!limitOk) problems.push(`The light-touch limit must be a positive whole number of pence; got ${String(limit)}.`);
  const min = d.weightingMinPercent;
  const max = d.weightingMaxPercent;
  const minOk = typeof min === 'number' && isFinite(min) && min > 0 && min <= 100;
  const maxOk = typeof max === 'number' && isFinite(max) && max > 0 && max <= 100;
  if (!minOk) problems.push(`The minimum weighting must be a percentage above 0 and at most 100; got ${String(min)}.`);
  if (!maxOk) problems.push(`The maximum weighting must be a percentage above 0 and at most 100; got ${String(max)}.`);
  if (minOk && maxOk && (min as number) > (max as number)) {
    problems.push(`The minimum weighting (${String(min)}%) is above the maximum (${String(max)}%).`);
  }
  let tables: ThresholdTable[] = [];
  if (d.thresholdRows !== undefined) {
    try {
      tables = thresholdTablesFromRows(d.thresholdRows);
    } catch (e) {
      problems.push(...(e instanceof PolicyInputError ? e.problems : [String(e)]));
    }
  } else if (Array.isArray(d.thresholdTables)) {
    tables = d.thresholdTables;
  }
  if (tables.length === 0) problems.push('The edition needs at least one threshold table.');
  const seen: { [date: string]: boolean } = {};
  tables.forEach((t, i) => {
    const name = t && isNonBlank(t.id) ? `Threshold table "${t.id}"` : `Threshold table ${i + 1}`;
    if (!t || typeof t !== 'object') {
      problems.push(`${name} is missing.`);
      return;
    }
    if (!isNonBlank(t.id)) problems.push(`${name} needs an id.`);
    if (!isIsoDate(t.effectiveFrom)) {
      problems.push(`${name}: "effective from" must be a date as yyyy-mm-dd; got "${String(t.effectiveFrom)}".`);
    } else if (seen[t.effectiveFrom]) {
      problems.push(`${name}: another table already takes effect on ${t.effectiveFrom}.`);
    } else {
      seen[t.effectiveFrom] = true;
    }
    if (!isNonBlank(t.source)) problems.push(`${name} needs a source (the regulations or guidance the figures come from).`);
    const figures = (t.figures || {}) as Partial<ThresholdFigures>;
    for (const r of REGIMES) {
      for (const c of CONTRACT_TYPES) {
        const v = figures[r.id] ? (figures[r.id] as ThresholdFigures[typeof r.id])[c.id] : undefined;
        const what = `${name}: the ${r.label.toLowerCase()} ${c.label.toLowerCase()} threshold`;
        if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0) {
          problems.push(`${what} must be a positive whole number of pence; got ${String(v)}.`);
        } else if (limitOk && v <= (limit as number)) {
          problems.push(`${what} (${formatPounds(v)}) must be above the light-touch limit (${formatPounds(limit as number)}).`);
        }
      }
    }
  });
  return problems;
}

function copyTable(t: ThresholdTable): ThresholdTable {
  const figures = {} as ThresholdFigures;
  for (const r of REGIMES) {
    figures[r.id] = {} as ThresholdFigures[typeof r.id];
    for (const c of CONTRACT_TYPES) figures[r.id][c.id] = t.figures[r.id][c.id];
    Object.freeze(figures[r.id]);
  }
  return Object.freeze({ id: t.id, label: t.label || t.id, effectiveFrom: t.effectiveFrom, source: t.source, figures: Object.freeze(figures) });
}

/**
 * Builds an edition from plain data — how an administrator adds the 2028 threshold table or changes
 * the £50,000 line without a code change. Throws PolicyInputError listing every problem.
 */
export function buildPolicyEdition(data: PolicyEditionData): PolicyEdition {
  const problems = policyEditionProblems(data);
  if (problems.length > 0) {
    throw new PolicyInputError(`The policy edition cannot be used: ${problems.join(' ')}`, problems);
  }
  const tables = data.thresholdRows !== undefined ? thresholdTablesFromRows(data.thresholdRows) : (data.thresholdTables as ThresholdTable[]);
  const sorted = tables.map(copyTable).sort((a, b) => compareIsoDates(a.effectiveFrom, b.effectiveFrom));
  return Object.freeze({
    id: data.id.trim(),
    label: isNonBlank(data.label) ? data.label : data.id.trim(),
    source: isNonBlank(data.source) ? data.source : '',
    lightTouchLimitPence: data.lightTouchLimitPence,
    weightingMinPercent: data.weightingMinPercent,
    weightingMaxPercent: data.weightingMaxPercent,
    thresholdTables: Object.freeze(sorted),
  });
}

/** A new edition (with its own id) that adds or replaces a threshold table, e.g. the 2028 figures. */
export function withThresholdTable(edition: PolicyEdition, table: ThresholdTable, newEditionId: string, label?: string): PolicyEdition {
  return buildPolicyEdition({
    id: newEditionId,
    label: label || `${edition.label}; ${table.label}`,
    source: edition.source,
    lightTouchLimitPence: edition.lightTouchLimitPence,
    weightingMinPercent: edition.weightingMinPercent,
    weightingMaxPercent: edition.weightingMaxPercent,
    thresholdTables: edition.thresholdTables.filter((t) => t.effectiveFrom !== table.effectiveFrom).concat([table]),
  });
}

/** Throws a PolicyInputError unless `edition` is sound; used by decisions that accept an edition argument. */
export function assertPolicyEdition(edition: PolicyEdition): PolicyEdition {
  if (edition === CURRENT_POLICY_EDITION) return edition;
  const problems = policyEditionProblems(edition);
  if (problems.length > 0) throw new PolicyInputError(`The policy edition cannot be used: ${problems.join(' ')}`, problems);
  return edition;
}
