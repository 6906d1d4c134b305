// lazyHubData: the web part hands the UI a HubData at once while the SharePoint adapter's chunk loads.
import { spfi } from '@pnp/sp';
import { lazyHubData } from '../../src/data/lazyHubData';
import type { HubData } from '../../src/data/ports';
import { createSharePointData } from '../../src/data/sharepoint';
import { memoryHub } from '../support/memoryHubData';
import { procurement } from './fixtures';

describe('lazyHubData', () => {
  // That it offers every method of HubData is the compiler's check (its METHODS table); this is the other way.
  it('offers only methods the SharePoint adapter has', () => {
    const real = createSharePointData(spfi('http://localhost/sites/socialvalue'));
    const lazy = lazyHubData(async () => real);
    // The Viva card's read is not HubData's: the card's own data module calls it on the loaded adapter.
    expect(Object.keys(lazy).sort()).toEqual(Object.keys(real).filter((k) => k !== 'vivaCard').sort());
    expect(typeof real.vivaCard).toBe('function');
    for (const repository of Object.keys(lazy) as (keyof HubData)[]) {
      const methods = Object.keys(lazy[repository]);
      expect(methods.length).toBeGreaterThan(0);
      for (const name of methods) expect(`${repository}.${name}: ${typeof (real[repository] as unknown as Record<string, unknown>)[name]}`).toBe(`${repository}.${name}: function`);
    }
  });

  it('passes calls and answers through once the data layer has loaded, loading it once', async () => {
    const hub = memoryHub();
    let loads = 0;
    const lazy = lazyHubData(async () => {
      loads++;
      return hub.data;
    });
    const created = await lazy.procurements.create(procurement('LAZY-1'));
    expect(created.reference).toBe('LAZY-1');
    expect(hub.procurements.get('LAZY-1')?.id).toBe(created.id);
    expect((await lazy.procurements.get('LAZY-1'))?.title).toBe(created.title);
    expect(await lazy.provisioning.missingLists()).toEqual([]);
    expect(loads).toBe(1);
  });

  it('waits for the first call to load when asked to (a host that fetches the code itself once the first screen is drawn)', async () => {
    const hub = memoryHub();
    let loads = 0;
    const lazy = lazyHubData(
      async () => {
        loads++;
        return hub.data;
      },
      { start: 'when-asked' },
    );
    await new Promise((r) => setTimeout(r, 0));
    expect(loads).toBe(0);
    expect(await lazy.provisioning.missingLists()).toEqual([]);
    expect(loads).toBe(1);
  });

  it('reports a failed load to the caller and loads again on the next call', async () => {
    const hub = memoryHub();
    let loads = 0;
    const lazy = lazyHubData(async () => {
      loads++;
      if (loads === 1) throw new Error('chunk hub-data failed to load');
      return hub.data;
    });
    // The load started at once; the call made while it was under way shares its failure.
    await expect(lazy.procurements.query({ pageSize: 5 })).rejects.toThrow('chunk hub-data failed to load');
    const page = await lazy.procurements.query({ pageSize: 5 });
    expect(page.items).toEqual([]);
    expect(loads).toBe(2);
  });
});
