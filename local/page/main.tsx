// The local host: what the web part does in SharePoint/Teams, done for a plain page.
// It builds the same services against the local server and renders the same <App/>.
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { App } from '../../src/ui/App';
import type { HubServices } from '../../src/ui/services';
import { hostThemeFromTeams } from '../../src/teams/hostTheme';
import { createLocalSp } from '../../src/data/sharepoint/spfi';
import { createSharePointData } from '../../src/data/sharepoint';
import { Client } from '@microsoft/microsoft-graph-client';

const siteUrl = `${window.location.origin}/sites/socialvalue`;
const params = new URLSearchParams(window.location.search);
// ?theme=dark|contrast previews the Teams themes locally.
const theme = hostThemeFromTeams(params.get('theme') ?? undefined);

async function main(): Promise<void> {
  const data = createSharePointData(createLocalSp(siteUrl));
  const root = document.getElementById('root');
  let services: HubServices;
  try {
    const me = await data.users.current();
    services = {
      host: 'local',
      siteUrl,
      user: { displayName: me.displayName, email: me.email, canManageSite: me.isSiteAdmin },
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
  } catch {
    services = { host: 'local', siteUrl, user: { displayName: 'Local user', email: '' } };
  }
  ReactDom.render(<App services={services} theme={theme} />, root);
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
