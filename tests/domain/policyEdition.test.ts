import {
  CURRENT_POLICY_EDITION,
  PolicyInputError,
  THRESHOLD_TABLE_2026,
  ThresholdRow,
  ThresholdTable,
  buildPolicyEdition,
  determineTier,
  policyEditionProblems,
  thresholdRowsFromTables,
  thresholdTablesFromRows,
  validateWeighting,
  withThresholdTable,
} from '../../src/domain';

const TABLE_2028: ThresholdTable = {
  id: 'uk-thresholds-2028',
  label: 'UK procurement thresholds from 2028',
  effectiveFrom: '2028-01-01',
  source: 'Hypothetical 2028 revision (test data)',
  figures: {
    'sub-central': { goods: 21000000, services: 21000000, works: 530000000, 'light-touch-services': 67000000, concession: 530000000 },
    central: { goods: 14000000, services: 14000000, works: 530000000, 'light-touch-services': 67000000, concession: 530000000 },
    utilities: { goods: 42000000, services: 42000000, works: 530000000, 'light-touch-services': 89000000, concession: 42000000 },
    'defence-security': { goods: 42000000, services: 42000000, works: 530000000, 'light-touch-services': 67000000, concession: 530000000 },
  },
};

describe('the current policy edition', () => {
  it('holds the policy figures: £50,000, 5–30%, tables from 2024 and 2026', () => {
    expect(CURRENT_POLICY_EDITION.lightTouchLimitPence).toBe(5000000);
    expect(CURRENT_POLICY_EDITION.weightingMinPercent).toBe(5);
    expect(CURRENT_POLICY_EDITION.weightingMaxPercent).toBe(30);
    expect(CURRENT_POLICY_EDITION.thresholdTables.map((t) => t.effectiveFrom)).toEqual(['2024-01-01', '2026-01-01']);
    for (const t of CURRENT_POLICY_EDITION.thresholdTables) expect(t.source).not.toBe('');
  });

  it('has no problems', () => {
    expect(policyEditionProblems(CURRENT_POLICY_EDITION)).toEqual([]);
  });
});

describe('adding the 2028 table as data', () => {
  const edition2028 = withThresholdTable(CURRENT_POLICY_EDITION, TABLE_2028, 'wmca-svp-2028');

  it('tiers against 2026 figures the day before and 2028 figures from the day it takes effect', () => {
    const before = determineTier({ estimatedValue: 208000, contractType: 'goods', decisionDate: '2027-12-31' }, edition2028);
    const on = determineTier({ estimatedValue: 208000, contractType: 'goods', decisionDate: '2028-01-01' }, edition2028);
    expect(before.tier).toBe('toms-included');
    expect(before.threshold).toBe(207720);
    expect(on.tier).toBe('toms-considered');
    expect(on.threshold).toBe(210000);
    expect(on.thresholdEffectiveFrom).toBe('2028-01-01');
    expect(on.reason).toContain('£210,000 sub-central goods/services threshold in force from 1 January 2028');
  });

  it('names the edition in every decision', () => {
    expect(determineTier({ estimatedValue: 1, contractType: 'goods', decisionDate: '2028-06-01' }, edition2028).policyEditionId).toBe('wmca-svp-2028');
  });

  it('leaves the current edition untouched', () => {
    expect(CURRENT_POLICY_EDITION.thresholdTables).toHaveLength(2);
    expect(determineTier({ estimatedValue: 208000, contractType: 'goods', decisionDate: '2028-01-01' }).threshold).toBe(207720);
  });

  it('can be built from flat Thresholds-list rows', () => {
    const rows = thresholdRowsFromTables(edition2028.thresholdTables);
    expect(rows).toHaveLength(3 * 4 * 5);
    const subCentralGoods2026 = rows.filter((r) => r.effectiveFrom === '2026-01-01' && r.regime === 'sub-central' && r.contractType === 'goods')[0];
    expect(subCentralGoods2026.valuePence).toBe(20772000);
    expect(subCentralGoods2026.effectiveTo).toBe('2027-12-31');
    expect(rows.filter((r) => r.effectiveFrom === '2028-01-01').every((r) => r.effectiveTo === undefined)).toBe(true);
    const rebuilt = buildPolicyEdition({
      id: 'from-rows',
      lightTouchLimitPence: 5000000,
      weightingMinPercent: 5,
      weightingMaxPercent: 30,
      thresholdRows: rows.slice().reverse(),
    });
    expect(rebuilt.thresholdTables.map((t) => t.figures)).toEqual(edition2028.thresholdTables.map((t) => t.figures));
    expect(rebuilt.thresholdTables.map((t) => t.effectiveFrom)).toEqual(['2024-01-01', '2026-01-01', '2028-01-01']);
  });
});

describe('a review changes the light-touch line and the weighting range', () => {
  const reviewed = buildPolicyEdition({
    id: 'wmca-svp-review',
    lightTouchLimitPence: 6000000,
    weightingMinPercent: 10,
    weightingMaxPercent: 25,
    thresholdTables: [THRESHOLD_TABLE_2026],
  });

  it.each([
    [59999.99, 'light-touch'],
    [60000, 'toms-considered'],
  ])('£%p is %s under a £60,000 line', (value, tier) => {
    const d = determineTier({ estimatedValue: value, contractType: 'services', decisionDate: '2026-02-01' }, reviewed);
    expect(d.tier).toBe(tier);
    expect(d.lightTouchLimit).toBe(60000);
  });

  it.each([
    [9.9, false],
    [10, true],
    [25, true],
    [25.1, false],
  ])('a %p%% weighting is valid: %p', (percent, ok) => {
    const v = validateWeighting({ method: 'weighted', percent, justification: 'Because.' }, 'toms-included', reviewed);
    expect(v.ok).toBe(ok);
    if (!ok) expect(v.errors[0].message).toContain('between 10% and 25%');
  });
});

describe('an edition that cannot be used is refused with every problem listed', () => {
  const good = {
    id: 'x',
    lightTouchLimitPence: 5000000,
    weightingMinPercent: 5,
    weightingMaxPercent: 30,
    thresholdTables: [THRESHOLD_TABLE_2026],
  };

  it.each([
    ['no id', { ...good, id: ' ' }, /needs an id/],
    ['a fractional light-touch limit', { ...good, lightTouchLimitPence: 50000.5 }, /light-touch limit must be a positive whole number of pence/],
    ['a negative light-touch limit', { ...good, lightTouchLimitPence: -1 }, /light-touch limit/],
    ['a minimum above the maximum', { ...good, weightingMinPercent: 31 }, /minimum weighting \(31%\) is above the maximum \(30%\)/],
    ['a weighting over 100%', { ...good, weightingMaxPercent: 120 }, /maximum weighting must be a percentage/],
    ['a NaN weighting', { ...good, weightingMinPercent: NaN }, /minimum weighting/],
    ['no tables', { ...good, thresholdTables: [] }, /at least one threshold table/],
    ['two tables on one day', { ...good, thresholdTables: [THRESHOLD_TABLE_2026, { ...THRESHOLD_TABLE_2026, id: 'copy' }] }, /another table already takes effect on 2026-01-01/],
    ['a bad table date', { ...good, thresholdTables: [{ ...THRESHOLD_TABLE_2026, effectiveFrom: '2026-13-01' }] }, /effective from/],
    ['a table without a source', { ...good, thresholdTables: [{ ...THRESHOLD_TABLE_2026, source: '' }] }, /needs a source/],
    [
      'a missing figure',
      { ...good, thresholdTables: [{ ...THRESHOLD_TABLE_2026, figures: { ...THRESHOLD_TABLE_2026.figures, central: { goods: 1, services: 1, works: 1 } } }] },
      /central government light-touch services threshold must be a positive whole number of pence; got undefined/,
    ],
    [
      'a threshold at or below the light-touch line',
      { ...good, lightTouchLimitPence: 20772000 },
      /sub-central goods threshold \(£207,720\) must be above the light-touch limit \(£207,720\)/,
    ],
  ])('%s', (_name, data, message) => {
    expect(() => buildPolicyEdition(data as never)).toThrow(PolicyInputError);
    expect(() => buildPolicyEdition(data as never)).toThrow(message);
  });

  it('reports several problems at once', () => {
    const problems = policyEditionProblems({ ...good, id: '', weightingMinPercent: 0, thresholdTables: [] });
    expect(problems.length).toBe(3);
  });

  it('refuses an unusable edition passed to a decision', () => {
    const broken = { ...CURRENT_POLICY_EDITION, weightingMinPercent: 40 };
    expect(() => determineTier({ estimatedValue: 1, contractType: 'goods', decisionDate: '2026-01-01' }, broken)).toThrow(PolicyInputError);
  });

  it('refuses incomplete or inconsistent Thresholds-list rows', () => {
    const rows = thresholdRowsFromTables([THRESHOLD_TABLE_2026]);
    expect(() => thresholdTablesFromRows(rows.slice(1))).toThrow(/has no sub-central goods threshold/);
    expect(() => thresholdTablesFromRows(rows.concat([rows[0]]))).toThrow(/has 2 sub-central goods thresholds/);
    expect(() => thresholdTablesFromRows([{ ...rows[0], valuePence: 0 }].concat(rows.slice(1)))).toThrow(/positive whole number of pence/);
    expect(() => thresholdTablesFromRows([{ ...rows[0], effectiveFrom: '1/1/2026' }])).toThrow(/yyyy-mm-dd/);
    expect(() => thresholdTablesFromRows(([{ ...rows[0], regime: 'eu' }] as unknown as ThresholdRow[]).concat(rows.slice(1)))).toThrow(/unknown regime "eu"/);
  });

  it('freezes what it builds', () => {
    const built = buildPolicyEdition(good);
    expect(Object.isFrozen(built)).toBe(true);
    expect(Object.isFrozen(built.thresholdTables[0].figures['sub-central'])).toBe(true);
  });
});
