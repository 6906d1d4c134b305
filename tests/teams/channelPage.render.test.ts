/** @jest-environment jsdom */
// The channel page in a DOM: the official Adaptive Cards renderer draws each posted card, as Teams would.
import fs from 'node:fs';
import { CHANNEL_SCRIPT, findAdaptiveCardsBundle, renderChannelPage } from '../../local/graph/channelPage';
import { DEMO_TASKFORCE_CHANNEL_ID, DEMO_TEAMS } from '../../local/graph';
import { MessageStore } from '../../local/graph/store';
import { buildSuccessCard } from '../../src/teams/cards';
import { buildCardMessage } from '../../src/teams/posting';

// jsdom has no innerText, which the renderer sets for text; in browsers it is plain text, like textContent.
Object.defineProperty(HTMLElement.prototype, 'innerText', {
  configurable: true,
  get(this: HTMLElement): string {
    return this.textContent || '';
  },
  set(this: HTMLElement, value: string) {
    this.textContent = value;
  },
});

test('posted cards render with the adaptivecards library, user text as text', () => {
  const team = DEMO_TEAMS[0];
  const store = new MessageStore(undefined);
  const card = buildSuccessCard({
    procurement: { reference: 'WMCA-2026-0042', title: 'Bus shelters <img src=x onerror="window.pwned=1">' },
    supplier: { name: 'Shelter Works CIC', isSme: true, isVcse: false },
    themeId: 'environment',
    measure: { code: 'ENV-02', text: 'Trees planted', unit: 'count' },
    outcome: { quantity: 250, valuePence: 125_000, periodEnd: '2026-06-30' },
    verifiedBy: 'Daniel Hughes',
    hubTab: { appId: 'app', entityId: 'socialvaluehub' },
  });
  const message = buildCardMessage(JSON.stringify(card));
  const posted = store.add(team.id, DEMO_TASKFORCE_CHANNEL_ID, undefined, { id: 'u', displayName: 'Priya Sandhu' }, message.body, message.attachments.map((a) => ({ ...a, name: null, thumbnailUrl: null })));
  store.add(team.id, DEMO_TASKFORCE_CHANNEL_ID, posted.id, { id: 'u2', displayName: 'Sam Barker' }, { contentType: 'text', content: 'Great news' }, []);

  const html = renderChannelPage({ team, channelId: DEMO_TASKFORCE_CHANNEL_ID, messages: store.messages(team.id, DEMO_TASKFORCE_CHANNEL_ID).map((m) => ({ message: m, replies: store.replies(team.id, DEMO_TASKFORCE_CHANNEL_ID, m.id) })) }, DEMO_TEAMS);
  document.open();
  document.write(html.replace(/<script src="[^"]*"><\/script>/g, ''));
  document.close();
  // What the page's two script tags load, run in this window.
  const bundle = fs.readFileSync(findAdaptiveCardsBundle()!, 'utf8');
  window.eval(bundle);
  window.eval(CHANNEL_SCRIPT);

  const slot = document.querySelector('[data-card-index="0"]')!;
  expect(slot.getAttribute('data-rendered')).toBe('true');
  expect(slot.classList.contains('error')).toBe(false);
  const text = slot.textContent || '';
  expect(text).toContain('Social value delivered');
  expect(text).toContain('Bus shelters');
  // A count reads as the number alone (the domain's formatQuantity), not "250 count".
  expect(text).toContain('Delivered250Social value');
  expect(text).toContain('£1,250');
  expect(text).toContain('Open in the Social Value Hub');
  expect(slot.querySelector('img')).toBeNull();
  expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  expect(document.querySelector('.replies')!.textContent).toContain('Great news');
});
