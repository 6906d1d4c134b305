// Contract management in a real browser, as the lead officer meets it on the demo's £6.2m works contract
// (CCC-2025-0330, where section 52 of the Procurement Act 2023 applies): the KPIs with the hub's delivery
// figures, an assessment refused without a rating and saved with one (surviving a reload), the notices'
// identifiers, and the contract performance notice once complete — in light and dark, on a phone and a desktop.
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { launchBrowser, openPage, serverUrl } from './browser';
import { listItems, setUser } from './site';

jest.setTimeout(180_000);

const REFERENCE = 'CCC-2025-0330';
const SECTION = 'Contract management (Procurement Act 2023)';
/** Screenshots for people to look at (CI output, not committed). */
const SCREENS_DIR = path.resolve(__dirname, '../../test-results/screens');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  await setUser('officer3');
});
afterAll(async () => {
  await setUser('officer');
  await browser?.close();
});

async function open(page: Page, theme = 'default'): Promise<ReturnType<Page['getByRole']>> {
  await page.goto(`${serverUrl()}/?theme=${theme}#/procurement/${REFERENCE}`);
  const section = page.getByRole('region', { name: SECTION });
  await section.getByRole('table', { name: 'KPIs and their latest ratings' }).waitFor();
  return section;
}

async function assess(section: ReturnType<Page['getByRole']>, kpi: string, rating: string | undefined): Promise<void> {
  await section.getByLabel('KPI assessed').selectOption({ label: kpi });
  await section.getByLabel('Period from').fill('2025-09-01');
  await section.getByLabel('Period to').fill('2026-08-31');
  if (rating) await section.getByRole('combobox', { name: /^Rating/ }).selectOption({ value: rating });
  await section.getByRole('button', { name: 'Save the assessment' }).click();
}

it('rates each KPI, keeps the notices’ identifiers and gives the contract performance notice to copy', async () => {
  const { page, errors } = await openPage(browser);
  await page.setViewportSize({ width: 1280, height: 900 });
  let section = await open(page);
  const table = section.getByRole('table', { name: 'KPIs and their latest ratings' });
  await table.getByRole('row', { name: /GSE-01 local people in jobs/ }).waitFor();
  await section.getByText(/Not ready yet/).waitFor();

  // No rating: the error is next to the rating, and nothing reaches the list.
  await assess(section, 'Resurfacing programme on schedule', undefined);
  await section.getByText(/Choose the rating the Procurement Regulations 2024 prescribe/).waitFor();
  expect(await listItems('KpiAssessments', `ProcurementRef eq '${REFERENCE}'`)).toEqual([]);

  for (const [kpi, rating] of [
    ['GSE-01 local people in jobs', 'Approaching target'],
    ['GSE-08 apprenticeship starts', 'Good'],
    ['Resurfacing programme on schedule', 'Requires improvement'],
  ]) {
    await assess(section, kpi, rating);
    await section.getByText(`Saved: ${kpi} rated “${rating}” for 1 September 2025 to 31 August 2026.`).waitFor();
  }
  await section.getByLabel('Tender notice identifier').fill('ocds-h6vhtk-0330');
  await section.getByLabel('Contract details notice identifier').fill('ocds-h6vhtk-0330-c1');
  await section.getByRole('button', { name: 'Save the identifiers' }).click();
  await section.getByLabel('Contract performance notice text').waitFor();

  // After a reload everything is there, from the lists.
  await page.reload();
  section = await open(page);
  await section.getByRole('table', { name: 'KPIs and their latest ratings' }).getByRole('row', { name: /Resurfacing programme on schedule/ }).getByText(/Requires improvement \(1 September 2025 to 31 August 2026\)/).waitFor();
  const notice = await section.getByLabel('Contract performance notice text').inputValue();
  expect(notice).toContain('Contracting authority: Coventry City Council');
  expect(notice).toContain('Contract identifier: ocds-h6vhtk-0330-c1');
  expect(notice).toContain('KPI: GSE-08 apprenticeship starts; target: 6 starts by 31 August 2029; rating: Good');
  expect(notice).toMatch(/Period assessed: 1 September 2025 to 31 August 2026$/);
  expect((await listItems('KpiAssessments', `ProcurementRef eq '${REFERENCE}'`)).map((i) => i.Rating).sort()).toEqual(['Approaching target', 'Good', 'Requires improvement']);
  expect(errors).toEqual([]);
  await page.close();
});

for (const [theme, width] of [
  ['default', 400],
  ['dark', 1280],
  ['contrast', 768],
] as const) {
  it(`fits and has no serious axe violations (${theme}, ${width} px)`, async () => {
    const { page } = await openPage(browser);
    await page.setViewportSize({ width, height: 900 });
    const section = await open(page, theme);
    fs.mkdirSync(SCREENS_DIR, { recursive: true });
    await section.screenshot({ path: path.join(SCREENS_DIR, `contract-management-${theme}-${width}.png`) });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
}
