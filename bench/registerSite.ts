// A register the size of a region's, for the register and tab-open benchmarks and the register's scale tests:
// `count` procurements spread over the 18 authorities, 10 financial years, the six themes (one to three each),
// every status (half of them in delivery, as a mature register is) and four officers, with titles in words an
// officer searches by. Set-up only, through the local server's bulk insert (not SharePoint), 2,000 items a call.
import { AUTHORITIES, THEMES, TIERS, determineTier, tierSnapshot } from '../src/domain';
import type { ProcurementStatus, ThemeId, Tier } from '../src/domain';
import type { HubData } from '../src/data/ports';
import { PROCUREMENTS_LIST } from '../src/data/schema';
import { procurementToItem } from '../src/data/sharepoint/mapping';
import { MANAGER, OFFICER, OFFICER2, procurement } from '../tests/support/records';
import type { LocalServer } from '../tests/support/localServer';

const SUBJECTS = ['Grounds maintenance', 'Youth employment', 'Fleet electrification', 'Social care', 'Highways resurfacing', 'Library services', 'Catering', 'IT support'];
const KINDS = ['contract', 'framework', 'programme', 'services'];
const STATUSES: ProcurementStatus[] = ['In delivery', 'Draft', 'In delivery', 'Awaiting approval', 'In delivery', 'Closed', 'In delivery', 'Tendering', 'Awarded', 'Approved'];

/** The n-th procurement of a generated register, as the list holds it. */
export function registerRecord(prefix: string, i: number, leadOfficerId: number): Record<string, unknown> {
  const tier = tierSnapshot(determineTier({ estimatedValue: 120000, contractType: 'services', decisionDate: '2026-02-01' }));
  const themes = [0, 1, 2].slice(0, 1 + (i % 3)).map((k) => THEMES[(i + k * 2) % THEMES.length].id as ThemeId);
  const year = 2017 + (i % 10);
  return procurementToItem(
    procurement(`${prefix}-${String(i).padStart(6, '0')}`, {
      title: `${SUBJECTS[i % SUBJECTS.length]} ${KINDS[Math.floor(i / 8) % KINDS.length]} ${i}`,
      authorityId: AUTHORITIES[i % AUTHORITIES.length].id,
      decisionDate: `${year}-${String(4 + (i % 9)).padStart(2, '0')}-15`,
      estimatedValuePence: 1_000_000 + ((i * 7919) % 50_000) * 1000,
      tierDecision: { ...tier, tier: TIERS[i % TIERS.length].id as Tier },
      themeIds: themes,
      status: STATUSES[i % STATUSES.length],
    }),
    { leadOfficerId },
  ) as unknown as Record<string, unknown>;
}

export async function fillRegister(server: LocalServer, data: HubData, count: number, prefix: string): Promise<void> {
  const leads = await Promise.all([OFFICER, OFFICER2, MANAGER, { email: 'grace.okafor@svhub.example' }].map((p) => data.users.ensure(p.email)));
  for (let start = 0; start < count; start += 2000) {
    const items = [];
    for (let i = start; i < Math.min(count, start + 2000); i++) items.push(registerRecord(prefix, i, leads[i % leads.length].id));
    await server.bulkInsert(PROCUREMENTS_LIST.title, items);
  }
}
