// The list view threshold, as SharePoint Online applies it to REST item queries.
//
// Rule (LIST_VIEW_THRESHOLD = 5,000):
//  - A list holding ≤ 5,000 items: every query is allowed.
//  - A larger list: a query is allowed when
//    (a) it has no $filter, orders by ID or by INDEXED columns of a sortable type (or not at all) and asks for
//        $top ≤ 5,000 — paging through everything by ID with $skiptoken is fine on SharePoint, and so is a
//        view sorted by an indexed text, number or date column: SharePoint walks that column's index. People,
//        lookup and managed metadata columns are the exception ("Columns with column types like people, lookup,
//        or managed metadata can cause list view threshold errors when sorting. However, you can use text,
//        number, date, and other column types in the first sort." — Microsoft support, quoted in
//        github.com/MicrosoftDocs/microsoft-365-community/issues/766; Microsoft Learn "Manage large lists and
//        libraries": sort a view of a large list by an indexed column); or
//    (b) $top ≤ 5,000, its $filter has, at the top level of an AND chain, a clause on an INDEXED column
//        (ID, or an indexed field that is not a lookup: SharePoint does not narrow by a lookup column's index) using
//        eq, lt, le, gt, ge, startswith, or a null check, and that clause alone matches ≤ 5,000 items; and every
//        $orderby column is ID or an indexed column.
//  - Anything else: 500, -2147024860 Microsoft.SharePoint.SPQueryThrottledException.
//  - Reading one item by id (items(n)) is always allowed.
// The count for (b) is taken with the SQLite index and stops at 5,001, so it stays cheap on 400,000 items.
import { FilterNode } from './odata/filterParser';
import { compileComparison, FilterContext, resolvePath, SqlFragment, compileFilter } from './odata/filterSql';
import { ListRecord, Store, quoteIdent, itemsTable } from './store';
import { throttled, SPError, CODES } from './errors';
import { FieldDef } from './fields';
import { LIST_VIEW_THRESHOLD, LOOKUP_COLUMN_THRESHOLD } from './platformLimits';

export { LIST_VIEW_THRESHOLD, LOOKUP_COLUMN_THRESHOLD };

/** Column types whose index SharePoint does not walk to sort a large list (issue 766 above). */
const UNSORTABLE_BY_INDEX = new Set(['Lookup', 'LookupMulti', 'User', 'UserMulti', 'TaxonomyFieldType', 'TaxonomyFieldTypeMulti']);

export interface OrderTerm {
  field: FieldDef | 'ID';
}

function indexedColumn(ctx: FilterContext, path: string[]): boolean {
  const r = resolvePath(ctx, path);
  if (r.kind === 'id') return true;
  if (r.kind === 'column') return r.field.indexed;
  if (r.kind === 'refColumn') {
    return r.field.indexed && (r.field.typeAsString === 'User');
  }
  return false;
}

/** A clause SharePoint could use to narrow the list by an index, or undefined. */
function indexableClause(ctx: FilterContext, clause: FilterNode): SqlFragment | undefined {
  if (clause.kind === 'compare') {
    const { left, right, op } = clause;
    if (op === 'ne') return undefined;
    if (left.kind === 'path' && right.kind === 'literal' && indexedColumn(ctx, left.path)) {
      return compileComparison(ctx, left.path, op, right.literal);
    }
    if (right.kind === 'path' && left.kind === 'literal' && indexedColumn(ctx, right.path)) {
      return compileFilter(ctx, clause);
    }
    return undefined;
  }
  if (clause.kind === 'startswith' && indexedColumn(ctx, clause.path)) return compileFilter(ctx, clause);
  return undefined;
}

export function checkThreshold(
  store: Store, ctx: FilterContext, list: ListRecord, itemCount: number, filter: FilterNode | undefined,
  clauses: FilterNode[], order: OrderTerm[], top: number,
): void {
  if (itemCount <= LIST_VIEW_THRESHOLD) return;
  if (top > LIST_VIEW_THRESHOLD) throw throttled();
  const orderOk = order.every((o) => o.field === 'ID' || (o.field.indexed && !UNSORTABLE_BY_INDEX.has(o.field.typeAsString)));
  if (!orderOk) throw throttled();
  if (!filter) return;
  for (const c of clauses) {
    const frag = indexableClause(ctx, c);
    if (!frag) continue;
    const row = store.stmt(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${quoteIdent(itemsTable(list))} WHERE ${frag.sql} LIMIT ${LIST_VIEW_THRESHOLD + 1})`)
      .get(...frag.params) as { n: number };
    if (Number(row.n) <= LIST_VIEW_THRESHOLD) return;
  }
  throw throttled();
}

// Lookup column threshold (12 in SharePoint Online): a query that joins more lookup-type columns (lookups and
// people, including Created By / Modified By) fails. Without $select every such column is part of the query; with
// $select, the ones selected (X, XId or X/…), expanded, filtered on through X/… or ordered by count.

export function checkLookupThreshold(lookupFields: Set<string>): void {
  if (lookupFields.size > LOOKUP_COLUMN_THRESHOLD) {
    throw new SPError(500, CODES.throttled,
      'The query cannot be completed because the number of lookup columns it contains exceeds the lookup column threshold enforced by the administrator.');
  }
}
