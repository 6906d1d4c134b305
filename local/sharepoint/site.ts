// The emulated SharePoint site: storage + router + the current (local) user. Independent of node:http.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Store, UserRecord, itemsTable, quoteIdent, ETAG_COL, VERSION_COL, nowIso } from './store';
import { SharePointRouter } from './router';
import { SPRequest, SPResponse } from './context';
import { runBatch } from './batch';
import { DEFAULT_USER, findDemoUser, loginNameFor } from './users';
import { resolveWrite, completeAndCheck } from './itemValues';
import { SPError, CODES, listNotFound } from './errors';

export const SITE_PATH = '/sites/socialvalue';
export const DB_FILE_NAME = 'socialvalue.db';

export class SharePointSite {
  readonly store: Store;
  readonly router: SharePointRouter;
  private currentUser: UserRecord;

  constructor(opts: { dataDir: string; user?: string }) {
    this.store = new Store(opts.dataDir === ':memory:' ? ':memory:' : join(opts.dataDir, DB_FILE_NAME));
    this.router = new SharePointRouter(this.store, SITE_PATH);
    this.currentUser = this.resolveUser(opts.user ?? DEFAULT_USER.alias);
  }

  close(): void {
    this.store.close();
  }

  get user(): UserRecord {
    return this.currentUser;
  }

  /** Accepts an alias (officer, manager, admin…), an email or a claims login name of a site user. */
  resolveUser(login: string): UserRecord {
    const demo = findDemoUser(login);
    const u = this.store.userByLogin(demo ? loginNameFor(demo.email) : login);
    if (!u) throw new Error(`Unknown local user '${login}'. Use one of the demo aliases, e.g. officer, manager, admin, taskforce.`);
    return u;
  }

  setUser(login: string): UserRecord {
    this.currentUser = this.resolveUser(login);
    return this.currentUser;
  }

  /** Runs fn as another user (e.g. first-start provisioning as the site owner). */
  async asUser<T>(login: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.currentUser;
    this.currentUser = this.resolveUser(login);
    try {
      return await fn();
    } finally {
      this.currentUser = prev;
    }
  }

  /** `user`: who sent the request (a per-request identity); the current user by default. */
  handleApi(req: SPRequest, siteUrl: string, apiPath: string, user: UserRecord = this.currentUser): SPResponse {
    return this.router.handle(req, user, siteUrl, apiPath);
  }

  /** $batch: every part goes through the same router as a top-level request, as the batch's sender. */
  handleBatch(contentType: string | undefined, body: string, origin: string, user: UserRecord = this.currentUser, maxRequests?: number): { contentType: string; body: string } {
    const siteUrl = `${origin}${SITE_PATH}`;
    return runBatch(contentType, body, (req) => {
      const prefix = `${SITE_PATH}/_api/`.toLowerCase();
      const path = req.url.pathname;
      if (!path.toLowerCase().startsWith(prefix) || /\/_api\/\$batch/i.test(path)) {
        return { status: 404, headers: { 'content-type': 'application/json;odata=minimalmetadata;charset=utf-8' },
          body: JSON.stringify({ 'odata.error': { code: CODES.noHandler, message: { lang: 'en-US', value: `Cannot find resource for the request ${path}.` } } }) };
      }
      return this.handleApi(req, siteUrl, path.slice(prefix.length), user);
    }, new URL(siteUrl), maxRequests);
  }

  /**
   * NOT SharePoint: a fast bulk insert for tests and benchmarks (POST /_local/bulk). Every item is validated the
   * way an add is, all in one transaction, authored by `author` (the current user unless given).
   */
  bulkInsert(listTitle: string, items: unknown[], author: UserRecord = this.currentUser): { count: number; firstId: number | null; lastId: number | null } {
    const list = this.store.listByTitle(listTitle);
    if (!list) throw listNotFound(listTitle, SITE_PATH);
    if (!Array.isArray(items)) throw new SPError(400, CODES.invalidClientQuery, 'items must be an array.');
    let firstId: number | null = null;
    let lastId: number | null = null;
    const now = nowIso();
    const user = author;
    this.store.tx(() => {
      for (const body of items) {
        const w = resolveWrite(this.store, list, body);
        completeAndCheck(this.store, list, w);
        const cols = ['Created', 'Modified', 'Author', 'Editor', 'GUID', ETAG_COL, VERSION_COL];
        const vals: (string | number | null)[] = [now, now, user.id, user.id, randomUUID(), 1, 1];
        for (const [f, v] of w.values) {
          cols.push(f.internalName);
          vals.push(v);
        }
        const r = this.store.stmt(`INSERT INTO ${quoteIdent(itemsTable(list))} (${cols.map(quoteIdent).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...vals);
        const id = Number(r.lastInsertRowid);
        if (firstId === null) firstId = id;
        lastId = id;
      }
    });
    this.store.forgetCount(list);
    // Fresh statistics let SQLite pick the most selective index for the next queries.
    this.store.db.exec('PRAGMA optimize');
    return { count: items.length, firstId, lastId };
  }
}
