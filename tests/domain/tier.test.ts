import fc from 'fast-check';
import {
  CONTRACT_TYPES,
  CURRENT_POLICY_EDITION,
  ContractType,
  PolicyInputError,
  REGIMES,
  Regime,
  THRESHOLD_TABLE_2026,
  TIERS,
  determineTier,
  withThresholdTable,
  determineTierForPence,
  tierSnapshot,
} from '../../src/domain';

// The figures of reference/thresholds.md, written out again here (not imported) so a typo in the data fails a test.
const THRESHOLDS_POUNDS: Record<'2024' | '2026', Record<Regime, Record<ContractType, number>>> = {
  // Concessions and defence and security by the row of Schedule 1 to the Procurement Act 2023 each falls in: a
  // utilities concession is row 6 (the utilities goods/services figure), defence and security light-touch row 8.
  '2024': {
    'sub-central': { goods: 214904, services: 214904, works: 5372609, 'light-touch-services': 663540, concession: 5372609 },
    central: { goods: 139688, services: 139688, works: 5372609, 'light-touch-services': 663540, concession: 5372609 },
    utilities: { goods: 429809, services: 429809, works: 5372609, 'light-touch-services': 884720, concession: 429809 },
    'defence-security': { goods: 429809, services: 429809, works: 5372609, 'light-touch-services': 663540, concession: 5372609 },
  },
  '2026': {
    'sub-central': { goods: 207720, services: 207720, works: 5193000, 'light-touch-services': 663540, concession: 5193000 },
    central: { goods: 135018, services: 135018, works: 5193000, 'light-touch-services': 663540, concession: 5193000 },
    utilities: { goods: 415440, services: 415440, works: 5193000, 'light-touch-services': 884720, concession: 415440 },
    'defence-security': { goods: 415440, services: 415440, works: 5193000, 'light-touch-services': 663540, concession: 5193000 },
  },
};

const TABLE_DATES = {
  '2024': { first: '2024-01-01', last: '2025-12-31', from: '2024-01-01' },
  '2026': { first: '2026-01-01', last: '2027-12-31', from: '2026-01-01' },
};

const cases: ['2024' | '2026', Regime, ContractType, number][] = [];
for (const edition of ['2024', '2026'] as const) {
  for (const r of REGIMES) {
    for (const c of CONTRACT_TYPES) cases.push([edition, r.id, c.id, THRESHOLDS_POUNDS[edition][r.id][c.id]]);
  }
}

describe('determineTier: every threshold ± 1p, for every table, regime and contract type', () => {
  it.each(cases)('%s table, %s %s: threshold £%p', (edition, regime, contractType, threshold) => {
    for (const date of [TABLE_DATES[edition].first, TABLE_DATES[edition].last]) {
      const below = determineTier({ estimatedValue: (threshold * 100 - 1) / 100, contractType, regime, decisionDate: date });
      const at = determineTier({ estimatedValue: threshold, contractType, regime, decisionDate: date });
      const above = determineTier({ estimatedValue: (threshold * 100 + 1) / 100, contractType, regime, decisionDate: date });
      expect(below.tier).toBe('toms-considered');
      expect(at.tier).toBe('toms-included');
      expect(above.tier).toBe('toms-included');
      for (const d of [below, at, above]) {
        expect(d.threshold).toBe(threshold);
        expect(d.thresholdPence).toBe(threshold * 100);
        expect(d.thresholdEffectiveFrom).toBe(TABLE_DATES[edition].from);
        expect(d.regime).toBe(regime);
        expect(d.policyEditionId).toBe(CURRENT_POLICY_EDITION.id);
      }
    }
  });
});

describe('determineTier: the £50,000 light-touch line', () => {
  it.each([
    [0, 'light-touch'],
    [0.01, 'light-touch'],
    [49999.99, 'light-touch'],
    [50000, 'toms-considered'],
    [50000.01, 'toms-considered'],
    [207719.99, 'toms-considered'],
    [207720, 'toms-included'],
  ])('£%p sub-central services in 2026 is %s', (value, tier) => {
    const d = determineTier({ estimatedValue: value, contractType: 'services', decisionDate: '2026-04-01' });
    expect(d.tier).toBe(tier);
    expect(d.lightTouchLimit).toBe(50000);
    expect(d.lightTouchLimitPence).toBe(5000000);
  });

  it('defaults the regime to sub-central', () => {
    expect(determineTier({ estimatedValue: 1, contractType: 'goods', decisionDate: '2026-01-01' }).regime).toBe('sub-central');
  });
});

describe('determineTier: the day before and the day a new table takes effect', () => {
  it.each([
    ['2025-12-31', 'toms-considered', 214904, '2024-01-01'],
    ['2026-01-01', 'toms-included', 207720, '2026-01-01'],
  ])('£210,000 sub-central goods decided on %s is %s against £%p', (date, tier, threshold, from) => {
    const d = determineTier({ estimatedValue: 210000, contractType: 'goods', decisionDate: date });
    expect(d.tier).toBe(tier);
    expect(d.threshold).toBe(threshold);
    expect(d.thresholdEffectiveFrom).toBe(from);
  });

  it('uses the latest table for dates far in the future until a new table is added', () => {
    expect(determineTier({ estimatedValue: 1, contractType: 'works', decisionDate: '2031-06-30' }).threshold).toBe(5193000);
  });

  it('accepts the first day of the earliest table and refuses the day before it', () => {
    expect(determineTier({ estimatedValue: 1, contractType: 'works', decisionDate: '2024-01-01' }).threshold).toBe(5372609);
    expect(() => determineTier({ estimatedValue: 1, contractType: 'works', decisionDate: '2023-12-31' })).toThrow(PolicyInputError);
    expect(() => determineTier({ estimatedValue: 1, contractType: 'works', decisionDate: '2023-12-31' })).toThrow(
      /before the earliest procurement threshold table \(in force from 1 January 2024\)/,
    );
  });
});

describe('determineTier: warnings when the threshold table is past its next scheduled revision', () => {
  const subCentralGoods = (decisionDate: string, edition = CURRENT_POLICY_EDITION) =>
    determineTier({ estimatedValue: 210000, contractType: 'goods', decisionDate }, edition);

  it('no warning while the 2026 table is current (up to 31 December 2027)', () => {
    expect(subCentralGoods('2026-01-01').warnings).toEqual([]);
    expect(subCentralGoods('2027-12-31').warnings).toEqual([]);
    expect(subCentralGoods('2025-06-30').warnings).toEqual([]);
  });

  it('on or after 1 January 2028 with no newer table, it says so and names the figures applied', () => {
    for (const date of ['2028-01-01', '2031-06-30']) {
      const d = subCentralGoods(date);
      expect(d.thresholdPence).toBe(20772000);
      expect(d.warnings).toHaveLength(1);
      expect(d.warnings[0]).toContain('is on or after 1 January 2028, when the UK procurement thresholds are next due to be revised');
      expect(d.warnings[0]).toContain('no table newer than the one in force from 1 January 2026');
    }
  });

  it('once the 2028 table is added the warning goes, and what was decided before keeps its recorded figure', () => {
    const before = subCentralGoods('2028-03-01');
    const recorded = tierSnapshot(before);
    const table2028 = {
      ...THRESHOLD_TABLE_2026,
      id: 'uk-thresholds-2028',
      label: 'test 2028 table',
      effectiveFrom: '2028-01-01',
      source: 'test data',
      figures: { ...THRESHOLD_TABLE_2026.figures, 'sub-central': { ...THRESHOLD_TABLE_2026.figures['sub-central'], goods: 21500000 } },
    };
    const edition2028 = withThresholdTable(CURRENT_POLICY_EDITION, table2028, 'wmca-svp-2028');
    const after = subCentralGoods('2028-03-01', edition2028);
    expect(after.warnings).toEqual([]);
    expect(after.thresholdPence).toBe(21500000);
    expect(after.tier).toBe('toms-considered');
    // The record keeps the decision made under the edition in force then: nothing recomputes it silently.
    expect(recorded).toEqual({ tier: 'toms-included', thresholdPence: 20772000, thresholdEffectiveFrom: '2026-01-01', policyEditionId: CURRENT_POLICY_EDITION.id });
    expect(subCentralGoods('2027-12-31', edition2028).warnings).toEqual([]);
  });
});

describe('determineTier: what each tier requires', () => {
  it.each([
    [10000, 'light-touch', false, false, false],
    [100000, 'toms-considered', false, false, true],
    [300000, 'toms-included', true, true, true],
  ])('£%p → %s (action plan %p, weighting %p, justification %p)', (value, tier, actionPlan, weighting, justification) => {
    const d = determineTier({ estimatedValue: value, contractType: 'services', decisionDate: '2026-05-01' });
    expect(d.tier).toBe(tier);
    expect(d.actionPlanRequired).toBe(actionPlan);
    expect(d.weightingRequired).toBe(weighting);
    expect(d.justificationRequired).toBe(justification);
    expect(d.tierLabel).toBe(TIERS.filter((t) => t.id === tier)[0].label);
  });
});

describe('determineTier: reason sentences name the figures', () => {
  it('at or above the threshold', () => {
    const d = determineTier({ estimatedValue: 250000, contractType: 'goods', decisionDate: '2026-03-01' });
    expect(d.reason).toMatch(/^£250,000 is at or above the £207,720 sub-central goods\/services threshold in force from 1 January 2026/);
  });

  it('between the light-touch limit and the threshold', () => {
    const d = determineTier({ estimatedValue: 50000, contractType: 'works', regime: 'utilities', decisionDate: '2025-06-01' });
    expect(d.reason).toContain('£50,000 is at or above the £50,000 light-touch limit but under the £5,372,609 utilities works threshold in force from 1 January 2024');
  });

  it('under the light-touch limit, with pence', () => {
    const d = determineTier({ estimatedValue: 49999.99, contractType: 'light-touch-services', regime: 'central', decisionDate: '2026-01-01' });
    expect(d.reason).toContain('£49,999.99 is under the £50,000 light-touch limit');
  });

  it('names central government and light-touch services thresholds plainly', () => {
    expect(determineTier({ estimatedValue: 140000, contractType: 'services', regime: 'central', decisionDate: '2026-01-01' }).reason).toContain(
      '£135,018 central government goods/services threshold',
    );
    expect(determineTier({ estimatedValue: 700000, contractType: 'light-touch-services', regime: 'utilities', decisionDate: '2026-01-01' }).reason).toContain(
      '£884,720 utilities light-touch services threshold',
    );
  });

  it('names concession and defence and security thresholds plainly', () => {
    expect(determineTier({ estimatedValue: 1000000, contractType: 'concession', decisionDate: '2026-01-01' }).reason).toContain(
      'under the £5,193,000 sub-central concession threshold in force from 1 January 2026',
    );
    expect(determineTier({ estimatedValue: 420000, contractType: 'goods', regime: 'defence-security', decisionDate: '2026-01-01' }).reason).toContain(
      'at or above the £415,440 defence and security goods/services threshold',
    );
  });

  it('tiers a £1m concession against the concession threshold, not the £207,720 services one', () => {
    const concession = determineTier({ estimatedValue: 1000000, contractType: 'concession', decisionDate: '2026-06-01' });
    const services = determineTier({ estimatedValue: 1000000, contractType: 'services', decisionDate: '2026-06-01' });
    expect(concession.tier).toBe('toms-considered');
    expect(concession.thresholdPence).toBe(519300000);
    expect(services.tier).toBe('toms-included');
  });

  it('is one sentence', () => {
    const d = determineTier({ estimatedValue: 250000, contractType: 'goods', decisionDate: '2026-03-01' });
    expect(d.reason.trim().endsWith('.')).toBe(true);
    expect(d.reason.slice(0, -1)).not.toMatch(/\.\s/);
  });
});

describe('determineTier: input that makes no sense', () => {
  const ok = { estimatedValue: 100000, contractType: 'goods' as ContractType, decisionDate: '2026-01-01' };
  it.each([
    ['a negative value', { ...ok, estimatedValue: -1 }, /cannot be negative/],
    ['NaN', { ...ok, estimatedValue: NaN }, /number of pounds/],
    ['Infinity', { ...ok, estimatedValue: Infinity }, /finite/],
    ['fractions of a penny', { ...ok, estimatedValue: 50000.001 }, /fractions of a penny/],
    ['a value that is text', { ...ok, estimatedValue: '100000' as unknown as number }, /number of pounds/],
    ['an unknown contract type', { ...ok, contractType: 'concessions' as ContractType }, /Unknown contract type "concessions"/],
    ['an unknown regime', { ...ok, regime: 'defence' as Regime }, /Unknown regime "defence"/],
    ['a malformed date', { ...ok, decisionDate: '01/01/2026' }, /not a valid date/],
    ['an impossible date', { ...ok, decisionDate: '2026-02-29' }, /not a valid date/],
    ['a date with a time', { ...ok, decisionDate: '2026-01-01T10:00:00Z' }, /not a valid date/],
    ['a missing date', { ...ok, decisionDate: undefined as unknown as string }, /not a valid date/],
    ['a date before any table', { ...ok, decisionDate: '2019-04-01' }, /before the earliest/],
  ])('%s throws PolicyInputError', (_name, input, message) => {
    expect(() => determineTier(input)).toThrow(PolicyInputError);
    expect(() => determineTier(input)).toThrow(message);
  });

  it('a missing input throws PolicyInputError', () => {
    expect(() => determineTier(undefined as unknown as never)).toThrow(PolicyInputError);
  });

  it('accepts a leap day', () => {
    expect(determineTier({ ...ok, decisionDate: '2028-02-29' }).tier).toBe('toms-considered');
  });
});

describe('determineTierForPence and tierSnapshot', () => {
  it('takes pence directly and agrees with determineTier', () => {
    const byPence = determineTierForPence({ estimatedValuePence: 20771999, contractType: 'services', decisionDate: '2026-01-01' });
    const byPounds = determineTier({ estimatedValue: 207719.99, contractType: 'services', decisionDate: '2026-01-01' });
    expect(byPence).toEqual(byPounds);
    expect(() => determineTierForPence({ estimatedValuePence: 1.5, contractType: 'services', decisionDate: '2026-01-01' })).toThrow(PolicyInputError);
  });

  it('keeps what the record needs', () => {
    const d = determineTier({ estimatedValue: 250000, contractType: 'goods', decisionDate: '2026-03-01' });
    expect(tierSnapshot(d)).toEqual({
      tier: 'toms-included',
      thresholdPence: 20772000,
      thresholdEffectiveFrom: '2026-01-01',
      policyEditionId: 'wmca-svp-2026',
    });
  });
});

describe('determineTier: property against the reference table', () => {
  it('puts every value, date, regime and contract type in the band the policy names', () => {
    const day = (n: number): string => new Date(Date.UTC(2024, 0, 1) + n * 86400000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 800000000 }),
        fc.integer({ min: 0, max: 365 * 6 }),
        fc.constantFrom(...REGIMES.map((r) => r.id)),
        fc.constantFrom(...CONTRACT_TYPES.map((c) => c.id)),
        (pence, offset, regime, contractType) => {
          const date = day(offset);
          const threshold = THRESHOLDS_POUNDS[date < '2026-01-01' ? '2024' : '2026'][regime][contractType] * 100;
          const expected = pence < 5000000 ? 'light-touch' : pence < threshold ? 'toms-considered' : 'toms-included';
          const d = determineTier({ estimatedValue: pence / 100, contractType, regime, decisionDate: date });
          expect(d.tier).toBe(expected);
          expect(d.thresholdPence).toBe(threshold);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
