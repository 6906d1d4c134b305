// The local host: what the web part does in SharePoint/Teams, done for a plain page.
// It builds the same services against the local server and renders the same <App/>.
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { App } from '../../src/ui/App';
import type { HubServices } from '../../src/ui/services';
import { hostThemeFromTeams } from '../../src/teams/hostTheme';
import type { PageDigest } from '../../src/data/sharepoint/spfi';
import { canManageHubSite, sameSite } from '../../src/app/hubSite';
import { siteAdapters } from '../../src/app/siteAdapters';
import type { OpeningRead } from '../../src/data/sharepoint/opening';
import { landingOf, landingQueries, openingPages } from '../../src/app/firstPages';
import { Client } from '@microsoft/microsoft-graph-client';
import { letAskedRequestsLeave } from '../../src/data/sharepoint/requestTurns';

const params = new URLSearchParams(window.location.search);
// ?personal plays the Teams personal app: SPFx hosts it on the tenant's root site, with no web part property, so
// the lists' site comes from the tenant property SocialValueHubSiteUrl (src/app/hubSite.ts). Otherwise the page
// is a page on the hub's own site.
const hostSiteUrl = params.has('personal') ? window.location.origin : `${window.location.origin}/sites/socialvalue`;
// ?theme=dark|contrast previews the Teams themes locally.
const theme = hostThemeFromTeams(params.get('theme') ?? undefined);

/** What the local server puts in the page, as SharePoint does (_spPageContextInfo; SPFx's legacyPageContext). */
interface PageContextInfo {
  webAbsoluteUrl?: string;
  formDigestValue?: string;
  formDigestTimeoutSeconds?: number;
  userId?: unknown;
  userEmail?: string;
  userDisplayName?: string;
}
const pageContextInfo = (window as { _spPageContextInfo?: PageContextInfo })._spPageContextInfo;

/** The page's digest: no /_api/contextinfo before the first POST. */
function pageDigest(): PageDigest | undefined {
  const info = pageContextInfo;
  if (!info?.webAbsoluteUrl || !info.formDigestValue || !info.formDigestTimeoutSeconds) return undefined;
  return { webUrl: info.webAbsoluteUrl, value: info.formDigestValue, timeoutSeconds: info.formDigestTimeoutSeconds };
}

async function main(): Promise<void> {
  // The opening's batch and workflows: a chunk fetched now, as the web part fetches its 'hub-opening' chunk before
  // its batch can leave (see hostOpening.ts). The shell (header, spinner) shows meanwhile: see App.
  preloadFirstScreen();
  // Where the page opens: the hub's register, or elsewhere in the hub for a deep link in the hash.
  const landing = landingOf('hub', window.location.hash);
  const opener = import(/* webpackChunkName: 'hub-opening' */ './hostOpening');
  const root = document.getElementById('root');
  const show = (services?: HubServices): void => {
    ReactDom.render(<App services={services} theme={theme} signedInAs={pageContextInfo?.userDisplayName} />, root);
  };
  show();
  // The opening's one $batch (src/app/opening.ts): to the host's site at once, with the tenant property that may
  // name another site for the lists. The page's own digest spares the /_api/contextinfo a POST would ask first.
  const digest = pageDigest();
  const pageDigestFor = (url: string): PageDigest | undefined => (digest && sameSite(digest.webUrl, url) ? digest : undefined);
  // The rest of the data layer (hostData.ts), as the web part's 'hub-data': when first asked for, or sooner below.
  const { adapterFor, fetchTheRest, fetchTheRestAfter } = siteAdapters<OpeningRead>({
    opening: (url, o) => opener.then((m) => m.readOpening(m.createLocalSp(url, { pageDigest: pageDigestFor(url) }), o)),
    rest: () => Promise.all([import(/* webpackChunkName: 'hub-data' */ './hostData'), opener]).then(([d, m]) => (url, opened) => d.createSharePointData(m.createLocalSp(url, { pageDigest: pageDigestFor(url) }), { opened })),
  });
  // A first screen other than the register's first page (a deep link) reads beyond the batch at once.
  if (landing !== 'register') fetchTheRest();
  const { createLocalSp, canManageWeb, readTenantProperty, openedHubData, openHubSite, resolveHubLinks, setHubLinks } = await opener;
  // The page's user on its site: the landing screen's first pages can then go with the opening's batch.
  const pages = openingPages(pageContextInfo?.userId, pageContextInfo?.userEmail, landing);
  const opening = openHubSite({
    hostSiteUrl,
    adapterFor,
    readTenant: (key) => readTenantProperty(createLocalSp(hostSiteUrl), key),
    pages,
  });
  opening.catch(() => undefined); // main's own await reports it
  // Who the user is: the page says, else the batch's answer (or SharePoint, if the batch could not say).
  const me = opening.then(({ adapter, read }) => read.then((a) => a.user ?? adapter.data.users.current(), () => adapter.data.users.current()));
  me.catch(() => undefined);
  // The register's first page and the approver's queue: carried by the batch when the page knew its user, else
  // started when the batch lands. The screens ask with the same e-mail, so they are served these.
  const email = pages ? Promise.resolve(pages.user.email) : me.then((m) => m.email);
  // The screens' data, the same object before and after the opening lands (src/app/opening.ts).
  const data = openedHubData(opening, email.then((e) => landingQueries(e, landing)));
  setHubLinks(data, () => opening.then((o) => resolveHubLinks(o.readTenant, window.location.href.replace(/#.*$/, ''))));
  const local = {
    host: 'local' as const,
    data,
    drafts: window.localStorage,
    // The local server answers Graph's channel calls as the Teams taskforce channel would (local/graph).
    graph: Client.init({ baseUrl: window.location.origin, defaultVersion: 'v1.0', authProvider: (done) => done(undefined, 'local') }),
    // The local server plays SharePoint's sign-in: switch between the demo people (officer, manager, admin).
    switchUser: async (login: string) => {
      await fetch('/_local/user', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login }) });
      window.location.reload();
    },
  };
  if (pages) {
    // The batch has left: the hub's frame renders while the local server answers, with what the page knows.
    await letAskedRequestsLeave();
    show({ ...local, siteUrl: hostSiteUrl, user: { displayName: pageContextInfo?.userDisplayName ?? pages.user.email, email: pages.user.email } });
  }
  const { site, read } = await opening;
  // The register's first page came with the batch: the rest of the data layer follows once it is drawn.
  if (landing === 'register') fetchTheRestAfter(read);
  const siteUrl = site.url;
  let services: HubServices;
  try {
    const [who, userEmail] = await Promise.all([me, email]);
    // No host page permissions here: SharePoint is asked about the lists' site, as the web part does off its site.
    const canManageSite = await read.then(
      (a) => a.canManageSite ?? canManageHubSite(site, { siteUrl: hostSiteUrl }, (url) => canManageWeb(createLocalSp(url))),
      () => canManageHubSite(site, { siteUrl: hostSiteUrl }, (url) => canManageWeb(createLocalSp(url))),
    );
    services = {
      ...local,
      siteUrl,
      hubSite: site,
      user: { displayName: who.displayName, email: userEmail, canManageSite, canVerify: await read.then((a) => a.canVerify, () => undefined) },
    };
  } catch {
    services = { host: 'local', siteUrl, hubSite: site, user: { displayName: 'Local user', email: '' } };
  }
  // The register's first page and the approver's queue leave before the next render holds the page's thread.
  await letAskedRequestsLeave();
  show(services);
}

/**
 * The first screen's chunks and the chunks they import, fetched together (local/build.mjs lists them in the page), as
 * SPFx's webpack runtime fetches a lazy chunk with everything it needs; ES modules would find each import a round
 * trip later.
 */
function preloadFirstScreen(): void {
  let chunks: unknown;
  try {
    chunks = JSON.parse(document.getElementById('first-screen-chunks')?.textContent ?? '[]');
  } catch {
    return;
  }
  if (!Array.isArray(chunks)) return;
  for (const href of chunks) {
    if (typeof href !== 'string') continue;
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    document.head.appendChild(link);
  }
}

// ?blank renders nothing: the same page with the same bundle loaded and run, the baseline of the tab-open
// benchmark (npm run bench -- tabOpen). It marks <body data-blank="ready"> once this script has run.
if (params.has('blank')) {
  document.body.dataset.blank = 'ready';
} else {
  main().catch((error: unknown) => {
    // Last resort: the App shows data errors itself; this is for a page that could not start at all.
    document.body.textContent = `The hub could not start: ${String(error)}`;
  });
}
