import fc from 'fast-check';
import {
  CONTRACT_TYPES,
  CURRENT_POLICY_EDITION,
  PolicyInputError,
  TIERS,
  Tier,
  WeightingDecision,
  buildPolicyEdition,
  kpiDuty,
  recommendWeighting,
  validateWeighting,
} from '../../src/domain';

const J = 'Local labour is central to this contract.';
const fields = (d: WeightingDecision, tier: Tier): string[] => validateWeighting(d, tier).errors.map((e) => e.field);

describe('validateWeighting: the 5–30% range, inclusive', () => {
  it.each([
    [4.9, false],
    [5, true],
    [5.1, true],
    [17.5, true],
    [29.9, true],
    [30, true],
    [30.1, false],
    [0, false],
    [-5, false],
    [100, false],
  ])('weighted %p%% at every tier: valid %p', (percent, ok) => {
    for (const t of TIERS) {
      const v = validateWeighting({ method: 'weighted', percent, justification: J }, t.id);
      expect(v.ok).toBe(ok);
      if (!ok) {
        expect(v.errors).toEqual([
          { field: 'percent', message: `The social value weighting must be between 5% and 30% (the policy range); ${percent}% is outside it.` },
        ]);
      }
    }
  });

  it.each([[12.35], [12.345], [5.05], [29.99]])('%p%% has more than one decimal place: a field error that says what to do', (percent) => {
    for (const t of TIERS) {
      expect(validateWeighting({ method: 'weighted', percent, justification: J }, t.id).errors).toEqual([
        { field: 'percent', message: `Give the social value weighting to at most one decimal place (e.g. 12.5%); ${percent}% has more.` },
      ]);
    }
  });

  it.each([[12.5], [12], [5.5], [29.9]])('%p%% has at most one decimal place and is accepted', (percent) => {
    expect(validateWeighting({ method: 'weighted', percent, justification: J }, 'toms-included').ok).toBe(true);
  });

  it.each([[undefined], [null]])('weighted with percent %p asks for it', (percent) => {
    const v = validateWeighting({ method: 'weighted', percent: percent as unknown as number, justification: J }, 'toms-included');
    expect(v.errors).toEqual([{ field: 'percent', message: 'Enter the social value weighting as a percentage between 5% and 30%.' }]);
  });

  it.each([[NaN], [Infinity], ['20']])('weighted with percent %p is not a number', (percent) => {
    expect(fields({ method: 'weighted', percent: percent as unknown as number, justification: J }, 'toms-included')).toEqual(['percent']);
  });
});

describe('validateWeighting: PASS/FAIL needs essential criteria', () => {
  it('passes with one criterion', () => {
    expect(validateWeighting({ method: 'pass-fail', essentialCriteria: ['Employ 2 apprentices'], justification: J }, 'toms-included').ok).toBe(true);
  });

  it.each([
    ['no list', undefined, 'List at least one essential social value criterion that a bid must meet to pass.'],
    ['an empty list', [], 'List at least one essential social value criterion that a bid must meet to pass.'],
    ['only blanks', ['  ', ''], 'List at least one essential social value criterion that a bid must meet to pass.'],
    ['a blank among criteria', ['Employ 2 apprentices', ' '], 'Essential criterion 2 is blank: write it or remove it.'],
    ['not a list', 'Employ 2 apprentices', 'The essential criteria must be a list, one criterion per line.'],
  ])('%s', (_name, essentialCriteria, message) => {
    const v = validateWeighting({ method: 'pass-fail', essentialCriteria: essentialCriteria as unknown as string[], justification: J }, 'toms-included');
    expect(v.ok).toBe(false);
    expect(v.errors).toEqual([{ field: 'essentialCriteria', message }]);
  });

  it('has no percentage', () => {
    const v = validateWeighting({ method: 'pass-fail', percent: 10, essentialCriteria: ['x'], justification: J }, 'toms-included');
    expect(v.errors).toEqual([{ field: 'percent', message: 'Clear the weighting percentage: a PASS/FAIL decision is not scored as a percentage.' }]);
  });
});

describe('validateWeighting: rules by tier', () => {
  // [tier, decision, expected error fields]
  const table: [Tier, WeightingDecision, string[]][] = [
    // Top tier: weighted or PASS/FAIL, never none; always justified.
    ['toms-included', { method: 'weighted', percent: 10, justification: J }, []],
    ['toms-included', { method: 'pass-fail', essentialCriteria: ['x'], justification: J }, []],
    ['toms-included', { method: 'none', justification: J }, ['method']],
    ['toms-included', { method: 'none' }, ['method', 'justification']],
    ['toms-included', { method: 'weighted', percent: 10 }, ['justification']],
    ['toms-included', { method: 'weighted', percent: 10, justification: '   ' }, ['justification']],
    ['toms-included', { method: 'pass-fail', essentialCriteria: ['x'] }, ['justification']],
    // Middle band: none only with a justification; every decision justified.
    ['toms-considered', { method: 'none', justification: 'TOMs are not practical: single-source licence renewal.' }, []],
    ['toms-considered', { method: 'none' }, ['justification']],
    ['toms-considered', { method: 'none', justification: '' }, ['justification']],
    ['toms-considered', { method: 'weighted', percent: 5, justification: J }, []],
    ['toms-considered', { method: 'weighted', percent: 5 }, ['justification']],
    ['toms-considered', { method: 'pass-fail', essentialCriteria: ['x'] }, ['justification']],
    // Light touch: no weighting required, no justification required; what is given must be valid.
    ['light-touch', { method: 'none' }, []],
    ['light-touch', { method: 'weighted', percent: 10 }, []],
    ['light-touch', { method: 'weighted', percent: 40 }, ['percent']],
    ['light-touch', { method: 'pass-fail', essentialCriteria: [] }, ['essentialCriteria']],
    ['light-touch', { method: 'none', percent: 10 }, ['percent']],
    // Unknown method.
    ['light-touch', { method: 'scored' as never }, ['method']],
    ['toms-included', { method: undefined as never, justification: J }, ['method']],
  ];
  it.each(table)('%s %j → %j', (tier, decision, expected) => {
    const v = validateWeighting(decision, tier);
    expect(v.errors.map((e) => e.field)).toEqual(expected);
    expect(v.ok).toBe(expected.length === 0);
  });

  it('says why none is refused at the top tier', () => {
    expect(validateWeighting({ method: 'none', justification: J }, 'toms-included').errors[0].message).toBe(
      'At or above the procurement threshold social value must be weighted or PASS/FAIL; "no weighting" is not allowed.',
    );
  });

  it('asks for the reason TOMs are not practical in the middle band', () => {
    expect(validateWeighting({ method: 'none' }, 'toms-considered').errors[0].message).toMatch(/why TOMs are not practical/);
  });

  it('asks every decision from £50,000 for its reason', () => {
    expect(validateWeighting({ method: 'weighted', percent: 20 }, 'toms-considered').errors[0].message).toMatch(/^Give the reason for this weighting decision/);
  });

  it('refuses a justification that is not text', () => {
    expect(fields({ method: 'weighted', percent: 20, justification: 42 as unknown as string }, 'toms-included')).toEqual(['justification']);
  });

  it('reports every problem at once', () => {
    expect(fields({ method: 'pass-fail', percent: 12, essentialCriteria: [] }, 'toms-included')).toEqual(['percent', 'essentialCriteria', 'justification']);
  });

  it.each([['gold'], [undefined]])('an unknown tier %p is a PolicyInputError', (tier) => {
    expect(() => validateWeighting({ method: 'none' }, tier as never)).toThrow(PolicyInputError);
  });

  it('a missing decision is a PolicyInputError', () => {
    expect(() => validateWeighting(undefined as never, 'toms-included')).toThrow(PolicyInputError);
  });
});

describe('recommendWeighting', () => {
  const base = { estimatedValue: 300000, contractType: 'services' as const };

  it('recommends PASS/FAIL where social value is essential, at any tier', () => {
    for (const t of TIERS) {
      const r = recommendWeighting({ ...base, tier: t.id, relevance: 'medium', socialValueEssential: true });
      expect(r.method).toBe('pass-fail');
      expect(r.suggested).toBeUndefined();
      expect(r.rationale.join(' ')).toMatch(/PASS\/FAIL/);
    }
  });

  it('uses the officer’s own essential criteria in the draft', () => {
    const r = recommendWeighting({ ...base, tier: 'toms-included', relevance: 'high', socialValueEssential: true, essentialCriteria: ['Two apprentices', ' '] });
    expect(r.draft.essentialCriteria).toEqual(['Two apprentices']);
  });

  it('recommends no weighting under £50,000', () => {
    const r = recommendWeighting({ estimatedValue: 20000, contractType: 'goods', tier: 'light-touch', relevance: 'high' });
    expect(r.method).toBe('none');
    expect(r.rationale.join(' ')).toMatch(/Under £50,000 no weighting is required/);
  });

  it.each([
    ['toms-considered', 'low', 'services', 100000, 5, 10, 5],
    ['toms-considered', 'medium', 'services', 100000, 5, 15, 10],
    ['toms-considered', 'high', 'works', 100000, 10, 20, 15],
    ['toms-included', 'low', 'services', 300000, 5, 15, 10],
    ['toms-included', 'medium', 'light-touch-services', 700000, 10, 20, 15],
    ['toms-included', 'high', 'services', 300000, 15, 30, 20],
    ['toms-included', 'high', 'goods', 300000, 15, 25, 20],
    ['toms-included', 'low', 'goods', 300000, 5, 10, 10],
    ['toms-included', 'high', 'works', 6000000, 15, 30, 20],
    ['toms-included', 'high', 'works', 5000000, 15, 30, 20],
    ['toms-included', 'high', 'works', 5000000.01, 15, 30, 20],
  ] as const)('%s, %s relevance, %s £%p → %p–%p%%, suggested %p%%', (tier, relevance, contractType, estimatedValue, min, max, suggested) => {
    const r = recommendWeighting({ tier, relevance, contractType, estimatedValue });
    expect(r.method).toBe('weighted');
    expect([r.min, r.max, r.suggested]).toEqual([min, max, suggested]);
    expect(r.rationale.length).toBeGreaterThanOrEqual(3);
    expect(r.policyEditionId).toBe(CURRENT_POLICY_EDITION.id);
  });

  it('names section 52’s KPI duty where it applies, and the weighting stays what it would be without it', () => {
    const base = { tier: 'toms-included' as const, relevance: 'high' as const, contractType: 'services' as const, estimatedValue: 6000000 };
    const duty = kpiDuty({ estimatedValuePence: 600000000, contractType: 'services', decisionDate: '2026-04-01' });
    expect(duty.applies).toBe(true);
    const named = recommendWeighting({ ...base, kpiDuty: duty });
    const plain = recommendWeighting(base);
    expect(named.rationale.join(' ')).toContain('at least 3 key performance indicators');
    expect(named.rationale.join(' ')).toContain('the duty does not change the weighting');
    expect([named.min, named.max, named.suggested, named.draft]).toEqual([plain.min, plain.max, plain.suggested, plain.draft]);
    expect(plain.rationale.join(' ')).not.toMatch(/KPI|key performance/);
  });

  it.each([
    ['£5.1m of works (under the £5,193,000 works threshold: not a public contract)', { estimatedValuePence: 510000000, contractType: 'works' as const }],
    ['light-touch services over £5m', { estimatedValuePence: 600000000, contractType: 'light-touch-services' as const }],
  ])('does not name the KPI duty for %s', (_name, input) => {
    const duty = kpiDuty({ ...input, decisionDate: '2026-04-01' });
    expect(duty.applies).toBe(false);
    const r = recommendWeighting({ tier: 'toms-included', relevance: 'high', contractType: input.contractType, estimatedValue: input.estimatedValuePence / 100, kpiDuty: duty });
    expect(r.rationale.join(' ')).not.toMatch(/KPI|key performance/);
  });

  it('stays inside a narrower range set by a policy review', () => {
    const narrow = buildPolicyEdition({ ...CURRENT_POLICY_EDITION, id: 'narrow', thresholdTables: [...CURRENT_POLICY_EDITION.thresholdTables], weightingMinPercent: 12, weightingMaxPercent: 14 });
    const r = recommendWeighting({ tier: 'toms-included', relevance: 'high', contractType: 'services', estimatedValue: 300000 }, narrow);
    expect([r.min, r.max, r.suggested]).toEqual([14, 14, 14]);
    expect(r.rationale[0]).toContain('from 12% to 14%');
    expect(r.rationale.join(' ')).toContain("Kept within this edition's range: 14%–14%.");
  });

  it.each([
    ['an unknown tier', { tier: 'gold' }],
    ['a negative value', { estimatedValue: -1 }],
    ['a NaN value', { estimatedValue: NaN }],
    ['an infinite value', { estimatedValue: Infinity }],
    ['an unknown contract type', { contractType: 'framework' }],
    ['an unknown relevance', { relevance: 'very high' }],
  ])('%s is a PolicyInputError', (_name, change) => {
    const input = { tier: 'toms-included', relevance: 'high', contractType: 'services', estimatedValue: 300000, ...change };
    expect(() => recommendWeighting(input as never)).toThrow(PolicyInputError);
  });
});

describe('property: a recommendation never contradicts validateWeighting', () => {
  const tierArb = fc.constantFrom<Tier>('light-touch', 'toms-considered', 'toms-included');
  const inputArb = fc.record({
    tier: tierArb,
    estimatedValue: fc.integer({ min: 0, max: 10 ** 12 }).map((p) => p / 100),
    contractType: fc.constantFrom(...CONTRACT_TYPES.map((c) => c.id)),
    relevance: fc.constantFrom('low' as const, 'medium' as const, 'high' as const),
    socialValueEssential: fc.option(fc.boolean(), { nil: undefined }),
    essentialCriteria: fc.option(fc.array(fc.string()), { nil: undefined }),
  });
  const rangeArb = fc
    .tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }))
    .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);

  it('under the current edition: the draft validates, the band is inside 5–30 and every percentage in it validates', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = recommendWeighting(input);
        expect(validateWeighting(r.draft, input.tier)).toEqual({ ok: true, errors: [] });
        expect(r.draft.method).toBe(r.method);
        expect(r.min).toBeGreaterThanOrEqual(5);
        expect(r.max).toBeLessThanOrEqual(30);
        expect(r.min).toBeLessThanOrEqual(r.max);
        if (r.method === 'weighted') {
          expect(r.suggested).toBeGreaterThanOrEqual(r.min);
          expect(r.suggested).toBeLessThanOrEqual(r.max);
          expect(r.draft.percent).toBe(r.suggested);
        } else {
          expect(r.suggested).toBeUndefined();
        }
        if (input.socialValueEssential) expect(r.method).toBe('pass-fail');
        if (input.tier === 'toms-included') expect(r.method).not.toBe('none');
        for (let p = r.min; p <= r.max; p++) {
          expect(validateWeighting({ method: 'weighted', percent: p, justification: 'why' }, input.tier).ok).toBe(true);
        }
        expect(r.rationale.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('under any edition with a sound range', () => {
    fc.assert(
      fc.property(inputArb, rangeArb, (input, [min, max]) => {
        const edition = buildPolicyEdition({
          id: `range-${min}-${max}`,
          lightTouchLimitPence: 5000000,
          weightingMinPercent: min,
          weightingMaxPercent: max,
          thresholdTables: [...CURRENT_POLICY_EDITION.thresholdTables],
        });
        const r = recommendWeighting(input, edition);
        expect(validateWeighting(r.draft, input.tier, edition).ok).toBe(true);
        expect(r.min).toBeGreaterThanOrEqual(min);
        expect(r.max).toBeLessThanOrEqual(max);
        expect(validateWeighting({ method: 'weighted', percent: r.min, justification: 'why' }, input.tier, edition).ok).toBe(true);
        expect(validateWeighting({ method: 'weighted', percent: r.max, justification: 'why' }, input.tier, edition).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
