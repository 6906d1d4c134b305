// Checks a posted chatMessage the way Graph and Teams would refuse it, so a mistake fails here first:
// the body must point at each card by <attachment id="…">, the card must be a JSON string of an
// AdaptiveCard, and Teams renders no newer schema than 1.5 (Graph itself accepts a newer card and
// Teams then shows it as unsupported; refusing it here is stricter on purpose).
import { compareVersions, PLATFORM_MAX_CARD_VERSION } from './limits';

export interface Invalid {
  code: string;
  message: string;
}

const ATTACHMENT_REF = /<attachment\s+id=["']([^"']+)["']\s*>\s*<\/attachment>/gi;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function validateChatMessage(message: unknown): Invalid | undefined {
  if (!isObject(message)) return { code: 'BadRequest', message: 'The request body must be a chatMessage object.' };
  const body = message.body;
  if (!isObject(body) || typeof body.content !== 'string') return { code: 'BadRequest', message: "Missing required property 'body.content'." };
  const contentType = String(body.contentType || 'text').toLowerCase();
  if (contentType !== 'html' && contentType !== 'text') return { code: 'BadRequest', message: `Invalid body.contentType '${String(body.contentType)}'.` };

  const attachments = message.attachments === undefined ? [] : message.attachments;
  if (!Array.isArray(attachments)) return { code: 'BadRequest', message: "'attachments' must be an array." };
  const referenced = new Set<string>();
  for (const m of body.content.matchAll(ATTACHMENT_REF)) referenced.add(m[1]);
  if (referenced.size > 0 && contentType !== 'html') return { code: 'BadRequest', message: 'Attachment references need body.contentType html.' };
  if (body.content.trim() === '' && attachments.length === 0) return { code: 'BadRequest', message: 'The message has no content.' };

  const ids = new Set<string>();
  for (const a of attachments) {
    if (!isObject(a) || typeof a.id !== 'string' || a.id === '') return { code: 'BadRequest', message: 'Every attachment needs an id.' };
    ids.add(a.id);
    if (!referenced.has(a.id)) {
      return { code: 'BadRequest', message: `Attachment with id '${a.id}' is not referenced in the message body by <attachment id="${a.id}"></attachment>.` };
    }
    if (a.contentType !== 'application/vnd.microsoft.card.adaptive') continue;
    if (a.contentUrl !== null && a.contentUrl !== undefined) return { code: 'BadRequest', message: 'An Adaptive Card attachment has no contentUrl (null).' };
    if (typeof a.content !== 'string') return { code: 'BadRequest', message: 'The Adaptive Card attachment content must be the card as a JSON string.' };
    let card: unknown;
    try {
      card = JSON.parse(a.content);
    } catch {
      return { code: 'BadRequest', message: `The content of attachment '${a.id}' is not valid JSON.` };
    }
    if (!isObject(card) || card.type !== 'AdaptiveCard') return { code: 'BadRequest', message: `Attachment '${a.id}' is not an AdaptiveCard.` };
    if (typeof card.version !== 'string' || !/^\d+(\.\d+)*$/.test(card.version)) return { code: 'BadRequest', message: `Attachment '${a.id}' has no card version.` };
    if (compareVersions(card.version, PLATFORM_MAX_CARD_VERSION) > 0) {
      return { code: 'BadRequest', message: `Adaptive Card version ${card.version} is not supported in Teams channels; use ${PLATFORM_MAX_CARD_VERSION} or earlier.` };
    }
    if (!Array.isArray(card.body)) return { code: 'BadRequest', message: `Attachment '${a.id}' has no card body.` };
  }
  for (const id of referenced) {
    if (!ids.has(id)) return { code: 'BadRequest', message: `The message body references attachment '${id}', which is not in 'attachments'.` };
  }
  return undefined;
}
