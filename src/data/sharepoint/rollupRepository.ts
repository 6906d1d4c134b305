// Rollups: committed / reported / verified pence per procurement × quarter × theme, for the dashboard. The
// port speaks in theme rows; the list keeps one item per procurement × quarter with each theme's figures in
// its own columns. Saved by key in batches; existing items are found per procurement (an indexed filter).
import type { SPFI } from '@pnp/sp';
import type { Rollup } from '../../domain';
import type { Page, RollupQuery, RollupRepository, Stored, WriteFailure } from '../ports';
import { ROLLUPS_LIST } from '../schema/lists';
import type { BatchPart } from './batch';
import { runBatch } from './batch';
import { and, ListGateway, odataDate, odataString, or } from './listGateway';
import { rollupsByItem, rollupsFromItem, rollupToItem, sameValues } from './mapping';
import type { FieldMap, ItemRead } from '../schema/items';
import { ValidationError } from '../errors';

const ROLLUP_FIELDS: FieldMap<typeof ROLLUPS_LIST> = {
  ProcurementRef: 'procurementReference',
  PeriodEnd: 'periodEnd',
  Themes: 'themeId',
  Authority: 'authorityId',
  SupplierName: 'supplierName',
  CommittedPence: 'committedPence',
  ReportedPence: 'reportedPence',
  VerifiedPence: 'verifiedPence',
  Quantities: 'quantities',
};

/** References per existing-rollup lookup (keeps the $filter URL short). */
const REFS_PER_LOOKUP = 20;

/** Theme rows of `given` replace the stored rows of the same theme; the stored rows of other themes stay. */
function merged(stored: readonly Rollup[], given: readonly Rollup[]): Rollup[] {
  const last = given[given.length - 1];
  const kept = stored.filter((s) => !given.some((g) => g.themeId === s.themeId)).map((s): Rollup => ({ ...s, authorityId: last.authorityId, supplierName: last.supplierName }));
  const latest = given.filter((g, i) => !given.slice(i + 1).some((h) => h.themeId === g.themeId));
  return kept.concat(latest);
}

export class SharePointRollupRepository implements RollupRepository {
  private readonly sp: SPFI;
  private readonly list: ListGateway<typeof ROLLUPS_LIST>;

  public constructor(sp: SPFI) {
    this.sp = sp;
    this.list = new ListGateway(sp, ROLLUPS_LIST, ROLLUP_FIELDS);
  }

  public async query(query: RollupQuery): Promise<Page<Stored<Rollup>>> {
    const filter = and(
      query.procurementReference && `ProcurementRef eq ${odataString(query.procurementReference)}`,
      // One quarter is an eq on the indexed column: SharePoint judges each clause on its own, and either half
      // of a ge/le range can match more than 5,000 items on a regional list.
      query.periodFrom && query.periodFrom === query.periodTo && `PeriodEnd eq ${odataDate(query.periodFrom)}`,
      query.periodFrom && query.periodFrom !== query.periodTo && `PeriodEnd ge ${odataDate(query.periodFrom)}`,
      query.periodTo && query.periodFrom !== query.periodTo && `PeriodEnd le ${odataDate(query.periodTo)}`,
      query.authorityId && `Authority eq ${odataString(query.authorityId)}`,
    );
    const page = await this.list.page({ filter, orderBy: filter ? [['PeriodEnd', false]] : [['ID', true]], pageSize: query.pageSize, pageToken: query.pageToken }, 'Rollups');
    // A theme is columns of the item, not a filter SharePoint can apply: the item's other themes are dropped here.
    const rows = ([] as Stored<Rollup>[]).concat(...page.items.map(rollupsFromItem));
    return { items: query.themeId ? rows.filter((r) => r.themeId === query.themeId) : rows, nextPageToken: page.nextPageToken };
  }

  public async saveMany(rollups: readonly Rollup[]): Promise<{ ok: boolean; saved: number; failed: WriteFailure[] }> {
    const groups = rollupsByItem(rollups);
    const problems: { field: string; message: string }[] = [];
    groups.forEach((rows, key) => {
      try {
        this.list.validate(rollupToItem(rows), true);
      } catch (e) {
        if (e instanceof ValidationError) e.problems.forEach((p) => problems.push({ field: `rollups[${key}].${p.field}`, message: p.message }));
        else throw e;
      }
    });
    if (problems.length > 0) throw new ValidationError(problems, ROLLUPS_LIST.title);
    const refs = Array.from(new Set(rollups.map((r) => r.procurementReference)));
    const existing = new Map<string, { Id: number; etag: string; item: ItemRead<typeof ROLLUPS_LIST> }>();
    for (let i = 0; i < refs.length; i += REFS_PER_LOOKUP) {
      const chunk = refs.slice(i, i + REFS_PER_LOOKUP);
      const items = await this.list.all({ filter: or(chunk.map((r) => `ProcurementRef eq ${odataString(r)}`)), orderBy: [] }, 'Rollups');
      items.forEach((it) => existing.set(it.RollupKey || '', { Id: it.Id, etag: it['odata.etag'] || '*', item: it }));
    }
    const writes: { key: string; rows: number; write: (batched: SPFI) => Promise<unknown> }[] = [];
    groups.forEach((rows, key) => {
      const have = existing.get(key);
      const item = rollupToItem(have ? merged(rollupsFromItem(have.item), rows) : rows);
      if (!have) writes.push({ key, rows: rows.length, write: (batched) => this.list.add(item, `Rollup ${key}`, batched) });
      else if (!sameValues(item, have.item as unknown as Record<string, unknown>)) writes.push({ key, rows: rows.length, write: (batched) => this.list.update(have.Id, have.etag, item, `Rollup ${key}`, batched) });
    });
    const failures = await runBatch(this.sp, (batched) => writes.map((w): BatchPart => ({ what: `rollup ${w.key}`, run: () => w.write(batched) })), ROLLUPS_LIST.title);
    const failedRows = writes.filter((w) => failures.some((f) => f.what === `rollup ${w.key}`)).reduce((n, w) => n + w.rows, 0);
    return { ok: failures.length === 0, saved: rollups.length - failedRows, failed: failures };
  }
}
