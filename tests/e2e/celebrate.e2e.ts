// Verify an outcome → celebrate it → the success card appears in the (local) taskforce channel, rendered by
// the official Adaptive Cards renderer, exactly once.
import type { Browser } from 'playwright-core';
import { DEMO_TASKFORCE_CHANNEL_ID, DEMO_TEAM_ID } from '../../local/graph/demo';
import { launchBrowser, openPage, serverUrl } from './browser';
import { listItems, setUser } from './site';

jest.setTimeout(120_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// A demo contract in delivery whose latest quarter was reported by its lead officer (Tom Whitehouse), so an
// approver (Daniel Hughes: the Verifications list is the approvers') may verify it.
const REFERENCE = 'WMCA-2025-0160';

describe('celebrating a verified outcome in the taskforce channel', () => {
  it('verifies, previews and posts the success card once; the channel page shows it', async () => {
    await setUser('manager');
    const { page, errors } = await openPage(browser);
    await page.goto(`${serverUrl()}/#/procurement/${REFERENCE}`);
    const verifyButtons = page.getByRole('button', { name: /^Verify / });
    await verifyButtons.first().waitFor();
    const toVerify = await verifyButtons.count();
    await verifyButtons.first().click();
    // Once verified, that outcome is no longer offered for verification (and may be celebrated).
    for (let i = 0; i < 50 && (await verifyButtons.count()) !== toVerify - 1; i++) await page.waitForTimeout(200);
    expect(await verifyButtons.count()).toBe(toVerify - 1);
    const celebrateButtons = page.getByRole('button', { name: 'Celebrate in the taskforce channel' });
    const celebrate = celebrateButtons.first();
    await celebrate.waitFor();
    const linked = await page.getByRole('link', { name: 'Open the message in Teams' }).count();
    const offered = await celebrateButtons.count();
    await celebrate.click();

    const dialog = page.getByRole('dialog');
    // The preview is the card as members will read it: its words are there once it is drawn.
    await dialog.getByRole('figure', { name: 'Card preview' }).getByText(REFERENCE).first().waitFor();
    await dialog.getByRole('button', { name: 'Post to the taskforce channel' }).click();
    await dialog.getByText('Posted to the taskforce channel.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    // Straight away, without a reload: the outcome shows its post, with a link to it, and offers no second one.
    const links = page.getByRole('link', { name: 'Open the message in Teams' });
    for (let i = 0; i < 50 && (await celebrateButtons.count()) !== offered - 1; i++) await page.waitForTimeout(200);
    expect(await celebrateButtons.count()).toBe(offered - 1);
    expect(await links.count()).toBe(linked + 1);

    // The outbox holds one posted card for this procurement, and the log keeps the message id.
    const posts = await listItems('TaskforcePosts', `PostStatus eq 'Posted'`);
    const mine = posts.filter((p) => String(p.IdempotencyKey).includes(REFERENCE));
    expect(mine).toHaveLength(1);
    const celebrated = (await listItems('OutcomeLogs', `ProcurementRef eq '${REFERENCE}'`)).filter((l) => l.CelebratedMessageId);
    expect(celebrated).toHaveLength(1);

    const channel = await browser.newPage();
    await channel.goto(`${serverUrl()}/_local/channel?team=${encodeURIComponent(DEMO_TEAM_ID)}&channel=${encodeURIComponent(DEMO_TASKFORCE_CHANNEL_ID)}`);
    const card = channel.getByRole('list', { name: 'Messages, oldest first' }).getByRole('listitem').filter({ hasText: REFERENCE });
    await card.first().getByText('Fleet telematics').first().waitFor();
    expect(await card.count()).toBe(1);
    // The card names the verifier as people know them (SharePoint's record of who verified), not by email.
    await card.first().getByText(/Daniel Hughes/).first().waitFor();
    expect(await card.first().innerText()).not.toMatch(/daniel\.hughes@/i);
    expect(errors).toEqual([]);
    await channel.close();
    await page.close();
  });

  it('posts a quarter’s taskforce update once, after a preview', async () => {
    await setUser('officer');
    const { page, errors } = await openPage(browser);
    await page.goto(`${serverUrl()}/#/update`);
    const quarter = await page.getByLabel('Quarter', { exact: true }).evaluate((el) => (el as HTMLSelectElement).selectedOptions[0].text);
    await page.getByRole('figure', { name: 'Preview the card' }).getByText(quarter.split(' (')[0]).first().waitFor();
    await page.getByRole('button', { name: 'Post the update to the taskforce channel' }).click();
    await page.getByText('The update was posted to the taskforce channel.').waitFor();
    // A second press (a double click, another officer) does not post it again.
    await page.getByRole('button', { name: 'Post the update to the taskforce channel' }).click();
    await page.getByText('The update for this quarter was already posted.').waitFor();

    const channel = await browser.newPage();
    await channel.goto(`${serverUrl()}/_local/channel?team=${encodeURIComponent(DEMO_TEAM_ID)}&channel=${encodeURIComponent(DEMO_TASKFORCE_CHANNEL_ID)}`);
    const card = channel
      .getByRole('list', { name: 'Messages, oldest first' })
      .getByRole('listitem')
      .filter({ hasText: 'Social Value Taskforce update' })
      .filter({ hasText: quarter });
    await card.first().waitFor();
    expect(await card.count()).toBe(1);
    // The card names the verifier as people know them (SharePoint's record of who verified), not by email.
    await card.first().getByText(/Priya Sandhu/).first().waitFor();
    expect(await card.first().innerText()).not.toMatch(/priya\.sandhu@/i);
    expect(errors).toEqual([]);
    await channel.close();
    await page.close();
  });
});
