// /_local/viva: the Viva Connections card from the local site's data, through the same read (one to three $batch
// requests), content and words as the ACE, drawn by the official Adaptive Cards renderer (the `adaptivecards`
// package). The card view is drawn as an Adaptive Card of the same words (SharePoint draws the real one from the
// ACE's card view components); the quick view is the very card the ACE hands SharePoint.
import * as AC from 'adaptivecards';
import * as strings from 'SocialValueHubStrings';
import { createLocalSp } from '../../src/data/sharepoint/spfi';
import { createSharePointData } from '../../src/data/sharepoint';
import { loadVivaCard } from '../../src/app/vivaCard';
import type { VivaCard } from '../../src/app/vivaCard';
import { todayIso } from '../../src/app/deliveryFigures';
import { resolveHubLinks } from '../../src/app/hubLinks';
import { readTenantProperty } from '../../src/data/sharepoint/tenantSettings';
import { cardViewPreview, vivaCardViewWords, vivaQuickView, DEFAULT_VIVA_OPTIONS } from '../../src/teams/cards/vivaCard';
import type { HubLinkTarget } from '../../src/teams/deepLinks';

const params = new URLSearchParams(window.location.search);
const dark = params.get('theme') === 'dark';
const siteUrl = `${window.location.origin}/sites/socialvalue`;

/** Teams-like colours for the renderer, light or dark. */
function hostConfig(): AC.HostConfig {
  const fg = dark ? { default: '#FFFFFF', subtle: '#D6D6D6' } : { default: '#242424', subtle: '#616161' };
  return new AC.HostConfig({
    fontFamily: '"Segoe UI", system-ui, sans-serif',
    supportsInteractivity: true,
    // The card's headings sit under the page's section headings (h2): the renderer gives them this aria-level.
    textBlock: { headingLevel: 3 },
    containerStyles: {
      default: { backgroundColor: dark ? '#292929' : '#FFFFFF', foregroundColors: { default: fg, accent: { default: dark ? '#7F85F5' : '#5B5FC7', subtle: dark ? '#AAB1FA' : '#444791' } } },
      emphasis: { backgroundColor: dark ? '#1F1F1F' : '#F5F5F5', foregroundColors: { default: fg } },
    },
  });
}

// Our TextBlocks hold our own words, and user text arrives in TextRuns: render TextBlocks as escaped plain text.
AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
  result.didProcess = true;
};

function rendered(json: object): HTMLElement {
  const card = new AC.AdaptiveCard();
  card.hostConfig = hostConfig();
  card.onExecuteAction = (action) => {
    if (action instanceof AC.OpenUrlAction && action.url && /^https?:/i.test(action.url)) window.open(action.url, '_blank', 'noopener');
  };
  card.parse(json);
  const element = card.render();
  if (!element) throw new Error('The Adaptive Cards renderer drew nothing.');
  return element;
}

function section(id: string, title: string, className: string, json: object): HTMLElement {
  const s = document.createElement('section');
  s.setAttribute('aria-labelledby', id);
  const h = document.createElement('h2');
  h.id = id;
  h.textContent = title;
  const frame = document.createElement('div');
  frame.className = `card ${className}`;
  frame.appendChild(rendered(json));
  s.append(h, frame);
  return s;
}

/** Who the local site takes the person to be, with the switch the demo offers (officer, approver, taskforce member). */
async function controls(): Promise<void> {
  const box = document.getElementById('controls');
  if (!box) return;
  const answer = (await (await fetch('/_local/user')).json()) as { user: { Email?: string; email?: string; Title?: string; title?: string }; demoUsers: { alias: string; title: string; email: string; jobTitle: string }[] };
  const label = document.createElement('label');
  label.textContent = 'Signed in as ';
  const select = document.createElement('select');
  const me = (answer.user.Email || answer.user.email || '').toLowerCase();
  for (const u of answer.demoUsers.filter((d) => d.alias !== 'workflow')) {
    const o = document.createElement('option');
    o.value = u.alias;
    o.textContent = `${u.title} (${u.jobTitle})`;
    o.selected = u.email.toLowerCase() === me;
    select.appendChild(o);
  }
  select.addEventListener('change', () => {
    fetch('/_local/user', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: select.value }) })
      .then(() => window.location.reload())
      .catch(() => undefined);
  });
  label.appendChild(select);
  const theme = document.createElement('a');
  theme.href = dark ? '/_local/viva' : '/_local/viva?theme=dark';
  theme.textContent = dark ? 'Light theme' : 'Dark theme';
  box.append(label, theme);
}

async function main(): Promise<void> {
  if (dark) document.body.classList.add('dark');
  controls().catch(() => undefined);
  const sp = createLocalSp(siteUrl);
  const readTenant = (key: string): Promise<string | undefined> => readTenantProperty(createLocalSp(siteUrl), key);
  const [content, links] = await Promise.all([
    loadVivaCard(createSharePointData(sp).vivaCard, todayIso()),
    resolveHubLinks(readTenant, `${window.location.origin}/`).catch((): HubLinkTarget => ({ webUrl: `${window.location.origin}/` })),
  ]);
  show(content, links);
}

function show(content: VivaCard, links: HubLinkTarget): void {
  const main = document.getElementById('cards');
  if (!main) return;
  main.textContent = '';
  main.append(
    section('medium-heading', 'Medium card', 'medium', cardViewPreview(vivaCardViewWords(content, DEFAULT_VIVA_OPTIONS, 'Medium'), links)),
    section('large-heading', 'Large card', 'large', cardViewPreview(vivaCardViewWords(content, DEFAULT_VIVA_OPTIONS, 'Large'), links)),
    section('quick-heading', 'Quick view', 'quick', vivaQuickView(content, links, DEFAULT_VIVA_OPTIONS)),
  );
}

main().catch((e: unknown) => {
  const main = document.getElementById('cards');
  if (main) main.textContent = `${strings.Viva.Failed}: ${e instanceof Error ? e.message : String(e)}`;
});
