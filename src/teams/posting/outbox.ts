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
