// "To chase this month": what an officer should follow up now across live contracts — supplier returns
// not received for the last quarter, commitments overdue or falling due this month and not met, and
// action-plan items overdue or due this month. The RAG and overdue rules are the domain's
// (commitmentProgress); this only gathers and orders them.
import { daysInMonth, formatLongDate, parseIsoDate, toIsoDate, compareIsoDates } from './dates';
import type { IsoDate } from './dates';
import type { ActionPlanItem, Commitment, OutcomeLog, Procurement } from './entities';
import { periodFor, previousPeriod, returnDueDate } from './periods';
import { byReference, referenceKey, sameReference } from './references';
import { DELIVERY_BASIS, commitmentProgress } from './socialValue';
import type { DeliveryBasis } from './socialValue';

export type ChaseKind = 'return' | 'commitment' | 'action';

export interface ChaseItem {
  kind: ChaseKind;
  procurementReference: string;
  procurementTitle: string;
  /** What to chase, in words. */
  what: string;
  /** Why now, in words (overdue since…, due by…). */
  why: string;
  dueDate: IsoDate;
  overdue: boolean;
  /** Who to chase: the supplier, or the action's owner. */
  who: string;
}

/** The last day of the month `date` is in. */
export function monthEnd(date: IsoDate): IsoDate {
  const d = parseIsoDate(date);
  return toIsoDate({ year: d.year, month: d.month, day: daysInMonth(d.year, d.month) });
}

export interface ChaseInput {
  today: IsoDate;
  /** Live contracts (Awarded, In delivery). */
  procurements: readonly Procurement[];
  commitments: readonly Commitment[];
  logs: readonly OutcomeLog[];
  actions: readonly ActionPlanItem[];
  basis?: DeliveryBasis;
}

export function chaseList(input: ChaseInput): ChaseItem[] {
  const { today } = input;
  const end = monthEnd(today);
  const byRef = new Map(input.procurements.map((p) => [referenceKey(p.reference), p]));
  const commitmentsOf = byReference(input.commitments);
  const supplierOf = (p: Procurement): string => (p.supplier ? p.supplier.name : 'the supplier');
  const out: ChaseItem[] = [];

  // Returns for the last quarter that has ended, for contracts that ran in it.
  const quarter = previousPeriod(periodFor(today));
  const due = returnDueDate(quarter);
  for (const p of input.procurements) {
    if (!p.contractStart || compareIsoDates(p.contractStart, quarter.end) > 0) continue;
    if (p.contractEnd && compareIsoDates(p.contractEnd, quarter.start) < 0) continue;
    const mine = commitmentsOf.get(referenceKey(p.reference)) || [];
    if (mine.length === 0) continue;
    const missing = mine.filter((c) => !input.logs.some((l) => sameReference(l.procurementReference, p.reference) && l.measureCode === c.measureCode && l.periodEnd === quarter.end));
    if (missing.length === 0) continue;
    const overdue = compareIsoDates(due, today) < 0;
    out.push({
      kind: 'return',
      procurementReference: p.reference,
      procurementTitle: p.title,
      what: `Return for ${quarter.label}: ${missing.length} of ${mine.length} measures not reported (${missing.map((c) => c.measureCode).join(', ')})`,
      why: overdue ? `Overdue: it was due by ${formatLongDate(due)}.` : `Due by ${formatLongDate(due)}.`,
      dueDate: due,
      overdue,
      who: supplierOf(p),
    });
  }

  // Commitments overdue, or due by the end of this month and not met.
  for (const c of input.commitments) {
    const p = byRef.get(referenceKey(c.procurementReference));
    if (!p || compareIsoDates(c.dueDate, end) > 0) continue;
    const progress = commitmentProgress(c, input.logs, today, { basis: input.basis || DELIVERY_BASIS, contractStart: p.contractStart });
    if (progress.deliveredQuantity >= c.targetQuantity) continue; // met
    out.push({
      kind: 'commitment',
      procurementReference: p.reference,
      procurementTitle: p.title,
      what: `Commitment ${c.measureCode}: ${progress.deliveredQuantity} of ${c.targetQuantity}${c.unit === 'count' ? '' : ` ${c.unit}`} delivered`,
      why: progress.overdue ? progress.ragReason : `Due by ${formatLongDate(c.dueDate)}. ${progress.ragReason}`,
      dueDate: c.dueDate,
      overdue: progress.overdue,
      who: supplierOf(p),
    });
  }

  // Action-plan items not done, overdue or due this month.
  for (const a of input.actions) {
    const p = byRef.get(referenceKey(a.procurementReference));
    if (!p || a.status === 'Done' || compareIsoDates(a.dueDate, end) > 0) continue;
    const overdue = compareIsoDates(a.dueDate, today) < 0;
    out.push({
      kind: 'action',
      procurementReference: p.reference,
      procurementTitle: p.title,
      what: `Action: ${a.action} (${a.status})`,
      why: overdue ? `Overdue: it was due by ${formatLongDate(a.dueDate)}.` : `Due by ${formatLongDate(a.dueDate)}.`,
      dueDate: a.dueDate,
      overdue,
      who: a.ownerName ? `${a.ownerName} (${a.ownerEmail})` : a.ownerEmail,
    });
  }

  return out.sort((a, b) => (a.overdue !== b.overdue ? (a.overdue ? -1 : 1) : compareIsoDates(a.dueDate, b.dueDate) || a.procurementReference.localeCompare(b.procurementReference)));
}
