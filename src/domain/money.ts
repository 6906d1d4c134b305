// Money in the domain is integer pence (`Pence`), everywhere: thresholds, proxies, values, totals.
// Sums of integers cannot drift; pounds appear only at the edges (input from people, display).
import { PolicyInputError } from './errors';
import { exactDecimal, pow10 } from './decimal';

/** An amount of money in whole pence. Always a safe integer (|n| ≤ 2^53 − 1, about £90 trillion). */
export type Pence = number;

export function isPence(value: unknown): value is Pence {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** Throws PolicyInputError unless `value` is a whole number of pence (and not negative, unless allowed). */
export function assertPence(value: unknown, what = 'amount', options: { allowNegative?: boolean } = {}): Pence {
  if (typeof value !== 'number' || !isFinite(value)) {
    throw new PolicyInputError(`The ${what} must be an amount of money; got ${String(value)}.`);
  }
  if (!Number.isSafeInteger(value)) {
    throw new PolicyInputError(`The ${what} must be a whole number of pence; got ${String(value)}.`);
  }
  if (!options.allowNegative && value < 0) {
    throw new PolicyInputError(`The ${what} cannot be negative; got ${formatPounds(value)}.`);
  }
  return value;
}

/**
 * Pounds (as a person typed them, up to 2 decimal places) to pence, exactly: 19999.99 → 1999999.
 * Rejects NaN, Infinity, fractions of a penny (12.345) and negatives (unless allowed).
 */
export function poundsToPence(pounds: number, what = 'amount', options: { allowNegative?: boolean } = {}): Pence {
  if (typeof pounds !== 'number' || Number.isNaN(pounds)) {
    throw new PolicyInputError(`The ${what} must be a number of pounds; got ${String(pounds)}.`);
  }
  if (!isFinite(pounds)) {
    throw new PolicyInputError(`The ${what} must be a finite number of pounds; got ${String(pounds)}.`);
  }
  if (pounds < 0 && !options.allowNegative) {
    throw new PolicyInputError(`The ${what} cannot be negative; got ${String(pounds)}.`);
  }
  const d = exactDecimal(pounds, what);
  if (d.scale > 2) {
    throw new PolicyInputError(
      `The ${what} ${String(pounds)} has fractions of a penny; enter pounds with at most 2 decimal places.`,
    );
  }
  const pence = d.digits * pow10(2 - d.scale);
  const result = Number(pence);
  if (!Number.isSafeInteger(result)) {
    throw new PolicyInputError(`The ${what} ${String(pounds)} is too large to handle exactly.`);
  }
  return d.negative ? -result : result;
}

/** Pence to pounds as a number (for display libraries or charts only; never do arithmetic on it). */
export function penceToPounds(pence: Pence): number {
  assertPence(pence, 'amount', { allowNegative: true });
  return pence / 100;
}

/**
 * Reads money typed as text: "£1,234.50", "1234.5", "  £207,720 ". Commas must be thousands separators.
 * Throws PolicyInputError with a message for the person who typed it.
 */
export function parsePounds(text: string, what = 'amount'): Pence {
  const trimmed = String(text).trim();
  const m = /^(-)?£?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(trimmed);
  if (!m) {
    throw new PolicyInputError(
      `The ${what} "${trimmed}" is not an amount of money. Enter pounds and pence, e.g. 207720 or £207,720.00.`,
    );
  }
  if (m[1]) throw new PolicyInputError(`The ${what} cannot be negative; got ${trimmed}.`);
  const whole = m[2].replace(/,/g, '');
  const frac = (m[3] || '').length === 1 ? m[3] + '0' : m[3] || '00';
  const pence = Number(whole) * 100 + Number(frac);
  if (!Number.isSafeInteger(pence)) throw new PolicyInputError(`The ${what} ${trimmed} is too large to handle exactly.`);
  return pence;
}

export interface FormatPoundsOptions {
  /**
   * true: always show pence ("£207,720.00"); false: round to whole pounds, half up ("£17");
   * undefined (default): show pence only when there are some ("£207,720", "£16.93").
   */
  pence?: boolean;
}

export function groupThousands(digits: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits.charAt(i);
  }
  return out;
}

/** en-GB money: "£207,720", "£16.93", "-£1,234.50". Pure integer formatting, no Intl, so it is identical everywhere. */
export function formatPounds(pence: Pence, options: FormatPoundsOptions = {}): string {
  if (typeof pence !== 'number' || !Number.isSafeInteger(pence)) {
    throw new PolicyInputError(`Cannot format ${String(pence)} as money: it is not a whole number of pence.`);
  }
  const negative = pence < 0;
  let abs = Math.abs(pence);
  if (options.pence === false) abs = Math.floor((abs + 50) / 100) * 100;
  const pounds = Math.floor(abs / 100);
  const p = abs % 100;
  const showPence = options.pence === true || (options.pence === undefined && p !== 0);
  const body = groupThousands(String(pounds)) + (showPence ? '.' + (p < 10 ? '0' : '') + String(p) : '');
  return (negative && (pounds !== 0 || p !== 0) ? '-£' : '£') + body;
}

/** Adds amounts of pence, checking that every one is whole and the total stays exact. */
export function sumPence(amounts: readonly Pence[]): Pence {
  let total = 0;
  for (const a of amounts) {
    assertPence(a, 'amount', { allowNegative: true });
    total += a;
    if (!Number.isSafeInteger(total)) throw new PolicyInputError('The total is too large to add up exactly.');
  }
  return total;
}
