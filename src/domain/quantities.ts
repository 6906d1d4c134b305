// A measure's quantities as exact thousandths (a quantity has at most 3 decimal places, as validation allows), so
// sums across logs, quarters and contracts are exact; and how people read them. The rollups keep quantities this
// way, and the lists store them as decimal text.
import { decimalToNumber, exactDecimal, pow10 } from './decimal';
import { formatPounds, groupThousands } from './money';
import type { MeasureUnit } from './measures';
import { numberInUnit, quantityDecimals } from './measures';

/** Units whose quantities add up across contracts and quarters (a % is a rate: it does not). */
export function isSummableUnit(unit: MeasureUnit): boolean {
  return unit !== '%';
}

/** A quantity (at most 3 decimal places, as validation allows) as an exact whole number of thousandths. */
export function toThousandths(quantity: number): number {
  const d = exactDecimal(quantity, 'quantity');
  const scaled = d.scale <= 3 ? d.digits * pow10(3 - d.scale) : d.digits / pow10(d.scale - 3);
  return Number(d.negative ? -scaled : scaled);
}

/** Thousandths as the decimal they are: 1250 → "1.25", 52000 → "52". */
export function thousandthsText(thousandths: number): string {
  return String(decimalToNumber(BigInt(Math.round(thousandths)), 3));
}

/**
 * Thousandths shown at the precision its unit is entered in (whole counts, tonnes to 3 places, the rest to 2),
 * rounded half up, en-GB grouping: 37500 → "37.5", 5236 FTE → "5.24". A committed quarter's pro rata share
 * is exact in the figures; on screen it reads as the officer typed the target.
 */
export function thousandthsNumber(thousandths: number, unit?: MeasureUnit): string {
  const places = unit ? quantityDecimals(unit) : 3;
  const step = 10 ** (3 - places);
  const rounded = Math.floor((Math.abs(thousandths) + step / 2) / step) * step * Math.sign(thousandths || 1);
  const [whole, fraction] = thousandthsText(rounded).split('.');
  return `${groupThousands(whole)}${fraction ? `.${fraction}` : ''}`;
}

/** Thousandths of a unit as people read them: "37.5 FTE", "1,040 weeks", "1.005 tonnes CO2e", "£225,000", "12". */
export function formatThousandths(thousandths: number, unit: MeasureUnit): string {
  if (unit === '£ spend') return formatPounds(Math.round(thousandths / 10));
  return numberInUnit(thousandthsNumber(thousandths, unit), unit, thousandths === 1000);
}

/** A decimal written with at most 3 places, not negative, back to thousandths; undefined when it is not one. */
export function thousandthsFromText(text: string): number | undefined {
  if (!/^\d{1,12}(\.\d{1,3})?$/.test(text)) return undefined;
  return toThousandths(Number(text));
}
