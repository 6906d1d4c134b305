import { commitmentFor, measureByCode, outcomeLogFor, verifyOutcome, rejectOutcome } from '../../src/domain';
import { procurementRollups, rollupPeriodEnds } from '../../src/delivery/rollups';

const REF = 'WMCA-2026-0042';
const p = { reference: REF, authorityId: 'wmca', supplier: { name: 'Tame Valley Facilities Ltd (fictional)', isSme: true, isVcse: false, isLocal: true } };
const hours = { ...commitmentFor(measureByCode('HSC-01')!, { procurementReference: REF, targetQuantity: 100, dueDate: '2026-09-15' }), id: 1 };
const carbon = { ...commitmentFor(measureByCode('ENV-01')!, { procurementReference: REF, targetQuantity: 10, dueDate: '2027-03-31' }), id: 2 };
const log = (c: typeof hours, date: string, q: number) => outcomeLogFor(c, { periodDate: date, quantity: q, reportedBy: 'a@x.example', evidenceUrl: 'https://e.example' });

describe('rollups per procurement × quarter × theme', () => {
  it('puts committed £ in the quarter a commitment is due, reported and verified £ in the logged quarter', () => {
    const logs = [verifyOutcome(log(hours, '2026-06-30', 40), 'b@x.example'), log(hours, '2026-09-30', 30), rejectOutcome(log(carbon, '2026-09-30', 4), 'b@x.example', 'No evidence')];
    expect(rollupPeriodEnds([hours, carbon], logs)).toEqual(['2026-06-30', '2026-09-30', '2027-03-31']);
    const rows = procurementRollups(p, [hours, carbon], logs);
    const row = (end: string, theme: string) => rows.filter((r) => r.periodEnd === end && r.themeId === theme)[0];
    expect(row('2026-06-30', 'healthier-stronger-communities')).toMatchObject({ committedPence: 0, reportedPence: 0, verifiedPence: 67_720, authorityId: 'wmca', supplierName: p.supplier.name });
    expect(row('2026-09-30', 'healthier-stronger-communities')).toMatchObject({ committedPence: 169_300, reportedPence: 50_790, verifiedPence: 0 });
    // A rejected log never counts; the theme's row is still written (as zero) so a drop reaches the dashboard.
    expect(row('2026-09-30', 'environment')).toMatchObject({ committedPence: 0, reportedPence: 0, verifiedPence: 0 });
    expect(row('2027-03-31', 'environment')).toMatchObject({ committedPence: 245_000 });
    expect(rows.filter((r) => r.themeId === 'growth-skills-employment')).toEqual([]);
    // One quarter's rows (written after a verification) equal that quarter's rows of a full rebuild.
    expect(procurementRollups(p, [hours, carbon], logs, ['2026-09-30'])).toEqual(rows.filter((r) => r.periodEnd === '2026-09-30'));
  });
});
