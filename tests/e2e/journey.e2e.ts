// The journey people make, as they make it: an officer with the keyboard alone, reloading the page at every
// step of the guide, submits a procurement; the manager lands on what waits for them and approves it with
// the keyboard; and an approved decision reopened for editing survives a reload mid-way.
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, serverUrl } from './browser';
import { arrowToRadio, press, tabTo, typeInto } from './keyboard';
import { listItems, setUser } from './site';

jest.setTimeout(240_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await setUser('officer');
  await browser?.close();
});

async function step(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 3, name }).waitFor();
}

/** Reload, as a person whose tab was refreshed would, and find the guide where they left it. */
async function reloadAt(page: Page, name: string): Promise<void> {
  await page.reload();
  await step(page, name);
}

const TITLE = 'Journey: park-and-ride cleaning';

describe('officer → manager, with the keyboard and reloads', () => {
  let reference = '';

  it('a newcomer lands on their own procurements, not on an empty register', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${serverUrl()}/`);
    await page.getByRole('heading', { level: 2, name: 'My procurements' }).waitFor();
    await page.getByRole('row').nth(1).waitFor();
    expect(await page.getByText('You have no procurements that match.').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the officer completes the guide with the keyboard alone, reloading at every step, and submits', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${serverUrl()}/`);
    await page.getByRole('tab', { name: 'My procurements' }).waitFor();
    await press(page, /^New procurement$/);
    await step(page, 'Basics');
    await typeInto(page, /Procurement title/, TITLE);
    await typeInto(page, /Directorate/, 'Transport for West Midlands');
    await tabTo(page, /Contract type/);
    await page.keyboard.press('s'); // the native select's type-ahead: "Services"
    await typeInto(page, /Estimated whole-life value/, '120000');
    await typeInto(page, /Contract duration/, '24');

    await reloadAt(page, 'Basics');
    expect(await page.getByLabel('Procurement title').inputValue()).toBe(TITLE);
    expect(await page.getByLabel(/Estimated whole-life value/).inputValue()).toBe('120000');
    await press(page, /^Next$/);
    await step(page, 'Tier');
    await reloadAt(page, 'Tier');
    expect(await page.getByRole('note', { name: 'Why this tier' }).textContent()).toContain('£120,000');
    await press(page, /^Next$/);

    await step(page, 'Themes and measures');
    await reloadAt(page, 'Themes and measures');
    await press(page, /^Add the suggested measures$/);
    const targets = await page.getByLabel(/^Target for /).count();
    expect(targets).toBeGreaterThan(0);
    for (let i = 0; i < targets; i++) {
      await tabTo(page, /^Target for /);
      await page.keyboard.type('3');
    }
    await reloadAt(page, 'Themes and measures');
    for (const target of await page.getByLabel(/^Target for /).all()) expect(await target.inputValue()).toBe('3');
    await press(page, /^Next$/);

    await step(page, 'Weighting');
    await reloadAt(page, 'Weighting');
    await tabTo(page, /^(Weighted|PASS\/FAIL|No weighting)/);
    await arrowToRadio(page, /^Weighted/);
    expect(await page.getByRole('radio', { name: /^Weighted/ }).isChecked()).toBe(true);
    await typeInto(page, /Weighting \(%\)/, '12');
    await typeInto(page, /^Justification/, 'Local jobs matter for a contract run at park-and-ride sites.');
    await reloadAt(page, 'Weighting');
    expect(await page.getByLabel(/Weighting \(%\)/).inputValue()).toBe('12');
    await press(page, /^Next$/);

    await step(page, 'Review and submit');
    await reloadAt(page, 'Review and submit');
    await press(page, /^Submit for approval$/);
    const heading = page.getByRole('heading', { level: 2, name: new RegExp(TITLE) });
    await heading.waitFor();
    reference = ((await heading.textContent()) ?? '').split(':')[0].trim();
    const [item] = await listItems('Procurements', `Reference eq '${reference}'`);
    expect(item).toMatchObject({ Title: TITLE, Status: 'Awaiting approval', WeightingPercent: 12 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the manager lands on what awaits their approval and approves it with the keyboard', async () => {
    expect(reference).not.toBe('');
    await setUser('manager');
    const { page, errors } = await openPage(browser);
    await page.goto(`${serverUrl()}/`);
    await page.getByRole('heading', { level: 2, name: 'Awaiting my approval' }).waitFor();
    expect(await page.getByRole('tab', { name: /^Awaiting my approval \(\d+\+?\)$/, selected: true }).count()).toBe(1);
    await page.getByRole('link', { name: reference }).waitFor();
    await press(page, new RegExp(`^${reference}$`));
    await page.getByRole('heading', { level: 2, name: new RegExp(TITLE) }).waitFor();
    // Every control on the way is reached with Tab and shows its focus (tabTo checks what is seen).
    await typeInto(page, /^Comments for the officer/, 'Keep the local hiring target.');
    await press(page, /^Approve$/);
    await page.getByText(/^Approved by /).first().waitFor();
    await page.getByText('Keep the local hiring target.').waitFor();
    const [approved] = await listItems('Procurements', `Reference eq '${reference}'`);
    expect(approved.Status).toBe('Approved');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an approved decision reopened for editing keeps its stored record through a reload, and saves', async () => {
    await setUser('officer');
    const { page, errors } = await openPage(browser);
    await page.goto(`${serverUrl()}/#/procurement/${encodeURIComponent(reference)}`);
    await page.getByRole('button', { name: 'Edit decision' }).click();
    await page.getByRole('heading', { level: 2, name: `Edit procurement ${reference}` }).waitFor();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await step(page, 'Tier');
    await page.reload();
    await page.getByRole('heading', { level: 2, name: `Edit procurement ${reference}` }).waitFor();
    await step(page, 'Tier');
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await step(page, 'Themes and measures');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText(/^Saved to the list at /).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('heading', { level: 2, name: new RegExp(TITLE) }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
