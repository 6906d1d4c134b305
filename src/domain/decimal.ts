// Exact decimal view of a JS number, for money and quantities. A number typed by a person (19999.99,
// 2.5 FTE, 1.005 tonnes) prints back as exactly what was typed (JS prints the shortest round-trip
// decimal), so reading that text gives exact arithmetic where `x * 100` would drift (1.005 * 100 =
// 100.49999999999999). BigInt is ES2020 and is called as a function only (no `1n` literals: the SPFx
// build targets ES2017 syntax).
import { PolicyInputError } from './errors';

/** value = sign × digits × 10^-scale, digits a non-negative integer. */
export interface ExactDecimal {
  negative: boolean;
  digits: bigint;
  scale: number;
}

export function exactDecimal(value: number, what = 'number'): ExactDecimal {
  if (typeof value !== 'number' || !isFinite(value)) {
    throw new PolicyInputError(`The ${what} must be a finite number; got ${String(value)}.`);
  }
  const text = String(Math.abs(value));
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!m) throw new PolicyInputError(`The ${what} ${text} could not be read as a decimal number.`);
  const intPart = m[1];
  const fracPart = m[2] || '';
  const exponent = m[3] ? Number(m[3]) : 0;
  let digits = BigInt(intPart + fracPart);
  let scale = fracPart.length - exponent;
  if (scale < 0) {
    digits = digits * pow10(-scale);
    scale = 0;
  }
  return { negative: value < 0 && digits !== BigInt(0), digits, scale };
}

export function pow10(n: number): bigint {
  let r = BigInt(1);
  const ten = BigInt(10);
  for (let i = 0; i < n; i++) r = r * ten;
  return r;
}

/** Divides a non-negative numerator by a positive denominator, rounding half up (0.5 → 1). */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  const two = BigInt(2);
  const q = numerator / denominator;
  const r = numerator % denominator;
  return r * two >= denominator ? q + BigInt(1) : q;
}

/** Exact sum of decimals, returned as the nearest JS number (exact whenever the sum has ≤ 15 significant digits). */
export function sumExact(values: readonly number[], what = 'quantity'): number {
  if (values.length === 0) return 0;
  const parts = values.map((v) => exactDecimal(v, what));
  let scale = 0;
  for (const p of parts) scale = Math.max(scale, p.scale);
  let total = BigInt(0);
  for (const p of parts) {
    const scaled = p.digits * pow10(scale - p.scale);
    total = p.negative ? total - scaled : total + scaled;
  }
  return decimalToNumber(total, scale);
}

export function decimalToNumber(digits: bigint, scale: number): number {
  const negative = digits < BigInt(0);
  let s = (negative ? -digits : digits).toString();
  if (scale > 0) {
    while (s.length <= scale) s = '0' + s;
    s = s.slice(0, s.length - scale) + '.' + s.slice(s.length - scale);
  }
  return Number((negative ? '-' : '') + s);
}

/** How many decimal places a number has as typed (12.5 → 1, 12.35 → 2, 12 → 0). */
export function decimalPlaces(value: number): number {
  return exactDecimal(value).scale;
}
