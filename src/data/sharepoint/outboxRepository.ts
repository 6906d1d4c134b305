// The taskforce outbox (TaskforcePosts): each card is enqueued once under its idempotency key (a unique
// column), claimed with the item's ETag so two senders never both post it, and kept with its error
// when posting fails.
import type { SPFI } from '@pnp/sp';
import { DataError } from '../errors';
import type { OutboxRepository, Page, PageRequest, Stored, TaskforcePost, TaskforcePostStatus } from '../ports';
import { TASKFORCE_POSTS_LIST } from '../schema/lists';
import { and, ListGateway, odataDate, odataString } from './listGateway';
import { OUTBOX_FIELDS, postFromItem, postToItem, stored } from './mapping';

export class SharePointOutboxRepository implements OutboxRepository {
  private readonly list: ListGateway<typeof TASKFORCE_POSTS_LIST>;

  public constructor(sp: SPFI) {
    this.list = new ListGateway(sp, TASKFORCE_POSTS_LIST, OUTBOX_FIELDS);
  }

  public async enqueue(post: Omit<TaskforcePost, 'status' | 'attempts'>): Promise<{ post: Stored<TaskforcePost>; created: boolean }> {
    const what = `The card “${post.title}”`;
    const existing = await this.get(post.idempotencyKey);
    if (existing) return { post: existing, created: false };
    const full: TaskforcePost = { ...post, status: 'Pending', attempts: 0 };
    try {
      const created = await this.list.add(postToItem(full), what);
      return { post: stored(full, { Id: created.Id, 'odata.etag': created.etag, Modified: created.Modified }), created: true };
    } catch (e) {
      // Two officers (or a double click) enqueued the same card at once: the unique key let one in.
      if (e instanceof DataError && e.kind === 'duplicate') {
        const winner = await this.get(post.idempotencyKey);
        if (winner) return { post: winner, created: false };
      }
      throw e;
    }
  }

  public async get(idempotencyKey: string): Promise<Stored<TaskforcePost> | undefined> {
    const item = await this.list.findByKey('IdempotencyKey', idempotencyKey, `The card ${idempotencyKey}`);
    return item ? postFromItem(item) : undefined;
  }

  public async due(now: string, page: PageRequest = {}): Promise<Page<Stored<TaskforcePost>>> {
    const filter = and(`(PostStatus eq 'Pending' or PostStatus eq 'Failed')`, `(NextAttemptAt eq null or NextAttemptAt le ${odataDate(now)})`);
    const result = await this.list.page({ filter, orderBy: [['NextAttemptAt', true]], pageSize: page.pageSize, pageToken: page.pageToken }, 'The outbox');
    return { items: result.items.map(postFromItem), nextPageToken: result.nextPageToken };
  }

  public async query(query: PageRequest & { status?: TaskforcePostStatus }): Promise<Page<Stored<TaskforcePost>>> {
    const filter = and(query.status && `PostStatus eq ${odataString(query.status)}`);
    const result = await this.list.page({ filter, orderBy: filter ? [['Modified', false]] : [['ID', false]], pageSize: query.pageSize, pageToken: query.pageToken }, 'The outbox');
    return { items: result.items.map(postFromItem), nextPageToken: result.nextPageToken };
  }

  public async update(post: Stored<TaskforcePost>): Promise<Stored<TaskforcePost>> {
    const { etag } = await this.list.update(post.id, post.etag, postToItem(post), `The card “${post.title}”`);
    return { ...post, etag };
  }
}
