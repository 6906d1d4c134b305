// One Chromium per test file, with the flags this machine needs (no sandbox as root, no background network).
import { chromium, Browser, Page, ConsoleMessage } from 'playwright-core';

export function serverUrl(): string {
  const url = process.env.SVHUB_E2E_URL;
  if (!url) throw new Error('SVHUB_E2E_URL is not set: run the browser tests with `npm run test:e2e`.');
  return url;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    // A UK officer's browser: on Linux Chromium takes its locale from the environment (not --lang), so native date
    // inputs read day/month/year. It needs Debian's chromium-l10n (its en-GB.pak); without it they stay US.
    env: { ...process.env, LANG: 'en_GB.UTF-8', LANGUAGE: 'en_GB' },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Opens a page that records console errors and uncaught exceptions, in en-GB (navigator.language, Intl). */
export async function openPage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ locale: 'en-GB' });
  const errors: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error: Error) => errors.push(error.message));
  return { page, errors };
}
