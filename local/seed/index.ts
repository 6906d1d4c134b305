// First start of the local site: provision the lists through the same provision() a site owner runs,
// and in demo mode add the fictional demo data through the hub's own repositories.
import { InjectHeaders } from '@pnp/queryable';
import { createLocalSp, createSharePointData, provision } from '../../src/data/sharepoint';
import type { HubData } from '../../src/data/ports';
import { LOCAL_USER_HEADER } from '../sharepoint/users';
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
  // Who wrote what is the proof of a decision or a verification (src/domain/approvalRecord.ts), so the demo's
  // people write their own parts: each through a client that runs as them (the local server's user header).
  const as = (alias: string): HubData => createSharePointData(createLocalSp(siteUrl).using(InjectHeaders({ [LOCAL_USER_HEADER]: alias })));
  if ((options.mode || 'demo') === 'demo') await seedDemo(createSharePointData(sp), log, as);
}
