// The outbox the poster writes through: the TaskforcePosts list's repository from src/data. The poster
// needs only part of it, so tests (and any other store) can hand in something smaller.
import type { OutboxRepository, PageRequest, Stored, TaskforcePost, TaskforcePostKind } from '../../data';
import { isDataError } from '../../data';

export type OutboxPort = Pick<OutboxRepository, 'enqueue' | 'get' | 'due' | 'query' | 'update'>;
export type { PageRequest, Stored, TaskforcePost, TaskforcePostKind };

/** SharePoint's single-line text limit is 255; the list's IdempotencyKey column allows 200. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/**
 * kind | subject | period. The same outcome log celebrated twice, or the same period's update posted
 * twice, gets the same key, and the list's unique column refuses the second item.
 */
export function idempotencyKey(kind: TaskforcePostKind, subjectId: string, period?: string): string {
  const key = [kind, subjectId.trim(), (period || '').trim()].join('|');
  if (!subjectId.trim()) throw new Error('A taskforce post needs the id of what it is about (the outcome log or period).');
  if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw new Error(`The post's idempotency key is ${key.length} characters; the outbox allows ${MAX_IDEMPOTENCY_KEY_LENGTH}.`);
  }
  return key;
}

/** Another sender saved the item first (its ETag moved on): they own this attempt. */
export function isConflict(e: unknown): boolean {
  return isDataError(e) && e.kind === 'conflict';
}

/** The subject id of a taskforce update (one per period). */
export const UPDATE_SUBJECT = 'taskforce-update';

/** What an outbox item's card is about, read from its key (kind | subject | period) — all a pass needs to rebuild it. */
export type OutboxSubject =
  | { kind: 'success'; procurementReference: string; measureCode: string; periodEnd: string }
  | { kind: 'update'; periodEnd: string };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The subject of an item's card, or undefined when its key is not one postCard would have written. */
export function outboxSubject(post: Pick<TaskforcePost, 'idempotencyKey' | 'kind'>): OutboxSubject | undefined {
  const parts = post.idempotencyKey.split('|');
  const kind = parts[0];
  const periodEnd = parts[parts.length - 1];
  if (kind !== post.kind || !ISO_DATE.test(periodEnd)) return undefined;
  if (kind === 'update') return parts.length === 3 && parts[1] === UPDATE_SUBJECT ? { kind, periodEnd } : undefined;
  if (kind !== 'success' || parts.length < 4) return undefined;
  // References do not hold '|', but should one ever, everything between the kind and the measure is the reference.
  const procurementReference = parts.slice(1, -2).join('|');
  const measureCode = parts[parts.length - 2];
  return procurementReference && measureCode ? { kind, procurementReference, measureCode, periodEnd } : undefined;
}

