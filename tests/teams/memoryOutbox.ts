// An in-memory TaskforcePosts outbox for tests, behaving like the SharePoint list behind the real
// repository: the IdempotencyKey column is unique (a second insert with the same key is refused, and
// enqueue then returns the stored item), every save must carry the item's current ETag (else
// ConflictError, like HTTP 412), and every call yields to the event loop as a request would, so
// concurrent callers interleave.
import { ConflictError, DataError } from '../../src/data';
import type { OutboxPort, PageRequest, Stored, TaskforcePost } from '../../src/teams/posting/outbox';

type Row = Stored<TaskforcePost>;

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export class MemoryOutbox implements OutboxPort {
  private rows: Row[] = [];
  private nextId = 1;
  /** Every write, for assertions ("the item was written before the post"). */
  public readonly log: string[] = [];

  /** What a list insert does: refuses a duplicate key in the unique column. */
  private insert(post: Omit<TaskforcePost, 'status' | 'attempts'>): Row {
    if (this.rows.some((r) => r.idempotencyKey === post.idempotencyKey)) {
      throw new DataError('duplicate', `The IdempotencyKey "${post.idempotencyKey}" is already in TaskforcePosts.`, { status: 400, list: 'TaskforcePosts' });
    }
    const row: Row = { ...copy(post), status: 'Pending', attempts: 0, id: this.nextId++, etag: '"1"', modified: new Date().toISOString() };
    this.rows.push(row);
    this.log.push(`insert ${row.idempotencyKey}`);
    return row;
  }

  public async enqueue(post: Omit<TaskforcePost, 'status' | 'attempts'>): Promise<{ post: Row; created: boolean }> {
    await tick();
    try {
      return { post: copy(this.insert(post)), created: true };
    } catch (e) {
      if (!(e instanceof DataError) || e.kind !== 'duplicate') throw e;
      await tick();
      const existing = this.rows.filter((r) => r.idempotencyKey === post.idempotencyKey)[0];
      return { post: copy(existing), created: false };
    }
  }

  public async get(idempotencyKey: string): Promise<Row | undefined> {
    await tick();
    const row = this.rows.filter((r) => r.idempotencyKey === idempotencyKey)[0];
    return row ? copy(row) : undefined;
  }

  /** Like the SharePoint repository: Pending/Failed with no next attempt or one due by now, nulls first, paged. */
  public async due(now: string, page: PageRequest = {}): Promise<{ items: Row[]; nextPageToken?: string }> {
    await tick();
    const all = this.rows
      .filter((r) => (r.status === 'Pending' || r.status === 'Failed') && (r.nextAttemptAt === undefined || r.nextAttemptAt <= now))
      .sort((a, b) => (a.nextAttemptAt || '').localeCompare(b.nextAttemptAt || '') || a.id - b.id);
    const start = Number(page.pageToken || 0);
    const size = page.pageSize || 50;
    const items = all.slice(start, start + size);
    return { items: copy(items), nextPageToken: start + size < all.length ? String(start + size) : undefined };
  }

  public async query(query: PageRequest & { status?: TaskforcePost['status'] }): Promise<{ items: Row[] }> {
    await tick();
    const items = this.rows.filter((r) => !query.status || r.status === query.status).slice(0, query.pageSize || 50);
    return { items: copy(items) };
  }

  public async update(post: Row): Promise<Row> {
    await tick();
    const index = this.rows.findIndex((r) => r.id === post.id);
    if (index < 0) throw new DataError('not-found', `Item ${post.id} does not exist in TaskforcePosts.`, { status: 404 });
    const current = this.rows[index];
    if (current.etag !== post.etag) throw new ConflictError(`The taskforce post "${post.title}"`, { status: 412 });
    const version = Number(current.etag.replace(/"/g, '')) + 1;
    const saved: Row = { ...copy(post), id: current.id, idempotencyKey: current.idempotencyKey, etag: `"${version}"`, modified: new Date().toISOString() };
    // JSON drops undefined fields: a cleared column stays cleared, as SharePoint stores null.
    this.rows[index] = saved;
    this.log.push(`update ${saved.idempotencyKey} ${saved.status}`);
    return copy(saved);
  }

  /** Test access to the stored rows. */
  public all(): Row[] {
    return copy(this.rows);
  }
}
