// The hub's own measure library, under the policy's six themes. Codes and wording are the product's
// own (the National TOMs are licensed no-derivatives and are not copied). Administrators maintain the
// library as data (the Measures list); this file is the default it is provisioned from.
import type { Pence } from './money';
import type { ThemeId } from './themes';

export type MeasureUnit = 'FTE' | 'weeks' | 'hours' | '£ spend' | 'tonnes CO2e' | 'count' | '%';

export const MEASURE_UNITS: readonly MeasureUnit[] = ['FTE', 'weeks', 'hours', '£ spend', 'tonnes CO2e', 'count', '%'];

export interface Measure {
  /** Unique, theme prefix + number, e.g. 'GSE-01'. */
  code: string;
  themeId: ThemeId;
  /** The outcome the measure evidences. */
  outcome: string;
  /** What is counted, in plain words. */
  text: string;
  unit: MeasureUnit;
  /** £ per unit in pence; undefined for a record-only measure (no £ value). */
  proxyPence?: Pence;
  /** Which proxy edition/year the figure comes from. */
  proxyEdition?: string;
  /** Where the figure comes from. */
  proxySource?: string;
  /** Counted and reported, but carries no £ value. */
  recordOnly: boolean;
  /** Inactive measures stay for history but are not offered for new procurements. */
  active: boolean;
}

export function isMeasureUnit(value: unknown): value is MeasureUnit {
  return MEASURE_UNITS.indexOf(value as MeasureUnit) >= 0;
}
