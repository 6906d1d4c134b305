// First start of the local site: provision the lists through the same provision() a site owner runs,
// and in demo mode add the fictional demo data through the hub's own repositories.
import { InjectHeaders } from '@pnp/queryable';
import { createLocalSp, createSharePointData, provision } from '../../src/data/sharepoint';
import type { HubData } from '../../src/data/ports';
import { LOCAL_USER_HEADER } from '../sharepoint/users';
import { seedDemo } from './seedDemo';
import { REGISTER_SEARCH_SCHEMA } from '../../src/data/schema';

/**
 * The site collection admin's one-off step for the register's search sorts (src/data/schema/searchSchema.ts), done
 * the local way (POST /_local/searchschema); on SharePoint it is Site settings > Search schema.
 */
async function mapSearchSchema(siteUrl: string, log: (line: string) => void, headers: Record<string, string> = {}): Promise<void> {
  const res = await fetch(`${new URL(siteUrl).origin}/_local/searchschema`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ mappings: REGISTER_SEARCH_SCHEMA }),
  });
  if (!res.ok) log(`  note: the search schema was not mapped (${res.status}): the register cannot sort search results past 5,000 items.`);
}

export async function bootstrapSite(
  siteUrl: string,
  log: (line: string) => void,
  options: { mode?: 'provision' | 'demo'; headers?: Record<string, string> } = {},
): Promise<void> {
  const sp = createLocalSp(siteUrl, { headers: options.headers });
  const report = await provision(sp, { log });
  log(`Provisioned: ${report.created.length} created, ${report.updated.length} updated, ${report.unchanged} unchanged.`);
  report.problems.forEach((p) => log(`  note: ${p}`));
  await mapSearchSchema(siteUrl, log, options.headers);
  // Who wrote what is the proof of a decision or a verification (src/domain/approvalRecord.ts), so the demo's
  // people write their own parts: each through a client that runs as them (the local server's user header).
  // (They carry the set-up's own headers too: while the site is set up, only the set-up's requests are served.)
  const as = (alias: string): HubData =>
    createSharePointData(createLocalSp(siteUrl, { headers: options.headers }).using(InjectHeaders({ [LOCAL_USER_HEADER]: alias })));
  if ((options.mode || 'demo') === 'demo') await seedDemo(createSharePointData(sp), log, as);
}
