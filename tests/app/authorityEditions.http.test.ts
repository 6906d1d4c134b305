// Each authority's own edition, through the real SharePoint adapter (PnPjs over HTTP to the local server): a site
// owner adds one; SharePoint refuses a member who tries (Settings is owners only); bad input comes back field by
// field and writes nothing; the hub then decides that authority's procurements under it from its date.
import { addAuthorityEdition } from '../../src/app';
import { CURRENT_POLICY_EDITION, SETTING_KEYS, determineTier } from '../../src/domain';
import type { AuthorityEdition } from '../../src/domain';
import { DataError, ValidationError } from '../../src/data/errors';
import { loadEditionInForce } from '../../src/ui/editionInForce';
import { editionFor } from '../../src/domain';
import { startHub } from '../data/fixtures';
import type { Hub } from '../data/fixtures';

jest.setTimeout(120_000);

let hub: Hub;
beforeAll(async () => {
  hub = await startHub({ user: 'admin' });
});
afterAll(async () => {
  await hub?.server.stop();
});

const COVENTRY: AuthorityEdition = {
  authorityId: 'coventry',
  editionId: 'coventry-svp-2026',
  source: 'Coventry City Council social value policy (fictional figures for the test)',
  effectiveFrom: '2026-04-01',
  lightTouchLimitPence: 7_500_000,
  weightingMinPercent: 10,
  weightingMaxPercent: 20,
  measureCodes: ['GSE-01', 'ENV-01'],
};

it('refuses a member: only site owners keep editions, and SharePoint itself says no', async () => {
  await hub.server.setUser('officer');
  await expect(addAuthorityEdition(hub.data, COVENTRY)).rejects.toBeInstanceOf(DataError);
  await expect(addAuthorityEdition(hub.data, COVENTRY)).rejects.toMatchObject({ kind: 'forbidden' });
  await hub.server.setUser('admin');
  expect(await hub.data.settings.get(SETTING_KEYS.authorityEditions)).toBeUndefined();
});

it('refuses bad input field by field and writes nothing', async () => {
  await expect(addAuthorityEdition(hub.data, { ...COVENTRY, editionId: CURRENT_POLICY_EDITION.id, weightingMinPercent: 40 })).rejects.toMatchObject({
    problems: [expect.objectContaining({ field: 'editionId' }), expect.objectContaining({ field: 'weightingMinPercent' })],
  });
  await expect(addAuthorityEdition(hub.data, { ...COVENTRY, measureCodes: ['GSE-01', 'XYZ-99'] })).rejects.toBeInstanceOf(ValidationError);
  expect(await hub.data.settings.get(SETTING_KEYS.authorityEditions)).toBeUndefined();
});

it('adds editions, never the same id twice, and the hub decides that authority’s procurements under them from their date', async () => {
  await addAuthorityEdition(hub.data, { ...COVENTRY, editionId: ' coventry-svp-2026 ' });
  await expect(addAuthorityEdition(hub.data, { ...COVENTRY, editionId: 'COVENTRY-SVP-2026', effectiveFrom: '2027-04-01' })).rejects.toMatchObject({
    problems: [expect.objectContaining({ field: 'editionId' })],
  });
  await addAuthorityEdition(hub.data, { ...COVENTRY, editionId: 'coventry-svp-2027', effectiveFrom: '2027-04-01', weightingMaxPercent: 25, measureCodes: undefined });

  // Any member reads them (Settings is readable by members): the hub as an officer.
  await hub.server.setUser('officer');
  const { edition, authorityEditions } = await loadEditionInForce(hub.data);
  expect(authorityEditions.map((e) => e.editionId)).toEqual(['coventry-svp-2026', 'coventry-svp-2027']);
  const sixty = { estimatedValue: 60_000, contractType: 'services' as const };
  expect(determineTier({ ...sixty, decisionDate: '2026-03-31' }, editionFor(edition, authorityEditions, 'coventry', '2026-03-31'))).toMatchObject({ tier: 'toms-considered', policyEditionId: CURRENT_POLICY_EDITION.id });
  expect(determineTier({ ...sixty, decisionDate: '2026-04-01' }, editionFor(edition, authorityEditions, 'coventry', '2026-04-01'))).toMatchObject({ tier: 'light-touch', policyEditionId: 'coventry-svp-2026' });
  expect(editionFor(edition, authorityEditions, 'coventry', '2027-06-01')).toMatchObject({ id: 'coventry-svp-2027', weightingMaxPercent: 25 });
  expect(editionFor(edition, authorityEditions, 'dudley', '2027-06-01')).toBe(edition);
  await hub.server.setUser('admin');
});
