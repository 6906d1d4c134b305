// How the hub shows domain values to people: labels come from the domain's tables, money and dates in en-GB.
import * as strings from 'SocialValueHubStrings';
import { authorityById, formatLongDate, formatPounds, tierInfo } from '../../domain';
import type { IsoDate, Pence, Tier, WeightingDecision } from '../../domain';

export function tierLabel(tier: Tier | undefined): string {
  return tier ? tierInfo(tier).label : strings.Common.NotDecided;
}

export function authorityName(id: string): string {
  return authorityById(id)?.name ?? id;
}

export function money(pence: Pence | undefined): string {
  return pence === undefined ? strings.Common.NotRecorded : formatPounds(pence);
}

export function longDate(date: IsoDate | undefined): string {
  return date ? formatLongDate(date) : strings.Common.NotRecorded;
}

/** "15%", "PASS/FAIL" or "None": what a register row or a card says about the weighting. */
export function weightingText(weighting: WeightingDecision | undefined): string {
  if (!weighting) return strings.Common.NotRecorded;
  switch (weighting.method) {
    case 'weighted':
      return weighting.percent === undefined ? strings.Common.WeightingWeighted : `${weighting.percent}%`;
    case 'pass-fail':
      return strings.Common.WeightingPassFail;
    default:
      return strings.Common.WeightingNone;
  }
}

/** A date-time stamp in en-GB, e.g. "25 November 2026, 14:05". */
export function dateTime(iso: string | undefined): string {
  if (!iso) return strings.Common.NotRecorded;
  const d = new Date(iso);
  if (isNaN(d.getTime())) return iso;
  return d.toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** A quantity in its unit ("12", "40%", "£1,200", "1 week"): the domain's formatQuantity, as cards and KPIs write it. */
export { formatQuantity as quantityText, unitSingular } from '../../domain';
