// Reporting periods: quarters of the UK financial year (1 April – 31 March). Q1 is April–June,
// Q2 July–September, Q3 October–December, Q4 January–March. Outcomes are logged per quarter, identified
// by ids such as '2026-27 Q1' (the financial year in the form public bodies write it, then the quarter).
import type { IsoDate } from './dates';
import { MONTH_NAMES, addDays, compareIsoDates, daysInMonth, parseIsoDate, toIsoDate } from './dates';
import { PolicyInputError } from './errors';

export type Quarter = 1 | 2 | 3 | 4;

export interface ReportingPeriod {
  /** e.g. '2026-27 Q1'. */
  id: string;
  /** e.g. '2026-27'. */
  financialYear: string;
  /** The calendar year the financial year starts in (2026 for 2026-27). */
  financialYearStart: number;
  quarter: Quarter;
  start: IsoDate;
  end: IsoDate;
  /** e.g. 'Q1 2026-27 (April to June 2026)'. */
  label: string;
}

export function financialYearLabel(startYear: number): string {
  const next = (startYear + 1) % 100;
  return `${startYear}-${next < 10 ? '0' : ''}${next}`;
}

// Each period made once and shared, frozen: a region's rollups ask for the same few dozen quarters millions of
// times (writing their dates out took 8 s of the domain suite's 80 s rebuild of 100,000 logs).
const periods = new Map<number, ReportingPeriod>();

/** The period for a financial year and quarter. */
export function reportingPeriod(financialYearStart: number, quarter: Quarter): ReportingPeriod {
  if (!Number.isInteger(financialYearStart) || financialYearStart < 1900 || financialYearStart > 9998) {
    throw new PolicyInputError(`The financial year ${String(financialYearStart)} is not a year the hub can report on.`);
  }
  if ([1, 2, 3, 4].indexOf(quarter) < 0) throw new PolicyInputError(`The quarter must be 1, 2, 3 or 4; got ${String(quarter)}.`);
  const key = financialYearStart * 4 + quarter;
  let period = periods.get(key);
  if (!period) {
    period = Object.freeze(makePeriod(financialYearStart, quarter));
    periods.set(key, period);
  }
  return period;
}

function makePeriod(financialYearStart: number, quarter: Quarter): ReportingPeriod {
  const firstMonth = ((quarter - 1) * 3 + 3) % 12 + 1; // Q1→4, Q2→7, Q3→10, Q4→1
  const year = quarter === 4 ? financialYearStart + 1 : financialYearStart;
  const lastMonth = firstMonth + 2;
  const fy = financialYearLabel(financialYearStart);
  return {
    id: `${fy} Q${quarter}`,
    financialYear: fy,
    financialYearStart,
    quarter,
    start: toIsoDate({ year, month: firstMonth, day: 1 }),
    end: toIsoDate({ year, month: lastMonth, day: daysInMonth(year, lastMonth) }),
    label: `Q${quarter} ${fy} (${MONTH_NAMES[firstMonth - 1]} to ${MONTH_NAMES[lastMonth - 1]} ${year})`,
  };
}

/** The reporting period a date falls in. */
export function periodFor(date: IsoDate): ReportingPeriod {
  const d = parseIsoDate(date, 'date');
  const fyStart = d.month >= 4 ? d.year : d.year - 1;
  const quarter = (d.month >= 4 ? Math.floor((d.month - 4) / 3) + 1 : 4) as Quarter;
  return reportingPeriod(fyStart, quarter);
}

const PERIOD_ID = /^(\d{4})-(\d{2}) Q([1-4])$/;

/** Reads an id such as '2026-27 Q1'. Throws PolicyInputError for anything else. */
export function periodById(id: string): ReportingPeriod {
  const m = PERIOD_ID.exec(String(id).trim());
  if (!m) {
    throw new PolicyInputError(`"${String(id)}" is not a reporting period. Write it as the financial year and quarter, e.g. 2026-27 Q1.`);
  }
  const start = Number(m[1]);
  if (Number(m[2]) !== (start + 1) % 100) {
    throw new PolicyInputError(`"${String(id)}" is not a financial year: ${start} is followed by ${financialYearLabel(start)}.`);
  }
  return reportingPeriod(start, Number(m[3]) as Quarter);
}

/** 'Q1 2026-27 (April to June 2026)' for a period, its id, or a date in it. */
export function periodLabel(periodOrIdOrDate: ReportingPeriod | string): string {
  if (typeof periodOrIdOrDate !== 'string') return periodOrIdOrDate.label;
  return (PERIOD_ID.test(periodOrIdOrDate.trim()) ? periodById(periodOrIdOrDate) : periodFor(periodOrIdOrDate)).label;
}

/** The period `quarters` quarters after (or, negative, before) `period`. */
function shifted(period: ReportingPeriod, quarters: number): ReportingPeriod {
  const index = period.financialYearStart * 4 + (period.quarter - 1) + quarters;
  return reportingPeriod(Math.floor(index / 4), ((index % 4) + 1) as Quarter);
}

export function nextPeriod(period: ReportingPeriod): ReportingPeriod {
  return shifted(period, 1);
}

export function previousPeriod(period: ReportingPeriod): ReportingPeriod {
  return shifted(period, -1);
}

/** Every period from the one containing `from` to the one containing `to`, inclusive (e.g. a contract's reporting schedule). */
export function periodsBetween(from: IsoDate, to: IsoDate): ReportingPeriod[] {
  if (compareIsoDates(from, to) > 0) throw new PolicyInputError(`The start ${from} is after the end ${to}.`);
  const out: ReportingPeriod[] = [];
  let p = periodFor(from);
  const last = periodFor(to).id;
  for (;;) {
    out.push(p);
    if (p.id === last) return out;
    p = nextPeriod(p);
  }
}

/** True when the date is the last day of a reporting quarter (30 June, 30 September, 31 December, 31 March). */
export function isPeriodEnd(date: IsoDate): boolean {
  return periodFor(date).end === date;
}

/**
 * A quarter's supplier return is due this many calendar days after the quarter ends: the one rule the supplier
 * return workbook, the chase list and the tender pack all read. Calendar days, not working days: a working-day
 * rule needs a bank-holiday calendar (England and Wales, Scotland and Northern Ireland differ) that neither the
 * policy nor the hub holds, and 30 days (about 20 working days) is no harder on small suppliers than 10 working days.
 */
export const DEFAULT_RETURN_DAYS_AFTER_PERIOD = 30;

export function returnDueDate(period: ReportingPeriod, daysAfter: number = DEFAULT_RETURN_DAYS_AFTER_PERIOD): IsoDate {
  return addDays(period.end, daysAfter);
}
