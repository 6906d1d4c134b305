import fc from 'fast-check';
import {
  PolicyInputError,
  addDays,
  financialYearLabel,
  isPeriodEnd,
  nextPeriod,
  periodById,
  periodFor,
  periodLabel,
  periodsBetween,
  previousPeriod,
  returnDueDate,
} from '../../src/domain';

describe('periodFor: UK financial-year quarters', () => {
  it.each([
    ['2026-03-31', '2025-26 Q4', '2026-01-01', '2026-03-31'],
    ['2026-04-01', '2026-27 Q1', '2026-04-01', '2026-06-30'],
    ['2026-06-30', '2026-27 Q1', '2026-04-01', '2026-06-30'],
    ['2026-07-01', '2026-27 Q2', '2026-07-01', '2026-09-30'],
    ['2026-09-30', '2026-27 Q2', '2026-07-01', '2026-09-30'],
    ['2026-10-01', '2026-27 Q3', '2026-10-01', '2026-12-31'],
    ['2026-12-31', '2026-27 Q3', '2026-10-01', '2026-12-31'],
    ['2027-01-01', '2026-27 Q4', '2027-01-01', '2027-03-31'],
    ['2027-03-31', '2026-27 Q4', '2027-01-01', '2027-03-31'],
    ['2028-02-29', '2027-28 Q4', '2028-01-01', '2028-03-31'],
    ['2099-05-01', '2099-00 Q1', '2099-04-01', '2099-06-30'],
    ['2009-11-15', '2009-10 Q3', '2009-10-01', '2009-12-31'],
  ])('%s is in %s (%s to %s)', (date, id, start, end) => {
    const p = periodFor(date);
    expect([p.id, p.start, p.end]).toEqual([id, start, end]);
  });

  it('labels periods in words', () => {
    expect(periodFor('2026-05-01').label).toBe('Q1 2026-27 (April to June 2026)');
    expect(periodLabel('2026-27 Q4')).toBe('Q4 2026-27 (January to March 2027)');
    expect(periodLabel('2026-08-15')).toBe('Q2 2026-27 (July to September 2026)');
    expect(periodLabel(periodFor('2026-11-01'))).toBe('Q3 2026-27 (October to December 2026)');
  });

  it('refuses a malformed date', () => {
    expect(() => periodFor('2026-02-30')).toThrow(PolicyInputError);
    expect(() => periodFor('31/03/2026')).toThrow(PolicyInputError);
  });

  it('every date lies in its period, and periods tile the calendar without gaps', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40000 }), (offset) => {
        const date = addDays('2000-01-01', offset);
        const p = periodFor(date);
        expect(p.start <= date && date <= p.end).toBe(true);
        expect(nextPeriod(p).start).toBe(addDays(p.end, 1));
        expect(previousPeriod(nextPeriod(p)).id).toBe(p.id);
        expect(periodById(p.id)).toEqual(p);
      }),
    );
  });
});

describe('a period, shared', () => {
  it('is the same period however it is asked for, and no holder can change it for the others', () => {
    const q1 = periodFor('2026-05-01');
    expect(periodById('2026-27 Q1')).toBe(q1);
    expect(nextPeriod(previousPeriod(q1))).toBe(q1);
    try {
      (q1 as { label: string }).label = 'changed';
    } catch {
      // strict-mode code is told so; either way the period stays as it is
    }
    expect(periodFor('2026-06-30').label).toBe('Q1 2026-27 (April to June 2026)');
  });
});

describe('periodById', () => {
  it.each([['2026-27 Q1'], [' 2026-27 Q3 ']])('reads %p', (id) => {
    expect(periodById(id).financialYearStart).toBe(2026);
  });

  it.each([['2026-28 Q1'], ['2026/27 Q1'], ['2026-27 Q5'], ['Q1 2026-27'], ['']])('refuses %p', (id) => {
    expect(() => periodById(id)).toThrow(PolicyInputError);
  });
});

describe('schedules and due dates', () => {
  it('lists the quarters a contract reports in', () => {
    expect(periodsBetween('2026-03-15', '2027-01-10').map((p) => p.id)).toEqual(['2025-26 Q4', '2026-27 Q1', '2026-27 Q2', '2026-27 Q3', '2026-27 Q4']);
    expect(periodsBetween('2026-04-01', '2026-04-01').map((p) => p.id)).toEqual(['2026-27 Q1']);
    expect(() => periodsBetween('2027-01-01', '2026-01-01')).toThrow(PolicyInputError);
  });

  it.each([
    ['2026-06-30', true],
    ['2026-09-30', true],
    ['2026-12-31', true],
    ['2027-03-31', true],
    ['2026-06-29', false],
    ['2026-07-01', false],
    ['2026-03-30', false],
  ])('%s is a quarter end: %p', (date, end) => {
    expect(isPeriodEnd(date)).toBe(end);
  });

  it('puts returns due 30 days after the quarter by default', () => {
    expect(returnDueDate(periodById('2026-27 Q1'))).toBe('2026-07-30');
    expect(returnDueDate(periodById('2026-27 Q3'), 14)).toBe('2027-01-14');
  });

  it('writes financial years as public bodies do', () => {
    expect(financialYearLabel(2026)).toBe('2026-27');
    expect(financialYearLabel(2099)).toBe('2099-00');
    expect(financialYearLabel(2008)).toBe('2008-09');
  });
});
