import {
  CONTRACT_TYPES,
  DEFAULT_PROXIES,
  LIGHT_MEASURE_CODES,
  MEASURES,
  MEASURE_UNITS,
  Measure,
  PolicyInputError,
  SUGGESTED_MEASURE_CODES,
  THEMES,
  buildMeasureLibrary,
  formatQuantity,
  kpisFromCommitments,
  measureByCode,
  measuresForTheme,
  suggestedMeasures,
  themeForMeasureCode,
  validateMeasure,
} from '../../src/domain';

describe('the six themes', () => {
  it('are the policy’s section 5.0 themes with their code prefixes', () => {
    expect(THEMES.map((t) => [t.label, t.measurePrefix])).toEqual([
      ['Growth, Skills and Employment', 'GSE'],
      ['Promoting Local Businesses', 'PLB'],
      ['Creating Healthier, Stronger Communities', 'HSC'],
      ['Protecting and Improving our Environment', 'ENV'],
      ['Social Innovation', 'INN'],
      ['Planning and Development', 'PAD'],
    ]);
    for (const t of THEMES) expect(t.description.length).toBeGreaterThan(20);
  });

  it.each([
    ['GSE-01', 'growth-skills-employment'],
    ['pad-04', 'planning-development'],
    ['XYZ-01', undefined],
  ])('%s belongs to %s', (code, id) => {
    const t = themeForMeasureCode(code);
    expect(t ? t.id : undefined).toBe(id);
  });
});

describe('the measure library', () => {
  it('has at least 30 measures, every one sound, with unique codes', () => {
    expect(MEASURES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(MEASURES.map((m) => m.code)).size).toBe(MEASURES.length);
    for (const m of MEASURES) expect([m.code, validateMeasure(m)]).toEqual([m.code, []]);
    expect(() => buildMeasureLibrary(MEASURES)).not.toThrow();
  });

  it('covers every theme', () => {
    for (const t of THEMES) expect(measuresForTheme(t.id).length).toBeGreaterThanOrEqual(3);
  });

  it('files each measure under the theme its code names', () => {
    for (const m of MEASURES) expect(themeForMeasureCode(m.code)!.id).toBe(m.themeId);
  });

  it('uses only the agreed units', () => {
    expect(MEASURE_UNITS).toEqual(['FTE', 'weeks', 'hours', '£ spend', 'tonnes CO2e', 'count', '%']);
    for (const m of MEASURES) expect(MEASURE_UNITS).toContain(m.unit);
  });

  it.each([
    ['local jobs', 'GSE-01', 'FTE'],
    ['apprenticeships', 'GSE-07', 'weeks'],
    ['training', 'GSE-10', 'hours'],
    ['disadvantaged hires', 'GSE-02', 'FTE'],
    ['local spend', 'PLB-01', '£ spend'],
    ['SME spend', 'PLB-02', '£ spend'],
    ['VCSE spend', 'PLB-03', '£ spend'],
    ['volunteering', 'HSC-01', 'hours'],
    ['expert help to VCSEs', 'HSC-02', 'hours'],
    ['carbon', 'ENV-01', 'tonnes CO2e'],
    ['waste', 'ENV-02', '%'],
    ['social innovation', 'INN-01', 'count'],
    ['early planning support', 'PAD-01', 'hours'],
  ])('covers %s (%s, %s)', (_what, code, unit) => {
    const m = measureByCode(code)!;
    expect(m).toBeDefined();
    expect(m.unit).toBe(unit);
    expect(m.active).toBe(true);
  });

  it.each([
    ['HSC-01', 1693, 'hours'],
    ['ENV-05', 1693, 'hours'],
    ['HSC-02', 10100, 'hours'],
    ['PLB-04', 10100, 'hours'],
    ['HSC-03', 100, '£ spend'],
    ['ENV-01', 24500, 'tonnes CO2e'],
  ])('%s carries the public proxy %p pence per %s, with its edition and source', (code, pence, unit) => {
    const m = measureByCode(code)!;
    expect(m.recordOnly).toBe(false);
    expect(m.proxyPence).toBe(pence);
    expect(m.unit).toBe(unit);
    expect(m.proxyEdition).toBeTruthy();
    expect(m.proxySource).toMatch(/£/);
  });

  it('keeps every measure without a public proxy record-only (no invented £ figures)', () => {
    const proxies = Object.keys(DEFAULT_PROXIES).map((k) => DEFAULT_PROXIES[k].pence);
    for (const m of MEASURES) {
      if (m.recordOnly) expect(m.proxyPence).toBeUndefined();
      else expect(proxies).toContain(m.proxyPence);
    }
    expect(measureByCode('PLB-01')!.recordOnly).toBe(true); // local spend must not inflate the £ total
  });

  it('dates the carbon proxy, which drifts between editions', () => {
    expect(DEFAULT_PROXIES.carbonTonne.edition).toBe('2022');
    expect(DEFAULT_PROXIES.carbonTonne.source).toContain('£64.66');
  });

  it('does not copy National TOMs codes', () => {
    for (const m of MEASURES) expect(m.code).toMatch(/^(GSE|PLB|HSC|ENV|INN|PAD)-\d{2}$/);
  });

  it('finds a measure by code regardless of case', () => {
    expect(measureByCode('gse-01')!.code).toBe('GSE-01');
    expect(measureByCode('GSE-99')).toBeUndefined();
  });
});

describe('suggested measure sets', () => {
  it.each(CONTRACT_TYPES.map((c) => [c.id]))('%s has a set of known, active measures spanning several themes', (contractType) => {
    const set = suggestedMeasures(contractType, 'toms-included');
    expect(set.map((m) => m.code)).toEqual(SUGGESTED_MEASURE_CODES[contractType]);
    expect(new Set(set.map((m) => m.themeId)).size).toBeGreaterThanOrEqual(3);
  });

  it('offers the same set in the middle band', () => {
    expect(suggestedMeasures('works', 'toms-considered')).toEqual(suggestedMeasures('works', 'toms-included'));
  });

  it('offers the light set under £50,000, whatever the contract type', () => {
    for (const c of CONTRACT_TYPES) {
      const set = suggestedMeasures(c.id, 'light-touch');
      expect(set.map((m) => m.code)).toEqual(LIGHT_MEASURE_CODES);
      expect(set.length).toBeLessThanOrEqual(6);
    }
  });

  it('leaves out measures an administrator has retired', () => {
    const library = MEASURES.map((m) => (m.code === 'HSC-01' ? { ...m, active: false } : m));
    expect(suggestedMeasures('services', 'toms-included', library).map((m) => m.code)).not.toContain('HSC-01');
  });

  it('refuses an unknown contract type', () => {
    expect(() => suggestedMeasures('framework' as never, 'toms-included')).toThrow(PolicyInputError);
  });
});

describe('validateMeasure and buildMeasureLibrary (administrator edits and imports)', () => {
  const good: Measure = {
    code: 'ENV-07', themeId: 'environment', outcome: 'Cleaner water', text: 'Litres of water saved', unit: 'count',
    recordOnly: true, active: true,
  };

  it.each([
    ['a bad code', { code: 'ENV7' }, 'code'],
    ['a code from another theme', { code: 'GSE-77' }, 'code'],
    ['an unknown theme', { themeId: 'sport' }, 'themeId'],
    ['no outcome', { outcome: ' ' }, 'outcome'],
    ['no text', { text: '' }, 'text'],
    ['an unknown unit', { unit: 'litres' }, 'unit'],
    ['a proxy on a record-only measure', { proxyPence: 100 }, 'proxyPence'],
    ['a valued measure without proxy', { recordOnly: false, proxyEdition: '2026', proxySource: 'x' }, 'proxyPence'],
    ['a fractional proxy', { recordOnly: false, proxyPence: 10.5, proxyEdition: '2026', proxySource: 'x' }, 'proxyPence'],
    ['a proxy without edition', { recordOnly: false, proxyPence: 100, proxySource: 'x' }, 'proxyEdition'],
    ['a proxy without source', { recordOnly: false, proxyPence: 100, proxyEdition: '2026' }, 'proxySource'],
    ['no active flag', { active: undefined }, 'active'],
  ])('%s is refused on %s', (_name, change, field) => {
    const errors = validateMeasure({ ...good, ...change } as Partial<Measure>);
    expect(errors.map((e) => e.field)).toEqual([field]);
  });

  it('accepts a sound measure', () => {
    expect(validateMeasure(good)).toEqual([]);
  });

  it('refuses duplicate codes in an import', () => {
    expect(() => buildMeasureLibrary([good, good])).toThrow(PolicyInputError);
    let caught: unknown;
    try {
      buildMeasureLibrary([good, good, { ...good, code: 'bad' }]);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(PolicyInputError);
    expect((caught as PolicyInputError).problems).toHaveLength(2);
  });
});

describe('formatQuantity: a quantity in its unit, the same on screens, cards and KPIs', () => {
  it('writes counts, shares, money and the rest as people read them', () => {
    expect(formatQuantity(250, 'count')).toBe('250');
    expect(formatQuantity(40, '%')).toBe('40%');
    expect(formatQuantity(1200, '£ spend')).toBe('£1,200');
    expect(formatQuantity(1234.5, '£ spend')).toBe('£1,234.50');
    expect(formatQuantity(1, 'weeks')).toBe('1 week');
    expect(formatQuantity(2.5, 'weeks')).toBe('2.5 weeks');
    expect(formatQuantity(1, 'FTE')).toBe('1 FTE');
    expect(formatQuantity(1, 'tonnes CO2e')).toBe('1 tonne CO2e');
    expect(formatQuantity(1500, 'hours')).toBe('1,500 hours');
    expect(formatQuantity(0.333, 'FTE')).toBe('0.333 FTE');
    expect(formatQuantity(0.1 + 0.2, 'FTE')).toBe('0.3 FTE');
  });

  it('a KPI from a commitment says its target the same way', () => {
    const [kpi] = kpisFromCommitments([{ procurementReference: 'X-1', measureCode: 'GSE-12', targetQuantity: 75, unit: '%', dueDate: '2027-03-31' }]);
    expect(kpi.target).toBe('75% by 31 March 2027');
  });
});
