// The local host: what the web part does in SharePoint/Teams, done for a plain page.
// It builds the same services against the local server and renders the same <App/>.
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { App } from '../../src/ui/App';
import type { HubServices } from '../../src/ui/services';
import { hostThemeFromTeams } from '../../src/teams/hostTheme';

const siteUrl = `${window.location.origin}/sites/socialvalue`;
const params = new URLSearchParams(window.location.search);
// ?theme=dark|contrast previews the Teams themes locally.
const theme = hostThemeFromTeams(params.get('theme') ?? undefined);

async function currentUser(): Promise<HubServices['user']> {
  try {
    const response = await fetch(`${siteUrl}/_api/web/currentuser`, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(String(response.status));
    const user = (await response.json()) as { Title: string; Email: string };
    return { displayName: user.Title, email: user.Email };
  } catch {
    return { displayName: 'Local user', email: '' };
  }
}

async function main(): Promise<void> {
  const services: HubServices = { host: 'local', siteUrl, user: await currentUser() };
  ReactDom.render(<App services={services} theme={theme} />, document.getElementById('root'));
}

void main();
