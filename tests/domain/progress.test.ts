// Stored delivery figures go out of date with time as well as with logs: staleProgress finds both.
import { progressRecords, progressToSave, staleAgainst, staleProgress } from '../../src/domain';
import type { CommitmentWithProgress } from '../../src/domain';
import type { OutcomeLog } from '../../src/domain';

const commitment = (over: Partial<CommitmentWithProgress> = {}): CommitmentWithProgress => ({
  id: 1,
  procurementReference: 'P-1',
  measureCode: 'ENV-01',
  targetQuantity: 10,
  unit: 'tonnes CO2e',
  proxyPenceLocked: 24_500,
  startDate: '2026-04-01',
  dueDate: '2026-09-30',
  rag: 'Green',
  verifiedQuantity: 10,
  ...over,
});
const log = (quantity: number, verification: OutcomeLog['verification']): OutcomeLog => ({
  procurementReference: 'p-1 ',
  commitmentId: 1,
  measureCode: 'ENV-01',
  periodEnd: '2026-06-30',
  quantity,
  reportedBy: 'supplier@example.org',
  verification,
});
const procurements = [{ reference: 'P-1', contractStart: '2026-04-01' }];

describe('staleProgress', () => {
  it('returns nothing when the stored RAG and verified quantity are those of today', () => {
    expect(staleProgress([commitment()], [log(10, 'Verified')], procurements, '2026-11-25')).toEqual([]);
  });

  it('turns a commitment Red on its due date with no new log, counting verified logs only', () => {
    const stored = commitment({ rag: 'Green', verifiedQuantity: 4 });
    const logs = [log(4, 'Verified'), { ...log(6, 'Reported'), periodEnd: '2026-09-30' }];
    expect(staleProgress([stored], logs, procurements, '2026-06-01')).toEqual([]);
    expect(staleProgress([stored], logs, procurements, '2026-10-01')).toEqual([{ ...stored, rag: 'Red', verifiedQuantity: 4 }]);
  });

  it('corrects a stored verified quantity after a log is rejected', () => {
    expect(staleProgress([commitment()], [log(10, 'Rejected')], procurements, '2026-05-01')).toEqual([expect.objectContaining({ verifiedQuantity: 0 })]);
  });
});

describe('the progress a site owner’s update records', () => {
  const recorded = { commitmentId: 1, procurementReference: 'P-1', measureCode: 'ENV-01', targetQuantity: 10, unit: 'tonnes CO2e' as const, dueDate: '2026-09-30', rag: 'Red' as const, verifiedQuantity: 4 };

  it('records each stored commitment’s RAG and verified quantity on the day, from verified logs only', () => {
    const logs = [log(4, 'Verified'), { ...log(6, 'Reported'), periodEnd: '2026-09-30' }];
    expect(progressRecords([commitment({ rag: 'Green', verifiedQuantity: 10 })], logs, procurements, '2026-10-01')).toEqual([recorded]);
    // A commitment not yet saved (no id) has nothing to key its progress by.
    expect(progressRecords([commitment({ id: undefined })], logs, procurements, '2026-10-01')).toEqual([]);
  });

  it('finds the stored commitments whose own columns differ from what was recorded for them, the same as staleProgress', () => {
    const logs = [log(4, 'Verified'), { ...log(6, 'Reported'), periodEnd: '2026-09-30' }];
    const stored = commitment({ rag: 'Green', verifiedQuantity: 10 });
    const records = progressRecords([stored], logs, procurements, '2026-10-01');
    expect(staleAgainst([stored], records)).toEqual(staleProgress([stored], logs, procurements, '2026-10-01'));
    expect(staleAgainst([stored], records)).toEqual([{ ...stored, rag: 'Red', verifiedQuantity: 4 }]);
    // A commitment with nothing recorded for it (another id) is left alone.
    expect(staleAgainst([commitment({ id: 2 })], records)).toEqual([]);
  });

  it('writes only what changed, adds what is new, and removes the progress of a commitment no longer there', () => {
    const fresh = [recorded, { ...recorded, commitmentId: 2, measureCode: 'ENV-02', rag: 'Green' as const }];
    const stored = [
      { ...recorded, id: 11 },
      { ...recorded, commitmentId: 3, id: 13 },
    ];
    expect(progressToSave(fresh, stored)).toEqual({ save: [fresh[1]], remove: [stored[1]] });
    // A stored record that differs in anything the at-risk list shows is replaced in place.
    expect(progressToSave([{ ...recorded, verifiedQuantity: 5 }], [{ ...recorded, id: 11 }])).toEqual({ save: [{ ...recorded, verifiedQuantity: 5, id: 11 }], remove: [] });
    expect(progressToSave([recorded], [{ ...recorded, id: 11, modified: '2026-11-25T10:00:00Z', etag: '"3"' }])).toEqual({ save: [], remove: [] });
  });
});
