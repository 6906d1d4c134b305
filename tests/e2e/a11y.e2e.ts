// Accessibility in a real browser: the wizard completed with the keyboard alone, focus seen at every stop.
// axe-core runs on every screen, in each Teams theme, inside the layout sweep (layout.e2e.ts), so the list
// of screens is kept once and none is forgotten.
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, serverUrl } from './browser';
import { arrowToRadio, tabTo } from './keyboard';

jest.setTimeout(180_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('accessibility', () => {
  it('a light-touch procurement can be completed with the keyboard alone', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${serverUrl()}/`);
    await page.getByRole('tab', { name: 'My procurements' }).waitFor();
    // Starting a procurement is a button the Tab key reaches (the tab list is for views).
    await tabTo(page, /^New procurement$/);
    await page.keyboard.press('Enter');
    await page.getByLabel('Procurement title').waitFor();
    await tabTo(page, /Procurement title/);
    await page.keyboard.type('Keyboard-only quotation');
    await tabTo(page, /Directorate/);
    await page.keyboard.type('Digital');
    await tabTo(page, /Contract type/);
    await page.keyboard.press('g'); // native select: type-ahead picks "Goods"
    await tabTo(page, /Estimated whole-life value/);
    await page.keyboard.type('20000');
    await tabTo(page, /Contract duration/);
    await page.keyboard.type('12');
    // As a person would, wait to hear the next step's heading before going on.
    for (const step of ['Tier', 'Themes and measures', 'Weighting']) {
      await tabTo(page, /^Next$/);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 3, name: step }).waitFor();
    }
    // Weighting: the radio group takes arrow keys; "No weighting" is allowed under £50,000.
    await tabTo(page, /^(Weighted|PASS\/FAIL|No weighting)/);
    await arrowToRadio(page, 'No weighting');
    expect(await page.getByRole('radio', { name: 'No weighting' }).isChecked()).toBe(true);
    await tabTo(page, /^Next$/);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Submit for approval' }).waitFor();
    await tabTo(page, /Submit for approval/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: /Keyboard-only quotation/ }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
