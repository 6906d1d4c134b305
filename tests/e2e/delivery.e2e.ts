// Issue 6's journey in a real browser: a Tendering procurement is awarded with commitments, delivery
// starts, two quarters of outcomes are recorded by the lead officer and verified by another officer; then
// the dashboard (filtered to the authority and those quarters) and the member report workbook it exports
// (read back with exceljs) show the same per-theme totals to the penny, including what was just verified.
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { addDays, addMonths, isoDateFromDate, periodFor, previousPeriod, themeById } from '../../src/domain';
import type { ThemeId } from '../../src/domain';
import { launchBrowser, openPage, serverUrl } from './browser';
import { rowsOf } from './table';
import { listItems, setUser } from './site';

jest.setTimeout(120_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await setUser('officer');
  await browser?.close();
});

// The demo procurement in Tendering (no planned measures): Sandwell, led by Grace Okafor (officer3).
const REFERENCE = 'SMBC-2026-0011';
const AUTHORITY = { id: 'sandwell', name: 'Sandwell Metropolitan Borough Council' };

// The two quarters before the current one: both have ended, so outcomes may be reported for them.
const today = isoDateFromDate(new Date());
const Q2 = previousPeriod(periodFor(today));
const Q1 = previousPeriod(Q2);
const CONTRACT_START = Q1.start;
const CONTRACT_END = addDays(addMonths(Q1.start, 36), -1);

// Two valued measures in different themes, so the totals are checked per theme.
const COMMITMENTS: { code: string; theme: ThemeId; target: string; due: string; quantities: [number, number] }[] = [
  { code: 'PLB-04', theme: 'local-businesses', target: '120', due: addDays(addMonths(Q1.start, 24), -1), quantities: [12, 7.5] },
  { code: 'INN-02', theme: 'social-innovation', target: '60', due: CONTRACT_END, quantities: [5, 9] },
];

/** '£1,234.56' / '£0' / '-£3' → pence. */
function pence(text: string): number {
  const m = /^(-?)£([\d,]+)(?:\.(\d{2}))?$/.exec(text.trim());
  if (!m) throw new Error(`not an amount: ${text}`);
  const value = Number(m[2].replace(/,/g, '')) * 100 + Number(m[3] ?? '0');
  return m[1] ? -value : value;
}

interface ThemeTotals {
  committed: number;
  reported: number;
  verified: number;
}

/** The dashboard filtered to the authority and the two quarters; returns its per-theme table. */
async function dashboardThemes(page: Page): Promise<Map<string, ThemeTotals>> {
  await page.goto(`${serverUrl()}/#/dashboard`);
  const loading = page.getByText('Loading the dashboard…');
  for (const [label, value] of [
    ['From quarter', Q1.id],
    ['To quarter', Q2.id],
    ['Authority', AUTHORITY.id],
  ]) {
    await page.getByLabel(label, { exact: true }).selectOption(value);
    await loading.waitFor({ state: 'hidden' });
  }
  const table = page.getByRole('table', { name: 'By theme: committed and delivered, with each theme’s share (table)' });
  await table.waitFor();
  const out = new Map<string, ThemeTotals>();
  for (const cells of await rowsOf(table)) {
    out.set(cells[0], { committed: pence(cells[1]), reported: pence(cells[2]), verified: pence(cells[3]) });
  }
  return out;
}

describe('award → commitments → two quarters of outcomes → verification → dashboard and member report', () => {
  it('shows the verified outcomes on the dashboard and in the exported workbook, to the penny', async () => {
    const { page, errors } = await openPage(browser);

    // Before: what the dashboard shows for Sandwell in these quarters.
    const before = await dashboardThemes(page);
    expect(before.size).toBe(6);

    // The lead officer records the award with two commitments.
    await setUser('officer3');
    await page.goto(`${serverUrl()}/#/procurement/${REFERENCE}`);
    await page.reload();
    const award = page.getByRole('region', { name: 'Record the award' });
    await award.waitFor();
    await award.getByLabel('Supplier name').fill('Smethwick Kiosk Systems Ltd (fictional)');
    await award.getByLabel('Small or medium-sized enterprise (SME)').check();
    await award.getByLabel('Based in the West Midlands').check();
    await award.getByLabel('Supplier postcode').fill('B66 1AA');
    await award.getByLabel('Award value including VAT (£)').fill('92,500');
    await award.getByLabel('Contract start date').fill(CONTRACT_START);
    await award.getByLabel('Contract end date').fill(CONTRACT_END);
    for (const [i, c] of COMMITMENTS.entries()) {
      await award.getByRole('button', { name: 'Add a commitment' }).click();
      const row = award.getByRole('group', { name: `Commitment ${i + 1}`, exact: true });
      await row.getByLabel(`Measure for commitment ${i + 1}`).selectOption(c.code);
      await row.getByLabel(/^Target for commitment/).fill(c.target);
      await row.getByLabel(`Due date for commitment ${i + 1}`).fill(c.due);
    }
    await award.getByRole('button', { name: 'Record award' }).click();

    // Awarded: start delivery.
    await page.getByRole('button', { name: 'Start delivery' }).click();
    const logPanel = page.getByRole('region', { name: 'Record an outcome' });
    await logPanel.waitFor();
    // The panel is there already while Awarded: wait, as a person sees it, for the move to In delivery to land.
    await page.getByRole('button', { name: 'Start delivery' }).waitFor({ state: 'detached' });
    const commitments = await listItems('Commitments', `ProcurementRef eq '${REFERENCE}'`);
    expect(commitments.map((c) => c.MeasureCode).sort()).toEqual(COMMITMENTS.map((c) => c.code).sort());

    // Two quarters of outcomes for each commitment.
    for (const c of COMMITMENTS) {
      for (const [q, period] of [Q1, Q2].entries()) {
        const commitmentId = String(commitments.filter((x) => x.MeasureCode === c.code)[0].Id);
        await logPanel.getByLabel('Commitment', { exact: true }).selectOption(commitmentId);
        await logPanel.getByLabel('Reporting period').selectOption(period.id);
        await logPanel.getByLabel(/^Quantity delivered in this period/).fill(String(c.quantities[q]));
        await logPanel.getByLabel('Evidence link').fill(`https://smethwick-kiosks.example/evidence/${c.code}/${period.quarter}`);
        await logPanel.getByLabel('Evidence notes').fill(`${c.quantities[q]} hours logged on the supplier's timesheet summary`);
        await logPanel.getByRole('button', { name: 'Record outcome' }).click();
        // Wait for the outcome to be recorded, or for what the panel says instead (a refused field or a failed
        // request): a failure then names its cause at once rather than as a 30 s wait for text that never comes.
        const recorded = logPanel.getByRole('status').filter({ hasText: `Recorded: ` }).filter({ hasText: `${c.code} for ${period.label}` });
        await recorded.or(logPanel.getByRole('alert')).first().waitFor().catch(async (e: unknown) => {
          // Neither (a field refused below its field, say): say what the panel shows.
          throw new Error(`recording ${c.code} for ${period.label}: ${String(e)}\nthe panel says:\n${await logPanel.innerText()}`);
        });
        if (!(await recorded.isVisible())) throw new Error(`recording ${c.code} for ${period.label} did not succeed; the panel says:\n${await logPanel.innerText()}`);
      }
    }
    const reported = await listItems('OutcomeLogs', `ProcurementRef eq '${REFERENCE}'`);
    expect(reported).toHaveLength(4);
    expect(reported.every((l) => l.Verification === 'Reported')).toBe(true);

    // Another officer may only read the evidence: the Verifications list is the approvers'.
    await setUser('officer');
    await page.reload();
    await page.getByText('The hub’s approvers check the evidence and verify outcomes; you can read it here.').first().waitFor();
    expect(await page.getByRole('button', { name: /^Verify / }).count()).toBe(0);

    // An approver verifies all four on the procurement's page.
    await setUser('manager');
    await page.reload();
    for (const c of COMMITMENTS) {
      for (const period of [Q1, Q2]) {
        const verify = page.getByRole('button', { name: `Verify ${c.code} for ${period.label}`, exact: true });
        await verify.click();
        await verify.waitFor({ state: 'detached' });
      }
    }
    const verified = await listItems('OutcomeLogs', `ProcurementRef eq '${REFERENCE}'`);
    expect(verified.map((l) => l.Verification)).toEqual(['Verified', 'Verified', 'Verified', 'Verified']);
    const justVerified = new Map<string, number>();
    for (const c of COMMITMENTS) {
      const label = themeById(c.theme).label;
      const value = verified.filter((l) => l.MeasureCode === c.code).reduce((sum, l) => sum + Number(l.ValuePence), 0);
      expect(value).toBeGreaterThan(0);
      justVerified.set(label, (justVerified.get(label) ?? 0) + value);
    }

    // Nothing a member does writes the dashboard's figures (issue 19): they wait for a site owner's update.
    const unchanged = await dashboardThemes(page);
    for (const [label, totals] of unchanged) expect({ label, verified: totals.verified }).toEqual({ label, verified: before.get(label)?.verified });

    // The site owner rebuilds the figures in Settings.
    await setUser('admin');
    await page.goto(`${serverUrl()}/#/settings`);
    await page.reload(); // the page signs in again as the owner
    await page.getByRole('button', { name: 'Rebuild dashboard figures' }).click();
    await page.getByText(/^Rebuilt from \d+ outcome logs: .* 0 failed\.$/).waitFor();
    await setUser('officer');
    await page.reload();

    // After: the dashboard's verified figures rose by exactly what was verified, theme by theme.
    const after = await dashboardThemes(page);
    for (const [label, totals] of after) {
      expect({ label, rise: totals.verified - (before.get(label)?.verified ?? NaN) }).toEqual({ label, rise: justVerified.get(label) ?? 0 });
    }

    // The member report, read back: the same per-theme totals, to the penny.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download member report (Excel)' }).click()]);
    expect(download.suggestedFilename()).toBe(`social-value-member-report-${Q1.id.replace(' ', '-')}-to-${Q2.id.replace(' ', '-')}-${AUTHORITY.id}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());

    const about = workbook.getWorksheet('About');
    const aboutRows = new Map<string, string>();
    about?.eachRow((row) => aboutRows.set(String(row.getCell(1).value), String(row.getCell(2).value)));
    expect(aboutRows.get('Authority')).toBe(AUTHORITY.name);
    expect(aboutRows.get('Quarters')).toBe(`${Q1.label} to ${Q2.label}`);

    const sheet = workbook.getWorksheet('Themes');
    if (!sheet) throw new Error('the workbook has no Themes sheet');
    let header = 0;
    sheet.eachRow((row, n) => {
      if (row.getCell(1).value === 'Theme') header = n;
    });
    expect(header).toBeGreaterThan(0);
    expect(sheet.getRow(header).values).toEqual(
      expect.arrayContaining(['Theme', 'Committed (£)', 'Reported, awaiting verification (£)', 'Verified delivered (£)']),
    );
    const money = (v: unknown): number => {
      if (typeof v !== 'number') throw new Error(`not an amount: ${String(v)}`);
      return Math.round(v * 100);
    };
    const fromWorkbook = new Map<string, ThemeTotals>();
    for (let n = header + 1; n <= sheet.rowCount; n++) {
      const row = sheet.getRow(n);
      fromWorkbook.set(String(row.getCell(1).value), { committed: money(row.getCell(2).value), reported: money(row.getCell(3).value), verified: money(row.getCell(4).value) });
    }
    const total = fromWorkbook.get('Total');
    fromWorkbook.delete('Total');
    expect(fromWorkbook).toEqual(after);
    const sum = (k: keyof ThemeTotals): number => [...after.values()].reduce((s, t) => s + t[k], 0);
    expect(total).toEqual({ committed: sum('committed'), reported: sum('reported'), verified: sum('verified') });
    for (const [label, value] of justVerified) expect(fromWorkbook.get(label)?.verified).toBeGreaterThanOrEqual(value);

    expect(errors).toEqual([]);
    await page.close();
  });
});
