// Each authority's own edition: decided by authority and decision date, on the region's threshold tables (law),
// with the authority's own light-touch limit, weighting range and measure set; bad input says what to fix.
import {
  CURRENT_POLICY_EDITION,
  authorityEditionProblems,
  authorityEditionsFromJson,
  determineTier,
  editionFor,
  validateWeighting,
} from '../../src/domain';
import type { AuthorityEdition } from '../../src/domain';

const COVENTRY: AuthorityEdition = {
  authorityId: 'coventry',
  editionId: 'coventry-svp-2026',
  source: 'Coventry City Council Social Value and Sustainability Policy (fictional figures for the test)',
  effectiveFrom: '2026-04-01',
  lightTouchLimitPence: 7_500_000,
  weightingMinPercent: 10,
  weightingMaxPercent: 20,
  measureCodes: ['GSE-01', 'GSE-08', 'ENV-01'],
};
const COVENTRY_2027: AuthorityEdition = { ...COVENTRY, editionId: 'coventry-svp-2027', effectiveFrom: '2027-04-01', weightingMaxPercent: 25, measureCodes: undefined };
const regional = CURRENT_POLICY_EDITION;

describe('editionFor', () => {
  it('decides a procurement under its authority’s edition in force on its decision date, from that date inclusive', () => {
    expect(editionFor(regional, [COVENTRY], 'coventry', '2026-03-31')).toBe(regional);
    const e = editionFor(regional, [COVENTRY], 'coventry', '2026-04-01');
    expect(e).toMatchObject({ id: 'coventry-svp-2026', lightTouchLimitPence: 7_500_000, weightingMinPercent: 10, weightingMaxPercent: 20, measureCodes: ['GSE-01', 'GSE-08', 'ENV-01'] });
    expect(e.label).toMatch(/^Coventry City Council’s social value policy \(from 1 April 2026\)/);
    // The thresholds are law: the authority's edition takes the region's tables.
    expect(e.thresholdTables).toEqual(regional.thresholdTables);
  });

  it('takes the authority’s latest edition in force, leaves other authorities on the regional edition, and a later edition changes nothing decided before it', () => {
    const both = [COVENTRY_2027, COVENTRY];
    expect(editionFor(regional, both, 'coventry', '2027-03-31').id).toBe('coventry-svp-2026');
    expect(editionFor(regional, both, 'coventry', '2027-04-01').id).toBe('coventry-svp-2027');
    expect(editionFor(regional, both, 'coventry', '2027-04-01').measureCodes).toBeUndefined();
    expect(editionFor(regional, both, 'birmingham', '2027-04-01')).toBe(regional);
    expect(editionFor(regional, both, 'coventry', 'not a date')).toBe(regional);
  });

  it('moves the tier and the weighting range by the authority’s figures', () => {
    const input = { estimatedValue: 60_000, contractType: 'services' as const, decisionDate: '2026-05-01' };
    expect(determineTier(input, editionFor(regional, [COVENTRY], 'wmca', '2026-05-01')).tier).toBe('toms-considered');
    const coventry = editionFor(regional, [COVENTRY], 'coventry', '2026-05-01');
    const decided = determineTier(input, coventry);
    expect(decided).toMatchObject({ tier: 'light-touch', policyEditionId: 'coventry-svp-2026' });
    const twentyFive = { method: 'weighted' as const, percent: 25, justification: 'High relevance in this market.' };
    expect(validateWeighting(twentyFive, 'toms-included', regional).ok).toBe(true);
    expect(validateWeighting(twentyFive, 'toms-included', coventry).ok).toBe(false);
  });
});

describe('bad input', () => {
  it('names each problem under its field', () => {
    const fields = (d: unknown, known: string[] = []): string[] => authorityEditionProblems(d, known).map((p) => p.field);
    expect(fields(null)).toEqual(['edition']);
    expect(fields({ ...COVENTRY, authorityId: 'atlantis' })).toEqual(['authorityId']);
    expect(fields({ ...COVENTRY, editionId: ' ' })).toEqual(['editionId']);
    expect(fields(COVENTRY, ['WMCA-SVP-2026', 'Coventry-SVP-2026'])).toEqual(['editionId']);
    expect(fields({ ...COVENTRY, source: '' })).toEqual(['source']);
    expect(fields({ ...COVENTRY, effectiveFrom: '01/04/2026' })).toEqual(['effectiveFrom']);
    expect(fields({ ...COVENTRY, weightingMinPercent: 30, weightingMaxPercent: 20 })).toEqual(['weightingMinPercent']);
    expect(fields({ ...COVENTRY, lightTouchLimitPence: -1 })).toEqual(['lightTouchLimitPence']);
    expect(fields({ ...COVENTRY, weightingMaxPercent: 120 })).toEqual(['weightingMaxPercent']);
    expect(fields({ ...COVENTRY, measureCodes: [] })).toEqual(['measureCodes']);
    expect(fields({ ...COVENTRY, measureCodes: ['GSE-01', 3] })).toEqual(['measureCodes']);
    expect(fields(COVENTRY)).toEqual([]);
  });

  it('reads stored editions, leaving out and saying what is not sound, never crashing', () => {
    expect(authorityEditionsFromJson(undefined)).toEqual({ editions: [], problems: [] });
    expect(authorityEditionsFromJson('{not json').problems[0]).toMatch(/not readable/);
    expect(authorityEditionsFromJson('{"a":1}').problems[0]).toMatch(/not a list/);
    const read = authorityEditionsFromJson(JSON.stringify([COVENTRY, { ...COVENTRY_2027, weightingMinPercent: 'ten' }]));
    expect(read.editions).toEqual([COVENTRY]);
    expect(read.problems).toEqual([expect.stringMatching(/^An edition was left out: The minimum weighting must be a percentage/)]);
  });
});
