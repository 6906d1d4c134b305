// The app's limits never exceed the platform's. The platform's figures are the emulator's own copy
// (local/sharepoint/platformLimits.ts, each with its source), never the app's; the app's are in src/.
import type { ListDef } from '../../src/data/schema';
import { SCHEMA, MAX_BATCH_REQUESTS as APP_MAX_BATCH, MAX_INDEXED_COLUMNS as APP_MAX_INDEXED, MAX_TEXT_LENGTH as APP_MAX_TEXT, LIST_VIEW_THRESHOLD as APP_THRESHOLD } from '../../src/data/schema';
import { MAX_REFERENCE_LENGTH } from '../../src/domain';
import { DASHBOARD_PAGE_SIZE } from '../../src/app/dashboard';
import { MAX_SEARCH_PAGE, registerKql } from '../../src/data/sharepoint/registerSearch';
import { createLocalSp } from '../../src/data/sharepoint';
import { runBatchParts } from '../../src/data/sharepoint/batch';
import * as platform from '../../local/sharepoint/platformLimits';
import { startLocalServer } from '../support/localServer';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';

describe('the app stays inside SharePoint Online\'s limits', () => {
  it('keeps its own copies of the platform figures at or below the platform\'s', () => {
    expect(APP_MAX_INDEXED).toBeLessThanOrEqual(platform.MAX_INDEXED_COLUMNS);
    expect(APP_MAX_TEXT).toBeLessThanOrEqual(platform.MAX_TEXT_LENGTH);
    expect(APP_THRESHOLD).toBeLessThanOrEqual(platform.LIST_VIEW_THRESHOLD);
    expect(APP_MAX_BATCH).toBeLessThanOrEqual(platform.MAX_BATCH_REQUESTS);
    expect(DASHBOARD_PAGE_SIZE).toBeLessThanOrEqual(platform.MAX_ITEMS_PAGE);
    expect(MAX_REFERENCE_LENGTH).toBeLessThanOrEqual(platform.MAX_TEXT_LENGTH);
    expect(MAX_SEARCH_PAGE).toBeLessThanOrEqual(platform.MAX_SEARCH_ROW_LIMIT);
  });

  it('keeps the register\'s KQL inside the query length limit, whatever is typed', () => {
    const guid = '0f6f5c6e-1a2b-4c3d-9e8f-0123456789ab';
    const worst = registerKql(guid, {
      text: Array.from({ length: 300 }, (_, i) => `w${'x'.repeat(i % 40)}${i}`).join(' '),
      status: ['Draft', 'Awaiting approval', 'Approved', 'Rejected', 'Tendering', 'Awarded', 'In delivery', 'Closed', 'Withdrawn'],
      tier: 'toms-included', authorityId: 'stratford-on-avon', themeId: 'healthier-stronger-communities', leadOfficerEmail: `${'a'.repeat(200)}@svhub.example`,
    });
    expect(worst?.length).toBeLessThanOrEqual(platform.MAX_KQL_LENGTH);
  });

  it.each(SCHEMA.map((l) => [l.title, l as ListDef] as const))('list %s: title, text lengths, indexed columns and view row limits fit', (_t, list) => {
    expect(list.title.length).toBeLessThanOrEqual(platform.MAX_LIST_TITLE_LENGTH);
    for (const f of list.fields) {
      if (f.kind === 'Text') expect({ field: f.name, maxLength: f.maxLength }).toEqual({ field: f.name, maxLength: expect.any(Number) });
      if (f.kind === 'Text') expect(f.maxLength).toBeLessThanOrEqual(platform.MAX_TEXT_LENGTH);
    }
    expect(list.fields.filter((f) => f.indexed).length).toBeLessThanOrEqual(platform.MAX_INDEXED_COLUMNS);
    for (const v of list.views) expect(v.rowLimit).toBeLessThanOrEqual(platform.LIST_VIEW_THRESHOLD);
  });

  it('sends a 150-write batch as requests of at most 100 (the app\'s batching, over HTTP, against the platform\'s limit)', async () => {
    const server = await startLocalServer({ user: 'admin' });
    try {
      const sp = createLocalSp(server.siteUrl);
      await sp.web.lists.add('Batched', '', 100, false);
      const plainFetch = globalThis.fetch;
      const batchSizes: number[] = [];
      globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
        if (String(input).includes('$batch') && typeof init?.body === 'string') batchSizes.push((init.body.match(/^(POST|GET|PATCH|DELETE|MERGE) http/gm) ?? []).length);
        return plainFetch(input, init);
      }) as typeof fetch;
      try {
        const outcomes = await runBatchParts(sp, (b) => Array.from({ length: 150 }, (_x, i) => ({ what: `item ${i}`, run: () => b.web.lists.getByTitle('Batched').items.add({ Title: `n${i}` }) })));
        expect(outcomes.filter((o) => !o.ok)).toEqual([]);
      } finally {
        globalThis.fetch = plainFetch;
      }
      expect(batchSizes.length).toBeGreaterThan(1);
      expect(Math.max(...batchSizes)).toBeLessThanOrEqual(platform.MAX_BATCH_REQUESTS);
      // As few requests as the app's limit allows (PnPjs's own default of 20 would make 8).
      expect(batchSizes).toEqual([APP_MAX_BATCH, 150 - APP_MAX_BATCH]);
      expect(batchSizes.reduce((a, b) => a + b, 0)).toBe(150);
    } finally {
      await server.stop();
    }
  });
});
