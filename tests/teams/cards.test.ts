// The two taskforce cards: valid Adaptive Cards for Teams (schema ≤ 1.5, parsed by the official
// library with no errors or warnings), within the message limit, with user text as plain text.
import fs from 'node:fs';
import path from 'node:path';
import { THEMES, formatPounds, periodById, totalsByTheme } from '../../src/domain';
import {
  AdaptiveCardJson,
  buildSuccessCard,
  buildUpdateCard,
  CARD_MESSAGE_BUDGET_BYTES,
  estimateMessageBytes,
  SuccessCardInput,
  themeAmounts,
  UpdateCardInput,
} from '../../src/teams/cards';
import { TEAMS_DEEP_LINK_MAX_CHARS, hubLink, hubTabDeepLink } from '../../src/teams/deepLinks';
import { DASHBOARD_SUB_ENTITY } from '../../src/teams/hubTab';
import { routeFromHash } from '../../src/ui/routes';
import { elements, expectValidCard, markdownTexts, runTexts } from './cardCheck';

const TEAMS_APP_ID = /^TEAMS_APP_ID=(.+)$/m.exec(fs.readFileSync(path.join(__dirname, '../../env/.env.dev'), 'utf8'))![1].trim();
const hubTab = { appId: TEAMS_APP_ID, entityId: 'socialvaluehub' };

function success(overrides: Partial<SuccessCardInput> = {}): SuccessCardInput {
  return {
    procurement: { reference: 'WMCA-2026-0042', title: 'Bus shelter maintenance, Coventry' },
    supplier: { name: 'Shelter Works CIC', isSme: true, isVcse: true, isLocal: true },
    themeId: 'growth-skills-employment',
    measure: { code: 'GSE-03', text: 'Apprenticeship weeks for local residents', unit: 'weeks' },
    outcome: { quantity: 104, valuePence: 3_456_789, periodEnd: '2026-06-30' },
    progress: { targetQuantity: 208, percentDelivered: 50 },
    verifiedBy: 'Daniel Hughes',
    verifiedAt: '2026-07-14T10:30:00Z',
    quote: 'Two apprentices from Foleshill started with us this quarter.',
    caseStudyUrl: 'https://svhub.example/case-studies/42',
    hubTab,
    ...overrides,
  };
}

function update(overrides: Partial<UpdateCardInput> = {}): UpdateCardInput {
  const amounts = themeAmounts(
    totalsByTheme([
      { measureCode: 'GSE-01', valuePence: 30_000_000 },
      { measureCode: 'GSE-02', valuePence: 20_000_000 },
      { measureCode: 'ENV-01', valuePence: 2_000_000 },
      { measureCode: 'PLB-01', valuePence: 10_000_000 },
    ]),
    totalsByTheme([{ measureCode: 'GSE-01', valuePence: 12_345_600 }, { measureCode: 'ENV-01', valuePence: 2_500_050 }, { measureCode: 'HSC-01' }]),
  );
  return {
    period: periodById('2026-27 Q1'),
    ...amounts,
    newAwards: [{ reference: 'WMCA-2026-0050', title: 'Cycle hire', supplier: { name: 'Pedal Co Ltd', isSme: true, isVcse: false }, awardValuePence: 120_000_000, committedPence: 6_000_000 }],
    topSuccesses: [
      {
        reference: 'WMCA-2026-0042',
        title: 'Bus shelters',
        supplierName: 'Shelter Works CIC',
        verifiedPence: 3_456_789,
        verifiedByTheme: [
          { themeId: 'environment', pence: 456_789 },
          { themeId: 'growth-skills-employment', pence: 3_000_000 },
          { themeId: 'social-innovation', pence: 0 },
        ],
      },
    ],
    atRisk: [{ procurementReference: 'WMCA-2025-0007', title: 'Depot retrofit', measureCode: 'ENV-03', measureText: 'Tonnes CO2e saved', rag: 'Red', targetQuantity: 100, verifiedQuantity: 12, unit: 'tonnes CO2e', dueDate: '2026-09-30' }],
    dashboardUrl: 'https://svhub.example/sites/socialvalue/SitePages/Dashboard.aspx',
    hubTab,
    ...overrides,
  };
}

function actionUrls(card: AdaptiveCardJson): string[] {
  return elements(card).filter((n) => n.type === 'Action.OpenUrl').map((n) => String(n.url));
}

describe('deep link into the hub tab', () => {
  test('names the app, the personal tab and the procurement as subEntityId, URL-encoded', () => {
    const url = hubTabDeepLink(hubTab, 'WMCA-2026-0042 & "x"#1');
    expect(url.startsWith(`https://teams.microsoft.com/l/entity/${TEAMS_APP_ID}/socialvaluehub?context=`)).toBe(true);
    const context = new URL(url).searchParams.get('context')!;
    expect(JSON.parse(context)).toEqual({ subEntityId: 'WMCA-2026-0042 & "x"#1' });
    expect(url).not.toMatch(/[ "{}#]/);
  });
});

describe('success card', () => {
  test('is a valid 1.5 card with the delivery, the £ value, badges and a deep link to the procurement', () => {
    const card = buildSuccessCard(success());
    expectValidCard(card);
    expect(card.version).toBe('1.5');
    const text = [...markdownTexts(card), ...runTexts(card)].join('\n');
    expect(text).toContain('Bus shelter maintenance, Coventry');
    expect(text).toContain('WMCA-2026-0042');
    expect(text).toContain('Shelter Works CIC');
    expect(text).toContain('Growth, Skills and Employment');
    expect(text).toContain('104 weeks');
    expect(text).toContain(formatPounds(3_456_789, { pence: false }));
    expect(text).toContain('£34,568');
    expect(text).toContain('50% of 208 weeks delivered to date');
    expect(text).toContain('Q1 2026-27 (April to June 2026)');
    expect(text).toContain('Daniel Hughes, 14 July 2026');
    expect(text).toContain('“Two apprentices from Foleshill started with us this quarter.”');
    expect(markdownTexts(card)).toEqual(expect.arrayContaining(['SME', 'VCSE', 'West Midlands']));
    expect(actionUrls(card)).toEqual([hubTabDeepLink(hubTab, 'WMCA-2026-0042'), 'https://svhub.example/case-studies/42']);
  });

  test('with the proxy, the £ value shows how it was worked out', () => {
    const card = buildSuccessCard(success({ outcome: { quantity: 2.5, valuePence: 4233, proxyPence: 1693, periodEnd: '2026-06-30' }, measure: { code: 'GSE-05', text: 'Volunteering hours', unit: 'hours' } }));
    expectValidCard(card);
    expect(runTexts(card)).toContain('£42.33 (2.5 hours × £16.93)');
  });

  test('a record-only measure has no £ line, and a non-https case study link is left out', () => {
    const card = buildSuccessCard(success({ outcome: { quantity: 3, periodEnd: '2026-03-31' }, caseStudyUrl: 'javascript:alert(1)', supplier: { name: 'Big Co plc', isSme: false, isVcse: false } }));
    expectValidCard(card);
    const text = runTexts(card).join('\n');
    expect(text).not.toContain('£');
    expect(actionUrls(card)).toHaveLength(1);
    expect(markdownTexts(card)).not.toContain('SME');
  });
});

describe('taskforce update card', () => {
  test('shows committed vs delivered for every theme and all themes, never only one total', () => {
    const card = buildUpdateCard(update());
    expectValidCard(card);
    const texts = markdownTexts(card);
    for (const theme of THEMES) expect(texts).toContain(theme.label);
    expect(texts).toContain('All themes');
    expect(texts).toContain('£500,000'); // growth committed
    expect(texts).toContain('£123,456'); // growth delivered, rounded to pounds
    expect(texts).toContain('£620,000'); // all committed
    expect(texts).toContain('£148,457'); // all delivered: 12,345,600 + 2,500,050 pence
    expect(texts).toContain('125%'); // environment over-delivered
    const runs = runTexts(card).join('\n');
    expect(runs).toContain('Pedal Co Ltd (SME)');
    expect(runs).toContain('WMCA-2026-0042 Bus shelters — Shelter Works CIC: £34,568 verified (Growth, Skills and Employment; Protecting and Improving our Environment)');
    expect(runs).toContain('Red: WMCA-2025-0007 Depot retrofit — Tonnes CO2e saved, 12 tonnes CO2e of 100 tonnes CO2e verified, due 30 September 2026');
    expect(actionUrls(card)).toEqual(['https://svhub.example/sites/socialvalue/SitePages/Dashboard.aspx', hubTabDeepLink(hubTab)]);
  });

  test('leads with people and other outcomes delivered, before the £', () => {
    const card = buildUpdateCard(update({ outcomes: [{ quantity: '12 FTE', outcome: 'More local people in work' }, { quantity: '104 weeks', outcome: 'Skills through apprenticeships' }] }));
    expectValidCard(card);
    const runs = runTexts(card);
    expect(runs).toEqual(expect.arrayContaining(['12 FTE · More local people in work', '104 weeks · Skills through apprenticeships']));
    const texts = markdownTexts(card);
    expect(texts.indexOf('Delivered and verified')).toBeLessThan(texts.indexOf('Committed and delivered (verified) social value by theme'));
    expect(markdownTexts(buildUpdateCard(update()))).toContain('No outcomes verified this period yet.');
  });

  test('empty sections say so', () => {
    const none = themeAmounts(totalsByTheme([]), totalsByTheme([]));
    const card = buildUpdateCard(update({ newAwards: [], topSuccesses: [], atRisk: [], ...none }));
    expectValidCard(card);
    expect(markdownTexts(card)).toEqual(expect.arrayContaining(['No new awards this period.', 'No verified successes this period yet.', 'No commitments at risk.']));
  });

  test('long lists are cut with "and N more" and the card stays within the message limit', () => {
    const long = 'A very long procurement title that goes on and on '.repeat(20);
    const many = update({
      newAwards: Array.from({ length: 400 }, (_, i) => ({ reference: `WMCA-2026-${1000 + i}`, title: long, supplier: { name: long, isSme: i % 2 === 0, isVcse: i % 3 === 0 }, awardValuePence: 100_000 * i })),
      topSuccesses: Array.from({ length: 300 }, (_, i) => ({ reference: `WMCA-2026-${i}`, title: long, supplierName: long, verifiedPence: i * 100, verifiedByTheme: [{ themeId: THEMES[i % 6].id, pence: i * 100 }] })),
      atRisk: Array.from({ length: 250 }, (_, i) => ({ procurementReference: `WMCA-2025-${i}`, title: long, measureCode: 'GSE-01', measureText: long, rag: 'Amber' as const, dueDate: '2026-12-31' })),
    });
    const card = buildUpdateCard(many);
    expectValidCard(card);
    expect(estimateMessageBytes(card)).toBeLessThanOrEqual(CARD_MESSAGE_BUDGET_BYTES);
    const notes = markdownTexts(card).filter((t) => /^and \d+ more/.test(t));
    expect(notes).toHaveLength(3);
    expect(notes[0]).toMatch(/^and 39\d more awards in the hub$/);
  });

  test('refuses a dashboard link that is not https', () => {
    expect(() => buildUpdateCard(update({ dashboardUrl: 'javascript:alert(1)' }))).toThrow(/https/);
  });
});

describe('card links where the Teams app id is or is not known (src/app/hubLinks.ts)', () => {
  // Microsoft Learn, "Deep link to an application": /l/entity/<appId>/<entityId>?webUrl=<entityWebUrl>&label=<entityLabel>
  // &context=<context>, every query parameter URI-encoded, context a JSON object with subEntityId.
  const catalogId = '0f9c3a52-6b1e-4d7a-9e38-2c4b5d6e7f80';
  const page = 'https://svhub.example/sites/socialvalue/SitePages/Hub.aspx';
  const documented = /^https:\/\/teams\.microsoft\.com\/l\/entity\/([^/?#]+)\/([^/?#]+)\?(webUrl=[^&#]+&)?(label=[^&#]+&)?context=[^&#]+$/;

  test('with the org catalog id: the documented entity link, the page as its webUrl fallback, all URI-encoded', () => {
    const url = hubLink({ tab: { ...hubTab, appId: catalogId, label: 'Social Value Hub' }, webUrl: page }, 'WMCA-2026-0042 & "x"#1');
    const shape = documented.exec(url);
    expect(shape).not.toBeNull();
    expect(shape![1]).toBe(catalogId);
    expect(shape![2]).toBe('socialvaluehub');
    const query = new URL(url).searchParams;
    expect(JSON.parse(query.get('context')!)).toEqual({ subEntityId: 'WMCA-2026-0042 & "x"#1' });
    expect(query.get('label')).toBe('Social Value Hub');
    expect(query.get('webUrl')).toBe(`${page}#/procurement/WMCA-2026-0042%20%26%20%22x%22%231`);
    expect(url).not.toMatch(/[ "{}#]/);
  });

  test('without a Teams app id: the SharePoint page, whose hash the hub reads as the same procurement or the dashboard', () => {
    const target = { webUrl: `${page}#/settings` };
    const procurement = hubLink(target, 'WMCA-2026-0042 & "x"#1');
    expect(procurement.startsWith(`${page}#/procurement/`)).toBe(true);
    expect(routeFromHash(new URL(procurement).hash)).toEqual({ screen: 'procurement', reference: 'WMCA-2026-0042 & "x"#1' });
    expect(routeFromHash(new URL(hubLink(target, DASHBOARD_SUB_ENTITY)).hash)).toEqual({ screen: 'dashboard' });
    expect(hubLink(target)).toBe(page);
  });

  test('stays within the 1,900 characters Teams parses on Windows by leaving out the webUrl fallback, never the procurement', () => {
    const longPage = `https://svhub.example/sites/${'a'.repeat(1900)}/SitePages/Hub.aspx`;
    const url = hubLink({ tab: { ...hubTab, appId: catalogId }, webUrl: longPage }, 'WMCA-2026-0042');
    expect(url.length).toBeLessThanOrEqual(TEAMS_DEEP_LINK_MAX_CHARS);
    expect(new URL(url).searchParams.get('webUrl')).toBeNull();
    expect(JSON.parse(new URL(url).searchParams.get('context')!)).toEqual({ subEntityId: 'WMCA-2026-0042' });
  });

  test('the success and update cards carry the page link when no Teams app id is known', () => {
    const card = buildSuccessCard({ ...success(), hubTab: { webUrl: page } });
    expect(actionUrls(card)[0]).toBe(`${page}#/procurement/WMCA-2026-0042`);
    expectValidCard(card);
  });

  test('refuses to build a link with neither an app id nor a page', () => {
    expect(() => hubLink({})).toThrow(/Teams app id or the SharePoint page/);
  });
});
