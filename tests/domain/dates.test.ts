import fc from 'fast-check';
import { PolicyInputError, addDays, addMonths, compareIsoDates, dayNumber, daysBetween, formatLongDate, fromDayNumber, isIsoDate, isoDateFromDate, parseIsoDate } from '../../src/domain';

describe('ISO calendar dates', () => {
  it.each([
    ['2026-01-01', true],
    ['2028-02-29', true],
    ['2000-02-29', true],
    ['2100-02-29', false],
    ['2026-02-29', false],
    ['2026-04-31', false],
    ['2026-00-10', false],
    ['2026-1-1', false],
    ['2026-01-01T00:00:00Z', false],
    ['', false],
    [20260101, false],
  ])('%p is a date: %p', (value, ok) => {
    expect(isIsoDate(value)).toBe(ok);
  });

  it('names the field when it refuses', () => {
    expect(() => parseIsoDate('tomorrow', 'due date')).toThrow(PolicyInputError);
    expect(() => parseIsoDate('tomorrow', 'due date')).toThrow('The due date "tomorrow" is not a valid date. Enter a real calendar date as yyyy-mm-dd, e.g. 2026-04-01.');
  });

  it('counts days across leap years exactly', () => {
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(compareIsoDates('2025-12-31', '2026-01-01')).toBe(-1);
  });

  it('agrees with the JavaScript calendar', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25000, max: 60000 }), (n) => {
        const iso = new Date(n * 86400000).toISOString().slice(0, 10);
        expect(fromDayNumber(n)).toBe(iso);
        expect(dayNumber(iso)).toBe(n);
      }),
    );
  });

  it('formats dates in long en-GB form', () => {
    expect(formatLongDate('2026-01-01')).toBe('1 January 2026');
    expect(formatLongDate('2025-12-31')).toBe('31 December 2025');
  });

  it('adds months, clamping to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-04-01', 24)).toBe('2028-04-01');
    expect(addMonths('2026-03-15', -3)).toBe('2025-12-15');
  });

  it('takes the local calendar day of a Date', () => {
    expect(isoDateFromDate(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
