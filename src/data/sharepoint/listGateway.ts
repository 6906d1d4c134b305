// The PnPjs calls every repository shares for one list: validated add/MERGE with ETags, reads with the
// schema's columns, and paged queries that filter and sort on indexed columns, with continuation tokens
// taken from SharePoint's odata.nextLink.
import type { SPFI } from '@pnp/sp';
import type { IItems } from '@pnp/sp/items';
import { parseBinderWithErrorCheck, parseODataJSON } from '@pnp/queryable';
import { ValidationError } from '../errors';
import type { Page } from '../ports';
import type { FieldMap, ItemRead } from '../schema/items';
import { restName } from '../schema/items';
import type { ListDef } from '../schema/types';
import { itemProblems } from '../schema/validate';
import { readDataError } from './errors';
import './pnp';

/** SharePoint's largest page; the app's pages are far smaller. */
const MAX_PAGE = 5000;
export const DEFAULT_PAGE_SIZE = 50;

/** An OData string literal: quotes doubled, so user text can never end the literal (O'Neil & Sons). */
export function odataString(text: string): string {
  return `'${String(text).replace(/'/g, "''")}'`;
}

/** An OData DateTime literal for SharePoint's $filter. */
export function odataDate(isoDateOrDateTime: string): string {
  const value = /^\d{4}-\d{2}-\d{2}$/.test(isoDateOrDateTime) ? `${isoDateOrDateTime}T00:00:00Z` : isoDateOrDateTime;
  if (isNaN(Date.parse(value))) throw new ValidationError([{ field: 'date', message: `“${isoDateOrDateTime}” is not a date.` }]);
  return `datetime'${value}'`;
}

export const and = (...parts: (string | undefined | false)[]): string | undefined => {
  const kept = parts.filter((p): p is string => !!p);
  return kept.length === 0 ? undefined : kept.length === 1 ? kept[0] : kept.map((p) => `(${p})`).join(' and ');
};
export const or = (parts: string[]): string => (parts.length === 1 ? parts[0] : `(${parts.join(' or ')})`);

export interface PageQuery {
  /** Starts with a condition on an indexed column (SharePoint uses the first one it can). */
  filter?: string;
  orderBy: readonly (readonly [string, boolean])[];
  pageSize?: number;
  pageToken?: string;
  /** Only these columns (no person columns); every schema column when absent. */
  select?: readonly string[];
}

interface PagedResult<T> {
  value: T[];
  nextLink?: string;
}

/** The $skiptoken of SharePoint's next-page link ("Paged=TRUE&p_ID=123…"), the page's continuation token. */
function skipTokenOf(nextLink: string | undefined): string | undefined {
  if (!nextLink) return undefined;
  const at = nextLink.indexOf('?');
  const query = at >= 0 ? nextLink.slice(at + 1) : nextLink;
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    const key = decodeURIComponent(pair.slice(0, eq).replace(/\+/g, ' '));
    if (key === '$skiptoken') return decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, ' '));
  }
  return undefined;
}

export class ListGateway<L extends ListDef> {
  public readonly def: L;
  private readonly sp: SPFI;
  /** Column → domain field, so validation errors name the form's field. */
  private readonly domainFields: Readonly<Record<string, string | undefined>>;
  /** Reads carry SharePoint's Author (Created By): for lists where who wrote an item is the proof. */
  private readonly authored: boolean;

  public constructor(sp: SPFI, def: L, domainFields: FieldMap<L> = {}, options: { authored?: boolean } = {}) {
    this.sp = sp;
    this.def = def;
    this.domainFields = domainFields;
    this.authored = !!options.authored;
  }

  public get title(): string {
    return this.def.title;
  }

  /** Items of this list on a given SPFI (pass a batched one to join a batch). */
  public items(sp: SPFI = this.sp): IItems {
    return sp.web.lists.getByTitle(this.def.title).items;
  }

  /** Person columns to expand: the schema's, and SharePoint's own Author when the list is read for it. */
  private userFields(): string[] {
    const people = this.def.fields.filter((f) => f.kind === 'User').map((f) => f.name);
    return this.authored ? people.concat('Author') : people;
  }

  /** Every schema column, person columns expanded to Id, Title, EMail. */
  public withColumns(items: IItems): IItems {
    const users = this.userFields();
    const plain = this.def.fields.filter((f) => f.kind !== 'User').map((f) => restName(f));
    const selects = ['Id', 'Modified'].concat(this.authored ? ['Created'] : [], plain.filter((n) => n !== 'Modified' && n !== 'Created'));
    users.forEach((u) => selects.push(`${u}Id`, `${u}/Id`, `${u}/Title`, `${u}/EMail`));
    const q = items.select(...selects);
    return users.length > 0 ? q.expand(...users) : q;
  }

  /** Refuses a body that does not fit the schema, before anything is sent. */
  public validate(body: Record<string, unknown>, creating: boolean): void {
    const problems = itemProblems(this.def, body, creating);
    if (problems.length === 0) return;
    const seen = new Set<string>();
    const unique = problems.filter((p) => (seen.has(p.column) ? false : (seen.add(p.column), true)));
    throw new ValidationError(
      unique.map((p) => ({ field: this.domainFields[p.column] || p.column, message: p.message })),
      this.def.title,
    );
  }

  /** Adds a validated item; on a batched SPFI the promise settles when the batch runs. */
  public async add(body: Record<string, unknown>, what: string, sp: SPFI = this.sp): Promise<{ Id: number; etag: string; Modified?: string }> {
    this.validate(body, true);
    try {
      const created = (await this.items(sp).add(body)) as { Id: number; 'odata.etag'?: string; Modified?: string };
      return { Id: created.Id, etag: created['odata.etag'] || '*', Modified: created.Modified };
    } catch (e) {
      throw await readDataError(e, what, this.def.title);
    }
  }

  /** MERGE with the item's ETag: a stale one gets SharePoint's 412, which becomes ConflictError. */
  public async update(id: number, etag: string, body: Record<string, unknown>, what: string, sp: SPFI = this.sp): Promise<{ etag: string }> {
    this.validate(body, false);
    try {
      const result = (await this.items(sp).getById(id).update(body, etag)) as { etag?: string | null };
      if (result && result.etag) return { etag: result.etag };
    } catch (e) {
      throw await readDataError(e, what, this.def.title);
    }
    // No ETag header came back: read the item's own.
    const fresh = await this.getRaw(id, what);
    return { etag: fresh ? fresh['odata.etag'] || '*' : '*' };
  }

  public async remove(id: number, etag: string, what: string, sp: SPFI = this.sp): Promise<void> {
    try {
      await this.items(sp).getById(id).delete(etag);
    } catch (e) {
      throw await readDataError(e, what, this.def.title);
    }
  }

  public async getRaw(id: number, what: string): Promise<ItemRead<L> | undefined> {
    try {
      const item = this.items().getById(id);
      const users = this.userFields();
      const plain = this.def.fields.filter((f) => f.kind !== 'User').map((f) => restName(f));
      const selects = ['Id', 'Modified'].concat(this.authored ? ['Created'] : [], plain.filter((n) => n !== 'Modified' && n !== 'Created'));
      users.forEach((u) => selects.push(`${u}Id`, `${u}/Id`, `${u}/Title`, `${u}/EMail`));
      const q = item.select(...selects);
      return (await (users.length > 0 ? q.expand(...users) : q)()) as ItemRead<L>;
    } catch (e) {
      const err = await readDataError(e, what, this.def.title);
      if (err.kind === 'not-found') return undefined;
      throw err;
    }
  }

  /** One page of items; the filter must start on an indexed column once the list is large. On a batched SPFI it joins the batch. */
  public async page(query: PageQuery, what: string, sp: SPFI = this.sp): Promise<Page<ItemRead<L>>> {
    const size = Math.max(1, Math.min(query.pageSize || DEFAULT_PAGE_SIZE, MAX_PAGE));
    let q = (query.select ? this.items(sp).select(...query.select) : this.withColumns(this.items(sp))).top(size);
    if (query.filter) q = q.filter(query.filter);
    for (const [field, ascending] of query.orderBy) q = q.orderBy(field, ascending);
    if (query.pageToken) q.query.set('$skiptoken', query.pageToken);
    try {
      const result = (await q.using(
        parseBinderWithErrorCheck(async (r: Response): Promise<PagedResult<ItemRead<L>>> => {
          const json = (await r.json()) as { 'odata.nextLink'?: string; d?: { __next?: string } };
          return { value: parseODataJSON(json) as ItemRead<L>[], nextLink: json['odata.nextLink'] || (json.d && json.d.__next) };
        }),
      )()) as unknown as PagedResult<ItemRead<L>>;
      return { items: result.value, nextPageToken: skipTokenOf(result.nextLink) };
    } catch (e) {
      throw await readDataError(e, what, this.def.title);
    }
  }

  /**
   * Every item matching an indexed filter, page by page (for small sets: one procurement's children). Given the
   * first page (read in a batch with `firstPage`), only the pages after it are requested.
   */
  public async all(query: Omit<PageQuery, 'pageToken' | 'pageSize'>, what: string, first?: Page<ItemRead<L>>): Promise<ItemRead<L>[]> {
    const out: ItemRead<L>[] = first ? first.items.slice() : [];
    let token: string | undefined = first ? first.nextPageToken : undefined;
    if (!first) {
      const page = await this.firstPage(query, what);
      out.push(...page.items);
      token = page.nextPageToken;
    }
    while (token) {
      const page = await this.page({ ...query, pageSize: MAX_PAGE, pageToken: token }, what);
      out.push(...page.items);
      token = page.nextPageToken;
    }
    return out;
  }

  /** The first page of `all` (the largest page SharePoint gives); on a batched SPFI it joins the batch. */
  public firstPage(query: Omit<PageQuery, 'pageToken' | 'pageSize'>, what: string, sp: SPFI = this.sp): Promise<Page<ItemRead<L>>> {
    return this.page({ ...query, pageSize: MAX_PAGE }, what, sp);
  }

  /** The one item with this value in an indexed unique column, if any; on a batched SPFI it joins the batch. */
  public async findByKey(column: string, key: string, what: string, sp: SPFI = this.sp): Promise<ItemRead<L> | undefined> {
    const page = await this.page({ filter: `${column} eq ${odataString(key)}`, orderBy: [], pageSize: 1 }, what, sp);
    return page.items[0];
  }
}
