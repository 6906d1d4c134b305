// How the benchmarks measure: requests and response bytes through fetch (PnPjs's and the Graph client's
// transport), wall-clock time, and the median of several runs.

export interface Measured {
  requests: number;
  bytes: number;
  ms: number;
}

/** Counts the HTTP requests and response bytes a piece of work makes through fetch (PnPjs's transport). */
export async function measure(work: () => Promise<unknown>): Promise<Measured> {
  const plain = globalThis.fetch;
  let requests = 0;
  let bytes = 0;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    requests++;
    const response = await plain(input, init);
    const copy = response.clone();
    bytes += (await copy.arrayBuffer()).byteLength;
    return response;
  }) as typeof fetch;
  const started = process.hrtime.bigint();
  try {
    await work();
  } finally {
    globalThis.fetch = plain;
  }
  return { requests, bytes, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

/** The median of several runs, so one slow moment does not decide a figure. */
export async function median(runs: number, work: (i: number) => Promise<Measured>): Promise<Measured> {
  const results: Measured[] = [];
  for (let i = 0; i < runs; i++) results.push(await work(i));
  results.sort((a, b) => a.ms - b.ms);
  return results[Math.floor(runs / 2)];
}

/** When a request started and when its answer began to arrive, in one clock. */
export interface Timed {
  start: number;
  answered: number;
}

/**
 * How many requests stood one after another before `readyAt`: each request waits for the one answered last before
 * it started (a script's chunks for the script, the batch for the data layer's chunk), so the deepest chain is the
 * number of round trips a person waits. As latency grows it dominates, and the hub's time over the blank page's
 * tends to the ratio of their round trips.
 */
export function roundTrips(requests: readonly Timed[], readyAt: number): number {
  const done = requests.filter((r) => r.answered <= readyAt).sort((a, b) => a.start - b.start);
  const depth = new Map<Timed, number>();
  for (const r of done) {
    let before: Timed | undefined;
    for (const o of done) if (o.answered <= r.start && (!before || o.answered > before.answered)) before = o;
    depth.set(r, (before ? (depth.get(before) ?? 0) : 0) + 1);
  }
  return Math.max(0, ...depth.values());
}
