// The rebuild command's body: recomputes a site's Rollups list from its outcome logs over the real data
// layer (PnPjs over HTTP). Run through scripts/rebuild-rollups.mjs.
import { isoDateFromDate, parseIsoDate } from '../../src/domain';
import { createLocalSp } from '../../src/data/sharepoint/spfi';
import { createSharePointData } from '../../src/data/sharepoint';
import { rebuildRollupsOnSite } from '../../src/app/rebuild';
import { LOCAL_USER_HEADER } from '../sharepoint/users';
import { hasFlag, optionOf } from './args';

export async function main(argv: string[]): Promise<number> {
  const arg = (name: string): string | undefined => optionOf(argv, name);
  const site = arg('--site');
  if (!site || hasFlag(argv, '--help')) {
    console.log('Usage: node scripts/rebuild-rollups.mjs --site http://127.0.0.1:4321/sites/socialvalue [--as admin] [--dry-run] [--as-of YYYY-MM-DD]');
    console.log('Recomputes every rollup (procurement × quarter × theme) from the commitments and outcome logs and writes those that differ,');
    console.log('and brings each commitment\'s stored RAG up to today (or --as-of): run it on a schedule so overdue commitments turn Red.');
    console.log('Only a site owner may write the figures: --as names the local demo person to act as (npm start allows it), else the site\'s signed-in person.');
    return hasFlag(argv, '--help') ? 0 : 2;
  }
  const as = arg('--as');
  const data = createSharePointData(createLocalSp(site.replace(/\/$/, ''), { retries: 6, headers: as ? { [LOCAL_USER_HEADER]: as } : undefined }));
  const started = Date.now();
  const asOf = arg('--as-of') || isoDateFromDate(new Date());
  parseIsoDate(asOf, '--as-of');
  const report = await rebuildRollupsOnSite(data, { dryRun: hasFlag(argv, '--dry-run'), onProgress: (m) => console.log(m), asOf });
  console.log(
    `Rollups: ${report.rollups} from ${report.logs} outcome logs, ${report.commitments} commitments and ${report.procurements} procurements; ` +
      `${report.written} written, ${report.unchanged} unchanged, ${report.failed.length} failed; ` +
      `${report.progressUpdated} commitments' progress ${hasFlag(argv, '--dry-run') ? 'out of date' : 'recorded'} as at ${asOf} (${((Date.now() - started) / 1000).toFixed(1)} s).`,
  );
  if (report.unknownReferences.length > 0) console.log(`Left out (no such procurement): ${report.unknownReferences.join(', ')}`);
  for (const f of report.failed) console.error(`Failed: ${f.what}: ${f.error.message}`);
  return report.failed.length > 0 ? 1 : 0;
}
