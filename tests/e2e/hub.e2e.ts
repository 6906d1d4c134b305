import * as fs from 'fs';
import JSZip from 'jszip';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, serverUrl } from './browser';
import { columnOf, rowsOf } from './table';

jest.setTimeout(60_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the hub in a browser (local runtime)', () => {
  it('loads, shows the hub title and logs no console errors', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${serverUrl()}/`);
    const heading = page.getByRole('heading', { level: 1 });
    await heading.waitFor();
    expect(await heading.textContent()).toBe('Social Value Hub');
    expect(await page.getAttribute('html', 'lang')).toBe('en-GB');
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
  });

  it('shows its header, then its nav and the register’s filters while SharePoint is slow to answer, then the rows', async () => {
    const { page, errors } = await openPage(browser);
    // The opening's $batch is held back, as a far-away SharePoint would: the tab still answers at once.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked = false;
    await page.route('**/_api/$batch', async (route) => {
      asked = true;
      await held;
      await route.continue();
    });
    await page.goto(`${serverUrl()}/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Social Value Hub');
    expect(await page.getByText(/^Signed in as \S/).count()).toBe(1);
    // Once the batch has left, the hub's frame renders while it is answered: the nav, the register's heading and
    // its filters, and the register saying it is loading.
    const register = page.getByRole('region', { name: 'My procurements' });
    await register.getByText('Loading procurements…').waitFor();
    expect(asked).toBe(true);
    expect(await page.getByRole('navigation', { name: 'Hub' }).getByRole('button', { name: 'New procurement' }).count()).toBe(1);
    expect(await register.getByLabel('Search reference or title').count()).toBe(1);
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await page.getByText('Loading the hub…').count()).toBe(0);
    release();
    await register.getByRole('table').getByRole('cell').first().waitFor();
    expect(await register.getByText('Loading procurements…').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('wears the Teams light, dark and high-contrast themes', async () => {
    const backgrounds: Record<string, string> = {};
    for (const theme of ['default', 'dark', 'contrast']) {
      const { page, errors } = await openPage(browser);
      await page.goto(`${serverUrl()}/?theme=${theme}`);
      // The page's main area takes the theme's background.
      const main = page.getByRole('main');
      await main.waitFor();
      backgrounds[theme] = await main.evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(errors).toEqual([]);
      await page.close();
    }
    expect(new Set(Object.values(backgrounds)).size).toBe(3);
  });

  it('filters the register of the demo site by tier, status and text', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${serverUrl()}/#/all`);
    const register = page.getByRole('table', { name: 'All procurements' });
    await register.getByRole('cell').first().waitFor();
    expect((await rowsOf(register)).length).toBeGreaterThan(5);
    await page.getByLabel('Tier').selectOption('toms-included');
    await page.waitForLoadState('networkidle');
    const tiers = await columnOf(register, 'Tier');
    expect(tiers.length).toBeGreaterThan(0);
    expect(new Set(tiers)).toEqual(new Set(['TOMs included']));
    await page.getByLabel('Tier').selectOption('');
    await page.getByLabel('Search reference or title').fill('Tram stop');
    await page.waitForLoadState('networkidle');
    await eventually(async () => (await columnOf(register, 'Title')).join('|'), 'Tram stop cleaning');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('downloads a procurement’s tender pack as a Word document holding its weighting and measures', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${serverUrl()}/#/procurement/WMCA-2025-0160`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download tender pack' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^WMCA-2025-0160 .*\.docx$/);
    const bytes = fs.readFileSync((await download.path())!);
    const zip = await JSZip.loadAsync(bytes);
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, ' ');
    expect(text).toMatch(/10\s*%/);
    expect(text).toContain('ENV-01');
    expect(text).toContain('GSE-09');
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** Waits until the text read by `read` equals `expected` (the register re-queries after typing). */
async function eventually(read: () => Promise<string>, expected: string): Promise<void> {
  let last = '';
  for (let i = 0; i < 50; i++) {
    last = await read();
    if (last === expected) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  expect(last).toBe(expected);
}
