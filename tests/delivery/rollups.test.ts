import { commitmentFor, measureByCode, outcomeLogFor, verifyOutcome, rejectOutcome } from '../../src/domain';
import { procurementRollups, rollupPeriodEnds } from '../../src/delivery/rollups';
import { rebuildRollups } from '../../src/reporting/rollups';

const REF = 'WMCA-2026-0042';
const p = { reference: REF, authorityId: 'wmca', contractStart: '2026-04-01', supplier: { name: 'Tame Valley Facilities Ltd (fictional)', isSme: true, isVcse: false, isLocal: true } };
const hours = { ...commitmentFor(measureByCode('HSC-01')!, { procurementReference: REF, targetQuantity: 100, dueDate: '2026-09-15' }), id: 1 };
const carbon = { ...commitmentFor(measureByCode('ENV-01')!, { procurementReference: REF, targetQuantity: 10, dueDate: '2027-03-31' }), id: 2 };
const log = (c: typeof hours, date: string, q: number) => outcomeLogFor(c, { periodDate: date, quantity: q, reportedBy: 'a@x.example', evidenceUrl: 'https://e.example' });

describe('rollups as the delivery screens write them', () => {
  const logs = [verifyOutcome(log(hours, '2026-06-30', 40), 'b@x.example'), log(hours, '2026-09-30', 30), rejectOutcome(log(carbon, '2026-09-30', 4), 'b@x.example', 'No evidence')];

  it('equal the reporting module’s rebuild, quarter by quarter', () => {
    const all = procurementRollups(p, [hours, carbon], logs);
    expect(all).toEqual(rebuildRollups([hours, carbon], logs, [p]));
    expect(rollupPeriodEnds(p, [hours, carbon], logs)).toEqual(['2026-06-30', '2026-09-30', '2026-12-31', '2027-03-31']);
    // One quarter's rows (written after a verification) equal that quarter's rows of a full rebuild.
    expect(procurementRollups(p, [hours, carbon], logs, ['2026-09-30'])).toEqual(all.filter((r) => r.periodEnd === '2026-09-30'));
  });

  it('count reported and verified £ in the logged quarter, never a rejected log, and write a theme that falls to zero', () => {
    const rows = procurementRollups(p, [hours, carbon], logs);
    const row = (end: string, theme: string) => rows.filter((r) => r.periodEnd === end && r.themeId === theme)[0];
    expect(row('2026-06-30', 'healthier-stronger-communities')).toMatchObject({ reportedPence: 0, verifiedPence: 67_720, authorityId: 'wmca', supplierName: p.supplier.name });
    expect(row('2026-09-30', 'healthier-stronger-communities')).toMatchObject({ reportedPence: 50_790, verifiedPence: 0 });
    expect(row('2026-09-30', 'environment')).toMatchObject({ reportedPence: 0, verifiedPence: 0 });
    const committed = (theme: string) => rows.filter((r) => r.themeId === theme).reduce((s, r) => s + r.committedPence, 0);
    expect(committed('healthier-stronger-communities')).toBe(169_300);
    expect(committed('environment')).toBe(245_000);
  });
});
