// The generator command's body: fills a local hub site with a region's worth of fictional delivery data
// (local/seed/fillRegion.ts). Run through scripts/generate-region.mjs.
import { addMonths, isoDateFromDate } from '../../src/domain';
import { createSharePointData } from '../../src/data/sharepoint';
import { createLocalSp } from '../../src/data/sharepoint/spfi';
import { REGIONAL_SCALE, fillRegion } from '../seed/fillRegion';
import { hasFlag, optionOf } from './args';

const USAGE = [
  'Usage: node scripts/generate-region.mjs --site http://127.0.0.1:4321/sites/socialvalue [options]',
  'Adds fictional procurements (GEN-00001 …), their commitments, quarterly outcome logs and rollups to a LOCAL site',
  '(it uses the local server\'s bulk insert, which SharePoint does not have). Options:',
  `  --procurements N       default ${REGIONAL_SCALE.procurements}`,
  `  --commitments-each N   default ${REGIONAL_SCALE.commitmentsEach}`,
  '  --years N              contract length, default 5 (one outcome log per commitment per quarter)',
  `  --seed N               default ${REGIONAL_SCALE.seed} (the same seed gives the same data)`,
  '  --officer EMAIL        lead officer of every procurement, default priya.sandhu@svhub.example',
].join('\n');

export async function main(argv: string[]): Promise<number> {
  const arg = (name: string): string | undefined => optionOf(argv, name);
  const site = arg('--site');
  if (!site || hasFlag(argv, '--help')) {
    console.log(USAGE);
    return hasFlag(argv, '--help') ? 0 : 2;
  }
  const whole = (name: string, fallback: number): number => {
    const raw = arg(name);
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of at least 1 (was "${raw}").`);
    return n;
  };
  const procurements = whole('--procurements', REGIONAL_SCALE.procurements);
  const commitmentsEach = whole('--commitments-each', REGIONAL_SCALE.commitmentsEach || 10);
  const years = whole('--years', 5);
  const data = createSharePointData(createLocalSp(site.replace(/\/$/, ''), { retries: 6 }));
  const officer = await data.users.ensure(arg('--officer') || 'priya.sandhu@svhub.example');
  const started = Date.now();
  const filled = await fillRegion(
    site,
    {
      ...REGIONAL_SCALE,
      seed: whole('--seed', REGIONAL_SCALE.seed),
      procurements,
      commitmentsEach,
      contractMonths: [years * 12, years * 12],
      // Contracts end by spring 2026 whatever their length, so every quarter logged is in the past.
      firstStart: addMonths(REGIONAL_SCALE.firstStart || '2020-04-01', (5 - years) * 12),
      targetLogs: procurements * commitmentsEach * years * 4,
      leadOfficerId: officer.id,
      asOf: isoDateFromDate(new Date()),
    },
    (m) => console.log(m),
  );
  console.log(
    `Region: ${filled.procurements.length} procurements, ${filled.commitments.length} commitments, ${filled.logs.length} outcome logs, ` +
      `${filled.rollupItems} rollup items (${((Date.now() - started) / 1000).toFixed(1)} s).`,
  );
  return 0;
}
