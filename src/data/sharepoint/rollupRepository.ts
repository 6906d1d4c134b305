// Rollups: committed / reported / verified pence per procurement × quarter × theme, for the dashboard.
// Saved by their key in batches; existing rollups are found per procurement (an indexed filter).
import type { SPFI } from '@pnp/sp';
import type { Page, Rollup, RollupQuery, RollupRepository, Stored, WriteFailure } from '../ports';
import { ROLLUPS_LIST } from '../schema/lists';
import type { BatchPart } from './batch';
import { runBatch } from './batch';
import { and, ListGateway, odataDate, odataString, or } from './listGateway';
import { rollupFromItem, rollupKey, rollupToItem, sameValues } from './mapping';
import { ValidationError } from '../errors';

const ROLLUP_FIELDS: Record<string, string> = {
  ProcurementRef: 'procurementReference',
  PeriodEnd: 'periodEnd',
  Theme: 'themeId',
  Authority: 'authorityId',
  SupplierName: 'supplierName',
  CommittedPence: 'committedPence',
  ReportedPence: 'reportedPence',
  VerifiedPence: 'verifiedPence',
};

/** References per existing-rollup lookup (keeps the $filter URL short). */
const REFS_PER_LOOKUP = 20;

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
      // of a ge/le range can match more than 5,000 rollups on a regional list.
      query.periodFrom && query.periodFrom === query.periodTo && `PeriodEnd eq ${odataDate(query.periodFrom)}`,
      query.periodFrom && query.periodFrom !== query.periodTo && `PeriodEnd ge ${odataDate(query.periodFrom)}`,
      query.periodTo && query.periodFrom !== query.periodTo && `PeriodEnd le ${odataDate(query.periodTo)}`,
      query.authorityId && `Authority eq ${odataString(query.authorityId)}`,
      query.themeId && `Theme eq ${odataString(query.themeId)}`,
    );
    const page = await this.list.page({ filter, orderBy: filter ? [['PeriodEnd', false]] : [['ID', true]], pageSize: query.pageSize, pageToken: query.pageToken }, 'Rollups');
    return { items: page.items.map(rollupFromItem), nextPageToken: page.nextPageToken };
  }

  public async saveMany(rollups: readonly Rollup[]): Promise<{ ok: boolean; saved: number; failed: WriteFailure[] }> {
    const bodies = rollups.map((r) => ({ r, key: rollupKey(r.procurementReference, r.periodEnd, r.themeId), item: rollupToItem(r) }));
    const problems: { field: string; message: string }[] = [];
    bodies.forEach((b, i) => {
      try {
        this.list.validate(b.item, true);
      } catch (e) {
        if (e instanceof ValidationError) e.problems.forEach((p) => problems.push({ field: `rollups[${i}].${p.field}`, message: p.message }));
        else throw e;
      }
    });
    if (problems.length > 0) throw new ValidationError(problems, ROLLUPS_LIST.title);
    const refs = Array.from(new Set(rollups.map((r) => r.procurementReference)));
    const existing = new Map<string, { Id: number; etag: string; item: Record<string, unknown> }>();
    for (let i = 0; i < refs.length; i += REFS_PER_LOOKUP) {
      const chunk = refs.slice(i, i + REFS_PER_LOOKUP);
      const items = await this.list.all({ filter: or(chunk.map((r) => `ProcurementRef eq ${odataString(r)}`)), orderBy: [] }, 'Rollups');
      items.forEach((it) => existing.set(it.RollupKey || '', { Id: it.Id, etag: it['odata.etag'] || '*', item: it as unknown as Record<string, unknown> }));
    }
    const failures = await runBatch(
      this.sp,
      (batched) =>
        bodies
          .map(({ key, item }): BatchPart | undefined => {
            const have = existing.get(key);
            if (!have) return { what: `rollup ${key}`, run: () => this.list.add(item, `Rollup ${key}`, batched) };
            if (sameValues(item, have.item)) return undefined;
            return { what: `rollup ${key}`, run: () => this.list.update(have.Id, have.etag, item, `Rollup ${key}`, batched) };
          })
          .filter((p): p is BatchPart => !!p),
      ROLLUPS_LIST.title,
    );
    return { ok: failures.length === 0, saved: rollups.length - failures.length, failed: failures };
  }
}
