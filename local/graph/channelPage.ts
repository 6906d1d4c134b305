// The local channel page: posted cards rendered by the official Adaptive Cards renderer (the
// `adaptivecards` package's browser bundle), newest last, each with its replies — what taskforce
// members would see in Teams. Everything taken from messages is escaped; card JSON travels in a
// JSON script block with "<" escaped, and is rendered by the library, never as HTML.
import fs from 'node:fs';
import path from 'node:path';
import type { SinkTeam } from './demo';
import type { ChatMessage } from './store';

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** JSON safe inside <script>: no "</script>", no HTML comments, no line separators that end a JS string. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A message body as text: tags (and attachment placeholders) removed, entities decoded once. */
function bodyText(message: ChatMessage): string {
  const text = message.body.contentType === 'html' ? message.body.content.replace(/<[^>]*>/g, ' ') : message.body.content;
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

const WHEN = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });

function renderMessage(message: ChatMessage, replies: ChatMessage[], cards: unknown[], isReply: boolean): string {
  const parts: string[] = [];
  const text = bodyText(message);
  if (text) parts.push(`<p class="text">${escapeHtml(text)}</p>`);
  for (const a of message.attachments) {
    if (a.contentType !== ADAPTIVE_CARD || typeof a.content !== 'string') continue;
    let card: unknown;
    try {
      card = JSON.parse(a.content);
    } catch {
      parts.push('<p class="error">This card is not valid JSON.</p>');
      continue;
    }
    cards.push(card);
    parts.push(`<div class="card" data-card-index="${cards.length - 1}"><noscript>Cards need JavaScript to render.</noscript></div>`);
  }
  const when = WHEN.format(new Date(message.createdDateTime));
  const head = `<div class="meta"><span class="author">${escapeHtml(message.from.user.displayName)}</span> <time datetime="${escapeHtml(message.createdDateTime)}">${escapeHtml(when)}</time></div>`;
  const thread = replies.length
    ? `<ol class="replies" aria-label="Replies">${replies.map((r) => renderMessage(r, [], cards, true)).join('')}</ol>`
    : '';
  const cls = isReply ? 'reply' : 'message';
  return `<li class="${cls}" id="m-${escapeHtml(message.id)}" data-message-id="${escapeHtml(message.id)}">${head}${parts.join('')}${thread}</li>`;
}

export interface ChannelPageInput {
  team: SinkTeam;
  channelId: string;
  messages: { message: ChatMessage; replies: ChatMessage[] }[];
}

const STYLE = `
body{font-family:"Segoe UI",system-ui,sans-serif;margin:0;background:#f5f5f5;color:#242424}
header{background:#464775;color:#fff;padding:12px 24px}
header h1{font-size:18px;margin:0}
header p{margin:4px 0 0;font-size:13px}
nav a{color:#fff;margin-right:16px}
nav a[aria-current=page]{font-weight:600}
main{max-width:760px;margin:0 auto;padding:16px}
ol{list-style:none;padding:0;margin:0}
.message{background:#fff;border-radius:4px;margin:0 0 16px;padding:12px 16px;box-shadow:0 1px 2px rgba(0,0,0,.15)}
.reply{border-top:1px solid #e0e0e0;padding:8px 0 0;margin-top:8px}
.replies{margin-left:24px}
.meta{font-size:13px;color:#616161;margin-bottom:6px}
.author{font-weight:600;color:#242424}
.card{border:1px solid #e0e0e0;border-radius:4px;overflow:hidden}
.error{color:#a4262c}
.empty{color:#616161}
`;

export function renderChannelPage(input: ChannelPageInput, allTeams: readonly SinkTeam[]): string {
  const channel = input.team.channels.filter((c) => c.id === input.channelId)[0];
  const cards: unknown[] = [];
  const items = input.messages.map((m) => renderMessage(m.message, m.replies, cards, false)).join('');
  const nav = allTeams
    .map((t) =>
      t.channels
        .map((c) => {
          const href = `/_local/channel?team=${encodeURIComponent(t.id)}&channel=${encodeURIComponent(c.id)}`;
          const current = t.id === input.team.id && c.id === input.channelId ? ' aria-current="page"' : '';
          return `<a href="${escapeHtml(href)}"${current}>${escapeHtml(c.displayName)}</a>`;
        })
        .join(''),
    )
    .join('');
  const title = `${channel ? channel.displayName : 'Channel'} — ${input.team.displayName}`;
  return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
<header><h1>${escapeHtml(title)}</h1><p>Local channel: cards the hub posted through Microsoft Graph, as Teams renders them. Nothing here leaves this machine.</p>
<nav aria-label="Channels">${nav}</nav></header>
<main>
${items ? `<ol class="messages" aria-label="Messages, oldest first">${items}</ol>` : '<p class="empty">No messages in this channel yet.</p>'}
</main>
<script type="application/json" id="svhub-cards">${jsonForScript(cards)}</script>
<script src="/_local/graph/adaptivecards.js"></script>
<script src="/_local/graph/channel.js"></script>
</body></html>`;
}

/** Renders each card with the library, as Teams would; buttons open their links in a new tab. */
export const CHANNEL_SCRIPT = `(function () {
  'use strict';
  var AC = window.AdaptiveCards;
  // The hub writes no markdown of its own and user text arrives in TextRuns: render TextBlocks as
  // escaped plain text (the library would otherwise warn that no markdown processor is loaded).
  AC.AdaptiveCard.onProcessMarkdown = function (text, result) {
    result.outputHtml = String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
    result.didProcess = true;
  };
  var cards = JSON.parse(document.getElementById('svhub-cards').textContent || '[]');
  // Close to Teams' light theme: accent containers (the SME/VCSE badges) on Teams' brand tint.
  var hostConfig = new AC.HostConfig({
    fontFamily: '"Segoe UI", system-ui, sans-serif',
    supportsInteractivity: true,
    containerStyles: {
      default: { backgroundColor: '#FFFFFF', foregroundColors: { default: { default: '#242424', subtle: '#616161' }, accent: { default: '#5B5FC7', subtle: '#444791' } } },
      emphasis: { backgroundColor: '#F5F5F5', foregroundColors: { default: { default: '#242424', subtle: '#616161' } } },
      accent: { backgroundColor: '#E8EBFA', foregroundColors: { default: { default: '#3D3E78', subtle: '#444791' } } }
    }
  });
  var slots = document.querySelectorAll('[data-card-index]');
  for (var i = 0; i < slots.length; i++) {
    var slot = slots[i];
    try {
      var card = new AC.AdaptiveCard();
      card.hostConfig = hostConfig;
      card.onExecuteAction = function (action) {
        if (action instanceof AC.OpenUrlAction && /^https?:/i.test(action.url)) window.open(action.url, '_blank', 'noopener');
      };
      card.parse(cards[Number(slot.getAttribute('data-card-index'))]);
      var element = card.render();
      slot.textContent = '';
      if (element) slot.appendChild(element);
      slot.setAttribute('data-rendered', 'true');
    } catch (e) {
      slot.textContent = 'This card could not be rendered: ' + (e && e.message ? e.message : String(e));
      slot.className += ' error';
    }
  }
})();
`;

/** The adaptivecards browser bundle from node_modules, found from the working directory upwards. */
export function findAdaptiveCardsBundle(start: string = process.cwd()): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, 'node_modules', 'adaptivecards', 'dist', 'adaptivecards.min.js');
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
