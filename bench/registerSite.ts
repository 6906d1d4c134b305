// A register the size of a region's, for the register and tab-open benchmarks: `count` procurements spread
// over four officers (no officer leads 5,000), a quarter of them awaiting approval. Set-up only, through the
// local server's bulk insert (not SharePoint).
import { determineTier, tierSnapshot } from '../src/domain';
import type { HubData } from '../src/data/ports';
import { PROCUREMENTS_LIST } from '../src/data/schema';
import { procurementToItem } from '../src/data/sharepoint/mapping';
import { MANAGER, OFFICER, OFFICER2, procurement } from '../tests/support/records';
import type { LocalServer } from '../tests/support/localServer';

export async function fillRegister(server: LocalServer, data: HubData, count: number, prefix: string): Promise<void> {
  const leads = await Promise.all([OFFICER, OFFICER2, MANAGER, { email: 'grace.okafor@svhub.example' }].map((p) => data.users.ensure(p.email)));
  const tier = tierSnapshot(determineTier({ estimatedValue: 120000, contractType: 'services', decisionDate: '2026-02-01' }));
  const items = Array.from({ length: count }, (_, i) =>
    procurementToItem(procurement(`${prefix}-${String(i).padStart(6, '0')}`, { tierDecision: tier, status: i % 4 ? 'Draft' : 'Awaiting approval' }), {
      leadOfficerId: leads[i % leads.length].id,
    }),
  );
  for (let i = 0; i < items.length; i += 2000) await server.bulkInsert(PROCUREMENTS_LIST.title, items.slice(i, i + 2000) as Record<string, unknown>[]);
}
