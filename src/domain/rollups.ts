// What a rollup holds, defined once. A rollup is one procurement × reporting quarter × theme:
//   committed = the part of each commitment's value expected in that quarter — the commitment's value at its
//               locked proxy, spread pro rata over the days from its start (or the contract's) to its due date,
//               the same "expected by now" the domain's RAG_RULE uses; without a usable start, the whole value
//               falls in the quarter of the due date. Quarters add up to the commitment's value exactly.
//   reported  = £ of the quarter's logs that are reported and not yet verified;
//   verified  = £ of the quarter's verified logs. Rejected logs never count.
// Beside the £, each measure's quantities in its own unit, the same three ways (committed spread pro rata as
// the £ is, reported, verified), so record-only measures — people into work, apprenticeship weeks — count
// too (issue 14). Quantities are kept in thousandths (a quantity has at most 3 decimal places), so sums are
// exact; a percentage is a rate, not an amount, and is never summed.
// A log's £ is quantity × its own proxy snapshot (or its commitment's locked proxy), as commitmentProgress
// counts it. The site owner's figures update (app/rebuild.ts) is the only writer of rollups (issue 19).
import { addDays, daysBetween } from './dates';
import type { IsoDate } from './dates';
import type { MeasureUnit } from './measures';
import { isSummableUnit, toThousandths } from './quantities';
import type { Commitment, OutcomeLog, Procurement } from './entities';
import type { Pence } from './money';
import { periodFor, periodsBetween } from './periods';
import { byReference, referenceKey, sameReference } from './references';
import { socialValuePence } from './socialValue';
import { THEMES, themeForMeasureCode } from './themes';
import type { ThemeId } from './themes';

/** One procurement × reporting quarter × theme, as the Rollups list keeps it for the dashboard. */
export interface Rollup {
  procurementReference: string;
  periodEnd: IsoDate;
  themeId: ThemeId;
  authorityId: string;
  supplierName?: string;
  committedPence: Pence;
  reportedPence: Pence;
  verifiedPence: Pence;
  /** The theme's measures' quantities in the quarter, by measure code; none for a zeroed row. */
  quantities?: QuantityFigures[];
}

/** One measure's quantities in a quarter, in thousandths of its unit. */
export interface QuantityFigures {
  measureCode: string;
  unit: MeasureUnit;
  committedThousandths: number;
  reportedThousandths: number;
  verifiedThousandths: number;
}

/** What a rollup needs of its procurement. */
export type RollupProcurement = Pick<Procurement, 'reference' | 'authorityId'> & Partial<Pick<Procurement, 'supplier' | 'contractStart'>>;

/** The key SharePoint keeps a rollup under: procurement | period end | theme. */
export function rollupKeyOf(r: Pick<Rollup, 'procurementReference' | 'periodEnd' | 'themeId'>): string {
  return `${r.procurementReference}|${r.periodEnd}|${r.themeId}`;
}

function themeOf(measureCode: string): ThemeId {
  const theme = themeForMeasureCode(measureCode);
  if (!theme) throw new Error(`The measure code "${measureCode}" does not belong to any theme.`);
  return theme.id;
}

function bigMulDiv(value: Pence, numerator: number, denominator: number): Pence {
  // value × numerator ÷ denominator, rounded half up, exactly (value × days can pass 2^53).
  const n = BigInt(value) * BigInt(numerator);
  const d = BigInt(denominator);
  const q = n / d;
  return Number(n % d * BigInt(2) >= d ? q + BigInt(1) : q);
}

/**
 * A whole amount (pence, or thousandths of a unit) spread over the quarters from `start` to `due`: pro rata to
 * days, cumulative figures rounded half up so the quarters add up to the whole exactly. Without a usable
 * start the whole amount falls in the quarter of the due date.
 */
function proRataProfile(amount: number, start: IsoDate | undefined, due: IsoDate): { periodEnd: IsoDate; amount: number }[] {
  if (start === undefined || daysBetween(start, due) <= 0) return [{ periodEnd: periodFor(due).end, amount }];
  const total = daysBetween(start, due);
  const out: { periodEnd: IsoDate; amount: number }[] = [];
  let before = 0;
  for (const p of periodsBetween(start, due)) {
    const elapsed = Math.min(total, Math.max(0, daysBetween(start, p.end)));
    const cumulative = bigMulDiv(amount, elapsed, total);
    out.push({ periodEnd: p.end, amount: cumulative - before });
    before = cumulative;
  }
  return out;
}

/** The same spread's share in the quarter ending `periodEnd`, computed directly. */
function proRataInPeriod(amount: number, start: IsoDate | undefined, due: IsoDate, periodEnd: IsoDate): number {
  const period = periodFor(periodEnd);
  if (start === undefined || daysBetween(start, due) <= 0) return periodFor(due).end === period.end ? amount : 0;
  const total = daysBetween(start, due);
  const cumulative = (date: IsoDate): number => bigMulDiv(amount, Math.min(total, Math.max(0, daysBetween(start, date))), total);
  return cumulative(period.end) - cumulative(addDays(period.start, -1));
}

/**
 * The committed £ of one commitment per quarter end: pro rata to days between its start (or the contract
 * start) and its due date, cumulative figures rounded half up so the quarters add up to the whole exactly.
 * Record-only commitments (no proxy) commit no £ and have no quarters.
 */
export function committedProfile(commitment: Commitment, contractStart?: IsoDate): { periodEnd: IsoDate; pence: Pence }[] {
  const value = socialValuePence(commitment.targetQuantity, commitment.proxyPenceLocked);
  if (value === undefined) return [];
  return proRataProfile(value, commitment.startDate || contractStart, commitment.dueDate).map((q) => ({ periodEnd: q.periodEnd, pence: q.amount }));
}

/**
 * The committed £ of one commitment in the quarter ending `periodEnd` — the same figure as its quarter in
 * `committedProfile`, computed directly (cumulative at this quarter's end minus at the previous one's).
 */
export function committedInPeriod(commitment: Commitment, periodEnd: IsoDate, contractStart?: IsoDate): Pence {
  const value = socialValuePence(commitment.targetQuantity, commitment.proxyPenceLocked);
  if (value === undefined) return 0;
  return proRataInPeriod(value, commitment.startDate || contractStart, commitment.dueDate, periodEnd);
}

/** The quarters a commitment's target spreads over (record-only ones too), as its £ would. */
function commitmentQuarters(commitment: Commitment, contractStart?: IsoDate): IsoDate[] {
  return proRataProfile(1, commitment.startDate || contractStart, commitment.dueDate).map((q) => q.periodEnd);
}

/** The committed quantity of one commitment in a quarter, in thousandths of its unit (pro rata, as the £). */
export function committedQuantityInPeriod(commitment: Commitment, periodEnd: IsoDate, contractStart?: IsoDate): number {
  return proRataInPeriod(toThousandths(commitment.targetQuantity), commitment.startDate || contractStart, commitment.dueDate, periodEnd);
}

function commitmentOfLog(log: OutcomeLog, commitments: readonly Commitment[]): Commitment | undefined {
  if (log.commitmentId !== undefined) {
    const byId = commitments.filter((c) => c.id === log.commitmentId)[0];
    if (byId) return byId;
  }
  return commitments.filter((c) => sameReference(c.procurementReference, log.procurementReference) && c.measureCode === log.measureCode)[0];
}

/** A log's £: quantity × its proxy snapshot, or its commitment's locked proxy; record-only → 0. */
export function logValuePence(log: OutcomeLog, commitments: readonly Commitment[]): Pence {
  let proxy = log.proxyPence;
  if (proxy === undefined) {
    const c = commitmentOfLog(log, commitments);
    proxy = c ? c.proxyPenceLocked : undefined;
  }
  return socialValuePence(log.quantity, proxy) || 0;
}

function themesOfCommitments(commitments: readonly Commitment[]): ThemeId[] {
  const seen = new Set(commitments.map((c) => themeOf(c.measureCode)));
  return THEMES.map((t) => t.id).filter((id) => seen.has(id));
}

/**
 * The rollups of one procurement for one quarter, as the site owner's figures update (app/rebuild.ts) writes
 * them. Pass all the procurement's commitments and ALL its logs of that quarter. Gives a row for every theme
 * of the commitments and of the quarter's logs, zero rows included, so a rejected log's £ is taken out.
 */
export function rollupsFor(
  procurement: RollupProcurement,
  commitments: readonly Commitment[],
  logsOfOnePeriod: readonly OutcomeLog[],
  periodEnd?: IsoDate,
): Rollup[] {
  const end = periodEnd !== undefined ? periodFor(periodEnd).end : logsOfOnePeriod.length > 0 ? periodFor(logsOfOnePeriod[0].periodEnd).end : undefined;
  if (end === undefined) throw new Error('rollupsFor needs the period: give its end date when there are no logs.');
  const mine = commitments.filter((c) => sameReference(c.procurementReference, procurement.reference));
  const logs = logsOfOnePeriod.filter((l) => sameReference(l.procurementReference, procurement.reference));
  for (const l of logs) {
    if (periodFor(l.periodEnd).end !== end) throw new Error(`rollupsFor takes the logs of one quarter; ${l.measureCode} is for ${l.periodEnd}, not ${end}.`);
  }
  const committed = new Map<ThemeId, Pence>();
  const reported = new Map<ThemeId, Pence>();
  const verified = new Map<ThemeId, Pence>();
  const add = (m: Map<ThemeId, Pence>, theme: ThemeId, pence: Pence): void => {
    m.set(theme, (m.get(theme) || 0) + pence);
  };
  const quantities = new Map<string, QuantityFigures>();
  const quantity = (measureCode: string, unit: MeasureUnit): QuantityFigures => {
    let q = quantities.get(measureCode);
    if (!q) {
      q = { measureCode, unit, committedThousandths: 0, reportedThousandths: 0, verifiedThousandths: 0 };
      quantities.set(measureCode, q);
    }
    return q;
  };
  const themes = new Set<ThemeId>(themesOfCommitments(mine));
  for (const c of mine) {
    const pence = committedInPeriod(c, end, procurement.contractStart);
    if (pence !== 0) add(committed, themeOf(c.measureCode), pence);
    if (isSummableUnit(c.unit)) {
      const share = committedQuantityInPeriod(c, end, procurement.contractStart);
      if (share !== 0) quantity(c.measureCode, c.unit).committedThousandths += share;
    }
  }
  for (const l of logs) {
    const theme = themeOf(l.measureCode);
    themes.add(theme);
    if (l.verification === 'Verified') add(verified, theme, logValuePence(l, mine));
    else if (l.verification === 'Reported') add(reported, theme, logValuePence(l, mine));
    // A log's unit is its commitment's (a log is always against one).
    const unit = commitmentOfLog(l, mine)?.unit;
    if (unit === undefined || !isSummableUnit(unit) || l.verification === 'Rejected') continue;
    const q = quantity(l.measureCode, unit);
    if (l.verification === 'Verified') q.verifiedThousandths += toThousandths(l.quantity);
    else q.reportedThousandths += toThousandths(l.quantity);
  }
  const byCode = (a: QuantityFigures, b: QuantityFigures): number => (a.measureCode < b.measureCode ? -1 : a.measureCode > b.measureCode ? 1 : 0);
  return THEMES.filter((t) => themes.has(t.id)).map((t) => {
    const r: Rollup = {
      procurementReference: procurement.reference,
      periodEnd: end,
      themeId: t.id,
      authorityId: procurement.authorityId,
      committedPence: committed.get(t.id) || 0,
      reportedPence: reported.get(t.id) || 0,
      verifiedPence: verified.get(t.id) || 0,
      quantities: Array.from(quantities.values())
        .filter((q) => themeOf(q.measureCode) === t.id)
        .sort(byCode),
    };
    if (procurement.supplier && procurement.supplier.name) r.supplierName = procurement.supplier.name;
    return r;
  });
}

/** The quarters a procurement has rollups for: every quarter a commitment's value falls in, and every quarter with a log. */
export function rollupPeriods(procurement: RollupProcurement, commitments: readonly Commitment[], logs: readonly OutcomeLog[]): IsoDate[] {
  const ends = new Set<IsoDate>();
  for (const c of commitments) {
    if (!sameReference(c.procurementReference, procurement.reference)) continue;
    // Record-only commitments too: their quantities are committed quarter by quarter as the £ would be.
    for (const end of commitmentQuarters(c, procurement.contractStart)) ends.add(end);
  }
  for (const l of logs) if (sameReference(l.procurementReference, procurement.reference)) ends.add(periodFor(l.periodEnd).end);
  return Array.from(ends).sort();
}

/**
 * The rollups of one procurement, every quarter it has one for: each is `rollupsFor` of all that quarter's logs.
 */
export function rollupsForProcurement(procurement: RollupProcurement, commitments: readonly Commitment[], logs: readonly OutcomeLog[]): Rollup[] {
  const mine = commitments.filter((c) => sameReference(c.procurementReference, procurement.reference));
  const byPeriod = new Map<IsoDate, OutcomeLog[]>();
  for (const l of logs) {
    if (!sameReference(l.procurementReference, procurement.reference)) continue;
    const end = periodFor(l.periodEnd).end;
    const list = byPeriod.get(end) || [];
    list.push(l);
    byPeriod.set(end, list);
  }
  const out: Rollup[] = [];
  for (const end of rollupPeriods(procurement, mine, logs)) out.push(...rollupsFor(procurement, mine, byPeriod.get(end) || [], end));
  return out;
}

/**
 * All rollups recomputed from scratch from the commitments and outcome logs (the rebuild command's
 * figures). Logs and commitments of procurements not given are left out (see `unknownReferences`).
 * Ordered by procurement reference, period end and theme.
 */
export function rebuildRollups(commitments: readonly Commitment[], logs: readonly OutcomeLog[], procurements: readonly RollupProcurement[]): Rollup[] {
  const commitmentsByRef = byReference(commitments);
  const logsByRef = byReference(logs);
  const sorted = procurements.slice().sort((a, b) => (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0));
  const out: Rollup[] = [];
  for (const p of sorted) {
    const key = referenceKey(p.reference);
    out.push(...rollupsForProcurement(p, commitmentsByRef.get(key) || [], logsByRef.get(key) || []));
  }
  return out;
}

/** References of logs or commitments whose procurement is not among those given (they cannot be rolled up). */
export function unknownReferences(commitments: readonly Commitment[], logs: readonly OutcomeLog[], procurements: readonly RollupProcurement[]): string[] {
  const known = new Set(procurements.map((p) => referenceKey(p.reference)));
  const unknown = new Set<string>();
  for (const x of [...commitments, ...logs]) if (!known.has(referenceKey(x.procurementReference))) unknown.add(x.procurementReference);
  return Array.from(unknown).sort();
}

/**
 * What to save so the list holds exactly `fresh`: every fresh rollup, plus a zero rollup for each stored key
 * that the fresh set no longer has (the port cannot delete; a zero row counts for nothing).
 */
export function rollupsToSave(fresh: readonly Rollup[], stored: readonly Rollup[]): Rollup[] {
  const keys = new Set(fresh.map(rollupKeyOf));
  const zeroed = stored
    .filter((s) => !keys.has(rollupKeyOf(s)) && (s.committedPence !== 0 || s.reportedPence !== 0 || s.verifiedPence !== 0 || (s.quantities || []).length > 0))
    .map((s): Rollup => ({ ...pickRollup(s), committedPence: 0, reportedPence: 0, verifiedPence: 0, quantities: [] }));
  return [...fresh, ...zeroed];
}

/** The rollup's own fields (without a stored record's id and ETag), for comparisons. */
export function pickRollup(r: Rollup): Rollup {
  const out: Rollup = {
    procurementReference: r.procurementReference,
    periodEnd: r.periodEnd,
    themeId: r.themeId,
    authorityId: r.authorityId,
    committedPence: r.committedPence,
    reportedPence: r.reportedPence,
    verifiedPence: r.verifiedPence,
    quantities: (r.quantities || []).map((q) => ({ ...q })),
  };
  if (r.supplierName) out.supplierName = r.supplierName;
  return out;
}
