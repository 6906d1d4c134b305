// One PnPjs batch, every part checked. SharePoint batches are not transactional: each part succeeds or
// fails on its own, so callers get the outcome of every part and decide how to complete the set.
import type { SPFI } from '@pnp/sp';
import type { DataError } from '../errors';
import { MAX_BATCH_REQUESTS } from '../schema/types';
import { readDataError, toDataError } from './errors';
import './pnp';

export interface BatchPart<T = unknown> {
  /** In words, for the report: 'commitment GSE-01'. */
  what: string;
  run: () => Promise<T>;
}

export type PartOutcome<T = unknown> = { what: string; ok: true; value: T } | { what: string; ok: false; error: DataError };

const settleDelay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs the parts in one batch and reports each part. PnPjs sends them in order, up to MAX_BATCH_REQUESTS a
 * request (its own default is 20), so a part is never sent before the parts listed ahead of it.
 */
export async function runBatchParts<T>(sp: SPFI, build: (batched: SPFI) => BatchPart<T>[], list?: string): Promise<PartOutcome<T>[]> {
  const [batched, execute] = sp.batched({ maxRequests: MAX_BATCH_REQUESTS });
  const parts = build(batched);
  const outcomes: (PartOutcome<T> | undefined)[] = parts.map(() => undefined);
  const tracked = parts.map((p, i) =>
    p.run().then(
      (value) => {
        outcomes[i] = { what: p.what, ok: true, value };
      },
      (e: unknown) => {
        outcomes[i] = { what: p.what, ok: false, error: toDataError(e, p.what, list) };
      },
    ),
  );
  try {
    // PnPjs sends the batch with the requests registered when execute() starts; a part that reaches its request
    // after an await of something already settled (a user remembered, a cached library) would join a batch
    // already sent and never be answered. One turn of the event loop lets every such part register first.
    await settleDelay(0);
    await execute();
    await Promise.all(tracked);
  } catch (e) {
    // The batch request itself failed (network, throttled past every retry, or an unreadable answer):
    // parts of earlier chunks may have landed and settle now; the rest never ran.
    await settleDelay(20);
    const error = await readDataError(e, 'The batch', list);
    outcomes.forEach((o, i) => {
      if (!o) outcomes[i] = { what: parts[i].what, ok: false, error };
    });
  }
  return outcomes as PartOutcome<T>[];
}

/** The failures only (for writes whose answers are not needed). */
export async function runBatch(sp: SPFI, build: (batched: SPFI) => BatchPart[], list?: string): Promise<{ what: string; error: DataError }[]> {
  const outcomes = await runBatchParts(sp, build, list);
  return outcomes.filter((o): o is { what: string; ok: false; error: DataError } => !o.ok).map((o) => ({ what: o.what, error: o.error }));
}
