// PnPjs sends each request from a setTimeout(0) of its own (@pnp/queryable, Queryable.execute: "schedule the
// execution ... in the next event loop"), and a $batch one turn later still (runBatchParts lets every part
// register first, ./batch.ts). A request asked for just before a long synchronous task therefore leaves only when
// that task ends: React's first render of the hub, or the page queueing its first screen's chunks ahead of it for
// the browser's few connections to a host. At SharePoint's latency that is time a person waits (issue 18: 60–100 ms
// of the tab's opening before the render; the batch behind six chunk requests at 300 ms per request).
const turn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Resolves once the requests already asked for have left: three turns of the event loop (the callers' promise
 * chains reaching PnPjs and its timer for each request; a batch's settle turn; PnPjs's timer for the batch).
 */
export async function letAskedRequestsLeave(): Promise<void> {
  for (let i = 0; i < 3; i++) await turn();
}
