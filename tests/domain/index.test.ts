// The stored choice strings must not change by accident (the SharePoint lists store them as choice values).
// That the public names exist is the compiler's check (every module and test imports them).
import * as domain from '../../src/domain';

describe('src/domain public face', () => {
  it('keeps the stored choice strings', () => {
    expect(domain.CONTRACT_TYPES.map((c) => c.id)).toEqual(['goods', 'services', 'works', 'light-touch-services', 'concession']);
    expect(domain.REGIMES.map((r) => r.id)).toEqual(['sub-central', 'central', 'utilities', 'defence-security']);
    expect(domain.TIERS.map((t) => t.id)).toEqual(['light-touch', 'toms-considered', 'toms-included']);
    expect(domain.WEIGHTING_METHODS.map((m) => m.id)).toEqual(['weighted', 'pass-fail', 'none']);
    expect(domain.THEMES.map((t) => t.id)).toEqual([
      'growth-skills-employment', 'local-businesses', 'healthier-stronger-communities', 'environment', 'social-innovation', 'planning-development',
    ]);
    expect(domain.VERIFICATION_STATUSES).toEqual(['Reported', 'Verified', 'Rejected']);
    expect(domain.RAGS).toEqual(['Red', 'Amber', 'Green']);
    expect(domain.ACTION_PLAN_STATUSES).toEqual(['Not started', 'In progress', 'Done']);
    expect(domain.APPROVAL_OUTCOMES).toEqual(['Approved', 'Rejected']);
  });

  it('lists WMCA, its seven constituent authorities and the non-constituent ones', () => {
    const kinds = (k: string): string[] => domain.AUTHORITIES.filter((a) => a.kind === k).map((a) => a.id);
    expect(kinds('combined')).toEqual(['wmca']);
    expect(kinds('constituent')).toEqual(['birmingham', 'coventry', 'dudley', 'sandwell', 'solihull', 'walsall', 'wolverhampton']);
    expect(kinds('non-constituent').length).toBeGreaterThanOrEqual(10);
    expect(new Set(domain.AUTHORITIES.map((a) => a.id)).size).toBe(domain.AUTHORITIES.length);
  });

  it('labels every choice for people', () => {
    for (const list of [domain.CONTRACT_TYPES, domain.REGIMES, domain.TIERS, domain.WEIGHTING_METHODS, domain.THEMES]) {
      for (const row of list as readonly { label: string }[]) expect(row.label.trim()).not.toBe('');
    }
    for (const t of domain.TIERS) expect(t.policyAsks.length).toBeGreaterThan(20);
  });
});
