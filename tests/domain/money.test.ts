import fc from 'fast-check';
import { PolicyInputError, formatPounds, parsePounds, penceToPounds, poundsToPence, sumPence, assertPence } from '../../src/domain';

describe('poundsToPence', () => {
  it.each([
    [0, 0],
    [0.01, 1],
    [0.1, 10],
    [16.93, 1693],
    [19999.99, 1999999],
    [49999.99, 4999999],
    [50000, 5000000],
    [207719.99, 20771999],
    [207720, 20772000],
    [207720.01, 20772001],
    [1.005e2, 10050],
    [5193000, 519300000],
    [9999999999999.99, 999999999999999],
  ])('%p pounds is %p pence', (pounds, pence) => {
    expect(poundsToPence(pounds)).toBe(pence);
  });

  it.each([
    [NaN, /must be a number/],
    [Infinity, /finite/],
    [-Infinity, /finite/],
    [-0.01, /cannot be negative/],
    [-50000, /cannot be negative/],
    [12.345, /fractions of a penny/],
    [0.001, /fractions of a penny/],
    [1e-7, /fractions of a penny/],
    [0.1 + 0.2, /fractions of a penny/],
    [1e21, /too large/],
    [1e15, /too large/],
  ])('rejects %p', (pounds, message) => {
    expect(() => poundsToPence(pounds)).toThrow(PolicyInputError);
    expect(() => poundsToPence(pounds)).toThrow(message);
  });

  it('rejects a non-number', () => {
    expect(() => poundsToPence('50000' as unknown as number)).toThrow(PolicyInputError);
  });

  it('accepts negatives only when asked', () => {
    expect(poundsToPence(-12.5, 'adjustment', { allowNegative: true })).toBe(-1250);
  });

  it('names the field in its message', () => {
    expect(() => poundsToPence(-1, 'estimated value')).toThrow(/estimated value/);
  });

  it('round-trips pence through pounds exactly up to 15 significant digits (about £10 trillion)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 15 - 1 }), (pence) => {
        expect(poundsToPence(penceToPounds(pence))).toBe(pence);
      }),
    );
  });
});

describe('formatPounds (en-GB)', () => {
  it.each([
    [0, {}, '£0'],
    [1, {}, '£0.01'],
    [1693, {}, '£16.93'],
    [1690, {}, '£16.90'],
    [20772000, {}, '£207,720'],
    [25000000, {}, '£250,000'],
    [4999999, {}, '£49,999.99'],
    [519300000, {}, '£5,193,000'],
    [100000, {}, '£1,000'],
    [99999, {}, '£999.99'],
    [20772000, { pence: true }, '£207,720.00'],
    [1693, { pence: true }, '£16.93'],
    [1650, { pence: false }, '£17'],
    [1649, { pence: false }, '£16'],
    [-123450, {}, '-£1,234.50'],
    [9007199254740991, {}, '£90,071,992,547,409.91'],
  ])('%p pence %p → %p', (pence, options, text) => {
    expect(formatPounds(pence, options)).toBe(text);
  });

  it('agrees with Intl en-GB currency formatting', () => {
    const intl = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 2 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (pence) => {
        expect(formatPounds(pence, { pence: true })).toBe(intl.format(pence / 100));
      }),
    );
  });

  it.each([[1.5], [NaN], [Infinity]])('refuses %p', (value) => {
    expect(() => formatPounds(value)).toThrow(PolicyInputError);
  });
});

describe('parsePounds', () => {
  it.each([
    ['207720', 20772000],
    ['£207,720', 20772000],
    ['  £207,720.00 ', 20772000],
    ['16.93', 1693],
    ['16.9', 1690],
    ['0', 0],
    ['£ 1,234,567.89', 123456789],
  ])('%p → %p pence', (text, pence) => {
    expect(parsePounds(text)).toBe(pence);
  });

  it.each([['abc'], [''], ['12.345'], ['1,23'], ['-5'], ['£1,2345'], ['1e5']])('rejects %p', (text) => {
    expect(() => parsePounds(text)).toThrow(PolicyInputError);
  });
});

describe('sumPence and assertPence', () => {
  it('adds large sums exactly where floating pounds would drift', () => {
    const amounts = Array.from({ length: 1000 }, () => 1693); // 1,000 × £16.93
    expect(sumPence(amounts)).toBe(1693000);
    let floatPounds = 0;
    for (let i = 0; i < 1000; i++) floatPounds += 16.93;
    expect(floatPounds).not.toBe(16930); // the drift integer pence avoids
  });

  it('refuses a total beyond exact integers', () => {
    expect(() => sumPence([Number.MAX_SAFE_INTEGER, 1])).toThrow(/too large/);
  });

  it('refuses fractional pence', () => {
    expect(() => sumPence([1, 0.5])).toThrow(PolicyInputError);
    expect(() => assertPence(0.5)).toThrow(/whole number of pence/);
    expect(() => assertPence(-1)).toThrow(/negative/);
    expect(assertPence(-1, 'x', { allowNegative: true })).toBe(-1);
  });
});
