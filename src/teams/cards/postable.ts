// The last check before a card leaves the hub: whatever built it (a builder, a stored outbox item, a member
// writing CardJson through SharePoint's REST API), it holds only the elements the hub's builders make, every
// link passes safeLinkUrl, and every text is plain (sanitizeCardText again). A card that does not pass is
// refused, not repaired: the hub never posts a card it did not make.
import type { AdaptiveCardJson, CardElement } from './elements';
import { safeLinkUrl } from './elements';
import { CARD_SCHEMA_VERSION, compareCardVersions } from './limits';
import { sanitizeCardText } from './sanitize';

/** The element and action types the hub's builders use (elements.ts, successCard.ts, updateCard.ts). */
const ELEMENT_TYPES = ['TextBlock', 'RichTextBlock', 'TextRun', 'Container', 'ColumnSet', 'Column'];
const ACTION_TYPES = ['Action.OpenUrl'];
/** Properties that hold further elements, and those that hold a URL. */
const CHILDREN = ['body', 'items', 'columns', 'inlines', 'actions'];
const URL_KEYS = ['url', 'iconUrl', 'backgroundImage', 'selectAction', 'refresh', 'authentication'];
/** Long enough for any text the builders make (the whole message is ~28 KB at most). */
const MAX_TEXT = 30000;

export type PostableCheck = { ok: true; card: AdaptiveCardJson } | { ok: false; problems: string[] };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function plain(text: unknown, where: string, problems: string[]): string {
  if (typeof text !== 'string') {
    problems.push(`${where}: text is not a string.`);
    return '';
  }
  return sanitizeCardText(text, { multiline: true, maxLength: MAX_TEXT });
}

function element(value: unknown, where: string, problems: string[], actionsOnly: boolean): CardElement | undefined {
  if (!isObject(value) || typeof value.type !== 'string') {
    problems.push(`${where}: not an element.`);
    return undefined;
  }
  const type = value.type;
  const allowed = actionsOnly ? ACTION_TYPES : ELEMENT_TYPES;
  if (allowed.indexOf(type) < 0) {
    problems.push(`${where}: ${type} is not an element the hub's cards use.`);
    return undefined;
  }
  const out: CardElement = { ...value, type };
  for (const key of URL_KEYS) {
    if (!(key in value)) continue;
    if (key === 'url' && type === 'Action.OpenUrl') {
      const url = typeof value.url === 'string' ? safeLinkUrl(value.url) : undefined;
      if (!url || url !== value.url) problems.push(`${where}: the link is not one the hub would post.`);
    } else problems.push(`${where}: ${key} is not used by the hub's cards.`);
  }
  if (type === 'Action.OpenUrl') {
    if (typeof value.title !== 'string') problems.push(`${where}: the button has no title.`);
    else out.title = plain(value.title, where, problems);
  }
  if (type === 'TextBlock' || type === 'TextRun') out.text = plain(value.text, where, problems);
  for (const key of CHILDREN) {
    if (!(key in value)) continue;
    const list = value[key];
    if (!Array.isArray(list)) {
      problems.push(`${where}.${key}: not a list.`);
      continue;
    }
    out[key] = list.map((child, i) => element(child, `${where}.${key}[${i}]`, problems, key === 'actions')).filter((e): e is CardElement => !!e);
  }
  return out;
}

/** The card re-checked and its texts made plain again, or why it may not be posted. */
export function checkPostableCard(value: unknown): PostableCheck {
  const problems: string[] = [];
  if (!isObject(value) || value.type !== 'AdaptiveCard') return { ok: false, problems: ['Not an Adaptive Card.'] };
  if (typeof value.version !== 'string' || !/^\d+(\.\d+)*$/.test(value.version) || compareCardVersions(value.version, CARD_SCHEMA_VERSION) > 0) {
    problems.push(`Card version ${String(value.version)} is not one Teams renders (${CARD_SCHEMA_VERSION} at most).`);
  }
  if (!Array.isArray(value.body)) problems.push('The card has no body.');
  if (value.msteams !== undefined && (!isObject(value.msteams) || Object.keys(value.msteams).some((k) => k !== 'width'))) {
    problems.push('msteams may only set the width (no mentions or entities).');
  }
  for (const key of URL_KEYS) if (key in value) problems.push(`${key} is not used by the hub's cards.`);
  const card = { ...value } as unknown as AdaptiveCardJson;
  card.body = (Array.isArray(value.body) ? value.body : []).map((e, i) => element(e, `body[${i}]`, problems, false)).filter((e): e is CardElement => !!e);
  if (value.actions !== undefined) {
    card.actions = (Array.isArray(value.actions) ? value.actions : [value.actions]).map((e, i) => element(e, `actions[${i}]`, problems, true)).filter((e): e is CardElement => !!e);
  }
  if (value.fallbackText !== undefined) card.fallbackText = plain(value.fallbackText, 'fallbackText', problems);
  if (value.speak !== undefined) card.speak = plain(value.speak, 'speak', problems);
  return problems.length ? { ok: false, problems } : { ok: true, card };
}
