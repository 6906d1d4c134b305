// Import a supplier return: the rows the officer confirmed (each already checked row by row by the
// return's reader) become outcome logs, each Reported and awaiting verification, and their commitments'
// RAG and verified quantity follow (the dashboard's figures at the site owner's next update).
import type { OutcomeLog } from '../domain';
import type { HubData } from '../data/ports';
import { refreshDelivery } from './deliveryFigures';

export async function recordReturn(data: HubData, reference: string, logs: readonly OutcomeLog[]): Promise<number> {
  for (const log of logs) await data.outcomes.record(log);
  await refreshDelivery(data, reference);
  return logs.length;
}
