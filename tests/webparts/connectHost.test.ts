// The web parts' start (src/webparts/hostServices.ts connectHost) with SPFx's context played by a plain object, over
// real PnPjs and HTTP to the local server: what each web part asks SharePoint for as it opens. The hub's opening
// batch carries the officer's register page and approval queue; the dashboard's carries neither, and nothing asks
// for them after it (issue 18: on the regional portal every visit paid for a queue no one sees).
//
// SPFx's page-context package runs only in SharePoint's page; connectHost reads one enum member from it. (This
// project's transform does not hoist jest.mock above imports, so the module under test is required after it.)
jest.mock('@microsoft/sp-page-context', () => ({ SPPermission: { manageWeb: 'manageWeb' } }));
import type { WebPartContext } from '@microsoft/sp-webpart-base';
import type { HostSession } from '../../src/webparts/hostServices';
import { createLocalSp } from '../../src/data/sharepoint';
import { awaitingMyApprovalQuery } from '../../src/app/firstPages';
import { formDigest } from '../support/localServer';
import { sentWhile } from '../support/sentRequests';
import { memoryStorage } from '../support/memoryHubData';
import { OFFICER, startHub } from '../data/fixtures';
import type { Hub } from '../data/fixtures';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { connectHost } = require('../../src/webparts/hostServices') as typeof import('../../src/webparts/hostServices');

jest.setTimeout(90_000);

/** What SharePoint was asked while `run` ran: each request's method and path, and each $batch part's GET line. */
async function askedWhile<T>(run: () => Promise<T>): Promise<{ value: T; asked: string[] }> {
  const { value, sent } = await sentWhile(run);
  const asked = sent.flatMap((r) => {
    const path = decodeURIComponent(r.url.pathname + r.url.search);
    if (!path.endsWith('/_api/$batch') || r.body === undefined) return [`${r.method} ${path}`];
    return r.body.split('\n').filter((line) => line.startsWith('GET ')).map((line) => `batch: ${decodeURIComponent(line.replace(/\+/g, ' '))}`);
  });
  return { value, asked };
}

/** SPFx's context on a page of the hub's site, as connectHost reads it: the page's user, their site id, its digest. */
function pageContextFor(siteUrl: string, user: { id: number; email: string; displayName: string }, digest: string): WebPartContext {
  return {
    pageContext: {
      web: { absoluteUrl: siteUrl, permissions: { hasPermission: () => false } },
      user: { email: user.email, displayName: user.displayName },
      legacyPageContext: { userId: user.id, formDigestValue: digest, formDigestTimeoutSeconds: 1800 },
    },
    sdks: {},
  } as unknown as WebPartContext;
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 200));
// The officer's approval queue and register page, by their filters (the person columns by the site user's id).
const queueAsked = (asked: string[]): string[] => asked.filter((a) => /\$filter=.*ApproverId eq \d+.*Awaiting approval/.test(a));
const registerAsked = (asked: string[]): string[] => asked.filter((a) => /\$filter=LeadOfficerId eq \d+/.test(a));

describe('connectHost: what each web part asks SharePoint for as it opens', () => {
  let hub: Hub;
  let context: WebPartContext;
  const savedWindow = (globalThis as { window?: unknown }).window;

  beforeAll(async () => {
    hub = await startHub({ user: 'officer' });
    const me = await createLocalSp(hub.server.siteUrl).web.currentUser<{ Id: number }>();
    context = pageContextFor(hub.server.siteUrl, { id: me.Id, ...OFFICER }, await formDigest(hub.server.siteUrl));
  });
  afterAll(async () => {
    await hub.server.stop();
  });
  beforeEach(() => {
    // The page's window as connectHost reads it: no deep link in the hash, drafts in the browser's storage.
    (globalThis as { window?: unknown }).window = { location: { hash: '', href: `${hub.server.siteUrl}/SitePages/Hub.aspx` }, localStorage: memoryStorage() };
  });
  afterEach(() => {
    (globalThis as { window?: unknown }).window = savedWindow;
  });

  /** Opens a web part and then asks for what every first screen asks (the settings, answered by the opening). */
  async function open(shows: 'hub' | 'dashboard', hash = ''): Promise<{ session: HostSession; asked: string[] }> {
    (globalThis as { window: { location: { hash: string } } }).window.location.hash = hash;
    const { value: session, asked } = await askedWhile(async () => {
      const s = await connectHost(context, { shows, onThemeChange: () => undefined });
      await s.services.data?.settings.all();
      await settle();
      return s;
    });
    return { session, asked };
  }

  it('the hub: one $batch carries the officer\'s register page and approval queue, and neither is asked again', async () => {
    const { session, asked } = await open('hub');
    expect(session.services.hubSite?.url).toBe(hub.server.siteUrl);
    expect(registerAsked(asked)).toHaveLength(1);
    expect(registerAsked(asked)[0]).toMatch(/^batch: /);
    expect(queueAsked(asked)).toHaveLength(1);
    expect(queueAsked(asked)[0]).toMatch(/^batch: /);
    // Served from the batch: the nav's own read of the queue asks SharePoint nothing more.
    const { asked: after } = await askedWhile(() => Promise.resolve(session.services.data?.procurements.query(awaitingMyApprovalQuery(OFFICER.email))));
    expect(after).toEqual([]);
  });

  it('the dashboard: no register page and no approval queue, in the batch or after it', async () => {
    const { session, asked } = await open('dashboard');
    expect(session.services.hubSite?.url).toBe(hub.server.siteUrl);
    // The opening's batch went (its parts are listed), without the hub's first pages.
    expect(asked.some((a) => a.startsWith('batch: GET'))).toBe(true);
    expect(queueAsked(asked)).toEqual([]);
    expect(registerAsked(asked)).toEqual([]);
  });

  it('the hub opened by a deep link: the batch carries the approval queue (the nav counts it) but not the register page', async () => {
    const { asked } = await open('hub', '#/procurement/WMCA-2026-0042');
    expect(queueAsked(asked)).toHaveLength(1);
    expect(queueAsked(asked)[0]).toMatch(/^batch: /);
    expect(registerAsked(asked)).toEqual([]);
  });
});
