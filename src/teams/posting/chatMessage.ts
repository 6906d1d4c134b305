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
