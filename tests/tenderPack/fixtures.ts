// Procurements of each tier and a small measure library for the tender pack tests.
import type { Measure, Procurement, ThemeId } from '../../src/domain';
import { THEMES } from '../../src/domain';

export const LIBRARY: Measure[] = [
  { code: 'GSE-01', themeId: 'growth-skills-employment', outcome: 'More local people in work', text: 'Local people employed on the contract (FTE × years)', unit: 'FTE', recordOnly: true, active: true },
  { code: 'GSE-07', themeId: 'growth-skills-employment', outcome: 'Skills through apprenticeships', text: 'Weeks of apprenticeship delivered on the contract', unit: 'weeks', proxyPence: 25000, proxyEdition: 'SVH 2026', proxySource: 'Test proxy source', recordOnly: false, active: true },
  { code: 'HSC-01', themeId: 'healthier-stronger-communities', outcome: 'Stronger communities', text: 'Hours staff spent volunteering with local community groups', unit: 'hours', proxyPence: 1693, proxyEdition: 'SVH 2026', proxySource: 'Staff volunteering £16.93 per hour', recordOnly: false, active: true },
  { code: 'ENV-01', themeId: 'environment', outcome: 'Lower carbon emissions', text: 'Tonnes of CO2e saved against the agreed baseline', unit: 'tonnes CO2e', proxyPence: 24500, proxyEdition: '2022', proxySource: 'Carbon about £245 per tonne', recordOnly: false, active: true },
  { code: 'PLB-01', themeId: 'local-businesses', outcome: 'Money stays in the region', text: 'Spend with suppliers based in the West Midlands', unit: '£ spend', recordOnly: true, active: true },
];

/** 30 measures, five per theme, alternating valued and record-only. */
export function bigLibrary(): Measure[] {
  const out: Measure[] = [];
  for (const theme of THEMES) {
    for (let i = 1; i <= 5; i++) {
      const code = `${theme.measurePrefix}-${String(50 + i)}`;
      const valued = i % 2 === 1;
      out.push({
        code,
        themeId: theme.id as ThemeId,
        outcome: `Outcome ${code}`,
        text: `Measure text for ${code}`,
        unit: valued ? 'hours' : 'count',
        proxyPence: valued ? 1000 + i : undefined,
        proxyEdition: valued ? `Edition ${code}` : undefined,
        proxySource: valued ? 'Big library source' : undefined,
        recordOnly: !valued,
        active: true,
      });
    }
  }
  return out;
}

export function procurement(overrides: Partial<Procurement> = {}): Procurement {
  return {
    reference: 'SV-2026-0042',
    title: 'Cleaning of Summer Lane offices',
    authorityId: 'wmca',
    directorate: 'Finance',
    leadOfficer: { email: 'officer@example.org', displayName: 'Officer' },
    contractType: 'services',
    regime: 'sub-central',
    estimatedValuePence: 45000000,
    decisionDate: '2026-03-02',
    durationMonths: 36,
    themeIds: ['growth-skills-employment', 'environment'],
    measureTargets: [
      { measureCode: 'GSE-01', targetQuantity: 12 },
      { measureCode: 'GSE-07', targetQuantity: 104 },
      { measureCode: 'ENV-01', targetQuantity: 35.5 },
    ],
    weighting: { method: 'weighted', percent: 10, justification: 'Good scope for local jobs.' },
    status: 'Approved',
    ...overrides,
  };
}

/** One procurement per tier (sub-central services, decided in March 2026: threshold £207,720). */
export const TOMS_INCLUDED = procurement();
export const TOMS_CONSIDERED = procurement({
  reference: 'SV-2026-0007',
  title: 'Fleet telematics',
  estimatedValuePence: 12000000,
  weighting: { method: 'weighted', percent: 5, justification: 'Modest scope.' },
  measureTargets: [{ measureCode: 'HSC-01', targetQuantity: 40 }],
  themeIds: ['healthier-stronger-communities'],
});
export const LIGHT_TOUCH = procurement({
  reference: 'SV-2026-0099',
  title: 'Printer toner',
  contractType: 'goods',
  estimatedValuePence: 3000000,
  weighting: { method: 'none' },
  measureTargets: [{ measureCode: 'PLB-01', targetQuantity: 0 }, { measureCode: 'HSC-01', targetQuantity: 5 }],
  themeIds: ['local-businesses'],
});
export const PASS_FAIL = procurement({
  reference: 'SV-2026-0101',
  title: 'Tram depot works',
  contractType: 'works',
  estimatedValuePence: 900000000,
  weighting: {
    method: 'pass-fail',
    justification: 'Local jobs are essential to the funding.',
    essentialCriteria: ['At least 20 apprenticeships on site', 'A local labour plan agreed before start'],
  },
});
