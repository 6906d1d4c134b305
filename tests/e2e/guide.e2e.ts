// The officer's journey in a real browser against npm start's server: the wizard for every tier, a reload
// in the middle, submission, approval by the manager, and the SharePoint items that result.
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, serverUrl } from './browser';
import { listItems, setUser } from './site';

jest.setTimeout(180_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await setUser('officer');
  await browser?.close();
});

interface Case {
  tier: string;
  title: string;
  contractType: string;
  value: string;
  method: 'Weighted' | 'PASS/FAIL' | 'No weighting';
}

const CASES: Case[] = [
  { tier: 'Light touch', title: 'E2E stationery quotation', contractType: 'goods', value: '30,000', method: 'No weighting' },
  { tier: 'TOMs considered', title: 'E2E grounds maintenance', contractType: 'services', value: '120000', method: 'Weighted' },
  { tier: 'TOMs included', title: 'E2E depot facilities management', contractType: 'services', value: '£300,000', method: 'PASS/FAIL' },
];

async function next(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Next', exact: true }).click();
}

async function fillBasics(page: Page, c: Case): Promise<void> {
  await page.getByLabel('Procurement title').fill(c.title);
  await page.getByLabel('Directorate').fill('Commercial');
  await page.getByLabel('Contract type').selectOption(c.contractType);
  await page.getByLabel(/Estimated whole-life value/).fill(c.value);
  await page.getByLabel('Decision date').fill('2026-03-02');
  await page.getByLabel(/Contract duration/).fill('24');
}

describe('the new procurement guide in Chromium', () => {
  for (const c of CASES) {
    it(`takes a ${c.tier} procurement through every step, survives a reload, and is approved by the manager`, async () => {
      const { page, errors } = await openPage(browser);
      await page.goto(`${serverUrl()}/`);
      await page.getByRole('button', { name: 'New procurement' }).click();
      await fillBasics(page, c);
      await next(page);
      await page.getByRole('note', { name: 'Why this tier' }).waitFor();
      await expectText(page, `Tier: ${c.tier}`);

      // Reload in the middle: the draft comes back on the same step, nothing lost.
      await page.reload();
      await page.getByRole('note', { name: 'Why this tier' }).waitFor();
      if (c.tier === 'TOMs included') {
        // Services at or above the threshold: the Social Value Act 2012 consideration goes on record.
        await page.getByRole('checkbox', { name: /we considered how this procurement might improve/ }).check();
        await page.getByLabel(/^How social value was considered/).fill('Engaged local VCSEs before the tender.');
      }
      await next(page);

      await page.getByRole('button', { name: 'Add the suggested measures' }).click();
      for (const input of await page.getByLabel(/^Target for /).all()) await input.fill('2');
      await next(page);

      await page.getByRole('radio', { name: c.method }).check();
      if (c.method === 'Weighted') await page.getByLabel(/Weighting \(%\)/).fill('12');
      if (c.method === 'PASS/FAIL') await page.getByLabel(/Essential criteria/).fill('At least two apprenticeships for local people');
      if (c.tier !== 'Light touch') await page.getByLabel(/^Justification/).fill(`Chosen for ${c.title}.`);
      await next(page);

      if (c.tier === 'TOMs included') {
        await page.getByRole('button', { name: 'Add an action' }).click();
        await page.getByRole('textbox', { name: /^Action 1/ }).fill('Agree the local employment plan with the supplier');
        await page.getByLabel('Owner’s email').fill('grace.okafor@svhub.example');
        await page.getByLabel('Due date').fill('2026-09-30');
        await next(page);
      }
      await page.getByRole('button', { name: 'Submit for approval' }).click();
      const heading = page.getByRole('heading', { level: 2, name: new RegExp(c.title) });
      await heading.waitFor();
      const reference = ((await heading.textContent()) ?? '').split(':')[0].trim();
      await expectText(page, 'You cannot approve your own procurement.');

      // The list item the officer's journey produced.
      const [item] = await listItems('Procurements', `Reference eq '${reference}'`);
      expect(item).toMatchObject({ Title: c.title, Status: 'Awaiting approval' });
      expect(item.WeightingMethod).toBe(c.method === 'Weighted' ? 'weighted' : c.method === 'PASS/FAIL' ? 'pass-fail' : 'none');
      if (c.tier === 'TOMs included') expect(await listItems('ActionPlan', `ProcurementRef eq '${reference}'`)).toHaveLength(1);

      // The manager approves (locally the hub plays the Teams workflow's part).
      await setUser('manager');
      await page.goto(`${serverUrl()}/#/procurement/${encodeURIComponent(reference)}`);
      await page.reload(); // a hash change alone would keep the officer's session in the page
      await page.getByRole('button', { name: 'Approve' }).click();
      await expectText(page, 'Approved by Daniel Hughes');
      const [approved] = await listItems('Procurements', `Reference eq '${reference}'`);
      expect(approved.Status).toBe('Approved');
      expect(await listItems('Approvals', `ProcurementRef eq '${reference}'`)).toHaveLength(1);
      await setUser('officer');
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});

async function expectText(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: false }).first().waitFor({ timeout: 15_000 });
}
