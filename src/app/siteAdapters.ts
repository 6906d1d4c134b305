// Each site's adapter as a host builds it from two chunks (issue 18's first screen): the opening's read, which is
// all the batch needs, and the rest of the data layer (every repository, provisioning), which the register's first
// page does not need when the batch carries it. A module of its own, light enough for a web part's entry, so the
// rest can be fetched at once when the first screen is something else (the dashboard, a deep link).
import type { HubData, OpeningAnswers, OpeningReader } from '../data/ports';
import { lazyHubData } from '../data/lazyHubData';
import type { SiteAdapter } from './opening';

export interface SiteAdapters {
  adapterFor: (siteUrl: string) => SiteAdapter;
  /** Fetches the rest of the data layer now (a first screen that needs it: the dashboard, a deep link). */
  fetchTheRest: () => void;
  /**
   * Fetches the rest once `firstPage` (the opening's read, which carried the register's first page) has settled, a
   * task later so the page is drawn first: what the person does next then finds it there.
   */
  fetchTheRestAfter: (firstPage: Promise<unknown>) => void;
}

/**
 * `opening` reads a site's opening; `rest` loads the rest of the data layer, whose adapter for a site is built with
 * that site's read (its facts, the user's id and the Procurements list's, prime it) when a screen first asks for
 * more than the opening answered, or when the host calls fetchTheRest. A load that fails is tried again by the
 * next call (a screen's Retry), as lazyHubData does.
 */
export function siteAdapters<R extends { answers: OpeningAnswers }>(load: {
  opening: (siteUrl: string, options: Parameters<OpeningReader>[0]) => Promise<R>;
  rest: () => Promise<(siteUrl: string, opened: R | undefined) => HubData>;
}): SiteAdapters {
  let rest: Promise<(siteUrl: string, opened: R | undefined) => HubData> | undefined;
  const restOfDataLayer = (): Promise<(siteUrl: string, opened: R | undefined) => HubData> => {
    if (!rest) {
      const loading = load.rest();
      loading.catch(() => {
        if (rest === loading) rest = undefined;
      });
      rest = loading;
    }
    return rest;
  };
  const fetchTheRest = (): void => {
    restOfDataLayer().catch(() => undefined);
  };
  const reads = new Map<string, Promise<R>>();
  const adapters = new Map<string, Promise<HubData>>();
  const adapterOf = (url: string): Promise<HubData> => {
    let adapter = adapters.get(url);
    if (!adapter) {
      const opened = (reads.get(url) ?? Promise.resolve(undefined)).catch(() => undefined);
      adapter = Promise.all([restOfDataLayer(), opened]).then(([create, read]) => create(url, read));
      adapter.catch(() => adapters.delete(url));
      adapters.set(url, adapter);
    }
    return adapter;
  };
  return {
    adapterFor: (url) => ({
      data: lazyHubData(() => adapterOf(url), { start: 'when-asked' }),
      opening: (options) => {
        const read = load.opening(url, options);
        reads.set(url, read);
        return read.then((r) => r.answers);
      },
    }),
    fetchTheRest,
    fetchTheRestAfter: (firstPage) => {
      const later = (): void => {
        setTimeout(fetchTheRest, 0);
      };
      firstPage.then(later, later);
    },
  };
}
