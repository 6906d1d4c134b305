import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, serverUrl } from './browser';

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

  it('wears the Teams light, dark and high-contrast themes', async () => {
    const backgrounds: Record<string, string> = {};
    for (const theme of ['default', 'dark', 'contrast']) {
      const { page, errors } = await openPage(browser);
      await page.goto(`${serverUrl()}/?theme=${theme}`);
      const root = page.locator('[data-theme]');
      await root.waitFor();
      backgrounds[theme] = await root.evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(errors).toEqual([]);
      await page.close();
    }
    expect(new Set(Object.values(backgrounds)).size).toBe(3);
  });
});
