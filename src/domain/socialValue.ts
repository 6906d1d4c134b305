// Social value arithmetic, all in integer pence:
// - value = quantity × proxy (£ per unit), rounded half up to the nearest penny (0.5p → 1p), computed
//   exactly from the decimal digits of the quantity (2.5 FTE, 1.005 tonnes) so no floating-point drift;
// - record-only measures carry no £ value (undefined, never 0 pretending to be a value);
// - commitment progress: delivered vs target, %, £, and a RAG status by the rule below;
// - totals per theme, always all six, with each theme's share — never only one grand total, because
//   easy local-spend measures can otherwise dominate the £ figure.
import type { Commitment, OutcomeLog, VerificationStatus } from './entities';
import type { IsoDate } from './dates';
import { daysBetween, formatLongDate, parseIsoDate } from './dates';
import { decimalToNumber, divideRoundHalfUp, exactDecimal, pow10, sumExact } from './decimal';
import { PolicyInputError } from './errors';
import type { Pence } from './money';
import { assertPence, formatPounds, sumPence } from './money';
import { sameReference } from './references';
import type { ThemeId } from './themes';
import { THEMES, themeForMeasureCode } from './themes';
import { formatQuantity } from './measures';

/** Red/Amber/Green status of a commitment (stored as a SharePoint choice value). */
export type Rag = 'Red' | 'Amber' | 'Green';
export const RAGS: readonly Rag[] = ['Red', 'Amber', 'Green'];

function assertQuantity(quantity: number, what = 'quantity'): void {
  if (typeof quantity !== 'number' || !isFinite(quantity)) {
    throw new PolicyInputError(`The ${what} must be a number; got ${String(quantity)}.`);
  }
  if (quantity < 0) throw new PolicyInputError(`The ${what} cannot be negative; got ${String(quantity)}.`);
}

/**
 * value = quantity × proxy, in pence, rounded half up to the penny. Undefined when the measure is
 * record-only (no proxy). E.g. 2.5 hours × £16.93 = £42.325 → £42.33.
 */
export function socialValuePence(quantity: number, proxyPence: Pence | undefined): Pence | undefined {
  assertQuantity(quantity);
  if (proxyPence === undefined || proxyPence === null) return undefined;
  assertPence(proxyPence, 'proxy');
  const q = exactDecimal(quantity, 'quantity');
  const value = Number(divideRoundHalfUp(q.digits * BigInt(proxyPence), pow10(q.scale)));
  if (!Number.isSafeInteger(value)) throw new PolicyInputError('The social value is too large to calculate exactly.');
  return value;
}

/** The value of an outcome log from its own proxy snapshot (undefined when record-only). */
export function outcomeValuePence(log: Pick<OutcomeLog, 'quantity' | 'proxyPence'>): Pence | undefined {
  return socialValuePence(log.quantity, log.proxyPence);
}

/** The £ a commitment is worth if delivered in full, at its locked proxy. */
export function committedValuePence(commitment: Pick<Commitment, 'targetQuantity' | 'proxyPenceLocked'>): Pence | undefined {
  return socialValuePence(commitment.targetQuantity, commitment.proxyPenceLocked);
}

/** Which outcome logs count as delivered. Rejected logs never count. */
export type DeliveryBasis = 'verified-only' | 'reported-or-verified';

/**
 * What the hub counts as delivered on its screens, in stored RAG and on the dashboard: verified logs only
 * (reported ones awaiting verification are shown beside them, never added in).
 */
export const DELIVERY_BASIS: DeliveryBasis = 'verified-only';

function counts(verification: VerificationStatus, basis: DeliveryBasis): boolean {
  return verification === 'Verified' || (basis === 'reported-or-verified' && verification === 'Reported');
}

/**
 * The RAG rule, as data the UI can show. Expected-by-now is the target pro rata to the time elapsed
 * between the commitment's start and its due date.
 */
export const RAG_RULE = {
  amberFromPercentOfExpected: 75,
  defaultBasis: 'reported-or-verified' as DeliveryBasis,
  summary:
    'Green when delivery is at or above what is expected by now (the target pro rata to the time elapsed between start and due date); ' +
    'Amber when it is at least 75% of that; Red below 75%, or when the due date has passed and the target is not met.',
  lines: [
    'Expected by now = target × days elapsed since the start ÷ days from start to due date (nothing is expected before the start).',
    'Green: the target is met, or delivery is at or above what is expected by now.',
    'Amber: delivery is at least 75% of what is expected by now.',
    'Red: delivery is below 75% of what is expected by now, or the due date has passed and the target is not met (overdue).',
    'Delivery counts reported and verified outcomes; rejected outcomes never count.',
    'Without a start date, nothing is expected until the due date.',
  ],
} as const;

export interface CommitmentProgress {
  measureCode: string;
  targetQuantity: number;
  /** Counted on the chosen basis (default: reported or verified). */
  deliveredQuantity: number;
  verifiedQuantity: number;
  /** Reported, not yet verified. */
  awaitingVerificationQuantity: number;
  /** delivered ÷ target × 100, rounded half up to 1 decimal place; can exceed 100. */
  percentDelivered: number;
  /** What the RAG rule expects by the as-of date. */
  expectedQuantity: number;
  committedValuePence?: Pence;
  /** Sum of each counted log's value at its proxy snapshot (or the locked proxy); undefined when record-only. */
  deliveredValuePence?: Pence;
  verifiedValuePence?: Pence;
  rag: Rag;
  overdue: boolean;
  /** One sentence explaining the RAG status. */
  ragReason: string;
}

function matchesCommitment(log: OutcomeLog, c: Commitment): boolean {
  if (c.id !== undefined && log.commitmentId !== undefined) return log.commitmentId === c.id;
  return sameReference(log.procurementReference, c.procurementReference) && log.measureCode === c.measureCode;
}

/** a × b compared with c × d, exactly, for non-negative decimals. */
function compareProducts(a: number, b: number, c: number, d: number): number {
  const [da, db, dc, dd] = [a, b, c, d].map((x) => exactDecimal(x));
  const left = da.digits * db.digits * pow10(dc.scale + dd.scale);
  const right = dc.digits * dd.digits * pow10(da.scale + db.scale);
  return left < right ? -1 : left > right ? 1 : 0;
}

function roundedPercent(part: number, whole: number): number {
  const p = exactDecimal(part);
  const w = exactDecimal(whole);
  if (w.digits === BigInt(0)) return 0;
  // tenths of a percent = part / whole × 1000
  const tenths = divideRoundHalfUp(p.digits * BigInt(1000) * pow10(w.scale), w.digits * pow10(p.scale));
  return decimalToNumber(tenths, 1);
}

/**
 * Progress of one commitment on a date, from its outcome logs (logs of other commitments are ignored).
 * `contractStart` is used when the commitment has no start date of its own.
 */
export function commitmentProgress(
  commitment: Commitment,
  logs: readonly OutcomeLog[],
  asOf: IsoDate,
  options: { basis?: DeliveryBasis; contractStart?: IsoDate } = {},
): CommitmentProgress {
  const basis = options.basis || RAG_RULE.defaultBasis;
  if (basis !== 'verified-only' && basis !== 'reported-or-verified') throw new PolicyInputError(`Unknown delivery basis "${String(basis)}".`);
  assertQuantity(commitment.targetQuantity, 'target quantity');
  parseIsoDate(asOf, 'as-of date');
  parseIsoDate(commitment.dueDate, 'due date');
  const start = commitment.startDate || options.contractStart;
  if (start !== undefined) parseIsoDate(start, 'start date');

  const mine = logs.filter((l) => matchesCommitment(l, commitment));
  for (const l of mine) assertQuantity(l.quantity, `quantity reported for period ending ${l.periodEnd}`);
  const counted = mine.filter((l) => counts(l.verification, basis));
  const verified = mine.filter((l) => l.verification === 'Verified');
  const awaiting = mine.filter((l) => l.verification === 'Reported');
  const target = commitment.targetQuantity;
  const delivered = sumExact(counted.map((l) => l.quantity));

  const valueOf = (list: OutcomeLog[]): Pence | undefined => {
    if (commitment.proxyPenceLocked === undefined) return undefined;
    return sumPence(list.map((l) => socialValuePence(l.quantity, l.proxyPence !== undefined ? l.proxyPence : commitment.proxyPenceLocked) as Pence));
  };

  // Elapsed fraction = elapsedDays / totalDays, kept as two integers for exact comparisons.
  let elapsedDays = 0;
  let totalDays = 1;
  const overdue = daysBetween(commitment.dueDate, asOf) > 0;
  if (start !== undefined && daysBetween(start, commitment.dueDate) > 0) {
    totalDays = daysBetween(start, commitment.dueDate);
    elapsedDays = Math.min(totalDays, Math.max(0, daysBetween(start, asOf)));
  } else if (daysBetween(commitment.dueDate, asOf) >= 0) {
    elapsedDays = 1; // no usable start: the whole target is expected from the due date
  }
  const expectedQuantity = decimalToNumber(
    divideRoundHalfUp(exactDecimal(target).digits * BigInt(elapsedDays) * BigInt(100), BigInt(totalDays) * pow10(exactDecimal(target).scale)),
    2,
  );

  let rag: Rag;
  let ragReason: string;
  const met = compareProducts(delivered, 1, target, 1) >= 0;
  const due = formatLongDate(commitment.dueDate);
  if (met) {
    rag = 'Green';
    ragReason = `The target of ${target} is met (${delivered} delivered).`;
  } else if (overdue) {
    rag = 'Red';
    ragReason = `Overdue: ${delivered} of ${target} delivered and the due date, ${due}, has passed.`;
  } else if (elapsedDays === 0) {
    rag = 'Green';
    ragReason = 'Nothing is expected yet.';
  } else if (compareProducts(delivered, totalDays, target, elapsedDays) >= 0) {
    rag = 'Green';
    ragReason = `On track: ${delivered} delivered, at or above the ${expectedQuantity} expected by now.`;
  } else if (compareProducts(delivered, totalDays * 100, target, elapsedDays * RAG_RULE.amberFromPercentOfExpected) >= 0) {
    rag = 'Amber';
    ragReason = `Slightly behind: ${delivered} delivered, at least ${RAG_RULE.amberFromPercentOfExpected}% of the ${expectedQuantity} expected by now.`;
  } else {
    rag = 'Red';
    ragReason = `Behind: ${delivered} delivered, under ${RAG_RULE.amberFromPercentOfExpected}% of the ${expectedQuantity} expected by now.`;
  }

  return {
    measureCode: commitment.measureCode,
    targetQuantity: target,
    deliveredQuantity: delivered,
    verifiedQuantity: sumExact(verified.map((l) => l.quantity)),
    awaitingVerificationQuantity: sumExact(awaiting.map((l) => l.quantity)),
    percentDelivered: roundedPercent(delivered, target),
    expectedQuantity,
    committedValuePence: committedValuePence(commitment),
    deliveredValuePence: valueOf(counted),
    verifiedValuePence: valueOf(verified),
    rag,
    overdue: overdue && !met,
    ragReason,
  };
}

export interface ThemeTotal {
  themeId: ThemeId;
  label: string;
  valuePence: Pence;
  /** Share of the total £, in tenths of a percent; the six shares add up to exactly 1000 when the total is not zero. */
  shareTenthsOfPercent: number;
  /** The share as a percentage with one decimal place (e.g. 42.5). */
  sharePercent: number;
  /** Items counted under the theme, including record-only ones. */
  itemCount: number;
  recordOnlyCount: number;
}

export interface ThemeTotals {
  themes: ThemeTotal[];
  totalPence: Pence;
}

/** Splits `total` (1000 tenths) in proportion to `parts` by largest remainder, so rounded shares add up. */
function apportion(parts: readonly number[], total: number): number[] {
  const sum = parts.reduce((a, b) => a + b, 0);
  if (sum === 0) return parts.map(() => 0);
  const exact = parts.map((p) => {
    const num = BigInt(p) * BigInt(total);
    return { floor: Number(num / BigInt(sum)), rem: num % BigInt(sum) };
  });
  let left = total - exact.reduce((a, e) => a + e.floor, 0);
  const order = exact.map((e, i) => i).sort((a, b) => (exact[b].rem > exact[a].rem ? 1 : exact[b].rem < exact[a].rem ? -1 : a - b));
  const out = exact.map((e) => e.floor);
  for (const i of order) {
    if (left <= 0) break;
    out[i] += 1;
    left -= 1;
  }
  return out;
}

/**
 * £ totals for all six themes and each theme's share of the whole. Each item names its measure code
 * (the theme comes from the code's prefix) and its value in pence (undefined for record-only).
 */
export function totalsByTheme(items: readonly { measureCode: string; valuePence?: Pence }[]): ThemeTotals {
  const values: { [id: string]: Pence[] } = {};
  const itemCounts: { [id: string]: number } = {};
  const recordOnly: { [id: string]: number } = {};
  for (const t of THEMES) {
    values[t.id] = [];
    itemCounts[t.id] = 0;
    recordOnly[t.id] = 0;
  }
  for (const item of items) {
    const theme = themeForMeasureCode(item.measureCode);
    if (!theme) throw new PolicyInputError(`The measure code "${String(item.measureCode)}" does not belong to any theme.`);
    itemCounts[theme.id] += 1;
    if (item.valuePence === undefined || item.valuePence === null) {
      recordOnly[theme.id] += 1;
    } else {
      values[theme.id].push(assertPence(item.valuePence, `value of ${item.measureCode}`));
    }
  }
  const themeValues = THEMES.map((t) => sumPence(values[t.id]));
  const totalPence = sumPence(themeValues);
  const shares = apportion(themeValues, 1000);
  return {
    themes: THEMES.map((t, i) => ({
      themeId: t.id,
      label: t.label,
      valuePence: themeValues[i],
      shareTenthsOfPercent: shares[i],
      sharePercent: shares[i] / 10,
      itemCount: itemCounts[t.id],
      recordOnlyCount: recordOnly[t.id],
    })),
    totalPence,
  };
}

/** Delivered social value per theme from outcome logs (rejected logs left out; basis as for progress). */
export function deliveredByTheme(logs: readonly OutcomeLog[], basis: DeliveryBasis = RAG_RULE.defaultBasis): ThemeTotals {
  return totalsByTheme(
    logs.filter((l) => counts(l.verification, basis)).map((l) => ({ measureCode: l.measureCode, valuePence: outcomeValuePence(l) })),
  );
}

/** Committed social value per theme from commitments, at their locked proxies. */
export function committedByTheme(commitments: readonly Commitment[]): ThemeTotals {
  return totalsByTheme(commitments.map((c) => ({ measureCode: c.measureCode, valuePence: committedValuePence(c) })));
}

/** Social value as a percentage of the contract value, rounded half up to 1 decimal place. */
export function shareOfContractValue(valuePence: Pence, contractValuePence: Pence): number {
  assertPence(valuePence, 'social value');
  assertPence(contractValuePence, 'contract value');
  if (contractValuePence === 0) throw new PolicyInputError('The contract value is zero, so no share of it can be given.');
  return Number(divideRoundHalfUp(BigInt(valuePence) * BigInt(1000), BigInt(contractValuePence))) / 10;
}

/**
 * Outcome logs that claim the same measure for the same period on the same contract (double counting):
 * one outcome per measure per period per contract. Rejected logs are left out. Each group has ≥ 2 logs.
 */
export function duplicateOutcomes(logs: readonly OutcomeLog[]): OutcomeLog[][] {
  const groups: { [key: string]: OutcomeLog[] } = {};
  const order: string[] = [];
  for (const l of logs) {
    if (l.verification === 'Rejected') continue;
    const key = JSON.stringify([l.procurementReference.trim().toUpperCase(), l.measureCode.trim().toUpperCase(), l.periodEnd]);
    if (!groups[key]) {
      groups[key] = [];
      order.push(key);
    }
    groups[key].push(l);
  }
  return order.map((k) => groups[k]).filter((g) => g.length > 1);
}

/** "£42.33 (2.5 hours × £16.93)" — how a value was worked out, for cards and evidence screens. */
export function describeValue(quantity: number, unit: string, proxyPence: Pence | undefined): string {
  const v = socialValuePence(quantity, proxyPence);
  const amount = formatQuantity(quantity, unit);
  if (v === undefined) return `${amount} (record-only: no £ value)`;
  return `${formatPounds(v)} (${amount} × ${formatPounds(proxyPence as Pence)})`;
}
