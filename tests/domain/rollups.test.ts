import { committedByTheme, deliveredByTheme, periodFor } from '../../src/domain';
import type { Commitment, OutcomeLog } from '../../src/domain';
import type { Rollup } from '../../src/domain';
import { formatThousandths, thousandthsFromText, thousandthsNumber, thousandthsText, toThousandths } from '../../src/domain';
import { committedInPeriod, committedProfile, pickRollup, rebuildRollups, rollupKeyOf, rollupsFor, rollupsForProcurement, rollupsToSave } from '../../src/domain';
import { generate } from '../../local/seed/region';
import { prng } from '../../local/prng';

jest.setTimeout(120_000);

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

describe('committed profile', () => {
  const c: Commitment = { procurementReference: 'P-1', measureCode: 'GSE-01', targetQuantity: 3, unit: 'FTE', proxyPenceLocked: 333_333, dueDate: '2027-03-31', startDate: '2026-04-01' };

  it('spreads the value pro rata over the quarters from start to due date and adds up exactly', () => {
    const profile = committedProfile(c);
    expect(profile.map((p) => p.periodEnd)).toEqual(['2026-06-30', '2026-09-30', '2026-12-31', '2027-03-31']);
    expect(sum(profile.map((p) => p.pence))).toBe(999_999);
    // 90 of 364 days by 30 June
    expect(profile[0].pence).toBe(Math.round((999_999 * 90) / 364));
  });

  it('puts the whole value in the due quarter without a start date, and nothing for record-only measures', () => {
    expect(committedProfile({ ...c, startDate: undefined })).toEqual([{ periodEnd: '2027-03-31', pence: 999_999 }]);
    expect(committedProfile({ ...c, startDate: undefined }, '2026-10-01').map((p) => p.periodEnd)).toEqual(['2026-12-31', '2027-03-31']);
    expect(committedProfile({ ...c, proxyPenceLocked: undefined })).toEqual([]);
  });
});

describe('rollupsFor', () => {
  const procurement = { reference: 'P-1', authorityId: 'coventry', supplier: { name: 'Acme', isSme: true, isVcse: false, isLocal: true }, contractStart: '2026-04-01' };
  const commitments: Commitment[] = [
    { id: 1, procurementReference: 'P-1', measureCode: 'GSE-01', targetQuantity: 2, unit: 'FTE', proxyPenceLocked: 100_000, dueDate: '2026-06-30' },
    { id: 2, procurementReference: 'P-1', measureCode: 'ENV-01', targetQuantity: 10, unit: 'tonnes CO2e', proxyPenceLocked: 24_500, dueDate: '2026-06-30' },
  ];
  const log = (over: Partial<OutcomeLog>): OutcomeLog => ({ procurementReference: 'P-1', commitmentId: 1, measureCode: 'GSE-01', periodEnd: '2026-06-30', quantity: 1, proxyPence: 100_000, reportedBy: 's@x', verification: 'Verified', ...over });

  it('counts verified and reported logs apart, never rejected ones, with a row per theme of the contract', () => {
    const rows = rollupsFor(procurement, commitments, [
      log({ quantity: 1.5 }),
      log({ commitmentId: 2, measureCode: 'ENV-01', quantity: 1.005, proxyPence: 24_500, verification: 'Reported' }),
      log({ commitmentId: 2, measureCode: 'ENV-01', quantity: 7, proxyPence: 24_500, verification: 'Rejected' }),
    ]);
    expect(rows).toEqual([
      {
        procurementReference: 'P-1', periodEnd: '2026-06-30', themeId: 'growth-skills-employment', authorityId: 'coventry', supplierName: 'Acme', committedPence: 200_000, reportedPence: 0, verifiedPence: 150_000,
        quantities: [{ measureCode: 'GSE-01', unit: 'FTE', committedThousandths: 2000, reportedThousandths: 0, verifiedThousandths: 1500 }],
      },
      {
        procurementReference: 'P-1', periodEnd: '2026-06-30', themeId: 'environment', authorityId: 'coventry', supplierName: 'Acme', committedPence: 245_000, reportedPence: 24_623, verifiedPence: 0,
        // 1.005 tonnes exactly (not 1.00499…), the rejected 7 tonnes nowhere.
        quantities: [{ measureCode: 'ENV-01', unit: 'tonnes CO2e', committedThousandths: 10_000, reportedThousandths: 1005, verifiedThousandths: 0 }],
      },
    ]);
  });

  it('counts record-only measures in their own unit (people into work, apprenticeship weeks), never a percentage', () => {
    const recordOnly: Commitment[] = [
      { id: 3, procurementReference: 'P-1', measureCode: 'GSE-02', targetQuantity: 4, unit: 'FTE', dueDate: '2026-12-31', startDate: '2026-04-01' },
      { id: 4, procurementReference: 'P-1', measureCode: 'GSE-07', targetQuantity: 52, unit: 'weeks', dueDate: '2026-06-30' },
      { id: 5, procurementReference: 'P-1', measureCode: 'GSE-12', targetQuantity: 100, unit: '%', dueDate: '2026-06-30' },
    ];
    const rows = rollupsFor(procurement, recordOnly, [
      log({ commitmentId: 3, measureCode: 'GSE-02', quantity: 1.25, proxyPence: undefined }),
      log({ commitmentId: 4, measureCode: 'GSE-07', quantity: 26, proxyPence: undefined, verification: 'Reported' }),
      log({ commitmentId: 5, measureCode: 'GSE-12', quantity: 95, proxyPence: undefined }),
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ committedPence: 0, reportedPence: 0, verifiedPence: 0 });
    // 90 of 274 days of the 4 FTE fall in the first quarter: 1.314 FTE, rounded half up to the thousandth.
    expect(rows[0].quantities).toEqual([
      { measureCode: 'GSE-02', unit: 'FTE', committedThousandths: Math.round((4000 * 90) / 274), reportedThousandths: 0, verifiedThousandths: 1250 },
      { measureCode: 'GSE-07', unit: 'weeks', committedThousandths: 52_000, reportedThousandths: 26_000, verifiedThousandths: 0 },
    ]);
    // The record-only commitment's later quarters have rows, so its committed quantity adds up to its target.
    const all = rollupsForProcurement(procurement, recordOnly, []);
    expect(all.map((r) => r.periodEnd)).toEqual(['2026-06-30', '2026-09-30', '2026-12-31']);
    const committedFte = sum(all.map((r) => (r.quantities || []).filter((q) => q.measureCode === 'GSE-02').reduce((a, q) => a + q.committedThousandths, 0)));
    expect(committedFte).toBe(4000);
  });

  it('keeps a zero row when a log is rejected, so the stored figure is overwritten', () => {
    const rows = rollupsFor(procurement, [], [log({ verification: 'Rejected' })]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ themeId: 'growth-skills-employment', committedPence: 0, reportedPence: 0, verifiedPence: 0 });
  });

  it('falls back to the commitment’s locked proxy when a log has no snapshot', () => {
    const rows = rollupsFor(procurement, commitments, [log({ proxyPence: undefined, quantity: 0.5 })]);
    expect(rows[0].verifiedPence).toBe(50_000);
  });

  it('refuses logs of two quarters, and needs the period when there are no logs', () => {
    expect(() => rollupsFor(procurement, commitments, [log({}), log({ periodEnd: '2026-09-30' })])).toThrow(/one quarter/);
    expect(() => rollupsFor(procurement, commitments, [])).toThrow(/period/);
    expect(rollupsFor(procurement, commitments, [], '2026-05-01')[0].periodEnd).toBe('2026-06-30');
  });

  it('rollupsToSave zeroes stored rows the rebuild no longer has', () => {
    const fresh = rollupsFor(procurement, commitments, [log({})]);
    const stale: Rollup = { ...fresh[0], procurementReference: 'GONE-1', verifiedPence: 5 };
    const out = rollupsToSave(fresh, [...fresh, stale]);
    expect(out).toHaveLength(fresh.length + 1);
    expect(out[out.length - 1]).toMatchObject({ procurementReference: 'GONE-1', verifiedPence: 0, committedPence: 0, reportedPence: 0 });
  });
});

describe('rebuild from 100,000 logs', () => {
  it('equals the rollups written incrementally, period by period, as logs are reported, verified, rejected and corrected', () => {
    const g = generate({ seed: 20261125, procurements: 2500, targetLogs: 100_000 });
    expect(g.logs).toHaveLength(100_000);
    const byRef = new Map(g.procurements.map((p) => [p.reference, p]));
    const commitmentsOf = new Map<string, Commitment[]>();
    g.commitments.forEach((c) => commitmentsOf.set(c.procurementReference, [...(commitmentsOf.get(c.procurementReference) || []), c]));

    // The incremental writer: a keyed store (as the Rollups list), written with saveMany's semantics.
    const store = new Map<string, Rollup>();
    const saveMany = (rows: Rollup[]): void => rows.forEach((r) => store.set(rollupKeyOf(r), r));
    for (const p of g.procurements) saveMany(rollupsForProcurement(p, commitmentsOf.get(p.reference) || [], []));

    // Logs arrive in a random order, first as reported; some are corrected or decided later.
    const rnd = prng(7);
    const order = g.logs.map((l, i) => i).sort(() => rnd() - 0.5);
    const current = new Map<string, OutcomeLog>(); // ref|period|measure -> log (one per commitment per period)
    const byPeriod = new Map<string, Set<string>>();
    const apply = (l: OutcomeLog): void => {
      const key = `${l.procurementReference}|${l.periodEnd}|${l.measureCode}`;
      current.set(key, l);
      const pk = `${l.procurementReference}|${l.periodEnd}`;
      const set = byPeriod.get(pk) || new Set<string>();
      set.add(key);
      byPeriod.set(pk, set);
      const logs = Array.from(set).map((k) => current.get(k)!);
      saveMany(rollupsFor(byRef.get(l.procurementReference)!, commitmentsOf.get(l.procurementReference) || [], logs));
    };
    for (const i of order) {
      const final = g.logs[i];
      if (rnd() < 0.1) apply({ ...final, quantity: final.quantity + 1, verification: 'Reported' }); // later corrected
      apply({ ...final, verification: 'Reported' });
      if (final.verification !== 'Reported') apply(final);
    }
    expect(current.size).toBe(100_000);

    const rebuilt = rebuildRollups(g.commitments, g.logs, g.procurements);
    const incremental = Array.from(store.values()).map(pickRollup).sort((a, b) => (rollupKeyOf(a) < rollupKeyOf(b) ? -1 : 1));
    const sorted = rebuilt.map(pickRollup).sort((a, b) => (rollupKeyOf(a) < rollupKeyOf(b) ? -1 : 1));
    expect(sorted.length).toBe(incremental.length);
    expect(sorted).toEqual(incremental);

    // And both agree with the domain's own totals, to the penny.
    const lockedProxy = new Map(g.commitments.map((c) => [`${c.procurementReference}|${c.measureCode}`, c.proxyPenceLocked]));
    const verified = deliveredByTheme(g.logs.map((l) => ({ ...l, proxyPence: l.proxyPence ?? lockedProxy.get(`${l.procurementReference}|${l.measureCode}`) })), 'verified-only');
    expect(sum(rebuilt.map((r) => r.verifiedPence))).toBe(verified.totalPence);
    expect(sum(rebuilt.map((r) => r.committedPence))).toBe(committedByTheme(g.commitments).totalPence);
    for (const t of verified.themes) expect(sum(rebuilt.filter((r) => r.themeId === t.themeId).map((r) => r.verifiedPence))).toBe(t.valuePence);
    expect(rebuilt.every((r) => periodFor(r.periodEnd).end === r.periodEnd)).toBe(true);
  });
});

describe('committedInPeriod', () => {
  it('gives each quarter of the profile, and zero outside it', () => {
    const { commitments, procurements } = generate({ seed: 3, procurements: 40, targetLogs: 0 });
    const start = new Map(procurements.map((p) => [p.reference, p.contractStart]));
    for (const c of commitments) {
      const profile = committedProfile(c, start.get(c.procurementReference));
      for (const slice of profile) expect(committedInPeriod(c, slice.periodEnd, start.get(c.procurementReference))).toBe(slice.pence);
      expect(committedInPeriod(c, '2040-03-31', start.get(c.procurementReference))).toBe(0);
      expect(committedInPeriod(c, '2020-03-31', start.get(c.procurementReference))).toBe(0);
    }
  });
});

describe('quantities in thousandths', () => {
  it('reads a typed quantity exactly and writes it back as the decimal it is', () => {
    expect(toThousandths(1.005)).toBe(1005); // not 1004.9999…
    expect(toThousandths(0.93)).toBe(930);
    expect(thousandthsText(37_500)).toBe('37.5');
    expect(thousandthsText(52_000)).toBe('52');
    expect(thousandthsNumber(1_040_000_250)).toBe('1,040,000.25');
    expect(formatThousandths(1005, 'tonnes CO2e')).toBe('1.005 tonnes CO2e');
    // On screen at the precision the unit is entered in: a pro rata share of 5.236 FTE reads 5.24 FTE.
    expect(formatThousandths(5236, 'FTE')).toBe('5.24 FTE');
    expect(formatThousandths(1500, 'count')).toBe('2');
    expect(formatThousandths(384_945_205, '£ spend')).toBe('£384,945.21');
    // The unit's words are formatQuantity's: a share with its sign, one of a plural unit singular.
    expect(formatThousandths(40_000, '%')).toBe('40%');
    expect(formatThousandths(1000, 'weeks')).toBe('1 week');
    expect(thousandthsFromText('37.5')).toBe(37_500);
    // What a hand edit of the list might hold is not a quantity.
    for (const bad of ['', '-1', '1.2345', '1e3', 'twelve', '1,000']) expect(thousandthsFromText(bad)).toBeUndefined();
  });
});
