// Verify an outcome → celebrate it → the success card appears in the (local) taskforce channel, rendered by
// the official Adaptive Cards renderer, exactly once.
import type { Browser } from 'playwright-core';
import { DEMO_TASKFORCE_CHANNEL_ID, DEMO_TEAM_ID } from '../../local/graph/demo';
import { launchBrowser, openPage, serverUrl } from './browser';
import { listItems } from './site';

jest.setTimeout(120_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// A demo contract in delivery whose latest quarter was reported by its lead officer (Tom Whitehouse), so the
// signed-in officer (Priya Sandhu) may verify it.
const REFERENCE = 'WMCA-2025-0160';

describe('celebrating a verified outcome in the taskforce channel', () => {
  it('verifies, previews and posts the success card once; the channel page shows it', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${serverUrl()}/#/procurement/${REFERENCE}`);
    const verify = page.getByRole('button', { name: /^Verify / }).first();
    await verify.waitFor();
    await verify.click();
    const celebrateButtons = page.getByRole('button', { name: 'Celebrate in the taskforce channel' });
    const celebrate = celebrateButtons.first();
    await celebrate.waitFor();
    const offered = await celebrateButtons.count();
    await celebrate.click();

    const dialog = page.getByRole('dialog');
    await dialog.getByRole('figure', { name: 'Card preview' }).locator('.ac-adaptiveCard').waitFor();
    await dialog.getByRole('button', { name: 'Post to the taskforce channel' }).click();
    await dialog.getByText('Posted to the taskforce channel.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    // Straight away, without a reload: the outcome shows its post, with a link to it, and offers no second one.
    await page.getByRole('link', { name: 'Open the message in Teams' }).first().waitFor();
    expect(await celebrateButtons.count()).toBe(offered - 1);

    // The outbox holds one posted card for this procurement, and the log keeps the message id.
    const posts = await listItems('TaskforcePosts', `PostStatus eq 'Posted'`);
    const mine = posts.filter((p) => String(p.IdempotencyKey).includes(REFERENCE));
    expect(mine).toHaveLength(1);
    const celebrated = (await listItems('OutcomeLogs', `ProcurementRef eq '${REFERENCE}'`)).filter((l) => l.CelebratedMessageId);
    expect(celebrated).toHaveLength(1);

    const channel = await browser.newPage();
    await channel.goto(`${serverUrl()}/_local/channel?team=${encodeURIComponent(DEMO_TEAM_ID)}&channel=${encodeURIComponent(DEMO_TASKFORCE_CHANNEL_ID)}`);
    const card = channel.locator('[data-rendered="true"]').filter({ hasText: REFERENCE });
    await card.first().waitFor();
    expect(await card.count()).toBe(1);
    expect(await card.first().textContent()).toContain('Fleet telematics');
    expect(errors).toEqual([]);
    await channel.close();
    await page.close();
  });

  it('posts a quarter’s taskforce update once, after a preview', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${serverUrl()}/#/update`);
    const quarter = await page.getByLabel('Quarter', { exact: true }).evaluate((el) => (el as HTMLSelectElement).selectedOptions[0].text);
    await page.getByRole('figure', { name: 'Preview the card' }).locator('.ac-adaptiveCard').waitFor();
    await page.getByRole('button', { name: 'Post the update to the taskforce channel' }).click();
    await page.getByText('The update was posted to the taskforce channel.').waitFor();
    // A second press (a double click, another officer) does not post it again.
    await page.getByRole('button', { name: 'Post the update to the taskforce channel' }).click();
    await page.getByText('The update for this quarter was already posted.').waitFor();

    const channel = await browser.newPage();
    await channel.goto(`${serverUrl()}/_local/channel?team=${encodeURIComponent(DEMO_TEAM_ID)}&channel=${encodeURIComponent(DEMO_TASKFORCE_CHANNEL_ID)}`);
    const card = channel.locator('[data-rendered="true"]').filter({ hasText: quarter.split(' (')[0] });
    await card.first().waitFor();
    expect(await card.count()).toBe(1);
    expect(errors).toEqual([]);
    await channel.close();
    await page.close();
  });
});
