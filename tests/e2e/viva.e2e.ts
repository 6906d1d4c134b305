// The Viva Connections card on its local page (/_local/viva): what an officer, an approver and a taskforce member
// would see on the dashboard, drawn by the Adaptive Cards renderer from the local site's lists, light and dark; the
// buttons lead into the hub at their place. Screenshots go to test-results/screens/ for people to look at.
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, serverUrl } from './browser';
import { seriousViolations } from './axe';
import { setUser } from './site';

jest.setTimeout(60_000);

const SCREENS_DIR = path.resolve(__dirname, '../../test-results/screens');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await setUser('officer');
  await browser?.close();
});

async function openCard(page: Page, query = ''): Promise<void> {
  await page.goto(`${serverUrl()}/_local/viva${query}`);
  await page.getByRole('region', { name: 'Quick view' }).waitFor();
}

describe('the Viva Connections card, locally', () => {
  it('gives the approver the quarter’s figures and the outcomes to verify, a button into the hub’s queue; an officer is offered none', async () => {
    await setUser('officer');
    const { page, errors } = await openPage(browser);
    await page.setViewportSize({ width: 1280, height: 900 });
    await openCard(page);
    const large = page.getByRole('region', { name: 'Large card' });
    await large.getByText(/^Q\d \d{4}-\d{2}: verified$/).waitFor();
    // The Verifications list is the approvers': the officer's card offers nothing to verify.
    expect(await large.getByRole('link', { name: /to verify$/ }).count()).toBe(0);
    await setUser('manager');
    await page.reload();
    await page.getByRole('region', { name: 'Quick view' }).waitFor();
    const verify = large.getByRole('link', { name: /outcomes? to verify$/ });
    await verify.waitFor();
    // The quick view: all six themes, and what waits for the approver.
    const quick = page.getByRole('region', { name: 'Quick view' });
    for (const theme of ['Growth, Skills and Employment', 'Environment']) await quick.getByText(theme, { exact: false }).first().waitFor();
    await quick.getByText('What waits for you').waitFor();
    await page.screenshot({ path: path.join(SCREENS_DIR, 'viva-approver-light-1280.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // The button opens the hub's verification queue (a new tab, as a card's link does).
    const [hub] = await Promise.all([page.context().waitForEvent('page'), verify.click()]);
    await hub.waitForLoadState();
    expect(hub.url()).toMatch(/#\/verify$/);
    await hub.getByRole('heading', { name: 'Outcomes to verify' }).waitFor();
    await hub.close();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('leads the approver to what waits for their decision, by keyboard', async () => {
    await setUser('manager');
    const { page, errors } = await openPage(browser);
    await openCard(page);
    const medium = page.getByRole('region', { name: 'Medium card' });
    const approvals = medium.getByRole('link', { name: /^\d+ to approve$/ });
    await approvals.waitFor();
    // The medium card has room for one button: the decisions come first, in words the button shows whole.
    expect(await medium.getByRole('link').count()).toBe(1);
    const [button, card] = [await approvals.boundingBox(), await medium.boundingBox()];
    expect(button!.x + button!.width).toBeLessThanOrEqual(card!.x + card!.width);
    await approvals.focus();
    const [hub] = await Promise.all([page.context().waitForEvent('page'), page.keyboard.press('Enter')]);
    await hub.waitForLoadState();
    expect(hub.url()).toMatch(/#\/approvals$/);
    await hub.close();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('gives a taskforce member, who only reads, the figures and the dashboard — in the dark theme too', async () => {
    await setUser('taskforce');
    const { page, errors } = await openPage(browser);
    await page.setViewportSize({ width: 400, height: 900 });
    for (const query of ['', '?theme=dark']) {
      await openCard(page, query);
      const large = page.getByRole('region', { name: 'Large card' });
      await large.getByRole('link', { name: 'Open the dashboard' }).waitFor();
      expect(await large.getByRole('link', { name: /to verify|to chase|awaiting your approval/ }).count()).toBe(0);
      await page.getByRole('region', { name: 'Quick view' }).getByText('Nothing waits for you').waitFor();
      await page.screenshot({ path: path.join(SCREENS_DIR, `viva-taskforce-${query ? 'dark' : 'light'}-400.png`), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
    }
    // A reload keeps the person and the theme (both are the page's address and the site's sign-in).
    await page.reload();
    await page.getByRole('region', { name: 'Large card' }).getByRole('link', { name: 'Open the dashboard' }).waitFor();
    expect(await page.getByLabel('Signed in as').inputValue()).toBe('taskforce');
    expect(errors).toEqual([]);
    await page.close();
  });
});
