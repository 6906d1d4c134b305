// siteAdapters: a host's adapters from two chunks (issue 18's first screen). The opening's read needs only its own;
// the rest of the data layer loads when a screen asks for more, or when the host says, and is built with the site's
// read, once, a failed load being tried again.
import { siteAdapters } from '../../src/app/siteAdapters';
import type { HubData, OpeningAnswers } from '../../src/data/ports';
import { memoryHub } from '../support/memoryHubData';
import { procurement } from '../data/fixtures';

type Read = { answers: OpeningAnswers; site: string };

function host(options: { failFirstLoad?: boolean } = {}) {
  const hub = memoryHub();
  const loads: string[] = [];
  const built: { url: string; opened?: Read }[] = [];
  const adapters = siteAdapters<Read>({
    opening: async (url) => ({ answers: { readAt: Date.now(), settings: { from: url } }, site: url }),
    rest: async () => {
      loads.push('rest');
      if (options.failFirstLoad && loads.length === 1) throw new Error('chunk hub-data failed to load');
      return (url: string, opened?: Read): HubData => {
        built.push({ url, opened });
        return hub.data;
      };
    },
  });
  return { hub, loads, built, adapters };
}

const SITE = 'https://contoso.svhub.example/sites/socialvalue';

describe('siteAdapters', () => {
  it('reads the opening without loading the rest of the data layer', async () => {
    const { loads, adapters } = host();
    const answers = await adapters.adapterFor(SITE).opening({});
    expect(answers.settings).toEqual({ from: SITE });
    await new Promise((r) => setTimeout(r, 0));
    expect(loads).toEqual([]);
  });

  it('loads the rest when a screen first asks for more, once, and builds the site\'s adapter with its opening read', async () => {
    const { hub, loads, built, adapters } = host();
    const adapter = adapters.adapterFor(SITE);
    await adapter.opening({});
    await hub.data.procurements.create(procurement('SPLIT-1'));
    expect((await adapter.data.procurements.get('SPLIT-1'))?.reference).toBe('SPLIT-1');
    await adapter.data.settings.all();
    expect(loads).toEqual(['rest']);
    expect(built).toHaveLength(1);
    expect(built[0].url).toBe(SITE);
    expect(built[0].opened?.site).toBe(SITE);
  });

  it('fetches the rest when the host says (the first page drawn), and the next call finds it there', async () => {
    const { loads, built, adapters } = host();
    const adapter = adapters.adapterFor(SITE);
    await adapter.opening({});
    adapters.fetchTheRest();
    adapters.fetchTheRest();
    await new Promise((r) => setTimeout(r, 0));
    expect(loads).toEqual(['rest']);
    await adapter.data.settings.all();
    expect(loads).toEqual(['rest']);
    expect(built).toHaveLength(1);
  });

  it('tries a load that failed again on the next call (a screen\'s Retry)', async () => {
    const { loads, adapters } = host({ failFirstLoad: true });
    const adapter = adapters.adapterFor(SITE);
    await adapter.opening({});
    await expect(adapter.data.settings.all()).rejects.toThrow('chunk hub-data failed to load');
    await expect(adapter.data.settings.all()).resolves.toEqual({});
    expect(loads).toEqual(['rest', 'rest']);
  });

  it('builds a site\'s adapter without a read when its opening failed, rather than failing its screens', async () => {
    const built: { url: string; opened?: Read }[] = [];
    const failing = siteAdapters<Read>({
      opening: async () => {
        throw new Error('batch refused');
      },
      rest: async () => (url: string, opened?: Read): HubData => {
        built.push({ url, opened });
        return memoryHub().data;
      },
    });
    const adapter = failing.adapterFor(SITE);
    await expect(adapter.opening({})).rejects.toThrow('batch refused');
    await adapter.data.settings.all();
    expect(built).toEqual([{ url: SITE, opened: undefined }]);
  });

  it('fetches the rest a task after the first page has settled, landed or failed, and not before', async () => {
    for (const outcome of ['landed', 'failed'] as const) {
      const { loads, adapters } = host();
      let settle!: () => void;
      const firstPage = new Promise<void>((resolve, reject) => {
        settle = outcome === 'landed' ? resolve : () => reject(new Error('batch refused'));
      });
      adapters.fetchTheRestAfter(firstPage);
      await new Promise((r) => setTimeout(r, 0));
      expect({ outcome, loads: [...loads] }).toEqual({ outcome, loads: [] });
      settle();
      await firstPage.catch(() => undefined);
      // Drawn first: the page's render has the task the read's answer arrives in.
      expect({ outcome, loads: [...loads] }).toEqual({ outcome, loads: [] });
      await new Promise((r) => setTimeout(r, 0));
      expect({ outcome, loads: [...loads] }).toEqual({ outcome, loads: ['rest'] });
    }
  });
});
