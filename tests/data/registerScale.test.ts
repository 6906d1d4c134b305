// The register past 5,000 procurements, through the real data layer over HTTP: every filter alone and combined,
// words, and every sort answer the first page with no threshold error in at most 2 requests; typed text that
// looks like query syntax (KQL or OData) is searched for as words. The list is filled with the bulk insert.
import { PROCUREMENTS_LIST } from '../../src/data/schema';
import type { HubData, ProcurementQuery, ProcurementSortKey, RegisterPage } from '../../src/data/ports';
import { createSharePointData } from '../../src/data/sharepoint';
import { procurementToItem } from '../../src/data/sharepoint/mapping';
import { THEMES } from '../../src/domain';
import { fillRegister, registerRecord } from '../../bench/registerSite';
import { measure } from '../../bench/measure';
import { MANAGER, OFFICER, procurement, startHub } from './fixtures';
import type { Hub } from './fixtures';

jest.setTimeout(180_000);

const COUNT = 5_200;
const BUSY_OFFICER = 'grace.okafor@svhub.example';
let hub: Hub;

beforeAll(async () => {
  hub = await startHub();
  await fillRegister(hub.server, hub.data, COUNT, 'GEN');
  const lead = await hub.data.users.ensure(OFFICER.email);
  const approver = await hub.data.users.ensure(MANAGER.email);
  await hub.server.bulkInsert(PROCUREMENTS_LIST.title, [
    procurementToItem(procurement('ODD-000001', { title: 'O\'Neil & Sons "quoted" catering (WMCA) 100%', authorityId: 'north-warwickshire' }), { leadOfficerId: lead.id }),
    procurementToItem(procurement('ODD-000002', { title: 'Queue item waiting', status: 'Awaiting approval' }), { leadOfficerId: lead.id, approverId: approver.id }),
  ] as unknown as Record<string, unknown>[]);
  // fillRegister's fourth officer leads 1,300; 3,800 more make them the one officer SharePoint cannot list past 5,000.
  const busy = await hub.data.users.ensure(BUSY_OFFICER);
  for (let start = 0; start < 3_800; start += 1_900) {
    await hub.server.bulkInsert(PROCUREMENTS_LIST.title, Array.from({ length: 1_900 }, (_, i) => registerRecord('BUSY', start + i, busy.id)));
  }
});
afterAll(async () => {
  await hub?.server.stop();
});

/** The first page as the register asks for it, by a data layer that has read nothing yet (the worst case). */
async function firstPage(q: ProcurementQuery): Promise<{ page: RegisterPage; requests: number; data: HubData }> {
  const data = createSharePointData(hub.sp);
  let page: RegisterPage | undefined;
  const m = await measure(async () => {
    page = await data.procurements.register({ pageSize: 25, ...q });
  });
  return { page: page as RegisterPage, requests: m.requests, data };
}

const SORTS: ProcurementSortKey[] = ['newest', 'modified', 'reference', 'title', 'estimatedValue', 'decisionDate'];

describe(`the register with ${COUNT.toLocaleString('en-GB')} procurements`, () => {
  it('answers every sort without a filter from the list itself, in one request', async () => {
    for (const by of SORTS) {
      for (const descending of [false, true]) {
        const { page, requests } = await firstPage({ sort: { by, descending } });
        expect({ by, descending, requests, source: page.source, n: page.items.length }).toEqual({ by, descending, requests: 1, source: 'list', n: 25 });
      }
    }
    const byRef = await firstPage({ sort: { by: 'reference', descending: true } });
    expect(byRef.page.items[0].reference).toBe('ODD-000002');
  });

  it('answers each theme, "In delivery", each authority-sized filter and the words through search, in at most 2 requests', async () => {
    for (const theme of THEMES) {
      const { page, requests, data } = await firstPage({ themeId: theme.id });
      expect({ theme: theme.id, requests, source: page.source }).toEqual({ theme: theme.id, requests: 2, source: 'search' });
      expect(page.items).toHaveLength(25);
      const one = await data.procurements.getById(page.items[0].id);
      expect(one?.themeIds).toContain(theme.id);
    }
    const inDelivery = await firstPage({ status: 'In delivery' });
    expect(inDelivery.requests).toBeLessThanOrEqual(2);
    expect(inDelivery.page.items).toHaveLength(25);
    expect(inDelivery.page.items.every((p) => p.status === 'In delivery')).toBe(true);
    // Choices match whole: "warwickshire" is not "north-warwickshire".
    const warks = await firstPage({ authorityId: 'warwickshire', pageSize: 500 });
    expect(warks.page.items.length).toBeGreaterThan(200);
    expect(warks.page.items.every((p) => p.authorityId === 'warwickshire')).toBe(true);
    const tier = await firstPage({ tier: 'light-touch' });
    expect(tier.page.items.every((p) => p.tier === 'light-touch')).toBe(true);
  });

  it('answers "My procurements" from the list (the indexed Lead officer column narrows it), a procurement just registered there at once', async () => {
    const mine = await firstPage({ leadOfficerEmail: OFFICER.email });
    // The officer's site user id, then the page: no look at the list's size, no search.
    expect({ requests: mine.requests, source: mine.page.source, n: mine.page.items.length }).toEqual({ requests: 2, source: 'list', n: 25 });
    await hub.data.procurements.create(procurement('NEW-000001', { title: 'Street lighting renewal', leadOfficer: OFFICER }));
    const again = await firstPage({ leadOfficerEmail: OFFICER.email });
    expect(again.page.items[0].reference).toBe('NEW-000001');
    const next = await measure(() => again.data.procurements.register({ leadOfficerEmail: OFFICER.email, pageSize: 25, pageToken: again.page.nextPageToken }));
    expect(next.requests).toBe(1);
  });

  it('asks search for an officer who leads more than 5,000: SharePoint refuses the list, and the page still comes', async () => {
    const { page, requests, data } = await firstPage({ leadOfficerEmail: BUSY_OFFICER });
    // The user's id, the list's refusal, the list's id, the search.
    expect({ requests, source: page.source, n: page.items.length }).toEqual({ requests: 4, source: 'search', n: 25 });
    const one = await data.procurements.getById(page.items[0].id);
    expect(one?.leadOfficer.email).toBe(BUSY_OFFICER);
  });

  it('finds references by their start and titles by their words', async () => {
    const ref = await firstPage({ text: 'GEN-0004', pageSize: 500 });
    expect(ref.requests).toBeLessThanOrEqual(2);
    // GEN-000400 … GEN-000499 (and GEN-0004 itself would count too): every one starts so.
    expect(ref.page.items.length).toBe(100);
    expect(ref.page.items.every((p) => p.reference.startsWith('GEN-0004'))).toBe(true);
    const words = await firstPage({ text: 'contract' });
    expect(words.page.items).toHaveLength(25);
    expect(words.page.items.every((p) => /\bcontract/i.test(p.title))).toBe(true);
    const wmca = await firstPage({ text: 'WMCA' });
    expect(wmca.page.items.map((p) => p.reference)).toEqual(['ODD-000001']);
  });

  it('combines filters, words and each sort, in order, and pages on', async () => {
    for (const by of SORTS) {
      const q: ProcurementQuery = { themeId: 'growth-skills-employment', status: 'In delivery', text: 'grounds', sort: { by, descending: by !== 'reference' } };
      const { page, requests, data } = await firstPage(q);
      expect({ by, requests, source: page.source }).toEqual({ by, requests: 2, source: 'search' });
      expect(page.items.length).toBeGreaterThan(0);
      expect(page.items.every((p) => p.status === 'In delivery' && /grounds/i.test(p.title))).toBe(true);
      if (by === 'reference') expect(page.items.map((p) => p.reference)).toEqual(page.items.map((p) => p.reference).sort());
      if (by === 'estimatedValue') {
        const values = page.items.map((p) => p.estimatedValuePence);
        expect(values).toEqual([...values].sort((a, b) => b - a));
      }
      if (page.nextPageToken) {
        const next = await measure(() => data.procurements.register({ pageSize: 25, ...q, pageToken: page.nextPageToken }));
        expect(next.requests).toBe(1);
      }
    }
    const all = await firstPage({ authorityId: 'birmingham', tier: 'toms-included', themeId: 'environment', leadOfficerEmail: OFFICER.email, status: 'In delivery', sort: { by: 'title' } });
    expect(all.requests).toBeLessThanOrEqual(2);
    expect(all.page.items.every((p) => p.authorityId === 'birmingham' && p.tier === 'toms-included')).toBe(true);
  });

  it('keeps the approver’s queue on the list, current to the second', async () => {
    const { page, requests } = await firstPage({ status: 'Awaiting approval', approverEmail: MANAGER.email });
    expect({ requests, source: page.source, refs: page.items.map((p) => p.reference) }).toEqual({ requests: 2, source: 'list', refs: ['ODD-000002'] });
  });

  it('searches typed query syntax as words, never as KQL or OData', async () => {
    const hostile = [
      '"', "'", '*', '"GEN-0004"', 'GEN*', 'Title:GEN OR ID gt 0', 'NOT contract', '-contract', 'contract AND NOT grounds',
      "') or substringof('a',Title) or ('", '$filter=ID gt 0', 'ListId:00000000-0000-0000-0000-000000000000', '(((', 'AND', 'OR',
      'RefinableString120>A', 'a'.repeat(300), Array.from({ length: 60 }, () => 'contract').join(' '), '%27%22', '\\', 'O\'Neil',
    ];
    for (const text of hostile) {
      const { page, requests } = await firstPage({ text });
      expect({ text, requests: requests <= 2 }).toEqual({ text, requests: true });
      if (/^[^\p{L}\p{N}]*$/u.test(text)) expect({ text, n: page.items.length }).toEqual({ text, n: 0 });
    }
    // What a word-search of the same text finds, the quoted and operator-laden forms find too (or nothing).
    const plain = await firstPage({ text: 'GEN-0004', pageSize: 500 });
    const quoted = await firstPage({ text: '"GEN-0004"', pageSize: 500 });
    expect(quoted.page.items.map((p) => p.id)).toEqual(plain.page.items.map((p) => p.id));
    expect((await firstPage({ text: 'GEN*' })).page.items.every((p) => p.reference.startsWith('GEN'))).toBe(true);
    // "NOT contract" looks for the words "not" and "contract": no title has both.
    expect((await firstPage({ text: 'NOT contract' })).page.items).toHaveLength(0);
    expect((await firstPage({ text: 'Title:GEN OR ID gt 0' })).page.items).toHaveLength(0);
    expect((await firstPage({ text: 'O\'Neil "quoted"' })).page.items.map((p) => p.reference)).toEqual(['ODD-000001']);
  });
});
