import {
  ContractType,
  KPI_DUTY_VALUE_PENCE,
  MIN_KPIS,
  PROCUREMENT_ACT_COMMENCEMENT,
  PolicyInputError,
  Regime,
  determineTier,
  kpiDuty,
  socialValueActApplies,
} from '../../src/domain';

const at = (pounds: number, contractType: ContractType, extra: { regime?: Regime; decisionDate?: string; framework?: boolean; kpisNotAppropriateReason?: string } = {}) =>
  kpiDuty({ estimatedValuePence: Math.round(pounds * 100), contractType, decisionDate: '2026-04-01', ...extra });

describe('kpiDuty: section 52 of the Procurement Act 2023, exactly where it applies', () => {
  it('the figures are the Act’s: more than £5 million, at least three KPIs, from 24 February 2025', () => {
    expect(KPI_DUTY_VALUE_PENCE).toBe(500000000);
    expect(MIN_KPIS).toBe(3);
    expect(PROCUREMENT_ACT_COMMENCEMENT).toBe('2025-02-24');
  });

  it.each([
    ['services', 'sub-central'],
    ['goods', 'sub-central'],
    ['goods', 'central'],
    ['services', 'utilities'],
    ['goods', 'defence-security'],
    ['works', 'sub-central'],
  ] as [ContractType, Regime][])('%s (%s) over £5m: applies, three KPIs, assessed every 12 months', (contractType, regime) => {
    const d = at(6000000, contractType, { regime });
    expect(d.applies).toBe(true);
    expect(d.minimumKpis).toBe(3);
    expect(d.reason).toContain('at least 3 key performance indicators must be set and published');
    expect(d.reason).toContain('at least every 12 months (Procurement Act 2023 sections 52 and 71)');
  });

  it('"more than £5 million": exactly £5,000,000 is out, a penny more is in (services, a public contract either way)', () => {
    expect(at(5000000, 'services').applies).toBe(false);
    expect(at(5000000, 'services').reason).toBe('£5,000,000 is not more than £5,000,000, so section 52’s KPI duty does not apply.'.replace('’', "'"));
    expect(at(5000000.01, 'services').applies).toBe(true);
  });

  it('works under the works threshold is not a public contract, so no duty even over £5m (£5.1m of works in 2026)', () => {
    const d = at(5100000, 'works');
    expect(d.applies).toBe(false);
    expect(d.reason).toContain('under the £5,193,000 threshold, so this is not a public contract under the Procurement Act 2023');
    expect(at(5192999.99, 'works').applies).toBe(false);
    expect(at(5193000, 'works').applies).toBe(true);
  });

  it('in 2025 the works threshold was £5,372,609', () => {
    expect(at(5372609, 'works', { decisionDate: '2025-06-01' }).applies).toBe(true);
    expect(at(5372608.99, 'works', { decisionDate: '2025-06-01' }).applies).toBe(false);
  });

  it.each([
    ['a concession contract', 'concession' as ContractType, {}, /does not apply to a concession contract/],
    ['a light touch contract', 'light-touch-services' as ContractType, {}, /does not apply to a light touch contract/],
    ['a framework', 'services' as ContractType, { framework: true }, /does not apply to a framework/],
    ['KPIs the authority judges inappropriate', 'goods' as ContractType, { kpisNotAppropriateReason: 'a one-off delivery of goods' }, /could not appropriately be assessed by key performance indicators \(a one-off delivery of goods\)/],
  ])('section 52 does not apply to %s, however large', (_name, contractType, extra, reason) => {
    const d = at(50000000, contractType, extra);
    expect(d.applies).toBe(false);
    expect(d.minimumKpis).toBe(0);
    expect(d.reason).toMatch(reason);
  });

  it('a blank reason is no judgement: the duty still applies', () => {
    expect(at(6000000, 'goods', { kpisNotAppropriateReason: '   ' }).applies).toBe(true);
  });

  it('procurements decided before the Act came into force are under the previous regulations', () => {
    expect(at(6000000, 'services', { decisionDate: '2025-02-23' }).applies).toBe(false);
    expect(at(6000000, 'services', { decisionDate: '2025-02-23' }).reason).toMatch(/before the Procurement Act 2023 came into force on 24 February 2025/);
    expect(at(6000000, 'services', { decisionDate: '2025-02-24' }).applies).toBe(true);
  });

  it.each([
    ['an unknown contract type', { contractType: 'framework' as ContractType }, /Unknown contract type/],
    ['an unknown regime', { regime: 'defence' as Regime }, /Unknown regime/],
    ['a bad date', { decisionDate: '2026-13-01' }, /not a valid date/],
  ])('%s is a PolicyInputError', (_name, change, message) => {
    const input = { estimatedValuePence: 600000000, contractType: 'services' as ContractType, decisionDate: '2026-04-01', ...change };
    expect(() => kpiDuty(input)).toThrow(PolicyInputError);
    expect(() => kpiDuty(input)).toThrow(message);
  });
});

describe('socialValueActApplies: the Public Services (Social Value) Act 2012 for services at or above the threshold', () => {
  it.each([
    ['services', 207720, true],
    ['services', 207719.99, false],
    ['light-touch-services', 663540, true],
    ['light-touch-services', 663539.99, false],
    ['goods', 300000, false],
    ['works', 6000000, false],
    ['concession', 6000000, false],
  ] as [ContractType, number, boolean][])('%s at £%p: %p', (contractType, pounds, applies) => {
    const tier = determineTier({ estimatedValue: pounds, contractType, decisionDate: '2026-04-01' });
    expect(socialValueActApplies(contractType, tier)).toBe(applies);
  });
});
