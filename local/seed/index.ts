// First start of the local site: provision the lists through the same provision() a site owner runs,
// and in demo mode add the fictional demo data through the hub's own repositories.
import { createLocalSp, createSharePointData, provision } from '../../src/data/sharepoint';
import { seedDemo } from './seedDemo';

export async function bootstrapSite(
  siteUrl: string,
  log: (line: string) => void,
  options: { mode?: 'provision' | 'demo'; headers?: Record<string, string> } = {},
): Promise<void> {
  const sp = createLocalSp(siteUrl, { headers: options.headers });
  const report = await provision(sp, { log });
  log(`Provisioned: ${report.created.length} created, ${report.updated.length} updated, ${report.unchanged} unchanged.`);
  report.problems.forEach((p) => log(`  note: ${p}`));
  if ((options.mode || 'demo') === 'demo') await seedDemo(createSharePointData(sp), log);
}
