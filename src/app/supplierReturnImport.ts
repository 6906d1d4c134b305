// Import a supplier return: the rows the officer confirmed (each already checked row by row by the
// return's reader) become outcome logs, each Reported and awaiting verification, and the delivery
// figures of their quarters follow.
import type { OutcomeLog } from '../domain';
import type { HubData } from '../data/ports';
import { refreshDelivery } from './deliveryFigures';

export async function recordReturn(data: HubData, reference: string, logs: readonly OutcomeLog[]): Promise<number> {
  for (const log of logs) await data.outcomes.record(log);
  await refreshDelivery(data, reference);
  return logs.length;
}
