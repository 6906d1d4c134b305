import type { Rollup } from '../../src/domain';
import { dashboardFigures, measureByCode } from '../../src/domain';
import type { AwardRecord } from '../../src/domain';

const r = (over: Partial<Rollup>): Rollup => ({
  procurementReference: 'P-1',
  periodEnd: '2026-06-30',
  themeId: 'growth-skills-employment',
  authorityId: 'birmingham',
  supplierName: 'Acme Ltd',
  committedPence: 0,
  reportedPence: 0,
  verifiedPence: 0,
  ...over,
});

const rollups: Rollup[] = [
  r({ committedPence: 100_001, verifiedPence: 50_000, reportedPence: 7 }),
  r({ themeId: 'local-businesses', committedPence: 900_000, verifiedPence: 900_001 }),
  r({ periodEnd: '2026-09-30', themeId: 'environment', committedPence: 33_333, verifiedPence: 11_111 }),
  r({ procurementReference: 'P-2', authorityId: 'coventry', supplierName: 'Beta CIC', committedPence: 10, verifiedPence: 3, reportedPence: 5 }),
  r({ procurementReference: 'P-3', periodEnd: '2027-06-30', authorityId: 'coventry', committedPence: 999, verifiedPence: 999 }), // outside
];

describe('dashboardFigures', () => {
  const f = dashboardFigures(rollups, { fromPeriodId: '2026-27 Q1', toPeriodId: '2026-27 Q4' });

  it('gives all six themes with shares that add up to 100%, never only a grand total', () => {
    expect(f.themes).toHaveLength(6);
    expect(f.themes.reduce((a, t) => a + t.verifiedShareTenths, 0)).toBe(1000);
    expect(f.themes.reduce((a, t) => a + t.committedShareTenths, 0)).toBe(1000);
    const gse = f.themes.find((t) => t.themeId === 'growth-skills-employment')!;
    expect(gse).toMatchObject({ committedPence: 100_011, verifiedPence: 50_003, reportedPence: 12 });
    expect(f.totals).toMatchObject({ committedPence: 1_033_344, verifiedPence: 961_115, reportedPence: 12 });
    expect(f.themes.reduce((a, t) => a + t.verifiedPence, 0)).toBe(f.totals.verifiedPence);
  });

  it('shows committed vs delivered by quarter, cumulatively, for every quarter chosen', () => {
    expect(f.overTime.map((p) => p.periodId)).toEqual(['2026-27 Q1', '2026-27 Q2', '2026-27 Q3', '2026-27 Q4']);
    expect(f.overTime[0]).toMatchObject({ committedPence: 1_000_011, verifiedPence: 950_004 });
    expect(f.overTime[3]).toMatchObject({ committedPence: 0, cumulativeCommittedPence: 1_033_344, cumulativeVerifiedPence: 961_115 });
  });

  it('splits by authority, supplier and procurement; top successes by verified £', () => {
    expect(f.byAuthority.map((a) => [a.authorityId, a.verifiedPence])).toEqual([['birmingham', 961_112], ['coventry', 3]]);
    expect(f.bySupplier.map((s) => [s.supplierName, s.procurements, s.verifiedPence])).toEqual([['Acme Ltd', 1, 961_112], ['Beta CIC', 1, 3]]);
    expect(f.byProcurement.map((p) => p.reference)).toEqual(['P-1', 'P-2']);
    expect(f.topSuccesses[0]).toMatchObject({ reference: 'P-1', verifiedPence: 961_112 });
    expect(f.byProcurement[0].verifiedByTheme.find((v) => v.themeId === 'environment')!.pence).toBe(11_111);
  });

  it('filters by authority', () => {
    const c = dashboardFigures(rollups, { fromPeriodId: '2026-27 Q1', toPeriodId: '2027-28 Q1', authorityId: 'coventry' });
    expect(c.totals).toMatchObject({ committedPence: 1009, verifiedPence: 1002 });
    expect(c.byAuthority).toHaveLength(1);
  });

  it('gives the SME/VCSE share of value awarded in the quarters chosen', () => {
    const awards: AwardRecord[] = [
      { reference: 'P-1', authorityId: 'birmingham', decisionDate: '2026-01-01', contractStart: '2026-05-01', awardValuePence: 300, supplier: { name: 'Acme Ltd', isSme: true, isVcse: false, isLocal: true } },
      { reference: 'P-2', authorityId: 'coventry', decisionDate: '2026-01-01', contractStart: '2026-07-01', awardValuePence: 100, supplier: { name: 'Beta CIC', isSme: true, isVcse: true, isLocal: false } },
      { reference: 'P-4', authorityId: 'coventry', decisionDate: '2026-01-01', contractStart: '2026-08-01', awardValuePence: 200, supplier: { name: 'Big plc', isSme: false, isVcse: false, isLocal: false } },
      { reference: 'P-5', authorityId: 'coventry', decisionDate: '2026-01-01', contractStart: '2025-08-01', awardValuePence: 999, supplier: { name: 'Old plc', isSme: true, isVcse: false, isLocal: false } },
    ];
    const s = dashboardFigures(rollups, { fromPeriodId: '2026-27 Q1', toPeriodId: '2026-27 Q4' }, { awards }).awarded;
    expect(s).toMatchObject({ contracts: 3, awardedPence: 600, smePence: 400, vcsePence: 100, smeOrVcsePence: 400, localPence: 300, smePercent: 66.7, vcsePercent: 16.7, localPercent: 50 });
    const none = dashboardFigures([], { fromPeriodId: '2026-27 Q1', toPeriodId: '2026-27 Q1' }).awarded;
    expect(none.smePercent).toBeUndefined();
  });

  it('lists at-risk commitments, Red first, for the authority chosen', () => {
    const atRisk = [
      { procurementReference: 'P-2', measureCode: 'ENV-01', targetQuantity: 5, unit: 'tonnes CO2e' as const, dueDate: '2026-12-31', rag: 'Amber' as const },
      { procurementReference: 'P-1', measureCode: 'GSE-01', targetQuantity: 2, unit: 'FTE' as const, dueDate: '2027-03-31', rag: 'Red' as const },
      { procurementReference: 'P-1', measureCode: 'GSE-02', targetQuantity: 2, unit: 'FTE' as const, dueDate: '2027-03-31', rag: 'Green' as const },
    ];
    const all = dashboardFigures(rollups, { fromPeriodId: '2026-27 Q1', toPeriodId: '2026-27 Q4' }, { atRisk });
    expect(all.atRisk.map((c) => [c.procurementReference, c.rag, c.authorityId, c.themeId])).toEqual([
      ['P-1', 'Red', 'birmingham', 'growth-skills-employment'],
      ['P-2', 'Amber', 'coventry', 'environment'],
    ]);
    const cov = dashboardFigures(rollups, { fromPeriodId: '2026-27 Q1', toPeriodId: '2026-27 Q4', authorityId: 'coventry' }, { atRisk });
    expect(cov.atRisk.map((c) => c.procurementReference)).toEqual(['P-2']);
  });

  it('narrows to contracts with SMEs, VCSEs or either, as their awards record the supplier', () => {
    const awards: AwardRecord[] = [
      { reference: 'P-1', authorityId: 'birmingham', decisionDate: '2026-01-01', contractStart: '2026-05-01', awardValuePence: 300, supplier: { name: 'Acme Ltd', isSme: true, isVcse: false, isLocal: true } },
      { reference: 'P-2', authorityId: 'coventry', decisionDate: '2026-01-01', contractStart: '2026-07-01', awardValuePence: 100, supplier: { name: 'Beta CIC', isSme: false, isVcse: true, isLocal: false } },
    ];
    const atRisk = [
      { procurementReference: 'P-2', measureCode: 'ENV-01', targetQuantity: 5, unit: 'tonnes CO2e' as const, dueDate: '2026-12-31', rag: 'Amber' as const },
      { procurementReference: 'P-1', measureCode: 'GSE-01', targetQuantity: 2, unit: 'FTE' as const, dueDate: '2027-03-31', rag: 'Red' as const },
    ];
    const year = { fromPeriodId: '2026-27 Q1', toPeriodId: '2026-27 Q4' };
    const all = dashboardFigures(rollups, year, { awards, atRisk });
    const sme = dashboardFigures(rollups, { ...year, supplierKind: 'sme' }, { awards, atRisk });
    const vcse = dashboardFigures(rollups, { ...year, supplierKind: 'vcse' }, { awards, atRisk });
    const either = dashboardFigures(rollups, { ...year, supplierKind: 'sme-or-vcse' }, { awards, atRisk });
    const p1 = all.byProcurement.find((p) => p.reference === 'P-1')!;
    const p2 = all.byProcurement.find((p) => p.reference === 'P-2')!;
    expect(sme.byProcurement.map((p) => p.reference)).toEqual(['P-1']);
    expect(sme.totals).toMatchObject({ committedPence: p1.committedPence, verifiedPence: p1.verifiedPence });
    expect(vcse.totals).toMatchObject({ committedPence: p2.committedPence, verifiedPence: p2.verifiedPence });
    expect(either.totals).toEqual(all.totals);
    expect(sme.atRisk.map((c) => c.procurementReference)).toEqual(['P-1']);
    expect(vcse.awarded).toMatchObject({ contracts: 1, awardedPence: 100, vcsePercent: 100 });
    // Without an award record a contract is of no kind: nothing to count under one.
    expect(dashboardFigures(rollups, { ...year, supplierKind: 'sme' }).totals.verifiedPence).toBe(0);
    expect(() => dashboardFigures(rollups, { ...year, supplierKind: 'plc' as never })).toThrow(/kind of supplier/);
  });

  it('refuses a range that runs backwards or an unknown authority', () => {
    expect(() => dashboardFigures([], { fromPeriodId: '2026-27 Q2', toPeriodId: '2026-27 Q1' })).toThrow(/after/);
    expect(() => dashboardFigures([], { fromPeriodId: '2026-27 Q1', toPeriodId: '2026-27 Q1', authorityId: 'atlantis' })).toThrow(/authority/);
  });

  it('counts people and other quantities per measure, summed only within one unit, with targets against delivery', () => {
    const q = (measureCode: string, unit: 'FTE' | 'weeks' | 'tonnes CO2e', committed: number, reported: number, verified: number) => ({
      measureCode, unit, committedThousandths: committed, reportedThousandths: reported, verifiedThousandths: verified,
    });
    const withPeople: Rollup[] = [
      // Record-only measures: no £ at all, yet people into work and apprenticeship weeks.
      r({ quantities: [q('GSE-01', 'FTE', 20_000, 0, 12_500), q('GSE-07', 'weeks', 52_000, 4_000, 26_000)] }),
      r({ procurementReference: 'P-2', authorityId: 'coventry', quantities: [q('GSE-01', 'FTE', 32_000, 1_000, 25_000)] }),
      r({ periodEnd: '2026-09-30', themeId: 'environment', quantities: [q('ENV-01', 'tonnes CO2e', 10_000, 0, 1_005)] }),
      r({ procurementReference: 'P-3', periodEnd: '2027-06-30', quantities: [q('GSE-01', 'FTE', 999_000, 0, 999_000)] }), // outside
    ];
    const year = dashboardFigures(withPeople, { fromPeriodId: '2026-27 Q1', toPeriodId: '2026-27 Q4' });
    const gse = year.themes.find((t) => t.themeId === 'growth-skills-employment')!;
    expect(gse.verifiedPence).toBe(0);
    // "GSE-01 local jobs: 37.5 of 52 FTE committed (72.1%)"; weeks apart from FTE, never added to them.
    expect(gse.quantities).toEqual([
      { unit: 'FTE', committedThousandths: 52_000, reportedThousandths: 1_000, verifiedThousandths: 37_500, deliveredPercent: 72.1 },
      { unit: 'weeks', committedThousandths: 52_000, reportedThousandths: 4_000, verifiedThousandths: 26_000, deliveredPercent: 50 },
    ]);
    expect(year.measures.map((m) => [m.measureCode, m.unit, m.verifiedThousandths, m.procurements])).toEqual([
      ['GSE-01', 'FTE', 37_500, 2],
      ['GSE-07', 'weeks', 26_000, 1],
      ['ENV-01', 'tonnes CO2e', 1_005, 1],
    ]);
    // By authority and by supplier too, one unit at a time.
    expect(year.byAuthority.map((a) => [a.authorityId, a.quantities.map((u) => [u.unit, u.verifiedThousandths])])).toEqual([
      ['birmingham', [['FTE', 12_500], ['weeks', 26_000], ['tonnes CO2e', 1_005]]],
      ['coventry', [['FTE', 25_000]]],
    ]);
    expect(year.bySupplier.find((x) => x.supplierName === 'Acme Ltd')!.quantities.find((u) => u.unit === 'FTE')).toEqual({
      unit: 'FTE', committedThousandths: 52_000, reportedThousandths: 1_000, verifiedThousandths: 37_500, deliveredPercent: 72.1,
    });
    // The authority filter applies to quantities as to £.
    const coventry = dashboardFigures(withPeople, { fromPeriodId: '2026-27 Q1', toPeriodId: '2026-27 Q4', authorityId: 'coventry' });
    expect(coventry.measures).toEqual([
      { measureCode: 'GSE-01', text: measureByCode('GSE-01')!.text, themeId: 'growth-skills-employment', unit: 'FTE', committedThousandths: 32_000, reportedThousandths: 1_000, verifiedThousandths: 25_000, procurements: 1, deliveredPercent: 78.1 },
    ]);
  });

  it('words each measure from the library it is given (the site’s), the built-in one when none is given', () => {
    const rows: Rollup[] = [
      r({
        quantities: [
          { measureCode: 'GSE-01', unit: 'FTE', committedThousandths: 1_000, reportedThousandths: 0, verifiedThousandths: 1_000 },
          { measureCode: 'GSE-90', unit: 'count', committedThousandths: 3_000, reportedThousandths: 0, verifiedThousandths: 2_000 },
        ],
      }),
    ];
    const filters = { fromPeriodId: '2026-27 Q1', toPeriodId: '2026-27 Q4' };
    const words = (library?: { code: string; text: string }[]) => dashboardFigures(rows, filters, { library }).measures.map((m) => [m.measureCode, m.text]);
    // Built-in words; a code the built-in library lacks has none (the dashboard shows its code).
    expect(words()).toEqual([
      ['GSE-01', measureByCode('GSE-01')!.text],
      ['GSE-90', undefined],
    ]);
    // The site's library: its own measure by name, and its wording of a built-in code.
    const site = [{ code: 'GSE-01', text: 'Local jobs' }, { code: 'GSE-90', text: 'Veterans into sustained work' }];
    expect(words(site)).toEqual([
      ['GSE-01', 'Local jobs'],
      ['GSE-90', 'Veterans into sustained work'],
    ]);
    // At-risk commitments are worded the same way.
    const atRisk = [{ procurementReference: 'P-1', measureCode: 'GSE-90', targetQuantity: 3, unit: 'count' as const, dueDate: '2026-12-31', rag: 'Red' as const, verifiedQuantity: 2 }];
    expect(dashboardFigures(rows, filters, { atRisk, library: site }).atRisk.map((c) => [c.measureCode, c.text])).toEqual([['GSE-90', 'Veterans into sustained work']]);
  });
});
