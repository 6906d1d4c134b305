// How the hub shows domain values to people: labels come from the domain's tables, money and dates in en-GB.
import { authorityById, formatLongDate, formatPounds, tierInfo } from '../../domain';
import type { IsoDate, Pence, Tier, WeightingDecision } from '../../domain';

export function tierLabel(tier: Tier | undefined): string {
  return tier ? tierInfo(tier).label : 'Not yet decided';
}

export function authorityName(id: string): string {
  return authorityById(id)?.name ?? id;
}

export function money(pence: Pence | undefined): string {
  return pence === undefined ? '—' : formatPounds(pence);
}

export function longDate(date: IsoDate | undefined): string {
  return date ? formatLongDate(date) : '—';
}

/** "15%", "PASS/FAIL" or "None": what a register row or a card says about the weighting. */
export function weightingText(weighting: WeightingDecision | undefined): string {
  if (!weighting) return '—';
  switch (weighting.method) {
    case 'weighted':
      return weighting.percent === undefined ? 'Weighted' : `${weighting.percent}%`;
    case 'pass-fail':
      return 'PASS/FAIL';
    default:
      return 'None';
  }
}

/** A date-time stamp in en-GB, e.g. "25 November 2026, 14:05". */
export function dateTime(iso: string | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (isNaN(d.getTime())) return iso;
  return d.toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}
