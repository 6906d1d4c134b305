// The chatMessage Graph expects for a card: an HTML body that only points at the attachment by id, and
// the card as a JSON *string* in the attachment's content.
import { utf8Bytes } from '../cards';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export interface CardChatMessage {
  body: { contentType: 'html'; content: string };
  attachments: {
    id: string;
    contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
    // eslint-disable-next-line @rushstack/no-new-null -- Graph's chatMessageAttachment wants null here, not absent
    contentUrl: null;
    content: string;
  }[];
}

interface CryptoLike {
  randomUUID?: () => string;
  getRandomValues?: <T extends ArrayBufferView>(array: T) => T;
}

/** A random GUID for the attachment id (crypto.randomUUID where there is one, else getRandomValues). */
export function newAttachmentId(): string {
  const c: CryptoLike | undefined = (globalThis as { crypto?: CryptoLike }).crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => (b < 16 ? '0' : '') + b.toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * The attachment id a card is posted under, derived from its outbox idempotency key: Graph keeps an attachment's
 * id as posted (GET …/messages returns it), so the channel itself can say whether a card whose post was in doubt
 * landed. GUID-shaped, like the ids Microsoft's examples use.
 */
export function attachmentIdFor(idempotencyKey: string): string {
  const hex = [0x811c9dc5, 0x050c5d1f, 0x6b43a9b5, 0x2f6a1e33]
    .map((seed) => ('0000000' + fnv1a(`svhub|${idempotencyKey}`, seed).toString(16)).slice(-8))
    .join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

export function buildCardMessage(cardJson: string, attachmentId: string = newAttachmentId()): CardChatMessage {
  return {
    body: { contentType: 'html', content: `<attachment id="${attachmentId}"></attachment>` },
    attachments: [{ id: attachmentId, contentType: ADAPTIVE_CARD_CONTENT_TYPE, contentUrl: null, content: cardJson }],
  };
}

/** Bytes of the request body as sent: what Graph's ~28 KB limit counts. */
export function messageBytes(message: CardChatMessage): number {
  return utf8Bytes(JSON.stringify(message));
}
