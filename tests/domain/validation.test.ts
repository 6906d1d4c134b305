import {
  CASE_STUDY_LIMITS,
  isWebLink,
  ActionPlanItem,
  Commitment,
  MeasureUnit,
  OutcomeLog,
  Procurement,
  determineTier,
  tierSnapshot,
  validateActionPlanItem,
  validateAward,
  validateCommitment,
  validateOutcomeLog,
  validateOutcomeQuantity,
  quantityLimits,
  readTypedQuantity,
  validateProcurementBasics,
  validateSubmission,
  validateThemeChoice,
} from '../../src/domain';
import { CASE_STUDIES_LIST } from '../../src/data/schema/lists';

const basics: Procurement = {
  reference: 'WMCA-2026-0042',
  title: 'Tram stop cleaning',
  authorityId: 'wmca',
  directorate: 'Transport for West Midlands',
  leadOfficer: { email: 'lead.officer@wmca.org.uk', displayName: 'Lead Officer' },
  contractType: 'services',
  regime: 'sub-central',
  estimatedValuePence: 25000000,
  decisionDate: '2026-03-01',
  durationMonths: 24,
  themeIds: ['growth-skills-employment', 'environment'],
  weighting: { method: 'weighted', percent: 15, justification: 'Labour-intensive service.' },
  status: 'Draft',
};

const fieldsOf = (errors: { field: string }[]): string[] => errors.map((e) => e.field);

describe('validateProcurementBasics', () => {
  it('accepts a complete procurement', () => {
    expect(validateProcurementBasics(basics)).toEqual([]);
  });

  it.each([
    ['no reference', { reference: '' }, 'reference', 'Enter the reference.'],
    ['a reference with spaces', { reference: 'WMCA 2026' }, 'reference', /may contain only letters/],
    ['a long reference', { reference: 'R'.repeat(51) }, 'reference', /50 characters or fewer \(it has 51\)/],
    ['no title', { title: '  ' }, 'title', 'Enter the title.'],
    ['a title too long for SharePoint', { title: 'x'.repeat(256) }, 'title', /255 characters or fewer/],
    ['no authority', { authorityId: undefined }, 'authorityId', 'Choose the authority the procurement is for.'],
    ['an unknown authority', { authorityId: 'atlantis' }, 'authorityId', 'Choose an authority from the list.'],
    ['no directorate', { directorate: '' }, 'directorate', 'Enter the directorate.'],
    ['no lead officer email', { leadOfficer: { email: '', displayName: 'A' } }, 'leadOfficer.email', /Lead Officer’s email address\.$/],
    ['a bad lead officer email', { leadOfficer: { email: 'lead.officer', displayName: 'A' } }, 'leadOfficer.email', /is not valid/],
    ['no lead officer name', { leadOfficer: { email: 'a@b.uk', displayName: '' } }, 'leadOfficer.displayName', /name/],
    ['no contract type', { contractType: undefined }, 'contractType', /Choose the contract type/],
    ['an unknown contract type', { contractType: 'framework' }, 'contractType', /from the list/],
    ['an unknown regime', { regime: 'eu' }, 'regime', /Choose the regime/],
    ['no value', { estimatedValuePence: undefined }, 'estimatedValuePence', 'Enter the estimated whole-life value including VAT.'],
    ['a zero value', { estimatedValuePence: 0 }, 'estimatedValuePence', /more than £0/],
    ['fractional pence', { estimatedValuePence: 10.5 }, 'estimatedValuePence', /pounds and pence/],
    ['no decision date', { decisionDate: '' }, 'decisionDate', 'Enter the decision date.'],
    ['a malformed decision date', { decisionDate: '2026-02-30' }, 'decisionDate', /real date/],
    ['a date before any threshold table', { decisionDate: '2023-12-31' }, 'decisionDate', /on or after 1 January 2024/],
    ['no duration', { durationMonths: undefined }, 'durationMonths', /Enter the contract duration/],
    ['a fractional duration', { durationMonths: 1.5 }, 'durationMonths', /whole number of months from 1 to 600/],
    ['a zero duration', { durationMonths: 0 }, 'durationMonths', /whole number/],
    ['an unknown theme', { themeIds: ['sport'] }, 'themeIds', /six themes/],
    ['a repeated theme', { themeIds: ['environment', 'environment'] }, 'themeIds', /once/],
    ['an unknown measure target', { measureTargets: [{ measureCode: 'TOM-1', targetQuantity: 1 }] }, 'measureTargets[0].measureCode', /not in the measure library/],
    ['a fractional count target', { measureTargets: [{ measureCode: 'GSE-08', targetQuantity: 1.5 }] }, 'measureTargets[0].targetQuantity', /whole number/],
  ])('%s', (_name, change, field, message) => {
    const errors = validateProcurementBasics({ ...basics, ...change } as Partial<Procurement>);
    expect(fieldsOf(errors)).toEqual([field]);
    if (typeof message === 'string') expect(errors[0].message).toBe(message);
    else expect(errors[0].message).toMatch(message);
  });

  it('allows no theme under £50,000', () => {
    expect(validateProcurementBasics({ ...basics, estimatedValuePence: 4999999, themeIds: [] })).toEqual([]);
  });

  it('stores a draft from £50,000 before its themes are chosen: the theme rule is the themes step’s and the submission’s', () => {
    const draft = { ...basics, estimatedValuePence: 6_000_000, themeIds: [] };
    expect(validateProcurementBasics(draft)).toEqual([]);
    expect(validateThemeChoice(draft)).toEqual([{ field: 'themeIds', message: expect.stringMatching(/at least one social value theme: from £50,000/) }]);
    expect(fieldsOf(validateSubmission(draft))).toContain('themeIds');
    expect(validateThemeChoice({ ...draft, estimatedValuePence: 4_999_999 })).toEqual([]);
    expect(validateThemeChoice({ ...draft, themeIds: ['environment'] })).toEqual([]);
  });

  it('reports everything missing from an empty form', () => {
    expect(fieldsOf(validateProcurementBasics({}))).toEqual([
      'reference', 'title', 'authorityId', 'directorate', 'leadOfficer.email', 'leadOfficer.displayName', 'contractType',
      'estimatedValuePence', 'decisionDate', 'durationMonths',
    ]);
  });
});

describe('validateSubmission', () => {
  const decision = determineTier({ estimatedValue: 250000, contractType: 'services', decisionDate: '2026-03-01' });
  const ready: Procurement = {
    ...basics,
    tierDecision: tierSnapshot(decision),
    socialValueConsidered: true,
    socialValueConsideration: 'Market engagement with local VCSEs in January; jobs for local people are the main opportunity.',
    measureTargets: [{ measureCode: 'GSE-01', targetQuantity: 4 }],
  };

  it.each([
    ['no measures', []],
    ['measures without a target', [{ measureCode: 'GSE-01', targetQuantity: 0 }]],
  ])('at TOMs included, %s is a hollow decision: it cannot be submitted', (_name, measureTargets) => {
    const errors = validateSubmission({ ...ready, measureTargets }, { actionPlan: plan });
    expect(fieldsOf(errors)).toEqual(['measureTargets']);
    expect(errors[0].message).toBe('At or above the procurement threshold TOMs are included in the tender: choose at least one measure and give it a target.');
  });
  const plan: ActionPlanItem[] = [{ procurementReference: 'WMCA-2026-0042', action: 'Agree the social value delivery plan with the supplier', ownerEmail: 'lead.officer@wmca.org.uk', ownerName: 'Lead Officer', dueDate: '2026-09-30', status: 'Not started' }];

  it('accepts a complete above-threshold submission with an action plan', () => {
    expect(validateSubmission(ready, { actionPlan: plan })).toEqual([]);
  });

  it('requires an action plan at or above the threshold', () => {
    const errors = validateSubmission(ready);
    expect(fieldsOf(errors)).toEqual(['actionPlan']);
    expect(errors[0].message).toMatch(/requires an action plan/);
  });

  it('does not require an action plan in the middle band', () => {
    const mid = { ...ready, estimatedValuePence: 10000000 };
    const snap = tierSnapshot(determineTier({ estimatedValue: 100000, contractType: 'services', decisionDate: '2026-03-01' }));
    expect(validateSubmission({ ...mid, tierDecision: snap })).toEqual([]);
  });

  it('checks the plan’s items', () => {
    const errors = validateSubmission(ready, { actionPlan: [{ ...plan[0], ownerEmail: 'nobody', dueDate: '' }] });
    expect(fieldsOf(errors)).toEqual(['actionPlan[0].ownerEmail', 'actionPlan[0].dueDate']);
  });

  it('services at or above the threshold: the Social Value Act 2012 consideration is on record before submission', () => {
    const unconfirmed = validateSubmission({ ...ready, socialValueConsidered: undefined }, { actionPlan: plan });
    expect(fieldsOf(unconfirmed)).toEqual(['socialValueConsidered']);
    expect(unconfirmed[0].message).toMatch(/Public Services \(Social Value\) Act 2012/);
    const unexplained = validateSubmission({ ...ready, socialValueConsideration: '  ' }, { actionPlan: plan });
    expect(fieldsOf(unexplained)).toEqual(['socialValueConsideration']);
    expect(unexplained[0].message).toMatch(/Say how social value was considered/);
  });

  it.each([
    ['goods at or above the threshold', { contractType: 'goods' as const, estimatedValuePence: 25000000 }, 250000],
    ['services under the threshold', { contractType: 'services' as const, estimatedValuePence: 10000000 }, 100000],
  ])('%s: the Social Value Act 2012 does not apply, so no consideration is asked for', (_name, change, pounds) => {
    const snap = tierSnapshot(determineTier({ estimatedValue: pounds, contractType: change.contractType, decisionDate: '2026-03-01' }));
    const p = { ...ready, ...change, tierDecision: snap, socialValueConsidered: undefined, socialValueConsideration: undefined };
    expect(fieldsOf(validateSubmission(p, { actionPlan: plan }))).toEqual([]);
  });

  it('requires the tier to have been worked out', () => {
    expect(fieldsOf(validateSubmission({ ...ready, tierDecision: undefined }, { actionPlan: plan }))).toEqual(['tierDecision']);
  });

  it('refuses a stale tier after the value changed', () => {
    const errors = validateSubmission({ ...ready, estimatedValuePence: 10000000 }, { actionPlan: plan });
    expect(fieldsOf(errors)).toEqual(['tierDecision']);
    expect(errors[0].message).toContain('£100,000 is at or above the £50,000 light-touch limit');
  });

  it('checks the weighting against the tier, naming the weighting field', () => {
    const errors = validateSubmission({ ...ready, weighting: { method: 'none', justification: 'x' } }, { actionPlan: plan });
    expect(fieldsOf(errors)).toEqual(['weighting.method']);
    expect(fieldsOf(validateSubmission({ ...ready, weighting: { method: 'weighted', percent: 31, justification: 'x' } }, { actionPlan: plan }))).toEqual(['weighting.percent']);
  });

  it('stops at the basics when the tier cannot be worked out', () => {
    expect(fieldsOf(validateSubmission({ ...ready, contractType: 'x' as never }))).toEqual(['contractType']);
  });
});

describe('validateActionPlanItem', () => {
  it('requires an action, an owner and a due date', () => {
    expect(fieldsOf(validateActionPlanItem({}))).toEqual(['action', 'ownerEmail', 'dueDate']);
    expect(fieldsOf(validateActionPlanItem({ action: 'a', ownerEmail: 'a@b.uk', dueDate: '2026-01-01', status: 'Finished' as never }))).toEqual(['status']);
  });
});

describe('validateAward', () => {
  const award: Partial<Procurement> = {
    supplier: { name: 'Brum Clean Ltd', isSme: true, isVcse: false, isLocal: true, postcode: 'B1 1BB' },
    awardValuePence: 24000000,
    contractStart: '2026-06-01',
    contractEnd: '2028-05-31',
  };

  it('accepts a complete award', () => {
    expect(validateAward(award)).toEqual([]);
  });

  it.each([
    ['no supplier', { supplier: undefined }, ['supplier.name']],
    ['a bad postcode', { supplier: { ...award.supplier!, postcode: '12345' } }, ['supplier.postcode']],
    ['no award value', { awardValuePence: undefined }, ['awardValuePence']],
    ['a zero award value', { awardValuePence: 0 }, ['awardValuePence']],
    ['an end before the start', { contractEnd: '2026-05-31' }, ['contractEnd']],
    ['no dates', { contractStart: undefined, contractEnd: 'soon' }, ['contractStart', 'contractEnd']],
  ])('%s', (_name, change, fields) => {
    expect(fieldsOf(validateAward({ ...award, ...change }))).toEqual(fields);
  });
});

describe('validateOutcomeQuantity', () => {
  it.each([
    [2.5, 'FTE', []],
    [2.555, 'FTE', ['The quantity can have at most 2 decimal places.']],
    [3.456, 'tonnes CO2e', []],
    [3.4567, 'tonnes CO2e', ['The quantity can have at most 3 decimal places.']],
    [3, 'count', []],
    [3.5, 'count', ['The quantity is a count, so it must be a whole number.']],
    [100, '%', []],
    [100.5, '%', ['The quantity is a percentage, so it cannot be more than 100.']],
    [0, 'hours', []],
    [-1, 'hours', ['The quantity cannot be negative.']],
    [NaN, 'hours', ['The quantity must be a number of hours.']],
    ['12', 'weeks', ['The quantity must be a number of weeks.']],
    [undefined, 'weeks', ['Enter the quantity (weeks).']],
    [1234567.89, '£ spend', []],
  ])('%p %s', (q, unit, messages) => {
    expect(validateOutcomeQuantity(q, unit as MeasureUnit).map((e) => e.message)).toEqual(messages);
  });
});

describe('quantityLimits', () => {
  it('gives each unit its decimal places, and a ceiling only to a percentage', () => {
    expect(quantityLimits('%')).toEqual({ decimals: 2, max: 100 });
    expect(quantityLimits('count')).toEqual({ decimals: 0, max: undefined });
    expect(quantityLimits('tonnes CO2e')).toEqual({ decimals: 3, max: undefined });
    // No bound for FTE, weeks or hours in a quarter without knowing how many people the figure covers.
    for (const unit of ['FTE', 'weeks', 'hours', '£ spend'] as const) expect(quantityLimits(unit).max).toBeUndefined();
  });
});

describe('readTypedQuantity', () => {
  it.each([
    ['1,234.5', 'hours', 1234.5, []],
    ['  40 ', 'hours', 40, []],
    ['', 'hours', undefined, []],
    ['85%', '%', 85, []],
    ['85 %', '%', 85, []],
    // A figure in another unit is refused, never converted.
    ['40%', 'hours', undefined, ['The quantity is counted in hours, not as a percentage (40%).']],
    ['12%', 'FTE', undefined, ['The quantity is counted in FTE, not as a percentage (12%).']],
    ['lots', 'hours', undefined, ['The quantity "lots" is not a number of hours.']],
    ['%', '%', undefined, ['The quantity "%" is not a number of %.']],
    // Read as typed; the number's own checks (negative, decimals, at most 100) are validateOutcomeQuantity's.
    ['-3', 'hours', -3, []],
    ['120%', '%', 120, []],
  ])('%p in %s', (text, unit, quantity, messages) => {
    const read = readTypedQuantity(text, unit as MeasureUnit);
    expect(read.quantity).toBe(quantity);
    expect(read.errors.map((e) => e.message)).toEqual(messages);
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
  startDate: '2026-06-01',
  dueDate: '2027-05-31',
};

describe('validateCommitment', () => {
  it('accepts a sound commitment', () => {
    expect(validateCommitment(commitment)).toEqual([]);
  });

  it.each([
    ['no measure', { measureCode: '' }, ['measureCode']],
    ['an unknown measure', { measureCode: 'GSE-99' }, ['measureCode']],
    ['a zero target', { targetQuantity: 0 }, ['targetQuantity']],
    ['a negative target', { targetQuantity: -5 }, ['targetQuantity']],
    ['the wrong unit', { unit: 'FTE' }, ['unit']],
    ['no locked proxy', { proxyPenceLocked: undefined }, ['proxyPenceLocked']],
    ['a fractional proxy', { proxyPenceLocked: 16.93 }, ['proxyPenceLocked']],
    ['no proxy edition', { proxyEdition: '' }, ['proxyEdition']],
    ['a proxy on a record-only measure', { measureCode: 'GSE-01', unit: 'FTE' }, ['proxyPenceLocked']],
    ['a due date before the start', { dueDate: '2026-05-31' }, ['dueDate']],
    ['a malformed due date', { dueDate: '31/05/2027' }, ['dueDate']],
    ['no procurement', { procurementReference: '' }, ['procurementReference']],
  ])('%s', (_name, change, fields) => {
    expect(fieldsOf(validateCommitment({ ...commitment, ...change } as Partial<Commitment>))).toEqual(fields);
  });

  it('accepts a record-only commitment without proxy', () => {
    expect(validateCommitment({ ...commitment, measureCode: 'GSE-01', unit: 'FTE', proxyPenceLocked: undefined, proxyEdition: undefined })).toEqual([]);
  });

  it('says what proxy to lock', () => {
    expect(validateCommitment({ ...commitment, proxyPenceLocked: undefined })[0].message).toBe('Lock the £ proxy for HSC-01 at award (currently £16.93 per hour).');
  });
});

describe('validateOutcomeLog', () => {
  const ok: OutcomeLog = {
    procurementReference: 'WMCA-2026-0042',
    commitmentId: 7,
    measureCode: 'HSC-01',
    periodEnd: '2026-09-30',
    quantity: 12.5,
    proxyPence: 1693,
    valuePence: 21163,
    evidenceUrl: 'https://supplier.example.com/evidence/q2',
    reportedBy: 'supplier@example.com',
    verification: 'Reported',
  };

  it('accepts a sound log', () => {
    expect(validateOutcomeLog(ok, { commitment, asOf: '2026-10-05' })).toEqual([]);
  });

  it.each([
    ['a period end that is not a quarter end', { periodEnd: '2026-09-29' }, ['periodEnd'], /must be the last day of a quarter; 29 September 2026 is in Q2 2026-27 \(July to September 2026\), which ends 30 September 2026/],
    ['a negative quantity', { quantity: -1, valuePence: undefined }, ['quantity'], /negative/],
    ['no evidence', { evidenceUrl: '', evidenceNotes: ' ' }, ['evidenceUrl'], /Give the evidence/],
    ['evidence that is not a link', { evidenceUrl: 'see email' }, ['evidenceUrl'], /https:\/\//],
    ['a wrong value', { valuePence: 21162 }, ['valuePence'], /should be £211.63/],
    ['a different proxy from the locked one', { proxyPence: 1800, valuePence: 22500 }, ['proxyPence'], /locked at award \(£16.93\)/],
    ['another measure than the commitment', { measureCode: 'HSC-02', proxyPence: 1693 }, ['measureCode'], /commitment is for measure HSC-01/],
    ['verified without a verifier', { verification: 'Verified' }, ['verifiedBy'], /who checked/],
    ['verified by the reporter', { verification: 'Verified', verifiedBy: 'Supplier@example.com' }, ['verifiedBy'], /cannot verify it/],
    ['rejected without a reason', { verification: 'Rejected', verifiedBy: 'officer@wmca.org.uk' }, ['rejectionReason'], /Say why/],
    ['an unknown verification', { verification: 'Approved' }, ['verification'], /Reported, Verified or Rejected/],
    ['no reporter', { reportedBy: '' }, ['reportedBy'], /who reported/],
  ])('%s', (_name, change, fields, message) => {
    const errors = validateOutcomeLog({ ...ok, ...change } as Partial<OutcomeLog>, { commitment, asOf: '2026-10-05' });
    expect(fieldsOf(errors)).toEqual(fields);
    expect(errors[0].message).toMatch(message);
  });

  it('refuses a quarter that has not started', () => {
    const errors = validateOutcomeLog({ ...ok, periodEnd: '2026-12-31' }, { asOf: '2026-09-30' });
    expect(fieldsOf(errors)).toEqual(['periodEnd']);
    expect(errors[0].message).toBe('Q3 2026-27 (October to December 2026) has not started yet, so nothing can be reported for it.');
  });

  it('accepts a verified log checked by an officer', () => {
    expect(validateOutcomeLog({ ...ok, verification: 'Verified', verifiedBy: 'officer@wmca.org.uk' })).toEqual([]);
  });
});

describe('case study text and links', () => {
  it('takes http(s) web addresses only, so a script or data "link" is never stored or shown as one', () => {
    expect(isWebLink('https://example.org/photo.jpg')).toBe(true);
    expect(isWebLink('http://example.org')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'data:image/png;base64,AAAA', 'ftp://example.org/x', 'example.org', '', undefined, 42]) expect(isWebLink(bad)).toBe(false);
  });

  it('sizes the CaseStudies list from the same limits the form checks', () => {
    const column = (name: string): number | undefined => (CASE_STUDIES_LIST.fields as readonly { name: string; maxLength?: number }[]).filter((f) => f.name === name)[0].maxLength;
    expect(column('Story')).toBe(CASE_STUDY_LIMITS.story);
    expect(column('Quote')).toBe(CASE_STUDY_LIMITS.quote);
    expect(column('Title')).toBe(CASE_STUDY_LIMITS.title);
  });
});
