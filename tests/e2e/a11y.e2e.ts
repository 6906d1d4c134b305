// Accessibility in a real browser: axe-core on the hub's screens, in each Teams theme, and the wizard
// completed with the keyboard alone.
import type { Browser } from 'playwright-core';
import { seriousViolations } from './axe';
import { launchBrowser, openPage, serverUrl } from './browser';
import { tabTo } from './keyboard';

jest.setTimeout(180_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('accessibility', () => {
  for (const theme of ['default', 'dark', 'contrast']) {
    it(`the register and the guide have no serious axe violations (${theme} theme)`, async () => {
      const { page } = await openPage(browser);
      await page.goto(`${serverUrl()}/?theme=${theme}#/all`);
      await page.getByRole('table').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'New procurement' }).click();
      await page.getByLabel('Procurement title').waitFor();
      await page.getByRole('button', { name: 'Next', exact: true }).click(); // show the errors too
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });

    it(`the dashboard, its charts and their tables have no serious axe violations (${theme} theme)`, async () => {
      const { page, errors } = await openPage(browser);
      await page.goto(`${serverUrl()}/?theme=${theme}#/dashboard`);
      await page.getByRole('table', { name: 'By theme: committed and delivered, with each theme’s share (table)' }).waitFor();
      await page.getByText('Loading the dashboard…').waitFor({ state: 'hidden' });
      // The charts are drawn (bars focusable as options) before axe looks at them.
      await page.getByRole('region', { name: 'By theme: committed and delivered, with each theme’s share' }).getByRole('option').first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

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
    await tabTo(page, /Weighted|PASS\/FAIL|No weighting/);
    for (let i = 0; i < 3 && !(await page.getByRole('radio', { name: 'No weighting' }).isChecked()); i++) {
      await page.keyboard.press('ArrowDown');
    }
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
