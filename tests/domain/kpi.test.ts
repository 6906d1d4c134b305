import {
  CONTRACT_PERFORMANCE_RATINGS,
  Commitment,
  ContractType,
  KpiAssessment,
  OutcomeLog,
  commitmentProgress,
  contractPerformanceNotice,
  kpisFromCommitments,
  nextKpiAssessmentDue,
  validateKpiAssessment,
  validateKpis,
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

describe('contract management where section 52 applies (section 71, Procurement Regulations 2024 regulation 39)', () => {
  const duty = kpiDuty({ estimatedValuePence: 600000000, contractType: 'services', decisionDate: '2026-04-01' });
  const commitments: Commitment[] = [
    { procurementReference: 'R-1', measureCode: 'GSE-01', targetQuantity: 10, unit: 'FTE', dueDate: '2027-03-31', proxyPenceLocked: 100, proxyEdition: 'e' },
    { procurementReference: 'R-1', measureCode: 'GSE-02', targetQuantity: 20, unit: 'weeks', dueDate: '2027-03-31', proxyPenceLocked: 100, proxyEdition: 'e' },
    { procurementReference: 'R-1', measureCode: 'PLB-01', targetQuantity: 5000, unit: '£ spend', dueDate: '2027-03-31', proxyPenceLocked: 1, proxyEdition: 'e' },
  ];
  const kpis = kpisFromCommitments(commitments);

  it('the ratings are the ones regulation 39(5) prescribes, word for word', () => {
    expect(CONTRACT_PERFORMANCE_RATINGS.map((r) => r.id)).toEqual(['Good', 'Approaching target', 'Requires improvement', 'Inadequate', 'Other']);
    expect(CONTRACT_PERFORMANCE_RATINGS[0].description).toBe('Performance is meeting or exceeding the key performance indicators');
    expect(CONTRACT_PERFORMANCE_RATINGS[4].description).toBe('Performance cannot be described as good, approaching target, requires improvement or inadequate');
  });

  it('social value commitments are natural KPIs, each with its target', () => {
    expect(kpis).toHaveLength(3);
    expect(kpis[0].target).toBe('10 FTE by 31 March 2027');
    expect(kpis[0].measureCode).toBe('GSE-01');
    expect(validateKpis(kpis, duty)).toEqual([]);
  });

  it('at least three KPIs where the duty applies; a KPI without a target is a field error that says what to do', () => {
    const two = validateKpis(kpis.slice(0, 2), duty);
    expect(two.map((e) => e.field)).toEqual(['kpis']);
    expect(two[0].message).toMatch(/Set at least 3 key performance indicators.*section 52.*2 set/);
    const noTarget = validateKpis([...kpis, { name: 'Response time', target: ' ' }], duty);
    expect(noTarget).toEqual([{ field: 'kpis[3].target', message: 'Give KPI 4 a target (a figure and a date), or remove it: a KPI without a target cannot be assessed.' }]);
    expect(validateKpis([], kpiDuty({ estimatedValuePence: 600000000, contractType: 'concession', decisionDate: '2026-04-01' }))).toEqual([]);
  });

  it('an assessment without a rating, or with one the regulations do not prescribe, is a field error', () => {
    const a = { kpiName: kpis[0].name, periodStart: '2026-04-01', periodEnd: '2027-03-31' };
    expect(validateKpiAssessment({ ...a, rating: 'Good' }, kpis)).toEqual([]);
    for (const rating of [undefined, 'Not applicable', 'good']) {
      const errors = validateKpiAssessment({ ...a, rating: rating as never }, kpis);
      expect(errors.map((e) => e.field)).toEqual(['rating']);
      expect(errors[0].message).toBe('Choose the rating the Procurement Regulations 2024 prescribe: Good, Approaching target, Requires improvement, Inadequate, Other.');
    }
    expect(validateKpiAssessment({ ...a, rating: 'Good', periodEnd: '2026-03-31' }, kpis).map((e) => e.field)).toEqual(['periodEnd']);
    expect(validateKpiAssessment({ ...a, kpiName: 'Unknown', rating: 'Good' }, kpis).map((e) => e.field)).toEqual(['kpiName']);
  });

  it('an assessment is due at least every 12 months', () => {
    expect(nextKpiAssessmentDue('2026-04-01', [], '2027-04-01')).toEqual({ due: '2027-04-01', overdue: false });
    expect(nextKpiAssessmentDue('2026-04-01', [], '2027-04-02')).toEqual({ due: '2027-04-01', overdue: true });
    const done: KpiAssessment[] = [{ kpiName: kpis[0].name, periodStart: '2026-04-01', periodEnd: '2027-03-31', rating: 'Good' }];
    expect(nextKpiAssessmentDue('2026-04-01', done, '2027-06-01').due).toBe('2028-03-31');
  });

  it('the contract performance notice, in regulation 39(4)’s order, with the hub’s delivery figures beside each rating', () => {
    const assessments: KpiAssessment[] = kpis.map((k, i) => ({ kpiName: k.name, periodStart: '2026-04-01', periodEnd: '2027-03-31', rating: i === 1 ? 'Approaching target' : 'Good' }));
    const logs: OutcomeLog[] = [
      { procurementReference: 'R-1', measureCode: 'GSE-01', periodEnd: '2026-06-30', quantity: 6, reportedBy: 's', verification: 'Verified', verifiedBy: 'o', proxyPence: 100 },
      { procurementReference: 'R-1', measureCode: 'GSE-01', periodEnd: '2026-09-30', quantity: 5, reportedBy: 's', verification: 'Reported', proxyPence: 100 },
    ];
    const lines = contractPerformanceNotice({
      contractingAuthority: 'West Midlands Combined Authority',
      procurementTitle: 'Depot refurbishment',
      procurementIdentifier: 'ocds-h6vhtk-0001',
      contractIdentifier: 'ocds-h6vhtk-0001-c1',
      supplier: { name: 'Acme Ltd', email: 'bids@acme.example', identifier: 'GB-COH-01234567' },
      kpis,
      assessments,
      delivery: { 'GSE-01': commitmentProgress(commitments[0], logs, '2027-03-31') },
    });
    expect(lines[0]).toBe('Contracting authority: West Midlands Combined Authority');
    expect(lines).toContain('Procurement identifier: ocds-h6vhtk-0001');
    expect(lines).toContain('Contract identifier: ocds-h6vhtk-0001-c1');
    expect(lines).toContain('This notice sets out the contracting authority’s assessment of performance against the key performance indicators.');
    expect(lines.filter((l) => l.startsWith('KPI: '))).toHaveLength(3);
    expect(lines.filter((l) => l.startsWith('KPI: GSE-01'))[0]).toMatch(/rating: Good \(Performance is meeting or exceeding the key performance indicators\); delivered 11 of 10 \(6 verified\)$/);
    expect(lines[lines.length - 1]).toBe('Period assessed: 1 April 2026 to 31 March 2027');
  });

  it('an incomplete notice is refused, naming what to add', () => {
    expect(() => contractPerformanceNotice({ contractingAuthority: 'WMCA', procurementTitle: 't', supplier: { name: 'Acme' }, kpis, assessments: [] })).toThrow(
      /add the procurement’s unique identifier \(from its tender notice\); the contract’s unique identifier \(from its contract details notice\); a rating for/,
    );
  });
});
