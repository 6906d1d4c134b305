// What Teams accepts, in one place: the cards are built to fit these, the poster checks them before it
// sends, and the local Graph sink enforces them the way Graph does.

/** Teams renders Adaptive Cards up to schema 1.5 (a 1.6 card shows "unsupported" to some members). */
export const CARD_SCHEMA_VERSION = '1.5';

/** Graph refuses a channel message over about 28 KB ("Request Entity too large"); this counts UTF-8 bytes. */
export const MAX_MESSAGE_BYTES = 28 * 1024;

/**
 * What a card builder aims for: the whole chatMessage (card JSON escaped inside a JSON string, plus the
 * HTML body and attachment envelope) under the limit with room to spare, since Graph's "about 28 KB"
 * is measured on its side.
 */
export const CARD_MESSAGE_BUDGET_BYTES = 26 * 1024;

/** UTF-8 length of a string, without TextEncoder/Buffer (so it is the same in the browser and in Node). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4; // a surrogate pair is one 4-byte code point
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** "1.5" ≤ "1.5", "1.10" > "1.5": compares schema versions as numbers, part by part. */
export function compareCardVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] || 0;
    const y = pb[i] || 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * Bytes the card will take in a chatMessage: the card is sent as a JSON string inside the JSON body
 * (so its quotes are escaped again), plus the HTML body and attachment envelope (under 512 bytes).
 * The poster measures the real body; this is what builders use to decide how much to cut.
 */
export function estimateMessageBytes(card: unknown): number {
  return 512 + utf8Bytes(JSON.stringify(JSON.stringify(card)));
}
