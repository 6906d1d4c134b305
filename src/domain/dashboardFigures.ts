// The dashboard's figures, from rollups (never from every log): per theme with shares, over time, by
// authority, supplier and procurement, SME/VCSE share of awarded value, top successes and at-risk
// commitments. All money is integer pence; the member report is built from the same object, so the two
// agree to the penny.
import { AUTHORITIES, authorityById } from './authorities';
import { compareIsoDates } from './dates';
import { periodById, periodsBetween } from './periods';
import { referenceKey } from './references';
import { shareOfContractValue, totalsByTheme } from './socialValue';
import { THEMES, themeForMeasureCode } from './themes';
import type { IsoDate } from './dates';
import type { Procurement } from './entities';
import type { Pence } from './money';
import type { ReportingPeriod } from './periods';
import type { AtRiskSource } from './progress';
import type { QuantityFigures, Rollup } from './rollups';
import { MEASURES, MEASURE_UNITS } from './measures';
import type { Measure, MeasureUnit } from './measures';
import type { Rag } from './socialValue';
import type { ThemeId } from './themes';

export interface DashboardFilters {
  /** First quarter, e.g. '2026-27 Q1'. */
  fromPeriodId: string;
  /** Last quarter, inclusive. */
  toPeriodId: string;
  /** Only this authority's procurements; all when absent. */
  authorityId?: string;
  /** Only contracts with such a supplier (as recorded at award); all when absent. */
  supplierKind?: SupplierKind;
}

/** Kinds of supplier the dashboard can narrow to: the policy's SMEs and VCSEs (its "SME/VCSE share"). */
export type SupplierKind = 'sme' | 'vcse' | 'sme-or-vcse';
export const SUPPLIER_KINDS: readonly SupplierKind[] = ['sme', 'vcse', 'sme-or-vcse'];

/** Whether an award's supplier is of the kind: a contract without a recorded supplier is of none. */
export function supplierIsOfKind(supplier: Pick<NonNullable<Procurement['supplier']>, 'isSme' | 'isVcse'> | undefined, kind: SupplierKind): boolean {
  if (!supplier) return false;
  return kind === 'sme' ? supplier.isSme : kind === 'vcse' ? supplier.isVcse : supplier.isSme || supplier.isVcse;
}

/** Committed, reported-awaiting-verification and verified £. */
export interface Amounts {
  committedPence: Pence;
  reportedPence: Pence;
  verifiedPence: Pence;
}

export interface ThemeFigure extends Amounts {
  themeId: ThemeId;
  label: string;
  /** Each theme's share of its column, in tenths of a percent (the domain's rule: the six add up to 1000). */
  committedShareTenths: number;
  reportedShareTenths: number;
  verifiedShareTenths: number;
  /** Verified ÷ committed, %, one decimal place; undefined when nothing was committed. */
  deliveredPercent?: number;
  /** The theme's quantities, one figure per unit (never FTE and weeks added together). */
  quantities: UnitFigure[];
}

/** Committed, reported-awaiting-verification and verified quantities in one unit, in thousandths. */
export interface UnitFigure {
  unit: MeasureUnit;
  committedThousandths: number;
  reportedThousandths: number;
  verifiedThousandths: number;
  /** Verified ÷ committed, %, one decimal place; undefined when nothing was committed. */
  deliveredPercent?: number;
}

/** One measure's quantities over the quarters and authority chosen: its target against its delivery. */
export interface MeasureFigure extends UnitFigure {
  measureCode: string;
  /** What the measure counts, in the measure library's words; undefined when the library has no such code. */
  text?: string;
  themeId: ThemeId;
  /** Procurements with a figure for the measure. */
  procurements: number;
}

export interface PeriodFigure extends Amounts {
  periodId: string;
  periodEnd: IsoDate;
  label: string;
  cumulativeCommittedPence: Pence;
  cumulativeVerifiedPence: Pence;
}

export interface AuthorityFigure extends Amounts {
  authorityId: string;
  name: string;
  deliveredPercent?: number;
  /** The authority's quantities, one figure per unit. */
  quantities: UnitFigure[];
}

export interface SupplierFigure extends Amounts {
  supplierName: string;
  procurements: number;
  deliveredPercent?: number;
  /** The supplier's quantities, one figure per unit. */
  quantities: UnitFigure[];
}

export interface ProcurementFigure extends Amounts {
  reference: string;
  authorityId: string;
  supplierName?: string;
  /** Verified £ per theme (all six, zero included). */
  verifiedByTheme: { themeId: ThemeId; pence: Pence }[];
  deliveredPercent?: number;
}

/** What the dashboard needs of an awarded procurement (for the SME/VCSE share of awarded value). */
export type AwardRecord = Pick<Procurement, 'reference' | 'authorityId' | 'decisionDate'> &
  Partial<Pick<Procurement, 'supplier' | 'awardValuePence' | 'contractStart' | 'title'>>;

export interface AwardedShare {
  /** Procurements awarded in the quarters chosen (contract start, or the decision date, in them). */
  contracts: number;
  awardedPence: Pence;
  smePence: Pence;
  vcsePence: Pence;
  /** SME or VCSE (a supplier that is both counts once). */
  smeOrVcsePence: Pence;
  localPence: Pence;
  /** % of awarded value, one decimal place; undefined when nothing was awarded. */
  smePercent?: number;
  vcsePercent?: number;
  smeOrVcsePercent?: number;
  localPercent?: number;
}

export interface AtRiskCommitment {
  procurementReference: string;
  authorityId?: string;
  supplierName?: string;
  measureCode: string;
  /** What the measure counts, in the measure library's words; undefined when the library has no such code. */
  text?: string;
  themeId?: ThemeId;
  rag: Rag;
  dueDate: IsoDate;
  targetQuantity: number;
  verifiedQuantity?: number;
  unit: MeasureUnit;
}

export interface DashboardFigures {
  filters: DashboardFilters;
  periods: ReportingPeriod[];
  /** All six themes, in the policy's order: never only one grand total. */
  themes: ThemeFigure[];
  totals: Amounts & { deliveredPercent?: number };
  overTime: PeriodFigure[];
  byAuthority: AuthorityFigure[];
  /** Largest verified first. */
  bySupplier: SupplierFigure[];
  /** By reference. */
  byProcurement: ProcurementFigure[];
  awarded: AwardedShare;
  /** Procurements with the most verified £ in the quarters chosen (up to 5). */
  topSuccesses: ProcurementFigure[];
  /** Red first, then Amber; soonest due first. */
  atRisk: AtRiskCommitment[];
  /** Every measure with a quantity, in the themes' order then by code. */
  measures: MeasureFigure[];
  /** The day the figures last changed (a site owner's figures update writes them), where the reader knows it. */
  figuresChangedOn?: IsoDate;
}

const zero = (): Amounts => ({ committedPence: 0, reportedPence: 0, verifiedPence: 0 });

function addTo(target: Amounts, r: Amounts): void {
  target.committedPence += r.committedPence;
  target.reportedPence += r.reportedPence;
  target.verifiedPence += r.verifiedPence;
}

/** Verified as a % of committed (the domain's share rule); undefined when nothing was committed. */
export function deliveredPercent(a: Amounts): number | undefined {
  return a.committedPence > 0 ? shareOfContractValue(a.verifiedPence, a.committedPence) : undefined;
}

function percentOf(part: Pence, whole: Pence): number | undefined {
  return whole > 0 ? shareOfContractValue(part, whole) : undefined;
}

/** Each theme's share of a column, by the domain's totalsByTheme (the six add up to exactly 100%). */
function sharesTenths(values: readonly Pence[]): number[] {
  const totals = totalsByTheme(THEMES.map((t, i) => ({ measureCode: t.measurePrefix, valuePence: values[i] })));
  return totals.themes.map((t) => t.shareTenthsOfPercent);
}

/** The quarters of a filter, first to last. */
export function filterPeriods(filters: DashboardFilters): ReportingPeriod[] {
  const from = periodById(filters.fromPeriodId);
  const to = periodById(filters.toPeriodId);
  if (compareIsoDates(from.end, to.end) > 0) throw new Error(`The first quarter, ${from.id}, is after the last, ${to.id}.`);
  return periodsBetween(from.start, to.end);
}

function inFilter(r: Rollup, first: ReportingPeriod, last: ReportingPeriod, authorityId?: string): boolean {
  return compareIsoDates(r.periodEnd, first.end) >= 0 && compareIsoDates(r.periodEnd, last.end) <= 0 && (!authorityId || r.authorityId === authorityId);
}

function awardedShare(awards: readonly AwardRecord[], first: ReportingPeriod, last: ReportingPeriod, authorityId?: string): AwardedShare {
  const s: AwardedShare = { contracts: 0, awardedPence: 0, smePence: 0, vcsePence: 0, smeOrVcsePence: 0, localPence: 0 };
  const seen = new Set<string>();
  for (const a of awards) {
    if (a.awardValuePence === undefined || !a.supplier || seen.has(a.reference)) continue;
    if (authorityId && a.authorityId !== authorityId) continue;
    const when = a.contractStart || a.decisionDate;
    if (!when || compareIsoDates(when, first.start) < 0 || compareIsoDates(when, last.end) > 0) continue;
    seen.add(a.reference);
    s.contracts += 1;
    s.awardedPence += a.awardValuePence;
    if (a.supplier.isSme) s.smePence += a.awardValuePence;
    if (a.supplier.isVcse) s.vcsePence += a.awardValuePence;
    if (a.supplier.isSme || a.supplier.isVcse) s.smeOrVcsePence += a.awardValuePence;
    if (a.supplier.isLocal) s.localPence += a.awardValuePence;
  }
  s.smePercent = percentOf(s.smePence, s.awardedPence);
  s.vcsePercent = percentOf(s.vcsePence, s.awardedPence);
  s.smeOrVcsePercent = percentOf(s.smeOrVcsePence, s.awardedPence);
  s.localPercent = percentOf(s.localPence, s.awardedPence);
  return s;
}

/** Verified as a % of committed for quantities, by the same rule as for £. */
function quantityDelivered(q: Pick<UnitFigure, 'committedThousandths' | 'verifiedThousandths'>): number | undefined {
  return q.committedThousandths > 0 ? shareOfContractValue(q.verifiedThousandths, q.committedThousandths) : undefined;
}

const addQuantity = (target: Omit<UnitFigure, 'unit' | 'deliveredPercent'>, q: QuantityFigures): void => {
  target.committedThousandths += q.committedThousandths;
  target.reportedThousandths += q.reportedThousandths;
  target.verifiedThousandths += q.verifiedThousandths;
};

/** What the dashboard needs of the measure library: each code's words. */
export type MeasureWords = Pick<Measure, 'code' | 'text'>;

/** Quantities per measure: sums only within one measure's unit, each worded by the library. */
function measureFigures(rollups: readonly Rollup[], words: ReadonlyMap<string, string>): MeasureFigure[] {
  const byMeasure = new Map<string, MeasureFigure & { refs: Set<string> }>();
  for (const r of rollups) {
    for (const q of r.quantities || []) {
      const key = `${q.measureCode}|${q.unit}`;
      let m = byMeasure.get(key);
      if (!m) {
        m = { measureCode: q.measureCode, text: words.get(q.measureCode), unit: q.unit, themeId: r.themeId, committedThousandths: 0, reportedThousandths: 0, verifiedThousandths: 0, procurements: 0, refs: new Set<string>() };
        byMeasure.set(key, m);
      }
      addQuantity(m, q);
      m.refs.add(r.procurementReference);
    }
  }
  const themeOrder = THEMES.map((t) => t.id);
  return Array.from(byMeasure.values())
    .map(({ refs, ...m }) => ({ ...m, procurements: refs.size, deliveredPercent: quantityDelivered(m) }))
    .sort((a, b) => themeOrder.indexOf(a.themeId) - themeOrder.indexOf(b.themeId) || (a.measureCode < b.measureCode ? -1 : a.measureCode > b.measureCode ? 1 : 0) || MEASURE_UNITS.indexOf(a.unit) - MEASURE_UNITS.indexOf(b.unit));
}

/** The list kept under `key`, made when first asked for. */
function rowsOf(map: Map<string, Rollup[]>, key: string): Rollup[] {
  let rows = map.get(key);
  if (!rows) {
    rows = [];
    map.set(key, rows);
  }
  return rows;
}

/** The rollups' quantities added up one unit at a time (in MEASURE_UNITS order): never FTE and weeks together. */
function unitFigures(rollups: readonly Rollup[]): UnitFigure[] {
  const byUnit = new Map<MeasureUnit, UnitFigure>();
  for (const r of rollups) {
    for (const q of r.quantities || []) {
      const u = byUnit.get(q.unit) || { unit: q.unit, committedThousandths: 0, reportedThousandths: 0, verifiedThousandths: 0 };
      addQuantity(u, q);
      byUnit.set(q.unit, u);
    }
  }
  return MEASURE_UNITS.filter((unit) => byUnit.has(unit)).map((unit) => {
    const u = byUnit.get(unit) as UnitFigure;
    return { ...u, deliveredPercent: quantityDelivered(u) };
  });
}

const RAG_ORDER: { [r: string]: number } = { Red: 0, Amber: 1, Green: 2 };

/**
 * The dashboard's figures for the filters. `rollups` may hold more than the filters ask (they are applied
 * here too). `awards` are awarded procurements (for the SME/VCSE share and for naming at-risk commitments'
 * authority); `atRisk` the Red/Amber commitments as the owner's update recorded them; `library` the site's measure
 * library, which words each measure (a site adds its own measures, so the built-in list is only the default).
 */
export function dashboardFigures(
  rollups: readonly Rollup[],
  filters: DashboardFilters,
  inputs: { awards?: readonly AwardRecord[]; atRisk?: readonly AtRiskSource[]; topCount?: number; library?: readonly MeasureWords[] } = {},
): DashboardFigures {
  const periods = filterPeriods(filters);
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (filters.authorityId && !authorityById(filters.authorityId)) throw new Error(`Unknown authority "${filters.authorityId}".`);
  if (filters.supplierKind && SUPPLIER_KINDS.indexOf(filters.supplierKind) < 0) throw new Error(`Unknown kind of supplier "${String(filters.supplierKind)}".`);
  // A supplier's kind is the award's (Procurements), not the rollup's: a contract counts under a kind only when
  // its award record says so, so one awarded outside the awarded statuses loaded counts under none.
  const kind = filters.supplierKind;
  const ofKind = kind ? new Set((inputs.awards || []).filter((a) => supplierIsOfKind(a.supplier, kind)).map((a) => referenceKey(a.reference))) : undefined;
  const inKind = (reference: string): boolean => !ofKind || ofKind.has(referenceKey(reference));
  const chosen = rollups.filter((r) => inFilter(r, first, last, filters.authorityId) && inKind(r.procurementReference));
  const words = new Map((inputs.library ?? MEASURES).map((m) => [m.code, m.text]));

  const byTheme = new Map<ThemeId, Amounts>(THEMES.map((t) => [t.id, zero()]));
  const byPeriod = new Map<IsoDate, Amounts>(periods.map((p) => [p.end, zero()]));
  const byAuthority = new Map<string, Amounts>();
  const bySupplier = new Map<string, Amounts & { refs: Set<string> }>();
  const byProcurement = new Map<string, ProcurementFigure>();
  const totals = zero();
  for (const r of chosen) {
    addTo(totals, r);
    addTo(byTheme.get(r.themeId) || zero(), r);
    addTo(byPeriod.get(r.periodEnd) || zero(), r);
    const a = byAuthority.get(r.authorityId) || zero();
    addTo(a, r);
    byAuthority.set(r.authorityId, a);
    if (r.supplierName) {
      const s = bySupplier.get(r.supplierName) || { ...zero(), refs: new Set<string>() };
      addTo(s, r);
      s.refs.add(r.procurementReference);
      bySupplier.set(r.supplierName, s);
    }
    let p = byProcurement.get(r.procurementReference);
    if (!p) {
      p = { reference: r.procurementReference, authorityId: r.authorityId, supplierName: r.supplierName, ...zero(), verifiedByTheme: THEMES.map((t) => ({ themeId: t.id, pence: 0 })) };
      byProcurement.set(r.procurementReference, p);
    }
    addTo(p, r);
    p.verifiedByTheme.filter((v) => v.themeId === r.themeId)[0].pence += r.verifiedPence;
    if (!p.supplierName && r.supplierName) p.supplierName = r.supplierName;
  }

  // Each theme's, authority's and supplier's rollups, grouped in one pass (a region has thousands of suppliers).
  const rowsByTheme = new Map<string, Rollup[]>();
  const rowsByAuthority = new Map<string, Rollup[]>();
  const rowsBySupplier = new Map<string, Rollup[]>();
  for (const r of chosen) {
    rowsOf(rowsByTheme, r.themeId).push(r);
    rowsOf(rowsByAuthority, r.authorityId).push(r);
    if (r.supplierName) rowsOf(rowsBySupplier, r.supplierName).push(r);
  }
  const themeAmounts = THEMES.map((t) => byTheme.get(t.id) || zero());
  const committedShares = sharesTenths(themeAmounts.map((a) => a.committedPence));
  const reportedShares = sharesTenths(themeAmounts.map((a) => a.reportedPence));
  const verifiedShares = sharesTenths(themeAmounts.map((a) => a.verifiedPence));
  const themes: ThemeFigure[] = THEMES.map((t, i) => ({
    themeId: t.id,
    label: t.label,
    ...themeAmounts[i],
    committedShareTenths: committedShares[i],
    reportedShareTenths: reportedShares[i],
    verifiedShareTenths: verifiedShares[i],
    deliveredPercent: deliveredPercent(themeAmounts[i]),
    quantities: unitFigures(rowsOf(rowsByTheme, t.id)),
  }));

  let cumulativeCommitted = 0;
  let cumulativeVerified = 0;
  const overTime: PeriodFigure[] = periods.map((p) => {
    const a = byPeriod.get(p.end) || zero();
    cumulativeCommitted += a.committedPence;
    cumulativeVerified += a.verifiedPence;
    return { periodId: p.id, periodEnd: p.end, label: p.label, ...a, cumulativeCommittedPence: cumulativeCommitted, cumulativeVerifiedPence: cumulativeVerified };
  });

  const authorityOrder = AUTHORITIES.map((a) => a.id);
  const authorities: AuthorityFigure[] = Array.from(byAuthority.entries())
    .sort((a, b) => {
      const ia = authorityOrder.indexOf(a[0]);
      const ib = authorityOrder.indexOf(b[0]);
      return (ia < 0 ? 999 : ia) - (ib < 0 ? 999 : ib) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
    })
    .map(([id, a]) => ({
      authorityId: id,
      name: authorityById(id)?.name || id,
      ...a,
      deliveredPercent: deliveredPercent(a),
      quantities: unitFigures(rowsOf(rowsByAuthority, id)),
    }));

  const suppliers: SupplierFigure[] = Array.from(bySupplier.entries())
    .map(([name, s]) => ({
      supplierName: name,
      procurements: s.refs.size,
      committedPence: s.committedPence,
      reportedPence: s.reportedPence,
      verifiedPence: s.verifiedPence,
      deliveredPercent: deliveredPercent(s),
      quantities: unitFigures(rowsOf(rowsBySupplier, name)),
    }))
    .sort((a, b) => b.verifiedPence - a.verifiedPence || b.committedPence - a.committedPence || (a.supplierName < b.supplierName ? -1 : 1));

  const procurements = Array.from(byProcurement.values())
    .map((p) => ({ ...p, deliveredPercent: deliveredPercent(p) }))
    .sort((a, b) => (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0));
  const topSuccesses = procurements
    .filter((p) => p.verifiedPence > 0)
    .sort((a, b) => b.verifiedPence - a.verifiedPence || (a.reference < b.reference ? -1 : 1))
    .slice(0, inputs.topCount ?? 5);

  // Who an at-risk commitment belongs to: the awards and rollups name each procurement's authority.
  const owner = new Map<string, { authorityId: string; supplierName?: string }>();
  for (const r of rollups) if (!owner.has(r.procurementReference)) owner.set(r.procurementReference, { authorityId: r.authorityId, supplierName: r.supplierName });
  for (const a of inputs.awards || []) owner.set(a.reference, { authorityId: a.authorityId, supplierName: a.supplier?.name });
  const atRisk: AtRiskCommitment[] = (inputs.atRisk || [])
    .filter((c) => c.rag === 'Red' || c.rag === 'Amber')
    .map((c) => {
      const o = owner.get(c.procurementReference);
      return {
        procurementReference: c.procurementReference,
        authorityId: o?.authorityId,
        supplierName: o?.supplierName,
        measureCode: c.measureCode,
        text: words.get(c.measureCode),
        themeId: themeForMeasureCode(c.measureCode)?.id,
        rag: c.rag as Rag,
        dueDate: c.dueDate,
        targetQuantity: c.targetQuantity,
        verifiedQuantity: c.verifiedQuantity,
        unit: c.unit,
      };
    })
    .filter((c) => (!filters.authorityId || c.authorityId === filters.authorityId) && inKind(c.procurementReference))
    .sort((a, b) => RAG_ORDER[a.rag] - RAG_ORDER[b.rag] || compareIsoDates(a.dueDate, b.dueDate) || (a.procurementReference < b.procurementReference ? -1 : 1));

  return {
    filters: { ...filters },
    periods,
    themes,
    totals: { ...totals, deliveredPercent: deliveredPercent(totals) },
    overTime,
    byAuthority: authorities,
    bySupplier: suppliers,
    byProcurement: procurements,
    awarded: awardedShare((inputs.awards || []).filter((a) => inKind(a.reference)), first, last, filters.authorityId),
    topSuccesses,
    atRisk,
    measures: measureFigures(chosen, words),
  };
}
