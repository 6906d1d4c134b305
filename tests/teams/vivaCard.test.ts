// The Viva Connections card, through real PnPjs over HTTP to the local server: its figures equal the dashboard's for
// the quarter, its to-dos equal the verification queue, the chase list and the approver's queue for the same person,
// in at most three $batch requests; and what it says for an empty site, a site without the lists, someone without
// access, a failed request, zero and very large figures.
import { createLocalSp, createSharePointData, provision } from '../../src/data/sharepoint';
import type { SharePointHubData } from '../../src/data/sharepoint';
import { loadDashboard } from '../../src/app/dashboard';
import { loadVivaCard, vivaCardFrom, vivaQuarters } from '../../src/app/vivaCard';
import type { VivaCard } from '../../src/app/vivaCard';
import { allPages } from '../../src/data/paging';
import { chaseList, formatPounds, periodFor } from '../../src/domain';
import type { IsoDate } from '../../src/domain';
import { todayIso } from '../../src/app/deliveryFigures';
import { cardViewPreview, vivaCardViewWords, vivaQuickView, DEFAULT_VIVA_OPTIONS } from '../../src/teams/cards/vivaCard';
import type { VivaFigures } from '../../src/teams/cards/vivaCard';
import { hubLink } from '../../src/teams/deepLinks';
import { HUB_TAB, subEntityHash } from '../../src/teams/hubTab';
import { routeFromHash } from '../../src/ui/routes';
import { DEMO_USERS } from '../../local/sharepoint/users';
import { startLocalServer } from '../support/localServer';
import type { LocalServer } from '../support/localServer';
import { expectValidCard } from './cardCheck';
import { sentWhile } from '../support/sentRequests';

jest.setTimeout(60_000);

const LINKS = { webUrl: 'https://svhub.example/sites/socialvalue/SitePages/Hub.aspx' };
const emailOf = (alias: string): string => DEMO_USERS.filter((u) => u.alias === alias)[0].email;

/** The $batch POSTs (the card's requests) among everything the client sends while `run` runs. */
async function batchesOf<T>(run: () => Promise<T>): Promise<{ value: T; batches: number; requests: string[] }> {
  const { value, sent } = await sentWhile(run);
  const requests = sent.map((r) => `${r.method} ${r.url.pathname}`);
  return { value, batches: requests.filter((r) => r.endsWith('/_api/$batch')).length, requests };
}

/** The site as `alias` sees it (the local server's acting-user header, as the demo's sign-in switch). */
function as(server: LocalServer, alias: string): SharePointHubData {
  return createSharePointData(createLocalSp(server.siteUrl, { headers: { 'X-SVHub-User': alias } }));
}

function ready(card: VivaCard): Extract<VivaCard, { state: 'ready' }> {
  if (card.state !== 'ready') throw new Error(`expected figures, got ${JSON.stringify(card)}`);
  return card;
}

describe('the card on the demo site', () => {
  let server: LocalServer;
  const today: IsoDate = todayIso();
  const { quarter, previous } = vivaQuarters(today);
  beforeAll(async () => {
    server = await startLocalServer({ seed: 'demo' });
  });
  afterAll(() => server.stop());

  it('shows the quarter the dashboard shows, to the penny and to the unit, for everyone alike', async () => {
    const dashboard = await loadDashboard(as(server, 'admin'), { fromPeriodId: quarter.id, toPeriodId: quarter.id });
    const before = await loadDashboard(as(server, 'admin'), { fromPeriodId: previous.id, toPeriodId: previous.id });
    for (const alias of ['officer', 'manager', 'taskforce']) {
      const card = ready(await loadVivaCard(as(server, alias).vivaCard, today));
      expect(card.figures.quarter.id).toBe(quarter.id);
      expect(card.figures.verifiedPence).toBe(dashboard.totals.verifiedPence);
      expect(card.figures.themes.map((t) => [t.themeId, t.verifiedPence])).toEqual(dashboard.themes.map((t) => [t.themeId, t.verifiedPence]));
      expect(card.figures.outcomes.length).toBe(dashboard.measures.filter((m) => m.verifiedThousandths > 0).length);
      expect(card.figures.previousVerifiedPence).toBe(before.totals.verifiedPence);
    }
  });

  it('gives the officer the returns the chase list names for their contracts, and no outcomes to verify (the approvers verify), in at most three requests', async () => {
    const officer = as(server, 'officer');
    const { value, batches } = await batchesOf(() => loadVivaCard(officer.vivaCard, today));
    const card = ready(value);
    expect(batches).toBeGreaterThan(0);
    expect(batches).toBeLessThanOrEqual(3);

    // Outcomes await verification, but SharePoint does not let the officer add a verification: none are offered.
    expect((await officer.outcomes.query({ verification: 'Reported', pageSize: 50 })).items.length).toBeGreaterThan(0);
    expect(card.todos.toVerify).toBe(0);

    // The chase list's returns, for the contracts the officer leads.
    const live = await allPages((pageToken) => officer.procurements.query({ status: ['Awarded', 'In delivery'], leadOfficerEmail: emailOf('officer'), pageSize: 100, pageToken }));
    const commitments = (await Promise.all(live.map((p) => officer.commitments.listForProcurement(p.reference)))).flat();
    const logs = (await Promise.all(live.map((p) => allPages((pageToken) => officer.outcomes.query({ procurementReference: p.reference, pageSize: 500, pageToken }))))).flat();
    const returns = chaseList({ today, procurements: live, commitments, logs, actions: [] }).filter((c) => c.kind === 'return');
    expect(card.todos.returnsToChase).toBe(returns.length);
    expect(card.todos.items.filter((t) => t.kind === 'return').map((t) => t.reference).sort()).toEqual(returns.map((r) => r.procurementReference).sort());

    const words = vivaCardViewWords(card, DEFAULT_VIVA_OPTIONS, 'Large');
    expect(words.heading).toBe(`Q${quarter.quarter} ${quarter.financialYear}: verified`);
    if (card.todos.returnsToChase > 0) expect(words.buttons.map((b) => b.subEntityId)).toContain('chase');
    expect(words.buttons.length).toBeGreaterThan(0);
    expect(words.buttons.length).toBeLessThanOrEqual(2);
    expect(vivaCardViewWords(card, DEFAULT_VIVA_OPTIONS, 'Medium').buttons.length).toBe(1);
  });

  it('gives the approver what waits for their decision, first, and the outcomes others reported for them to verify', async () => {
    const manager = as(server, 'manager');
    const card = ready(await loadVivaCard(manager.vivaCard, today));
    // The verification queue: logs on record as Reported, not reported by the approver.
    const reported = await allPages((pageToken) => manager.outcomes.query({ verification: 'Reported', pageSize: 200, pageToken }));
    const theirs = reported.filter((l) => (l.reportedBy ?? '').toLowerCase() !== emailOf('manager'));
    expect(theirs.length).toBeGreaterThan(0);
    expect(card.todos.toVerify).toBe(theirs.length);
    const waiting = await manager.procurements.query({ status: 'Awaiting approval', approverEmail: emailOf('manager'), pageSize: 200 });
    expect(card.todos.awaitingApproval).toBe(waiting.items.length);
    expect(card.todos.awaitingApproval).toBeGreaterThan(0); // the demo has decisions waiting for its manager
    const words = vivaCardViewWords(card, DEFAULT_VIVA_OPTIONS, 'Medium');
    expect(words.buttons).toEqual([{ title: `${card.todos.awaitingApproval} to approve`, subEntityId: 'approvals' }]);
    expect(vivaCardViewWords(card, DEFAULT_VIVA_OPTIONS, 'Large').buttons[0]).toEqual({ title: `${card.todos.awaitingApproval} awaiting your approval`, subEntityId: 'approvals' });
    expect(card.todos.items[0].kind).toBe('approval');
  });

  it('gives a taskforce member, who can only read the lists, the figures and no to-dos', async () => {
    const member = as(server, 'taskforce');
    // Read only: SharePoint refuses the member a write.
    await expect(member.settings.set('approvals.approverEmail', 'x@svhub.example')).rejects.toMatchObject({ kind: 'forbidden' });
    const card = ready(await loadVivaCard(member.vivaCard, today));
    // Outcomes await verification on the demo site, but a member cannot record one: none are offered.
    expect((await member.outcomes.query({ verification: 'Reported', pageSize: 50 })).items.length).toBeGreaterThan(0);
    expect(card.todos).toEqual({ toVerify: 0, toVerifyMore: false, returnsToChase: 0, awaitingApproval: 0, items: [] });
    expect(vivaCardViewWords(card).buttons).toEqual([{ title: 'Open the dashboard', subEntityId: 'dashboard' }]);
  });

  it('leads with the people outcomes the quarter verified, in their units, as the dashboard counts them', async () => {
    // An owner's rebuild (the trusted writer of the figures) records a contract's quarter: 12.5 local FTE and
    // 104 apprenticeship weeks verified, and £2,000.
    const owner = as(server, 'admin');
    const contract = (await owner.procurements.query({ status: ['Awarded', 'In delivery'], pageSize: 1 })).items[0];
    const saved = await owner.rollups.saveMany([
      {
        procurementReference: contract.reference,
        periodEnd: quarter.end,
        themeId: 'growth-skills-employment',
        authorityId: contract.authorityId,
        supplierName: contract.supplier?.name,
        committedPence: 300_000,
        reportedPence: 200_000,
        verifiedPence: 200_000,
        quantities: [
          { measureCode: 'GSE-01', unit: 'FTE', committedThousandths: 15_000, reportedThousandths: 12_500, verifiedThousandths: 12_500 },
          { measureCode: 'GSE-07', unit: 'weeks', committedThousandths: 120_000, reportedThousandths: 104_000, verifiedThousandths: 104_000 },
        ],
      },
    ]);
    expect(saved.ok).toBe(true);
    const dashboard = await loadDashboard(owner, { fromPeriodId: quarter.id, toPeriodId: quarter.id });
    const card = ready(await loadVivaCard(as(server, 'taskforce').vivaCard, today));
    expect(card.figures.verifiedPence).toBe(dashboard.totals.verifiedPence);
    expect(card.figures.outcomes.slice(0, 2)).toEqual([
      { quantity: '12.5 FTE', outcome: 'More local people in work' },
      { quantity: '104 weeks', outcome: 'Skills through apprenticeships' },
    ]);
    expect(vivaCardViewWords(card).body).toMatch(/^12\.5 FTE more local people in work and \d+ more · £[\d,]+ verified \(/);
    const gse = card.figures.themes.filter((t) => t.themeId === 'growth-skills-employment')[0];
    expect(gse.outcomes.map((o) => o.quantity)).toEqual(expect.arrayContaining(['12.5 FTE', '104 weeks']));
    expect(JSON.stringify(vivaQuickView(card, LINKS))).toContain('12.5 FTE more local people in work');
  });

  it('builds quick views and card previews the Adaptive Cards library accepts, every button named', async () => {
    for (const alias of ['officer', 'manager', 'taskforce']) {
      const card = await loadVivaCard(as(server, alias).vivaCard, today);
      const quick = vivaQuickView(card, LINKS);
      expectValidCard(quick);
      const themes = ready(card).figures.themes;
      expect(themes).toHaveLength(6);
      const text = JSON.stringify(quick);
      for (const t of themes) expect(text).toContain(JSON.stringify(t.label).slice(1, -1));
      for (const size of ['Medium', 'Large'] as const) {
        const preview = cardViewPreview(vivaCardViewWords(card, DEFAULT_VIVA_OPTIONS, size), LINKS);
        expectValidCard(preview);
        for (const a of preview.actions ?? []) expect(String(a.title).trim()).not.toBe('');
      }
    }
  });
});

describe('the card when something is missing or fails', () => {
  const servers: LocalServer[] = [];
  afterAll(() => Promise.all(servers.map((s) => s.stop())));
  const today = todayIso();

  it('an empty hub: nothing verified yet, and the dashboard to open', async () => {
    const server = await startLocalServer({ seed: 'none', user: 'admin' });
    servers.push(server);
    await provision(createLocalSp(server.siteUrl));
    const card = ready(await loadVivaCard(as(server, 'officer').vivaCard, today));
    expect(card.figures.verifiedPence).toBe(0);
    expect(card.todos.items).toEqual([]);
    const words = vivaCardViewWords(card);
    expect(words.body).toBe('Nothing verified yet for the quarter');
    expect(words.buttons).toEqual([{ title: 'Open the dashboard', subEntityId: 'dashboard' }]);
  });

  it('a site without the lists: says so and names them, never a blank card', async () => {
    const server = await startLocalServer({ seed: 'none', user: 'admin' });
    servers.push(server);
    const card = await loadVivaCard(as(server, 'officer').vivaCard, today);
    expect(card).toMatchObject({ state: 'not-provisioned', missingLists: expect.arrayContaining(['Procurements', 'Rollups']) });
    expect(vivaCardViewWords(card).body).toBe('The Social Value Hub is not set up on this site yet');
    const quick = vivaQuickView(card, LINKS);
    expectValidCard(quick);
    expect(JSON.stringify(quick)).toContain('Procurements');
  });

  it('someone SharePoint refuses: says they have no access', async () => {
    const server = await startLocalServer({ seed: 'none', user: 'admin' });
    servers.push(server);
    await provision(createLocalSp(server.siteUrl));
    // Signed in to the tenant but in none of the site's groups: SharePoint answers 403 to every read.
    const outsider = createSharePointData(createLocalSp(server.siteUrl, { headers: { 'X-SVHub-User': 'svhub.outsider@svhub.example' } }));
    const card = await loadVivaCard(outsider.vivaCard, today);
    expect(card).toEqual({ state: 'no-access' });
    expect(vivaCardViewWords(card)).toMatchObject({ body: 'You do not have access to the Social Value Hub’s lists', buttons: [] });
  });

  it('a failed request: says the hub could not be reached, with SharePoint’s reason in the quick view', async () => {
    const server = await startLocalServer({ seed: 'none', user: 'admin', faults: { rate: 1, statuses: [503], retryAfterSeconds: 0 } });
    servers.push(server);
    const card = await loadVivaCard(createSharePointData(createLocalSp(server.siteUrl, { retries: 0 })).vivaCard, today);
    expect(card.state).toBe('failed');
    expect(vivaCardViewWords(card).body).toBe('The Social Value Hub could not be reached');
    expectValidCard(vivaQuickView(card, LINKS));
  });
});

describe('the card’s words', () => {
  const today: IsoDate = '2026-12-04';
  const { quarter, previous } = vivaQuarters(today);
  const figures = (verifiedPence: number, previousVerifiedPence: number): VivaFigures => ({
    quarter,
    previous,
    outcomes: [],
    verifiedPence,
    previousVerifiedPence,
    themes: [],
  });
  const card = (f: VivaFigures, todos: Partial<Extract<VivaCard, { state: 'ready' }>['todos']> = {}): VivaCard => ({
    state: 'ready',
    figures: f,
    todos: { toVerify: 0, toVerifyMore: false, returnsToChase: 0, awaitingApproval: 0, items: [], ...todos },
  });

  it('shows the quarter being reported: the last that has ended', () => {
    expect(quarter.end).toBe('2026-09-30');
    expect(previous.end).toBe('2026-06-30');
    expect(periodFor(today).end).toBe('2026-12-31');
  });

  it('zero: nothing verified, never "£0"', () => {
    expect(vivaCardViewWords(card(figures(0, 0))).body).toBe('Nothing verified yet for the quarter');
  });

  it('the change on the quarter before, either way', () => {
    expect(vivaCardViewWords(card(figures(1_162_234, 1_052_000))).body).toBe('£11,622 verified (£1,102 more than Q1 2026-27)');
    expect(vivaCardViewWords(card(figures(0, 500_00))).body).toBe('Nothing verified yet for the quarter (£500 in Q1 2026-27)');
    expect(vivaCardViewWords(card(figures(100_00, 500_00))).body).toBe('£100 verified (£400 less than Q1 2026-27)');
    expect(vivaCardViewWords(card(figures(500_00, 500_00))).body).toBe('£500 verified (the same as Q1 2026-27)');
  });

  it('very large figures and counts, in en-GB', () => {
    const big = 99_999_999_999_99; // £99,999,999,999.99
    expect(vivaCardViewWords(card(figures(big, 0))).body).toBe(`${formatPounds(big, { pence: false })} verified (${formatPounds(big, { pence: false })} more than Q1 2026-27)`);
    expect(vivaCardViewWords(card(figures(big, 0))).body).toContain('£100,000,000,000');
    const words = vivaCardViewWords(card(figures(0, 0), { toVerify: 12_345, returnsToChase: 1, awaitingApproval: 2 }));
    expect(words.buttons.map((b) => b.title)).toEqual(['2 awaiting your approval', '1 return to chase']);
    expect(vivaCardViewWords(card(figures(0, 0), { toVerify: 12_345 })).buttons[0].title).toBe('12,345 outcomes to verify');
    expect(vivaCardViewWords(card(figures(0, 0), { toVerify: 500, toVerifyMore: true })).buttons[0].title).toBe('More than 500 outcomes to verify');
  });

  it("a medium card's one button in words that fit it, for each kind of to-do", () => {
    const medium = (todos: Parameters<typeof card>[1]): string => vivaCardViewWords(card(figures(0, 0), todos), DEFAULT_VIVA_OPTIONS, 'Medium').buttons[0].title;
    expect(medium({ awaitingApproval: 1 })).toBe('1 to approve');
    expect(medium({ awaitingApproval: 12 })).toBe('12 to approve');
    expect(medium({ returnsToChase: 1 })).toBe('1 to chase');
    expect(medium({ returnsToChase: 3 })).toBe('3 to chase');
    expect(medium({ toVerify: 1 })).toBe('1 to verify');
    expect(medium({ toVerify: 12_345 })).toBe('12,345 to verify');
    expect(medium({ toVerify: 500, toVerifyMore: true })).toBe('500+ to verify');
    expect(vivaCardViewWords({ state: 'not-provisioned', missingLists: ['Procurements'] }, DEFAULT_VIVA_OPTIONS, 'Medium').buttons[0].title).toBe('Open the hub');
  });

  it('people outcomes lead, then £', () => {
    const f = { ...figures(200_000, 0), outcomes: [{ quantity: '12 FTE', outcome: 'Local people in work' }, { quantity: '104 weeks', outcome: 'Apprenticeship weeks' }] };
    expect(vivaCardViewWords(card(f)).body).toBe('12 FTE local people in work and 1 more · £2,000 verified (£2,000 more than Q1 2026-27)');
    expect(vivaCardViewWords(card(f), { showPeople: true, showMoney: false, showTodos: true }).body).toBe('12 FTE local people in work and 1 more');
  });

  it('the pure content equals the read: a read with lists missing is "not set up"', () => {
    const empty = { user: { id: 1, email: 'a@svhub.example', displayName: 'A' }, missingLists: ['Rollups'], quarter: [], previousQuarter: [], library: [], reported: [], reportedMore: false, mayVerify: false, awaitingMyApproval: [], myLive: [], commitments: [], quarterLogs: [] };
    expect(vivaCardFrom(empty as never, today)).toEqual({ state: 'not-provisioned', missingLists: ['Rollups'] });
  });
});

describe('the card’s buttons lead into the hub at their place', () => {
  it('a screen or a procurement, on the hub’s page or in its Teams tab', () => {
    expect(hubLink(LINKS, 'verify')).toBe(`${LINKS.webUrl}#/verify`);
    expect(hubLink(LINKS, 'chase')).toBe(`${LINKS.webUrl}#/chase`);
    expect(hubLink(LINKS, 'approvals')).toBe(`${LINKS.webUrl}#/approvals`);
    expect(hubLink(LINKS, 'WMCA-2026-014')).toBe(`${LINKS.webUrl}#/procurement/WMCA-2026-014`);
    // The hub reads the same places back (a Teams deep link hands the tab the subEntityId).
    expect(routeFromHash(subEntityHash('verify'))).toEqual({ screen: 'verify' });
    expect(routeFromHash(subEntityHash('approvals'))).toEqual({ screen: 'register', scope: 'approvals' });
    expect(routeFromHash(subEntityHash('WMCA-2026-014'))).toEqual({ screen: 'procurement', reference: 'WMCA-2026-014' });
    const teams = hubLink({ tab: { ...HUB_TAB }, webUrl: LINKS.webUrl }, 'chase');
    expect(decodeURIComponent(teams)).toContain('"subEntityId":"chase"');
  });
});
