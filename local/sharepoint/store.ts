// SQLite storage of the emulated site: metadata tables (lists, fields, views, users, groups, versions) and one
// table per list with a real typed column per stored field. Synchronous (node:sqlite DatabaseSync): each HTTP
// request is handled start to finish without interleaving, and each item write runs in one transaction.
import { DatabaseSync, StatementSync } from 'node:sqlite';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { FieldDef, baseFields, fieldType, isStored } from './fields';
import { sqlColumnType } from './fieldTypes';
import { SPError, CODES } from './errors';
import { DEMO_USERS, SITE_GROUPS, loginNameFor } from './users';
import { WEB_ASSIGNMENTS } from './security';
import { MAX_INDEXED_COLUMNS } from './platformLimits';

export interface ViewDef {
  id: string;
  title: string;
  viewQuery: string;
  rowLimit: number;
  paged: boolean;
  personalView: boolean;
  defaultView: boolean;
  hidden: boolean;
  viewFields: string[];
  customFormatter: string | null;
  jsLink: string;
  viewType: string;
  scope: number;
  extra: Record<string, unknown>;
}

export interface ListRecord {
  /** row id; also names the items table */
  rowId: number;
  id: string;
  title: string;
  /** the URL name fixed at creation; drives ListItemEntityTypeFullName */
  urlName: string;
  created: string;
  baseTemplate: number;
  props: Record<string, unknown>;
  fields: FieldDef[];
  views: ViewDef[];
}

export interface UserRecord {
  id: number;
  loginName: string;
  title: string;
  email: string;
  isSiteAdmin: boolean;
  jobTitle: string;
  department: string;
}

export interface GroupRecord {
  id: number;
  title: string;
  description: string;
}

/** Limits SharePoint enforces that the store checks too. */
export { MAX_INDEXED_COLUMNS };

export function itemsTable(list: ListRecord): string {
  return `items_${list.rowId}`;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Column names for the hidden bookkeeping columns of an items table. */
export const ETAG_COL = 'svh$etag';
export const VERSION_COL = 'svh$version';

export function nowIso(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function encodeEntityName(title: string): string {
  let out = '';
  for (const ch of title) out += /[A-Za-z0-9_]/.test(ch) ? ch : `_x${ch.codePointAt(0)!.toString(16).padStart(4, '0')}_`;
  return out;
}

export class Store {
  readonly db: DatabaseSync;
  private lists = new Map<number, ListRecord>();
  private stmtCache = new Map<string, StatementSync>();

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new DatabaseSync(file);
    // WAL + synchronous NORMAL: a committed transaction is in the WAL file before COMMIT returns, so a killed
    // process (SIGKILL) loses nothing that was acknowledged; only an OS crash could lose the last commits.
    this.db.exec('PRAGMA journal_mode = WAL');
    this.db.exec('PRAGMA synchronous = NORMAL');
    this.db.exec('PRAGMA busy_timeout = 5000');
    this.db.exec('PRAGMA cache_size = -65536');
    this.db.exec('PRAGMA optimize = 0x10002');
    this.createSchema();
    this.loadLists();
  }

  close(): void {
    this.stmtCache.clear();
    try {
      this.db.exec('PRAGMA optimize');
    } catch {
      // closing anyway
    }
    this.db.close();
  }

  /** A cached prepared statement. */
  stmt(sql: string): StatementSync {
    let s = this.stmtCache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      if (this.stmtCache.size > 500) this.stmtCache.clear();
      this.stmtCache.set(sql, s);
    }
    return s;
  }

  tx<T>(fn: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const r = fn();
      this.db.exec('COMMIT');
      return r;
    } catch (e) {
      this.db.exec('ROLLBACK');
      throw e;
    }
  }

  private createSchema(): void {
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
      CREATE TABLE IF NOT EXISTS lists (row_id INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL,
        title TEXT UNIQUE NOT NULL COLLATE NOCASE, url_name TEXT NOT NULL, created TEXT NOT NULL,
        base_template INTEGER NOT NULL, props TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS fields (list_row INTEGER NOT NULL, internal_name TEXT NOT NULL COLLATE NOCASE,
        pos INTEGER NOT NULL, def TEXT NOT NULL, PRIMARY KEY (list_row, internal_name));
      CREATE TABLE IF NOT EXISTS views (list_row INTEGER NOT NULL, id TEXT NOT NULL, pos INTEGER NOT NULL,
        def TEXT NOT NULL, PRIMARY KEY (list_row, id));
      CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, login_name TEXT UNIQUE NOT NULL COLLATE NOCASE,
        title TEXT NOT NULL, email TEXT NOT NULL COLLATE NOCASE, is_site_admin INTEGER NOT NULL DEFAULT 0,
        job_title TEXT NOT NULL DEFAULT '', department TEXT NOT NULL DEFAULT '');
      CREATE TABLE IF NOT EXISTS groups (id INTEGER PRIMARY KEY, title TEXT UNIQUE NOT NULL COLLATE NOCASE, description TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS group_members (group_id INTEGER NOT NULL, user_id INTEGER NOT NULL, PRIMARY KEY (group_id, user_id));
      CREATE TABLE IF NOT EXISTS role_assignments (scope TEXT NOT NULL, principal_id INTEGER NOT NULL, role_def_id INTEGER NOT NULL,
        PRIMARY KEY (scope, principal_id, role_def_id));
      CREATE TABLE IF NOT EXISTS item_versions (list_row INTEGER NOT NULL, item_id INTEGER NOT NULL, version INTEGER NOT NULL,
        created TEXT NOT NULL, editor_id INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (list_row, item_id, version));
    `);
    if (!this.getMeta('siteId')) this.seedSite();
  }

  private seedSite(): void {
    this.tx(() => {
      this.setMeta('siteId', randomUUID());
      this.setMeta('webId', randomUUID());
      this.setMeta('created', nowIso());
      const insGroup = this.db.prepare('INSERT INTO groups (id, title, description) VALUES (?, ?, ?)');
      for (const g of SITE_GROUPS) insGroup.run(g.id, g.title, g.description);
      const insUser = this.db.prepare(
        'INSERT INTO users (id, login_name, title, email, is_site_admin, job_title, department) VALUES (?, ?, ?, ?, ?, ?, ?)');
      insUser.run(1073741823, 'SHAREPOINT\\system', 'System Account', '', 0, '', '');
      const insRole = this.db.prepare('INSERT INTO role_assignments (scope, principal_id, role_def_id) VALUES (\'web\', ?, ?)');
      for (const a of WEB_ASSIGNMENTS) insRole.run(a.principalId, a.roleDefId);
      const insMember = this.db.prepare('INSERT INTO group_members (group_id, user_id) VALUES (?, ?)');
      let id = 7;
      for (const u of DEMO_USERS) {
        insUser.run(id, loginNameFor(u.email), u.title, u.email, u.isSiteAdmin ? 1 : 0, u.jobTitle, u.department);
        for (const gName of u.groups) {
          const g = SITE_GROUPS.find((x) => x.title === gName)!;
          insMember.run(g.id, id);
        }
        id++;
      }
    });
  }

  getMeta(key: string): string | undefined {
    const row = this.stmt('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.stmt('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  // ---------- lists ----------

  private loadLists(): void {
    this.lists.clear();
    const rows = this.db.prepare('SELECT * FROM lists ORDER BY row_id').all() as unknown as {
      row_id: number; id: string; title: string; url_name: string; created: string; base_template: number; props: string;
    }[];
    for (const r of rows) {
      const fields = (this.db.prepare('SELECT def FROM fields WHERE list_row = ? ORDER BY pos').all(r.row_id) as { def: string }[])
        .map((f) => JSON.parse(f.def) as FieldDef);
      const views = (this.db.prepare('SELECT def FROM views WHERE list_row = ? ORDER BY pos').all(r.row_id) as { def: string }[])
        .map((v) => JSON.parse(v.def) as ViewDef);
      this.lists.set(r.row_id, {
        rowId: r.row_id, id: r.id, title: r.title, urlName: r.url_name, created: r.created,
        baseTemplate: r.base_template, props: JSON.parse(r.props) as Record<string, unknown>, fields, views,
      });
    }
  }

  allLists(): ListRecord[] {
    return [...this.lists.values()];
  }

  listByTitle(title: string): ListRecord | undefined {
    const l = title.toLowerCase();
    return this.allLists().find((x) => x.title.toLowerCase() === l);
  }

  listById(id: string): ListRecord | undefined {
    const l = id.replace(/[{}]/g, '').toLowerCase();
    return this.allLists().find((x) => x.id === l);
  }

  createList(title: string, baseTemplate: number, props: Record<string, unknown>): ListRecord {
    if (this.listByTitle(title)) {
      throw new SPError(500, '-2130575342, Microsoft.SharePoint.SPException',
        `A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.`);
    }
    const id = randomUUID();
    // Lists created through REST keep their title in the entity name, encoded: "Outcome Logs" → SP.Data.Outcome_x0020_LogsListItem
    const urlName = encodeEntityName(title) || 'List';
    const created = nowIso();
    const fields = baseFields();
    const view: ViewDef = {
      id: randomUUID(), title: 'All Items', viewQuery: '<OrderBy><FieldRef Name="ID" /></OrderBy>', rowLimit: 30, paged: true,
      personalView: false, defaultView: true, hidden: false, viewFields: ['LinkTitle'], customFormatter: null,
      jsLink: 'clienttemplates.js', viewType: 'HTML', scope: 0, extra: {},
    };
    return this.tx(() => {
      const r = this.db.prepare('INSERT INTO lists (id, title, url_name, created, base_template, props) VALUES (?, ?, ?, ?, ?, ?)')
        .run(id, title, urlName, created, baseTemplate, JSON.stringify(props));
      const rowId = Number(r.lastInsertRowid);
      const list: ListRecord = { rowId, id, title, urlName, created, baseTemplate, props, fields: [], views: [] };
      this.db.exec(`CREATE TABLE ${quoteIdent(itemsTable(list))} (
        ID INTEGER PRIMARY KEY AUTOINCREMENT, ${quoteIdent(ETAG_COL)} INTEGER NOT NULL DEFAULT 1,
        ${quoteIdent(VERSION_COL)} INTEGER NOT NULL DEFAULT 1)`);
      for (const f of fields) this.addColumn(list, f);
      fields.forEach((f, i) => this.db.prepare('INSERT INTO fields (list_row, internal_name, pos, def) VALUES (?, ?, ?, ?)')
        .run(rowId, f.internalName, i, JSON.stringify(f)));
      list.fields = fields;
      this.db.prepare('INSERT INTO views (list_row, id, pos, def) VALUES (?, ?, ?, ?)').run(rowId, view.id, 0, JSON.stringify(view));
      list.views = [view];
      this.lists.set(rowId, list);
      return list;
    });
  }

  updateList(list: ListRecord, title: string | undefined, props: Record<string, unknown>): void {
    if (title !== undefined && title !== list.title) {
      const other = this.listByTitle(title);
      if (other && other.rowId !== list.rowId) {
        throw new SPError(500, '-2130575342, Microsoft.SharePoint.SPException',
          'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.');
      }
    }
    const merged = { ...list.props, ...props };
    this.stmt('UPDATE lists SET title = ?, props = ? WHERE row_id = ?').run(title ?? list.title, JSON.stringify(merged), list.rowId);
    list.props = merged;
    if (title !== undefined) list.title = title;
  }

  deleteList(list: ListRecord): void {
    this.tx(() => {
      this.db.exec(`DROP TABLE IF EXISTS ${quoteIdent(itemsTable(list))}`);
      for (const t of ['fields', 'views', 'item_versions']) this.db.prepare(`DELETE FROM ${t} WHERE list_row = ?`).run(list.rowId);
      this.db.prepare('DELETE FROM role_assignments WHERE scope = ?').run(`list:${list.rowId}`);
      this.db.prepare('DELETE FROM lists WHERE row_id = ?').run(list.rowId);
    });
    this.lists.delete(list.rowId);
    this.stmtCache.clear();
  }

  // ---------- item counts (cached: a COUNT(*) over 400,000 rows on every query would add up) ----------

  private counts = new Map<number, number>();

  itemCount(list: ListRecord): number {
    let n = this.counts.get(list.rowId);
    if (n === undefined) {
      n = Number((this.stmt(`SELECT COUNT(*) AS n FROM ${quoteIdent(itemsTable(list))}`).get() as { n: number }).n);
      this.counts.set(list.rowId, n);
    }
    return n;
  }

  bumpCount(list: ListRecord, delta: number): void {
    const n = this.counts.get(list.rowId);
    if (n !== undefined) this.counts.set(list.rowId, n + delta);
  }

  forgetCount(list: ListRecord): void {
    this.counts.delete(list.rowId);
  }

  // ---------- fields ----------

  private addColumn(list: ListRecord, f: FieldDef): void {
    if (!isStored(f) || f.internalName === 'ID') return;
    const t = fieldType(f);
    this.db.exec(`ALTER TABLE ${quoteIdent(itemsTable(list))} ADD COLUMN ${quoteIdent(f.internalName)} ${sqlColumnType(t.storage)}`);
    if (f.indexed) this.createIndex(list, f);
  }

  private indexName(list: ListRecord, f: FieldDef): string {
    return `ix_${list.rowId}_${f.internalName}`;
  }

  private createIndex(list: ListRecord, f: FieldDef): void {
    if (!isStored(f) || f.internalName === 'ID') return;
    this.db.exec(`CREATE INDEX IF NOT EXISTS ${quoteIdent(this.indexName(list, f))} ON ${quoteIdent(itemsTable(list))} (${quoteIdent(f.internalName)}, ID)`);
  }

  private dropIndex(list: ListRecord, f: FieldDef): void {
    this.db.exec(`DROP INDEX IF EXISTS ${quoteIdent(this.indexName(list, f))}`);
  }

  private checkIndexLimit(list: ListRecord, adding: FieldDef): void {
    const count = list.fields.filter((f) => f.indexed && f.internalName !== adding.internalName).length;
    if (count + 1 > MAX_INDEXED_COLUMNS) {
      throw new SPError(400, CODES.indexLimit,
        `The number of indexed columns in the list '${list.title}' cannot exceed ${MAX_INDEXED_COLUMNS}.`);
    }
  }

  private checkUniqueEnforceable(list: ListRecord, f: FieldDef): void {
    if (!f.indexed) {
      throw new SPError(400, CODES.spException, 'This field must be indexed to enforce unique values.');
    }
    if (!isStored(f)) return;
    const dup = this.db.prepare(`SELECT 1 FROM ${quoteIdent(itemsTable(list))} WHERE ${quoteIdent(f.internalName)} IS NOT NULL
      GROUP BY ${quoteIdent(f.internalName)} HAVING COUNT(*) > 1 LIMIT 1`).get();
    if (dup) {
      throw new SPError(400, CODES.duplicateValues,
        'This field contains duplicate values. Remove all duplicate values and try the operation again.');
    }
  }

  fieldByName(list: ListRecord, nameOrTitle: string): FieldDef | undefined {
    const l = nameOrTitle.toLowerCase();
    return list.fields.find((f) => f.internalName.toLowerCase() === l) ?? list.fields.find((f) => f.title.toLowerCase() === l);
  }

  addField(list: ListRecord, f: FieldDef): FieldDef {
    if (list.fields.some((x) => x.internalName.toLowerCase() === f.internalName.toLowerCase())) {
      throw new SPError(400, CODES.spException, `A duplicate field name "${f.internalName}" was found.`);
    }
    if (list.fields.some((x) => x.id === f.id)) {
      throw new SPError(400, CODES.spException, `A duplicate field name "${f.internalName}" was found.`);
    }
    if (f.indexed) this.checkIndexLimit(list, f);
    if (f.enforceUnique && !f.indexed) {
      throw new SPError(400, CODES.spException, 'This field must be indexed to enforce unique values.');
    }
    return this.tx(() => {
      this.addColumn(list, f);
      const pos = list.fields.length;
      this.db.prepare('INSERT INTO fields (list_row, internal_name, pos, def) VALUES (?, ?, ?, ?)')
        .run(list.rowId, f.internalName, pos, JSON.stringify(f));
      list.fields.push(f);
      this.stmtCache.clear();
      return f;
    });
  }

  /** Applies changed properties to a field (indexing creates or drops the SQLite index). */
  updateField(list: ListRecord, f: FieldDef, next: FieldDef): void {
    if (next.indexed && !f.indexed) this.checkIndexLimit(list, next);
    if (next.enforceUnique && (!f.enforceUnique || !f.indexed)) this.checkUniqueEnforceable(list, next);
    if (!next.indexed && next.enforceUnique) {
      throw new SPError(400, CODES.spException, 'This field must be indexed to enforce unique values.');
    }
    this.tx(() => {
      if (next.indexed && !f.indexed) this.createIndex(list, next);
      if (!next.indexed && f.indexed) this.dropIndex(list, f);
      this.stmt('UPDATE fields SET def = ? WHERE list_row = ? AND internal_name = ?').run(JSON.stringify(next), list.rowId, f.internalName);
    });
    Object.assign(f, next);
  }

  deleteField(list: ListRecord, f: FieldDef): void {
    if (f.fromBaseType) throw new SPError(400, CODES.spException, 'You cannot delete a field that is part of the list base type.');
    this.tx(() => {
      this.dropIndex(list, f);
      if (isStored(f)) this.db.exec(`ALTER TABLE ${quoteIdent(itemsTable(list))} DROP COLUMN ${quoteIdent(f.internalName)}`);
      this.db.prepare('DELETE FROM fields WHERE list_row = ? AND internal_name = ?').run(list.rowId, f.internalName);
    });
    list.fields = list.fields.filter((x) => x !== f);
    for (const v of list.views) {
      if (v.viewFields.includes(f.internalName)) {
        v.viewFields = v.viewFields.filter((n) => n !== f.internalName);
        this.saveView(list, v);
      }
    }
    this.stmtCache.clear();
  }

  // ---------- views ----------

  addView(list: ListRecord, v: ViewDef): ViewDef {
    this.tx(() => {
      if (v.defaultView) {
        for (const other of list.views) {
          if (other.defaultView) {
            other.defaultView = false;
            this.saveView(list, other);
          }
        }
      }
      this.db.prepare('INSERT INTO views (list_row, id, pos, def) VALUES (?, ?, ?, ?)').run(list.rowId, v.id, list.views.length, JSON.stringify(v));
    });
    list.views.push(v);
    return v;
  }

  saveView(list: ListRecord, v: ViewDef): void {
    if (v.defaultView) {
      for (const other of list.views) {
        if (other !== v && other.defaultView) {
          other.defaultView = false;
          this.stmt('UPDATE views SET def = ? WHERE list_row = ? AND id = ?').run(JSON.stringify(other), list.rowId, other.id);
        }
      }
    }
    this.stmt('UPDATE views SET def = ? WHERE list_row = ? AND id = ?').run(JSON.stringify(v), list.rowId, v.id);
  }

  deleteView(list: ListRecord, v: ViewDef): void {
    this.stmt('DELETE FROM views WHERE list_row = ? AND id = ?').run(list.rowId, v.id);
    list.views = list.views.filter((x) => x !== v);
  }

  // ---------- users and groups ----------

  private userFromRow(r: Record<string, unknown> | undefined): UserRecord | undefined {
    if (!r) return undefined;
    return {
      id: Number(r.id), loginName: String(r.login_name), title: String(r.title), email: String(r.email),
      isSiteAdmin: Number(r.is_site_admin) === 1, jobTitle: String(r.job_title), department: String(r.department),
    };
  }

  allUsers(): UserRecord[] {
    return (this.stmt('SELECT * FROM users ORDER BY id').all() as Record<string, unknown>[]).map((r) => this.userFromRow(r)!);
  }

  userById(id: number): UserRecord | undefined {
    return this.userFromRow(this.stmt('SELECT * FROM users WHERE id = ?').get(id) as Record<string, unknown> | undefined);
  }

  userByLogin(loginOrEmail: string): UserRecord | undefined {
    const l = loginOrEmail.trim();
    const email = l.includes('|') ? l.slice(l.lastIndexOf('|') + 1) : l;
    return this.userFromRow(this.stmt('SELECT * FROM users WHERE login_name = ? OR (email = ? AND email <> \'\')').get(l, email) as
      Record<string, unknown> | undefined);
  }

  addUser(loginName: string, title: string, email: string): UserRecord {
    const maxRow = this.stmt('SELECT MAX(id) AS m FROM users WHERE id < 1073741823').get() as { m: number | null };
    const id = Math.max(Number(maxRow.m ?? 0), 20) + 1;
    this.stmt('INSERT INTO users (id, login_name, title, email) VALUES (?, ?, ?, ?)').run(id, loginName, title, email);
    return this.userById(id)!;
  }

  allGroups(): GroupRecord[] {
    return this.stmt('SELECT id, title, description FROM groups ORDER BY id').all() as unknown as GroupRecord[];
  }

  groupsOfUser(userId: number): GroupRecord[] {
    return this.stmt(`SELECT g.id, g.title, g.description FROM groups g JOIN group_members m ON m.group_id = g.id
      WHERE m.user_id = ? ORDER BY g.id`).all(userId) as unknown as GroupRecord[];
  }

  usersOfGroup(groupId: number): UserRecord[] {
    return (this.stmt(`SELECT u.* FROM users u JOIN group_members m ON m.user_id = u.id WHERE m.group_id = ? ORDER BY u.id`)
      .all(groupId) as Record<string, unknown>[]).map((r) => this.userFromRow(r)!);
  }

  addGroupMember(groupId: number, userId: number): void {
    this.stmt('INSERT OR IGNORE INTO group_members (group_id, user_id) VALUES (?, ?)').run(groupId, userId);
  }
}
