// Numbers and dates as the cards show them (en-GB). Money is the domain's formatPounds, never re-done here.
import { formatLongDate, isIsoDate } from '../../domain';

/** "12 FTE", "1,500 hours", "£12,000", "40%": the domain's formatQuantity, as the screens write it. */
export { formatQuantity } from '../../domain';

/** A share as a whole percentage, "75%"; undefined stays out of the card. */
export function formatPercent(percent: number | undefined): string | undefined {
  if (percent === undefined || !isFinite(percent)) return undefined;
  return `${Math.round(percent)}%`;
}

/** "30 June 2026" from an ISO date or date-time; anything else is shown as it came. */
export function formatCardDate(value: string): string {
  const day = value.slice(0, 10);
  return isIsoDate(day) ? formatLongDate(day) : value;
}
