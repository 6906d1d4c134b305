// Shared set-up for the data-layer tests: a local server with the hub provisioned (as the site's admin),
// then used as a demo officer; the records come from ../support/records.
import type { SPFI } from '@pnp/sp';
import type { HubData } from '../../src/data/ports';
import { createLocalSp, createSharePointData, provision } from '../../src/data/sharepoint';
import { SETTING_KEYS } from '../../src/domain';
import { startLocalServer } from '../support/localServer';
import { REGISTER_SEARCH_SCHEMA } from '../../src/data/schema';
import type { FaultOptions, LocalServer } from '../support/localServer';

export { MANAGER, OFFICER, OFFICER2, action, commitment, outcome, procurement } from '../support/records';
import { MANAGER } from '../support/records';

export interface Hub {
  server: LocalServer;
  sp: SPFI;
  data: HubData;
}

export async function startHub(options: { user?: string; faults?: FaultOptions; dataDir?: string } = {}): Promise<Hub> {
  const server = await startLocalServer({ seed: 'none', user: 'admin', dataDir: options.dataDir });
  await provision(createLocalSp(server.siteUrl));
  // The site collection admin's one-off mapping of the register's sort properties (src/data/schema/searchSchema.ts).
  await server.setSearchSchema({ ...REGISTER_SEARCH_SCHEMA });
  await server.setUser(options.user || 'officer');
  if (options.faults) await server.setFaults(options.faults);
  const sp = createLocalSp(server.siteUrl, { retries: 8 });
  return { server, sp, data: createSharePointData(sp) };
}

/** A hub whose settings name the demo manager as approver, signed in as the officer (the approval workflows' tests). */
export async function startHubWithApprover(): Promise<Hub> {
  const hub = await startHub();
  // Only site owners change settings.
  await hub.server.setUser('admin');
  await hub.data.settings.set(SETTING_KEYS.approverEmail, MANAGER.email);
  await hub.server.setUser('officer');
  return hub;
}
