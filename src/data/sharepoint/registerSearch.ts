// The register through SharePoint Search: the KQL for a register query, the sort, and the rows back as register
// entries. Words typed in the search box become plain words — letters and digits only — so quotes, wildcards,
// KQL operators (AND, NOT, Title:…, -x) or OData syntax are searched for as text and never run as query syntax.
import type { Procurement, ProcurementStatus, Tier, WeightingMethod } from '../../domain';
import type { ProcurementQuery, ProcurementSortKey, RegisterEntry } from '../ports';
import { REGISTER_SEARCH_PROPERTIES as P } from '../schema';

/**
 * KQL's length limit for queries made in code is 4,096 characters (Microsoft Learn, "Keyword Query Language (KQL)
 * syntax reference"). Each word costs about 60 characters of KQL; the register looks for at most this many words
 * (a title is rarely longer), which keeps any input well inside the limit.
 */
export const MAX_SEARCH_WORDS = 12;

/** Search answers at most 500 rows a request (tested against the platform's figure in tests/local/platformLimits). */
export const MAX_SEARCH_PAGE = 500;

/** The words of what was typed, as SharePoint's word breaker splits text: runs of letters and digits. */
export function searchWords(text: string): string[] {
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) || []).filter((w, i, all) => all.indexOf(w) === i);
  return words.slice(0, MAX_SEARCH_WORDS);
}

/** A value inside a KQL phrase: our own choice ids and e-mails, with any double quote taken out. */
function phrase(value: string): string {
  return `"${value.replace(/"/g, ' ').trim()}"`;
}

const anyOf = (property: string, values: readonly string[]): string =>
  values.length === 1 ? `${property}=${phrase(values[0])}` : `(${values.map((v) => `${property}=${phrase(v)}`).join(' OR ')})`;

/**
 * The KQL for a register query on the Procurements list (by its id), through the Refinable properties the site's
 * search schema maps (schema/searchSchema.ts). Choices are matched whole (`=`): a word match would find
 * "warwickshire" inside "north-warwickshire". The lead officer by e-mail. Each typed word must start a word of the
 * title or the reference (`GEN-0004` finds GEN-000400…).
 */
export function registerKql(listId: string, q: ProcurementQuery): string | undefined {
  const parts = [`ListId:${listId.replace(/[^0-9a-fA-F-]/g, '')}`];
  const statuses = q.status === undefined ? [] : typeof q.status === 'string' ? [q.status] : q.status.slice();
  if (statuses.length) parts.push(anyOf(P.status, statuses));
  if (q.tier) parts.push(anyOf(P.tier, [q.tier]));
  if (q.authorityId) parts.push(anyOf(P.authority, [q.authorityId]));
  if (q.themeId) parts.push(anyOf(P.themes, [q.themeId]));
  if (q.leadOfficerEmail) parts.push(`${P.leadOfficer}:${phrase(q.leadOfficerEmail)}`);
  // An approver's queue is the list's (listAnswersPastThreshold), never search's.
  if (q.approverEmail) return undefined;
  if (q.text !== undefined && q.text.trim() !== '') {
    const words = searchWords(q.text);
    // Typed text with no letters or digits (`*`, `"`, `()`) matches no word: nothing to search for.
    if (words.length === 0) return undefined;
    for (const w of words) parts.push(`(Title:${w}* OR ${P.reference}:${w}*)`);
  }
  return parts.join(' AND ');
}

const SORT_PROPERTIES: Record<ProcurementSortKey, string> = {
  // Created and LastModifiedTime are sortable in SharePoint Online's schema as it comes; the others are mapped.
  newest: 'Created',
  modified: 'LastModifiedTime',
  reference: P.reference,
  title: P.title,
  estimatedValue: P.estimatedValue,
  decisionDate: P.decisionDate,
};

/** Search's SortList for the register's sort (Direction 0 ascending, 1 descending). */
export function searchSort(sort: { by: ProcurementSortKey; descending?: boolean }): { Property: string; Direction: 0 | 1 }[] {
  return [{ Property: SORT_PROPERTIES[sort.by], Direction: sort.descending ? 1 : 0 }];
}

/** What the register shows, as search returns it (retrievable properties, values as text). */
export const REGISTER_SELECT = ['ListItemID', 'Title', P.reference, P.authority, P.estimatedValue, P.tier, P.weightingMethod, P.weightingPercent, P.status];

const num = (v: unknown): number | undefined => {
  if (v === null || v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
};
const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** A search row (Cells reduced to { Key: Value }, as PnPjs's PrimarySearchResults gives them) as a register entry. */
export function entryFromSearchRow(row: Record<string, unknown>): RegisterEntry {
  return {
    id: num(row.ListItemID) ?? 0,
    reference: text(row[P.reference]),
    title: text(row.Title),
    authorityId: text(row[P.authority]),
    estimatedValuePence: num(row[P.estimatedValue]) ?? 0,
    tier: (text(row[P.tier]) || undefined) as Tier | undefined,
    weighting: { method: (text(row[P.weightingMethod]) || 'none') as WeightingMethod, percent: num(row[P.weightingPercent]) },
    status: (text(row[P.status]) || 'Draft') as ProcurementStatus,
  };
}

/** A procurement read from the list, as a register entry. */
export function entryFromProcurement(p: Procurement & { id: number }): RegisterEntry {
  return {
    id: p.id,
    reference: p.reference,
    title: p.title,
    authorityId: p.authorityId,
    estimatedValuePence: p.estimatedValuePence,
    tier: p.tierDecision ? p.tierDecision.tier : undefined,
    weighting: p.weighting,
    status: p.status,
  };
}

/**
 * Whether a list past 5,000 items can answer the query itself under SharePoint's threshold: with no filter (it
 * walks ID or the sort column's index — every register sort is on an indexed column), a query for an approver
 * (the register asks for one only with Awaiting approval: a queue far below 5,000 that narrows first, and must show
 * a submission at once — search would show it only after the crawl), or one lead officer's procurements and no
 * other filter ("My procurements": the indexed Lead officer column narrows to one person's share of the register,
 * and a procurement they have just registered is there at once). An officer who somehow leads more than 5,000 is
 * refused by SharePoint, and register() asks search instead.
 */
export function listAnswersPastThreshold(q: ProcurementQuery): boolean {
  if (q.approverEmail) return true;
  const noText = q.text === undefined || q.text.trim() === '';
  const noStatus = q.status === undefined || (Array.isArray(q.status) && q.status.length === 0);
  return noStatus && noText && !q.tier && !q.authorityId && !q.themeId;
}
