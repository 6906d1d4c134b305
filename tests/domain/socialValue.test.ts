import fc from 'fast-check';
import {
  Commitment,
  OutcomeLog,
  PolicyInputError,
  RAG_RULE,
  commitmentProgress,
  committedByTheme,
  committedValuePence,
  deliveredByTheme,
  describeValue,
  duplicateOutcomes,
  formatPounds,
  shareOfContractValue,
  socialValuePence,
  totalsByTheme,
} from '../../src/domain';

describe('socialValuePence: quantity × proxy, rounded half up to the penny', () => {
  it.each([
    [1, 1693, 1693],
    [2.5, 1693, 4233], // £42.325 → £42.33
    [0.5, 1, 1], // half a penny rounds up
    [0.49, 1, 0],
    [1.005, 100, 101], // float 1.005 × 100 = 100.4999…; exact decimal gives 100.5 → 101
    [0.333, 1693, 564], // 563.769
    [0, 24500, 0],
    [3.456, 24500, 84672],
    [1000000000, 10100, 10100000000000],
    [12345.67, 100, 1234567],
  ])('%p × %p pence = %p pence', (q, proxy, value) => {
    expect(socialValuePence(q, proxy)).toBe(value);
  });

  it('gives no £ value for a record-only measure', () => {
    expect(socialValuePence(12, undefined)).toBeUndefined();
  });

  it.each([
    [-1, 1693, /cannot be negative/],
    [NaN, 1693, /must be a number/],
    [Infinity, 1693, /must be a number/],
    [1, 16.93, /whole number of pence/],
    [1, -100, /negative/],
    [1e15, 24500, /too large/],
  ])('refuses %p × %p', (q, proxy, message) => {
    expect(() => socialValuePence(q, proxy)).toThrow(PolicyInputError);
    expect(() => socialValuePence(q, proxy)).toThrow(message);
  });

  it('matches exact integer arithmetic for any quantity in hundredths', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 10 ** 6 }), (hundredths, proxy) => {
        const product = BigInt(hundredths) * BigInt(proxy);
        const expected = Number(product / BigInt(100) + (product % BigInt(100) >= BigInt(50) ? BigInt(1) : BigInt(0)));
        expect(socialValuePence(hundredths / 100, proxy)).toBe(expected);
      }),
    );
  });
});

describe('sums on large amounts do not drift', () => {
  it('adds a million £16.93 values to exactly £16,930,000', () => {
    const items = Array.from({ length: 1000000 }, () => ({ measureCode: 'HSC-01', valuePence: 1693 }));
    const totals = totalsByTheme(items);
    expect(totals.totalPence).toBe(1693000000);
    expect(formatPounds(totals.totalPence)).toBe('£16,930,000');
  });

  it('keeps pence exact on totals in the billions', () => {
    const items = [
      { measureCode: 'ENV-01', valuePence: 123456789012345 },
      { measureCode: 'ENV-01', valuePence: 1 },
      { measureCode: 'GSE-01', valuePence: 99 },
    ];
    expect(totalsByTheme(items).totalPence).toBe(123456789012445);
  });

  it('refuses a total beyond exact integers', () => {
    expect(() => totalsByTheme([{ measureCode: 'ENV-01', valuePence: Number.MAX_SAFE_INTEGER }, { measureCode: 'HSC-01', valuePence: 1 }])).toThrow(/too large/);
  });
});

describe('totalsByTheme: every theme and its share', () => {
  it('always lists all six themes, in policy order, with zeros', () => {
    const totals = totalsByTheme([{ measureCode: 'HSC-01', valuePence: 500 }]);
    expect(totals.themes.map((t) => t.themeId)).toEqual([
      'growth-skills-employment', 'local-businesses', 'healthier-stronger-communities', 'environment', 'social-innovation', 'planning-development',
    ]);
    expect(totals.themes.map((t) => t.valuePence)).toEqual([0, 0, 500, 0, 0, 0]);
    expect(totals.themes.map((t) => t.sharePercent)).toEqual([0, 0, 100, 0, 0, 0]);
  });

  it('gives shares that add up to exactly 100% (largest remainder)', () => {
    const totals = totalsByTheme([
      { measureCode: 'GSE-01', valuePence: 1 },
      { measureCode: 'PLB-04', valuePence: 1 },
      { measureCode: 'HSC-01', valuePence: 1 },
    ]);
    expect(totals.themes.map((t) => t.shareTenthsOfPercent)).toEqual([334, 333, 333, 0, 0, 0]);
    expect(totals.themes.map((t) => t.sharePercent)).toEqual([33.4, 33.3, 33.3, 0, 0, 0]);
  });

  it('shares always add up to 1000 tenths when there is any value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ measureCode: fc.constantFrom('GSE-01', 'PLB-04', 'HSC-01', 'ENV-01', 'INN-02', 'PAD-01'), valuePence: fc.integer({ min: 0, max: 10 ** 10 }) }), { minLength: 1, maxLength: 50 }),
        (items) => {
          const totals = totalsByTheme(items);
          const sum = totals.themes.reduce((a, t) => a + t.shareTenthsOfPercent, 0);
          expect(sum).toBe(totals.totalPence === 0 ? 0 : 1000);
          expect(totals.themes.reduce((a, t) => a + t.valuePence, 0)).toBe(totals.totalPence);
          for (const t of totals.themes) {
            // Each rounded share is within a tenth of a percent of the exact share.
            if (totals.totalPence > 0) expect(Math.abs(t.shareTenthsOfPercent - (t.valuePence * 1000) / totals.totalPence)).toBeLessThan(1);
          }
        },
      ),
    );
  });

  it('shows when one theme dominates instead of hiding it in a grand total', () => {
    const totals = totalsByTheme([
      { measureCode: 'PLB-04', valuePence: 95000000 },
      { measureCode: 'HSC-01', valuePence: 5000000 },
    ]);
    expect(totals.themes[1].sharePercent).toBe(95);
    expect(totals.themes[2].sharePercent).toBe(5);
  });

  it('counts record-only items without a £ value', () => {
    const totals = totalsByTheme([{ measureCode: 'GSE-01' }, { measureCode: 'GSE-07', valuePence: undefined }, { measureCode: 'GSE-11', valuePence: 0 }]);
    expect(totals.themes[0]).toMatchObject({ valuePence: 0, itemCount: 3, recordOnlyCount: 2, sharePercent: 0 });
    expect(totals.totalPence).toBe(0);
  });

  it('refuses an unknown measure code or fractional pence', () => {
    expect(() => totalsByTheme([{ measureCode: 'TOM-01', valuePence: 1 }])).toThrow(/does not belong to any theme/);
    expect(() => totalsByTheme([{ measureCode: 'GSE-01', valuePence: 1.5 }])).toThrow(PolicyInputError);
  });
});

const commitment: Commitment = {
  id: 7,
  procurementReference: 'WMCA-2026-0042',
  measureCode: 'HSC-01',
  targetQuantity: 100,
  unit: 'hours',
  proxyPenceLocked: 1693,
  proxyEdition: 'SVH 2026',
  startDate: '2026-01-01',
  dueDate: '2026-12-31', // 364 days after the start
};

function log(quantity: number, verification: OutcomeLog['verification'] = 'Verified', extra: Partial<OutcomeLog> = {}): OutcomeLog {
  return {
    procurementReference: 'WMCA-2026-0042',
    commitmentId: 7,
    measureCode: 'HSC-01',
    periodEnd: '2026-06-30',
    quantity,
    proxyPence: 1693,
    reportedBy: 'supplier@example.com',
    verification,
    ...extra,
  };
}

describe('commitmentProgress and the RAG rule', () => {
  // 2026-07-02 is 182 of 364 days in: 50 hours expected.
  it.each([
    ['2025-12-31', [0], 'Green', 0],
    ['2026-01-01', [0], 'Green', 0],
    ['2026-07-02', [50], 'Green', 50],
    ['2026-07-02', [60], 'Green', 50],
    ['2026-07-02', [49.99], 'Amber', 50],
    ['2026-07-02', [37.5], 'Amber', 50], // exactly 75% of expected
    ['2026-07-02', [37.49], 'Red', 50],
    ['2026-07-02', [0], 'Red', 50],
    ['2026-07-02', [20, 17.5], 'Amber', 50], // several logs add up exactly
    ['2026-12-31', [99], 'Amber', 100], // due today, 99% of expected
    ['2026-12-31', [74.99], 'Red', 100],
    ['2027-01-01', [99], 'Red', 100], // overdue
    ['2027-01-01', [100], 'Green', 100],
    ['2027-06-01', [120], 'Green', 100],
  ])('as of %s with %j delivered: %s (expected %p)', (asOf, quantities, rag, expected) => {
    const p = commitmentProgress(commitment, quantities.map((q) => log(q)), asOf);
    expect(p.rag).toBe(rag);
    expect(p.expectedQuantity).toBe(expected);
    expect(p.ragReason.length).toBeGreaterThan(10);
  });

  it('is exact where floating point would misjudge: 0.1 + 0.2 of a 0.3 target is met', () => {
    const c = { ...commitment, targetQuantity: 0.3 };
    const p = commitmentProgress(c, [log(0.1), log(0.2)], '2027-01-01');
    expect(p.deliveredQuantity).toBe(0.3);
    expect(p.rag).toBe('Green');
    expect(p.overdue).toBe(false);
  });

  it('flags overdue only after the due date', () => {
    expect(commitmentProgress(commitment, [log(10)], '2026-12-31').overdue).toBe(false);
    expect(commitmentProgress(commitment, [log(10)], '2027-01-01').overdue).toBe(true);
    expect(commitmentProgress(commitment, [log(10)], '2027-01-01').ragReason).toMatch(/^Overdue: 10 of 100 delivered and the due date, 31 December 2026, has passed\.$/);
  });

  it('reports progress in quantity, % and £', () => {
    const p = commitmentProgress(commitment, [log(25), log(12.5, 'Reported'), log(40, 'Rejected')], '2026-07-02');
    expect(p.deliveredQuantity).toBe(37.5);
    expect(p.verifiedQuantity).toBe(25);
    expect(p.awaitingVerificationQuantity).toBe(12.5);
    expect(p.percentDelivered).toBe(37.5);
    expect(p.committedValuePence).toBe(169300);
    expect(p.deliveredValuePence).toBe(63488); // 25 × 1693 = 42325, 12.5 × 1693 = 21162.5 → 21163
    expect(p.verifiedValuePence).toBe(42325);
  });

  it('counts only verified outcomes on the verified-only basis', () => {
    const logs = [log(25), log(25, 'Reported')];
    expect(commitmentProgress(commitment, logs, '2026-07-02').rag).toBe('Green');
    expect(commitmentProgress(commitment, logs, '2026-07-02', { basis: 'verified-only' }).rag).toBe('Red');
  });

  it('ignores logs of other commitments', () => {
    const p = commitmentProgress(commitment, [log(50, 'Verified', { commitmentId: 8 }), log(10)], '2026-07-02');
    expect(p.deliveredQuantity).toBe(10);
  });

  it('matches logs by procurement and measure when there are no ids', () => {
    const c = { ...commitment, id: undefined };
    const logs = [log(10, 'Verified', { commitmentId: undefined }), log(5, 'Verified', { commitmentId: undefined, measureCode: 'HSC-02' })];
    expect(commitmentProgress(c, logs, '2026-07-02').deliveredQuantity).toBe(10);
  });

  it('uses the contract start when the commitment has none, and expects nothing before the due date without any start', () => {
    const c = { ...commitment, startDate: undefined };
    expect(commitmentProgress(c, [], '2026-07-02', { contractStart: '2026-01-01' }).rag).toBe('Red');
    expect(commitmentProgress(c, [], '2026-07-02').rag).toBe('Green');
    expect(commitmentProgress(c, [], '2026-12-31').rag).toBe('Red');
  });

  it('values record-only commitments in quantity only', () => {
    const c: Commitment = { ...commitment, measureCode: 'GSE-01', unit: 'FTE', proxyPenceLocked: undefined, proxyEdition: undefined };
    const p = commitmentProgress(c, [log(2.5, 'Verified', { measureCode: 'GSE-01', proxyPence: undefined })], '2026-07-02');
    expect(p.committedValuePence).toBeUndefined();
    expect(p.deliveredValuePence).toBeUndefined();
    expect(p.percentDelivered).toBe(2.5);
  });

  it('rounds % delivered half up to one decimal place', () => {
    const c = { ...commitment, targetQuantity: 3 };
    expect(commitmentProgress(c, [log(1)], '2026-07-02').percentDelivered).toBe(33.3);
    expect(commitmentProgress(c, [log(2)], '2026-07-02').percentDelivered).toBe(66.7);
  });

  it('refuses nonsense', () => {
    expect(() => commitmentProgress(commitment, [], '2026-13-01')).toThrow(PolicyInputError);
    expect(() => commitmentProgress({ ...commitment, targetQuantity: -1 }, [], '2026-07-02')).toThrow(/target quantity cannot be negative/);
    expect(() => commitmentProgress(commitment, [log(-5)], '2026-07-02')).toThrow(PolicyInputError);
    expect(() => commitmentProgress(commitment, [], '2026-07-02', { basis: 'all' as never })).toThrow(PolicyInputError);
  });

  it('publishes the rule for the UI', () => {
    expect(RAG_RULE.amberFromPercentOfExpected).toBe(75);
    expect(RAG_RULE.summary).toContain('75%');
    expect(RAG_RULE.lines.length).toBeGreaterThanOrEqual(4);
  });
});

describe('committed and delivered by theme', () => {
  it('values commitments at their locked proxy, per theme', () => {
    const totals = committedByTheme([
      commitment,
      { ...commitment, measureCode: 'ENV-01', unit: 'tonnes CO2e', targetQuantity: 10, proxyPenceLocked: 6466 }, // locked at the 2017 figure
      { ...commitment, measureCode: 'GSE-01', unit: 'FTE', proxyPenceLocked: undefined },
    ]);
    expect(totals.themes.map((t) => t.valuePence)).toEqual([0, 0, 169300, 64660, 0, 0]);
    expect(committedValuePence(commitment)).toBe(169300);
  });

  it('counts delivered logs, leaving out rejected ones', () => {
    const totals = deliveredByTheme([log(10), log(10, 'Reported'), log(10, 'Rejected')]);
    expect(totals.totalPence).toBe(33860);
    expect(deliveredByTheme([log(10), log(10, 'Reported')], 'verified-only').totalPence).toBe(16930);
  });
});

describe('shareOfContractValue', () => {
  it.each([
    [2077200, 20772000, 10],
    [1, 3, 33.3],
    [2, 3, 66.7],
    [0, 100, 0],
    [300, 100, 300],
  ])('%p of %p is %p%%', (v, c, pct) => {
    expect(shareOfContractValue(v, c)).toBe(pct);
  });

  it('refuses a zero contract value', () => {
    expect(() => shareOfContractValue(1, 0)).toThrow(PolicyInputError);
  });
});

describe('duplicateOutcomes: one outcome per measure per period per contract', () => {
  it('groups double claims and ignores rejected ones', () => {
    const a = log(1);
    const b = log(2, 'Reported', { measureCode: 'hsc-01' });
    const c = log(3, 'Rejected');
    const d = log(4, 'Verified', { periodEnd: '2026-09-30' });
    const e = log(5, 'Verified', { procurementReference: 'WMCA-2026-0043' });
    expect(duplicateOutcomes([a, b, c, d, e])).toEqual([[a, b]]);
    expect(duplicateOutcomes([a, c, d, e])).toEqual([]);
  });
});

describe('describeValue', () => {
  it('shows the working', () => {
    expect(describeValue(2.5, 'hours', 1693)).toBe('£42.33 (2.5 hours × £16.93)');
    expect(describeValue(3, 'FTE', undefined)).toBe('3 FTE (record-only: no £ value)');
  });
});
