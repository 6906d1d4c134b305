// Calendar dates as ISO strings (yyyy-mm-dd). The policy works in whole days (a decision date, a due
// date, a quarter's end), so dates are handled as calendar days with integer arithmetic: no time zones,
// no Date parsing quirks (new Date('2026-01-01') is midnight UTC, which is 31 December in some zones).
import { PolicyInputError } from './errors';

/** An ISO calendar date, 'yyyy-mm-dd'. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar the hub works in: what a SharePoint date column can hold (1 January 1900 to 31 December 8900). */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 8900;

export const MONTH_NAMES: readonly string[] = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Parses 'yyyy-mm-dd' into its parts, or undefined when it is not a real calendar date between 1900 and 8900. */
export function tryParseIsoDate(value: unknown): CalendarDate | undefined {
  if (typeof value !== 'string') return undefined;
  const m = ISO_DATE.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < EARLIEST_YEAR || year > LATEST_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function isIsoDate(value: unknown): value is IsoDate {
  return tryParseIsoDate(value) !== undefined;
}

/** True for a well-formed 'yyyy-mm-dd' whose year is outside the years the hub can store (so a message can say so). */
export function isIsoDateOutOfRange(value: unknown): boolean {
  const m = typeof value === 'string' ? ISO_DATE.exec(value) : undefined;
  if (!m) return false;
  const year = Number(m[1]);
  return year < EARLIEST_YEAR || year > LATEST_YEAR;
}

/** Parses 'yyyy-mm-dd' or throws PolicyInputError naming the field. */
export function parseIsoDate(value: unknown, fieldLabel = 'date'): CalendarDate {
  const parsed = tryParseIsoDate(value);
  if (!parsed) {
    throw new PolicyInputError(
      `The ${fieldLabel} "${String(value)}" is not a valid date. Enter a real calendar date as yyyy-mm-dd, e.g. 2026-04-01.`,
    );
  }
  return parsed;
}

export function toIsoDate(d: CalendarDate): IsoDate {
  const pad = (n: number, w: number): string => {
    let s = String(n);
    while (s.length < w) s = '0' + s;
    return s;
  };
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

// The day numbers of dates already read: a region's rollups and profiles read the same few hundred quarter ends
// and due dates millions of times (parsing them was over a third of the domain suite's rebuild of 100,000 logs).
// Emptied past 50,000 dates (137 years of days), so arbitrary input cannot grow it without end.
const dayNumbers = new Map<string, number>();
const DAY_NUMBERS_KEPT = 50_000;

/** Day number since 1970-01-01 (proleptic Gregorian), for differences between dates. */
export function dayNumber(value: IsoDate | CalendarDate): number {
  if (typeof value !== 'string') return daysFromCivil(value);
  let n = dayNumbers.get(value);
  if (n === undefined) {
    n = daysFromCivil(parseIsoDate(value));
    if (dayNumbers.size >= DAY_NUMBERS_KEPT) dayNumbers.clear();
    dayNumbers.set(value, n);
  }
  return n;
}

function daysFromCivil(d: CalendarDate): number {
  // Howard Hinnant's days_from_civil.
  const y = d.month <= 2 ? d.year - 1 : d.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (d.month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar date of a day number (inverse of dayNumber). */
export function fromDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return toIsoDate({ year, month, day });
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** -1, 0 or 1. ISO dates compare as strings, but only once both are known to be valid. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  const da = dayNumber(a);
  const db = dayNumber(b);
  return da < db ? -1 : da > db ? 1 : 0;
}

/** "1 January 2026" — the en-GB long form used in reason sentences. */
export function formatLongDate(date: IsoDate): string {
  const d = parseIsoDate(date);
  return `${d.day} ${MONTH_NAMES[d.month - 1]} ${d.year}`;
}

/** Today's date where the user is (local calendar day of a JS Date), as yyyy-mm-dd. */
export function isoDateFromDate(date: Date): IsoDate {
  return toIsoDate({ year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() });
}

/** Adds whole calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const d = parseIsoDate(date);
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return toIsoDate({ year, month, day: Math.min(d.day, daysInMonth(year, month)) });
}
