// The personal app as Teams hosts it: on the tenant's root site, with no web part property (local page ?personal).
// Without the tenant property it looks for the lists on the root site; once the app catalog's owner sets
// SocialValueHubSiteUrl it opens the hub's site, and Settings says where the site came from.
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, serverUrl } from './browser';
import { setUser } from './site';

jest.setTimeout(60_000);

const KEY = 'SocialValueHubSiteUrl';

/** A tenant property write as the app catalog's owner sends it: digest from the app catalog, then SetStorageEntity. */
async function storageEntity(action: 'set' | 'remove', value?: string): Promise<void> {
  const catalog = `${serverUrl()}/sites/appcatalog`;
  const asAdmin = { 'x-svhub-user': 'admin' };
  const info = await fetch(`${catalog}/_api/contextinfo`, { method: 'POST', headers: { accept: 'application/json', ...asAdmin } });
  const digest = ((await info.json()) as { FormDigestValue: string }).FormDigestValue;
  const headers = { accept: 'application/json', 'content-type': 'application/json', 'x-requestdigest': digest, ...asAdmin };
  const response = action === 'set'
    ? await fetch(`${catalog}/_api/web/SetStorageEntity`, { method: 'POST', headers, body: JSON.stringify({ key: KEY, value, description: 'The Social Value Hub’s site', comments: '' }) })
    : await fetch(`${catalog}/_api/web/RemoveStorageEntity('${KEY}')`, { method: 'POST', headers });
  if (!response.ok) throw new Error(`${action} ${KEY}: ${response.status} ${await response.text()}`);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await storageEntity('remove').catch(() => undefined);
  await setUser('officer');
  await browser?.close();
});

describe('the personal app on the root site', () => {
  it('looks for the lists on the root site until the tenant names the hub’s site, then opens it', async () => {
    await setUser('officer');
    await storageEntity('remove');
    const { page, errors } = await openPage(browser);
    await page.goto(`${serverUrl()}/?personal`);
    await page.getByText('The hub’s lists are not on this site yet, or need an update').waitFor();
    // An officer is offered nothing they cannot do on the root site.
    expect(await page.getByRole('button', { name: 'Provision the hub’s lists' }).count()).toBe(0);

    await storageEntity('set', `${serverUrl()}/sites/socialvalue`);
    await page.reload();
    await page.getByRole('table', { name: 'My procurements' }).waitFor();
    expect(await page.getByText('The hub’s lists are not on this site yet, or need an update').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the site owner in Settings that the tenant property chose the site, and that they manage that site', async () => {
    await storageEntity('set', `${serverUrl()}/sites/socialvalue`);
    await setUser('admin');
    const { page, errors } = await openPage(browser);
    await page.goto(`${serverUrl()}/?personal#/settings`);
    await page.getByRole('heading', { name: 'The hub’s site' }).waitFor();
    await page.getByText(`The hub’s lists are on ${serverUrl()}/sites/socialvalue`).waitFor();
    await page.getByText('Set for the whole organisation by the tenant property SocialValueHubSiteUrl.').waitFor();
    // canManageSite is the admin's right on the hub's site, not on the root site that hosts the page.
    await page.getByRole('button', { name: 'Save settings' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
