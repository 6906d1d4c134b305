// User text in a card is plain text. Teams processes a markdown subset in TextBlocks and FactSet values
// (links, emphasis, lists) and turns <at>…</at> into mentions, so text a person typed into the hub
// could otherwise become a link whose label lies about its target, a mention that pings people, or
// formatting that changes what a sentence says ("~~not~~ delivered"). Every builder passes user text
// through sanitizeCardText, and places it in TextRuns, which Adaptive Cards never treat as markdown.

export interface SanitizeOptions {
  /** Longest result in characters (code points), the ellipsis included. Default 500. */
  maxLength?: number;
  /** Keep line breaks (a story or quote); otherwise they become spaces (names, titles). Default false. */
  multiline?: boolean;
}

export const ELLIPSIS = '…';

// Bidi embedding/override/isolate controls can reorder the rest of the card ("Trojan source"); text in
// Arabic or Hebrew needs none of them to display correctly, so they go. C0/C1 controls go too.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const MENTION = /<at\b[^>]*>([\s\S]*?)<\/at\s*>/gi;
const AUTOLINK = /<((?:https?|mailto):[^<>\s]*)>/gi;
const HTML_TAG = /<\/?[a-zA-Z][^<>]*>|<!--[\s\S]*?-->/g;
// A link target may hold one level of brackets: [x](javascript:alert(1)), Wikipedia's (disambiguation).
const MARKDOWN_IMAGE = /!\[([^\]]*)\]\(((?:[^()\s]|\([^()\s]*\))*)(?:\s+"[^"]*")?\)/g;
const MARKDOWN_LINK = /\[([^\]]*)\]\(((?:[^()\s]|\([^()\s]*\))*)(?:\s+"[^"]*")?\)/g;
const REFERENCE_LINK = /\[([^\]]+)\]\[[^\]]*\]/g;
const STRONG = /(\*\*|__)(?=\S)([\s\S]*?\S)\1/g;
const STRIKE = /~~(?=\S)([\s\S]*?\S)~~/g;
const CODE = /`+([^`]+)`+/g;
const EMPHASIS_STAR = /\*(?=\S)([^*\n]*?\S)\*/g;
// Underscores inside words (care_leavers) are not emphasis; only _whole words_ are.
const EMPHASIS_UNDERSCORE = /(^|[^\w])_(?=\S)([^_\n]*?\S)_(?![\w])/g;
const LINE_START_MARKUP = /^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-+*][ \t]+(?=\S)|\d+[.)][ \t]+(?=\S))/gm;
const HTML_ENTITY = /&(#\d{1,7}|#x[0-9a-f]{1,6}|amp|lt|gt|quot|apos|nbsp);/gi;

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntity(_match: string, body: string): string {
  const lower = body.toLowerCase();
  if (lower.charAt(0) === '#') {
    const code = lower.charAt(1) === 'x' ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    // Decoded once and then treated like typed text: "&lt;at&gt;" must not survive as a mention.
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  }
  return NAMED_ENTITIES[lower] || '';
}

/** A URL shown as text, without its scheme's "javascript:" tricks: only http(s)/mailto are kept. */
function visibleUrl(url: string): string {
  return /^(https?:\/\/|mailto:)/i.test(url) ? url : '';
}

function neutraliseMarkup(text: string): string {
  let t = text.replace(HTML_ENTITY, decodeEntity);
  t = t.replace(MENTION, (_m, name: string) => name);
  t = t.replace(AUTOLINK, (_m, url: string) => url);
  t = t.replace(HTML_TAG, '');
  // Images and links become their words plus the address in brackets: nothing hides where it goes.
  t = t.replace(MARKDOWN_IMAGE, (_m, alt: string) => alt);
  t = t.replace(MARKDOWN_LINK, (_m, label: string, url: string) => {
    const shown = visibleUrl(url);
    return shown && shown !== label ? `${label} (${shown})` : label;
  });
  t = t.replace(REFERENCE_LINK, (_m, label: string) => label);
  t = t.replace(STRONG, (_m, _d: string, inner: string) => inner);
  t = t.replace(STRIKE, (_m, inner: string) => inner);
  t = t.replace(CODE, (_m, inner: string) => inner);
  t = t.replace(EMPHASIS_STAR, (_m, inner: string) => inner);
  t = t.replace(EMPHASIS_UNDERSCORE, (_m, before: string, inner: string) => before + inner);
  t = t.replace(LINE_START_MARKUP, '');
  // What is left of "<" could still start a tag once joined with other text: show it as a lookalike.
  // Whatever link syntax survived (deeper brackets, a cut-off link) is broken apart the same way.
  return t.replace(/</g, '‹').replace(/>/g, '›').replace(/!\[/g, '! [').replace(/\]\(/g, '] (');
}

function isJoiner(codePoint: number): boolean {
  return (
    codePoint === 0x200d || // zero-width joiner inside emoji sequences
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) || // variation selectors
    (codePoint >= 0x0300 && codePoint <= 0x036f) || // combining diacritics
    (codePoint >= 0x1f3fb && codePoint <= 0x1f3ff) || // skin tones
    (codePoint >= 0xe0020 && codePoint <= 0xe007f) // tag characters (flags)
  );
}

function isRegionalIndicator(codePoint: number): boolean {
  return codePoint >= 0x1f1e6 && codePoint <= 0x1f1ff;
}

/**
 * Cuts to at most `max` code points ending in "…", never inside a surrogate pair or an emoji/accent
 * sequence, and at a word break when one is near.
 */
export function truncateText(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  if (max <= 1) return ELLIPSIS.slice(0, max);
  const cp = (i: number): number => chars[i].codePointAt(0) || 0;
  let cut = max - 1;
  // chars[cut] is the first character dropped: step back while it still belongs to the one before it.
  while (cut > 0 && (isJoiner(cp(cut)) || cp(cut - 1) === 0x200d)) cut--;
  // Flags are pairs of regional indicators: never keep half of one.
  if (cut > 0 && isRegionalIndicator(cp(cut))) {
    let run = 0;
    while (cut - 1 - run >= 0 && isRegionalIndicator(cp(cut - 1 - run))) run++;
    if (run % 2 === 1) cut--;
  }
  const head = chars.slice(0, cut);
  const lastSpace = head.lastIndexOf(' ');
  const kept = lastSpace > cut - 20 && lastSpace > 0 ? head.slice(0, lastSpace) : head;
  return kept.join('').replace(/[\s.,;:]+$/, '') + ELLIPSIS;
}

/** User text → plain text that is safe and short enough for a card. */
export function sanitizeCardText(text: string | undefined, options: SanitizeOptions = {}): string {
  if (text === undefined || text === '') return '';
  const max = options.maxLength === undefined ? 500 : options.maxLength;
  // Cut long input first: the markup patterns then never scan more than a few thousand characters.
  let t = Array.from(String(text)).slice(0, max * 2 + 200).join('');
  t = t.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL_CHARS, '');
  t = neutraliseMarkup(t);
  t = options.multiline
    ? t.replace(/[ \t]+/g, ' ').replace(/ *\n */g, '\n').replace(/\n{3,}/g, '\n\n')
    : t.replace(/\s+/g, ' ');
  return truncateText(t.trim(), max);
}
