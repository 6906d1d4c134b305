// After any change to a procurement's logs or commitments, its commitments' stored RAG and verified quantity
// and its quarters' rollups are brought up to date, so the list views and the dashboard never lag behind
// the logs. The figures are the domain's (staleProgress, rollupsForProcurement): the rebuild uses the same.
import * as strings from 'SocialValueHubStrings';
import { isoDateFromDate, rollupsForProcurement, rollupsToSave, staleProgress } from '../domain';
import type { IsoDate, OutcomeLog, Rollup } from '../domain';
import { DataError } from '../data/errors';
import { allPages } from '../data/paging';
import type { HubData, Stored } from '../data/ports';
import { format } from '../loc/format';

/** Every outcome log of a procurement, page by page. */
export function logsOf(data: HubData, reference: string): Promise<Stored<OutcomeLog>[]> {
  return allPages((pageToken) => data.outcomes.query({ procurementReference: reference, pageSize: 500, pageToken }));
}

/** Today as the hub's users see it (their local calendar day). */
export function todayIso(): IsoDate {
  return isoDateFromDate(new Date());
}

/**
 * Brings the procurement's commitments (RAG, verified quantity) and its rollups for the given quarters
 * (all of them when undefined) up to date with its logs.
 */
export async function refreshDelivery(data: HubData, reference: string, periodEnds: readonly IsoDate[] | undefined, asOf: IsoDate = todayIso()): Promise<void> {
  const [procurement, commitments, logs] = await Promise.all([data.procurements.get(reference), data.commitments.listForProcurement(reference), logsOf(data, reference)]);
  if (!procurement) return;
  for (const c of staleProgress(commitments, logs, [procurement], asOf)) await data.commitments.update(c);
  let rollups: Rollup[];
  if (periodEnds) {
    rollups = rollupsForProcurement(procurement, commitments, logs, periodEnds);
  } else {
    // Every quarter of the procurement (the award): rows the commitments no longer reach are zeroed.
    const stored = await allPages((pageToken) => data.rollups.query({ procurementReference: reference, pageSize: 500, pageToken }));
    rollups = rollupsToSave(rollupsForProcurement(procurement, commitments, logs), stored);
  }
  if (rollups.length === 0) return;
  const saved = await data.rollups.saveMany(rollups);
  if (!saved.ok) throw new DataError('server', format(strings.Workflow.FiguresNotUpdated, saved.failed.map((f) => f.what).join(', ')));
}
