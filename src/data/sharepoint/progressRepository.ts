// Commitments' progress as the site owner's figures update records it: one CommitmentProgress item per
// commitment (owners only), found by RAG through its indexed column for the dashboard's at-risk list. Written in
// batches by the update, which reads every item first (it knows each one's id and ETag).
import type { SPFI } from '@pnp/sp';
import type { RecordedProgress } from '../../domain';
import type { Page, ProgressQuery, ProgressRepository, Stored, WriteFailure } from '../ports';
import { PROGRESS_LIST } from '../schema/lists';
import type { FieldMap, ItemRead, ItemWrite } from '../schema/items';
import type { BatchPart } from './batch';
import { runBatch } from './batch';
import { and, ListGateway, odataString } from './listGateway';
import { fromSpDate, stored, toSpDate } from './mapping';

const PROGRESS_FIELDS: FieldMap<typeof PROGRESS_LIST> = {
  CommitmentId: 'commitmentId',
  ProcurementRef: 'procurementReference',
  MeasureCode: 'measureCode',
  TargetQuantity: 'targetQuantity',
  Unit: 'unit',
  DueDate: 'dueDate',
  Rag: 'rag',
  VerifiedQuantity: 'verifiedQuantity',
};

export function progressToItem(p: RecordedProgress): ItemWrite<typeof PROGRESS_LIST> {
  return {
    Title: `${p.procurementReference} · ${p.measureCode}`,
    ProgressKey: String(p.commitmentId),
    CommitmentId: p.commitmentId,
    ProcurementRef: p.procurementReference,
    MeasureCode: p.measureCode,
    TargetQuantity: p.targetQuantity,
    Unit: p.unit,
    DueDate: toSpDate(p.dueDate),
    Rag: p.rag,
    VerifiedQuantity: p.verifiedQuantity,
  };
}

export function progressFromItem(item: ItemRead<typeof PROGRESS_LIST>): Stored<RecordedProgress> {
  return stored<RecordedProgress>(
    {
      commitmentId: item.CommitmentId ?? 0,
      procurementReference: item.ProcurementRef || '',
      measureCode: item.MeasureCode || '',
      targetQuantity: item.TargetQuantity ?? 0,
      unit: item.Unit || 'count',
      dueDate: fromSpDate(item.DueDate) || '',
      rag: item.Rag || 'Green',
      verifiedQuantity: item.VerifiedQuantity ?? 0,
    },
    item,
  );
}

export class SharePointProgressRepository implements ProgressRepository {
  private readonly sp: SPFI;
  private readonly list: ListGateway<typeof PROGRESS_LIST>;

  public constructor(sp: SPFI) {
    this.sp = sp;
    this.list = new ListGateway(sp, PROGRESS_LIST, PROGRESS_FIELDS);
  }

  public async query(query: ProgressQuery): Promise<Page<Stored<RecordedProgress>>> {
    // Each clause is an eq on an indexed column: it narrows a regional list below the threshold on its own.
    const filter = and(query.rag && `Rag eq ${odataString(query.rag)}`, query.procurementReference && `ProcurementRef eq ${odataString(query.procurementReference)}`);
    const page = await this.list.page({ filter, orderBy: [['ID', true]], pageSize: query.pageSize, pageToken: query.pageToken }, 'Commitments’ progress');
    return { items: page.items.map(progressFromItem), nextPageToken: page.nextPageToken };
  }

  public async saveMany(save: readonly (RecordedProgress & { id?: number })[], remove: readonly number[] = []): Promise<{ ok: boolean; saved: number; failed: WriteFailure[] }> {
    // Every body is checked before anything is sent.
    const bodies = save.map((p) => ({ p, body: progressToItem(p) as Record<string, unknown> }));
    bodies.forEach(({ p, body }) => this.list.validate(body, p.id === undefined));
    const what = (p: RecordedProgress): string => `progress of ${p.procurementReference} ${p.measureCode}`;
    const failed = await runBatch(
      this.sp,
      (batched) => [
        ...bodies.map(({ p, body }): BatchPart => ({ what: what(p), run: () => (p.id === undefined ? this.list.add(body, what(p), batched) : this.list.update(p.id, '*', body, what(p), batched)) })),
        ...remove.map((id): BatchPart => ({ what: `progress item ${id}`, run: () => this.list.remove(id, '*', `progress item ${id}`, batched) })),
      ],
      PROGRESS_LIST.title,
    );
    return { ok: failed.length === 0, saved: save.length - failed.filter((f) => f.what.startsWith('progress of')).length, failed };
  }
}
