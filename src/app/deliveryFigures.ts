// After any change to a procurement's logs or commitments, its commitments' stored RAG and verified quantity
// are brought up to date, so the list views and the at-risk list never lag behind the logs (staleProgress is
// the domain's: the rebuild uses the same). The dashboard's rollups are not written here: only a site owner's
// figures update writes them (app/rebuild.ts), so no member can put a figure on the dashboard (issue 19).
import { isoDateFromDate, staleProgress } from '../domain';
import type { IsoDate, OutcomeLog } from '../domain';
import { allPages } from '../data/paging';
import type { HubData, Stored } from '../data/ports';

/** Every outcome log of a procurement, page by page. */
export function logsOf(data: HubData, reference: string): Promise<Stored<OutcomeLog>[]> {
  return allPages((pageToken) => data.outcomes.query({ procurementReference: reference, pageSize: 500, pageToken }));
}

/** Today as the hub's users see it (their local calendar day). */
export function todayIso(): IsoDate {
  return isoDateFromDate(new Date());
}

/** Brings the procurement's commitments (RAG, verified quantity) up to date with its logs. */
export async function refreshDelivery(data: HubData, reference: string, asOf: IsoDate = todayIso()): Promise<void> {
  const [procurement, commitments, logs] = await Promise.all([data.procurements.get(reference), data.commitments.listForProcurement(reference), logsOf(data, reference)]);
  if (!procurement) return;
  for (const c of staleProgress(commitments, logs, [procurement], asOf)) await data.commitments.update(c);
}
