// Deterministic regional data: procurements, commitments (proxies locked) and quarterly outcome logs in
// every verification state. Clearly fictional. Used by the reporting tests, the benchmarks and the
// generator command (scripts/generate-region.mjs) that fills a local site for a demo at regional scale.
import { AUTHORITIES, MEASURES, addDays, addMonths, periodsBetween } from '../../src/domain';
import type { Commitment, OutcomeLog, Procurement, VerificationStatus } from '../../src/domain';
import { prng } from '../prng';

export interface Generated {
  procurements: Procurement[];
  commitments: Commitment[];
  logs: OutcomeLog[];
}

const VALUED = MEASURES.filter((m) => !m.recordOnly && m.proxyPence !== undefined);
const RECORD_ONLY = MEASURES.filter((m) => m.recordOnly);

export interface RegionOptions {
  seed: number;
  procurements: number;
  /** Logs stop at this many; fewer when the contracts' quarters run out. */
  targetLogs: number;
  /** Exactly this many commitments (distinct measures) per procurement; default 4 to 12, with repeats dropped. */
  commitmentsEach?: number;
  /** Contract lengths in months, [shortest, longest]; default [12, 36]. */
  contractMonths?: [number, number];
  /** Contracts start within this many days of `firstStart` (default 700 days from 1 April 2024). */
  startWithinDays?: number;
  firstStart?: string;
}

export function generate(options: RegionOptions): Generated {
  const rnd = prng(options.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const procurements: Procurement[] = [];
  const commitments: Commitment[] = [];
  const slots: { c: Commitment; periodEnds: string[] }[] = [];
  let commitmentId = 1;
  for (let i = 0; i < options.procurements; i++) {
    const reference = `GEN-${String(i + 1).padStart(5, '0')}`;
    const start = addDays(options.firstStart || '2024-04-01', Math.floor(rnd() * (options.startWithinDays ?? 700)));
    const [shortest, longest] = options.contractMonths || [12, 36];
    const months = shortest + Math.floor(rnd() * (longest - shortest + 1));
    const end = addMonths(start, months);
    const award = 1_000_000 + Math.floor(rnd() * 500_000_000);
    procurements.push({
      reference,
      title: `Generated contract ${i + 1}`,
      authorityId: pick(AUTHORITIES).id,
      directorate: 'Generated',
      leadOfficer: { email: 'officer@svhub.example', displayName: 'Officer' },
      contractType: 'services',
      regime: 'sub-central',
      estimatedValuePence: award,
      decisionDate: addDays(start, -60),
      durationMonths: months,
      themeIds: [],
      weighting: { method: 'weighted', percent: 10 },
      status: 'In delivery',
      supplier: { name: `Supplier ${1 + Math.floor(rnd() * Math.max(1, options.procurements / 3))} Ltd`, isSme: rnd() < 0.4, isVcse: rnd() < 0.15, isLocal: rnd() < 0.6 },
      awardValuePence: award,
      contractStart: start,
      contractEnd: end,
    });
    const count = options.commitmentsEach ?? 4 + Math.floor(rnd() * 9);
    const used = new Set<string>();
    for (let k = 0; options.commitmentsEach ? used.size < count : k < count; k++) {
      // A fixed count draws from the whole library (only a few measures carry a £ proxy); otherwise mostly valued ones.
      const m = options.commitmentsEach ? pick(MEASURES) : rnd() < 0.08 && RECORD_ONLY.length > 0 ? pick(RECORD_ONLY) : pick(VALUED);
      if (used.has(m.code)) continue;
      used.add(m.code);
      const ownStart = rnd() < 0.3 ? addDays(start, Math.floor(rnd() * 90)) : undefined;
      const due = rnd() < 0.1 ? start : addDays(end, -Math.floor(rnd() * 60));
      const c: Commitment = {
        id: commitmentId++,
        procurementReference: reference,
        measureCode: m.code,
        targetQuantity: Math.round(rnd() * 5000) / 10,
        unit: m.unit,
        proxyPenceLocked: m.recordOnly ? undefined : m.proxyPence,
        proxyEdition: m.recordOnly ? undefined : m.proxyEdition,
        startDate: ownStart,
        dueDate: due,
      };
      commitments.push(c);
      slots.push({ c, periodEnds: periodsBetween(start, end).map((p) => p.end) });
    }
  }
  const logs: OutcomeLog[] = [];
  const totalSlots = slots.reduce((n, s) => n + s.periodEnds.length, 0);
  const keep = Math.min(1, (options.targetLogs * 1.05) / totalSlots);
  const states: VerificationStatus[] = ['Verified', 'Verified', 'Verified', 'Reported', 'Rejected'];
  outer: for (const s of slots) {
    for (const periodEnd of s.periodEnds) {
      if (logs.length >= options.targetLogs) break outer;
      if (rnd() > keep) continue;
      // quantities with up to three decimals (1.005 tonnes) to exercise exact rounding
      const quantity = Math.round(rnd() * 200000) / 1000;
      const proxy = s.c.proxyPenceLocked;
      logs.push({
        id: logs.length + 1,
        procurementReference: s.c.procurementReference,
        commitmentId: rnd() < 0.9 ? s.c.id : undefined,
        measureCode: s.c.measureCode,
        periodEnd,
        quantity,
        proxyPence: rnd() < 0.95 ? proxy : undefined,
        reportedBy: 'supplier.returns@svhub.example',
        verification: pick(states),
      });
    }
  }
  return { procurements, commitments, logs };
}
