// The figures of one quarter at a time against the rebuild's
// (every quarter from scratch), when officers and supplier returns type the same reference differently.
// The expected pence are worked out by hand here, not by calling the code under test: 40 hours of HSC-01
// at £16.93 = £677.20 verified in 2026-27 Q1, 30 hours = £507.90 reported in Q2.
import {
  commitmentFor,
  measureByCode,
  outcomeLogFor,
  rebuildRollups,
  referenceKey,
  rejectOutcome,
  periodFor,
  rollupsFor,
  rollupsForProcurement,
  verifyOutcome,
} from '../../src/domain';
import type { OutcomeLog } from '../../src/domain';

const REF = 'WMCA-2026-0042';
const p = { reference: REF, authorityId: 'wmca', contractStart: '2026-04-01', supplier: { name: 'Tame Valley Facilities Ltd (fictional)', isSme: true, isVcse: false, isLocal: true } };
const hours = { ...commitmentFor(measureByCode('HSC-01')!, { procurementReference: REF, targetQuantity: 100, dueDate: '2026-09-15' }), id: 1 };
const carbon = { ...commitmentFor(measureByCode('ENV-01')!, { procurementReference: REF, targetQuantity: 10, dueDate: '2027-03-31' }), id: 2 };
const log = (c: typeof hours, date: string, q: number, reference: string): OutcomeLog => ({
  ...outcomeLogFor(c, { periodDate: date, quantity: q, reportedBy: 'a@x.example', evidenceUrl: 'https://e.example' }),
  procurementReference: reference,
});
const HSC = 'healthier-stronger-communities';

describe.each([
  ['as registered', REF],
  ['in lower case with a trailing space', 'wmca-2026-0042 '],
  ['with leading spaces in mixed case', '  Wmca-2026-0042'],
])('rollups of logs stored under the reference %s', (_label, stored) => {
  const logs = [
    verifyOutcome(log(hours, '2026-06-30', 40, stored), 'b@x.example'),
    log(hours, '2026-09-30', 30, stored),
    rejectOutcome(log(carbon, '2026-09-30', 4, stored), 'b@x.example', 'No evidence'),
  ];
  /** One quarter's rollups: `rollupsFor` of that quarter's logs, as the rebuild computes each quarter. */
  const quarter = (end: string): ReturnType<typeof rollupsFor> => rollupsFor(p, [hours, carbon], logs.filter((l) => periodFor(l.periodEnd).end === end), end);
  const row = (rows: { periodEnd: string; themeId: string }[], end: string, theme: string): unknown => rows.filter((r) => r.periodEnd === end && r.themeId === theme)[0];

  it('count the verified and reported £ in each quarter', () => {
    expect(referenceKey(stored)).toBe(REF);
    const q1 = quarter('2026-06-30');
    expect(row(q1, '2026-06-30', HSC)).toMatchObject({ procurementReference: REF, verifiedPence: 67_720, reportedPence: 0 });
    const q2 = quarter('2026-09-30');
    expect(row(q2, '2026-09-30', HSC)).toMatchObject({ verifiedPence: 0, reportedPence: 50_790 });
    // A rejected log never counts.
    expect(row(q2, '2026-09-30', 'environment')).toMatchObject({ verifiedPence: 0, reportedPence: 0 });
  });

  it('equal the rebuild, quarter by quarter', () => {
    const rebuilt = rebuildRollups([hours, carbon], logs, [p]);
    const ends = Array.from(new Set(rebuilt.map((r) => r.periodEnd)));
    expect(ends).toEqual(['2026-06-30', '2026-09-30', '2026-12-31', '2027-03-31']);
    for (const end of ends) expect(quarter(end)).toEqual(rebuilt.filter((r) => r.periodEnd === end));
    expect(rollupsForProcurement(p, [hours, carbon], logs)).toEqual(rebuilt);
  });
});
