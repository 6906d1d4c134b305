// Every screen at Teams' widths (a phone at 320 and 400 px to a desktop at 1920 px), in the light, dark and
// high-contrast themes: the page never scrolls sideways, no control overlaps another, every id is used once,
// every form control's name is its visible label, and axe finds no serious or critical violation (at a
// phone's and a desktop's width: the sweep is the one list of screens, so none is forgotten). Screenshots go
// to test-results/screens/ (not committed) for people to look at.
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { launchBrowser, openPage, serverUrl } from './browser';
import { setUser } from './site';

jest.setTimeout(900_000);

const WIDTHS = [320, 400, 768, 1024, 1280, 1920];
// axe at a phone's and a desktop's width: what changes between them is layout, which the checks below cover.
const AXE_WIDTHS = [400, 1280];
// Screenshots for people at a phone's, a tablet's and a desktop's width (the checks run at every width).
const SCREENSHOT_WIDTHS = [400, 768, 1280];
const THEMES = ['default', 'dark', 'contrast'];
const SCREENS_DIR = path.resolve(__dirname, '../../test-results/screens');

interface Screen {
  name: string;
  hash: string;
  /** Who looks at it (the demo sign-in). */
  as?: string;
  /** Text that shows the screen has loaded. */
  ready: (page: Page) => Promise<void>;
  /** Steps after loading (e.g. open a guide step). */
  then?: (page: Page) => Promise<void>;
  /** A dialog: the screenshot is the window (the page behind it is the screen it opened from). */
  modal?: boolean;
  /** A change to the site made once, before the themes are looked at (e.g. moving a procurement on). */
  prepare?: (page: Page) => Promise<void>;
}

/**
 * Every spinner gone: a Fluent Spinner is a progressbar named by its label, shown as text (a ProgressBar has
 * none). Its label is not always "Loading…": the chase list's "Working out what to chase…" was not waited for,
 * and its table arrived mid-sweep, measured after React drew it side by side and before the resize observer's
 * first report stacked it (625 px wide at 320, once in a CI run; no one sees that frame, it is never painted).
 */
const loaded = (page: Page) => page.getByRole('progressbar').filter({ hasText: /\S/ }).first().waitFor({ state: 'hidden' });

const heading = (name: string | RegExp) => async (page: Page) => {
  await page.getByRole('heading', { name }).first().waitFor();
  await loaded(page);
};

const GUIDE_STEPS = ['Basics', 'Tier', 'Themes and measures', 'Weighting', 'Action plan', 'Review and submit'];

/**
 * The guide for a new £300,000 services contract (TOMs included: every step, the action plan too), moved on
 * stepsForward steps as an officer would, each step completed so the next one opens.
 */
async function guideAt(page: Page, stepsForward: number): Promise<void> {
  await page.getByRole('button', { name: 'New procurement' }).click();
  await page.getByLabel('Procurement title').fill('Layout check: depot facilities management');
  await page.getByLabel('Directorate').fill('Commercial');
  await page.getByLabel('Contract type').selectOption('services');
  await page.getByLabel(/Estimated whole-life value/).fill('300000');
  await page.getByLabel(/Contract duration/).fill('24');
  for (let step = 0; step <= stepsForward; step++) {
    await page.getByRole('heading', { level: 3, name: GUIDE_STEPS[step], exact: true }).waitFor();
    if (step === 1 && stepsForward > 1) {
      // Services at or above the threshold: the Social Value Act 2012 consideration goes on record first.
      await page.getByRole('checkbox', { name: /we considered how this procurement might improve/ }).check();
      await page.getByLabel(/^How social value was considered/).fill('Asked local VCSEs before the tender.');
    }
    if (step === 2) {
      await page.getByRole('button', { name: 'Add the suggested measures' }).click();
      for (const target of await page.getByLabel(/^Target for /).all()) await target.fill('3');
    }
    if (step === 3 && stepsForward > 3) {
      await page.getByRole('radio', { name: /^Weighted/ }).check();
      await page.getByLabel(/Weighting \(%\)/).fill('10');
      await page.getByLabel(/^Justification/).fill('Local jobs matter for a depot contract.');
    }
    if (step === 4) {
      await page.getByRole('button', { name: 'Add an action' }).click();
      await page.getByRole('textbox', { name: /^Action 1\b/ }).fill('Agree the delivery plan with the supplier');
      await page.getByRole('textbox', { name: /^Owner’s email/ }).fill('priya.sandhu@svhub.example');
      await page.getByLabel(/^Due date/).fill('2027-03-31');
    }
    if (step < stepsForward) await page.getByRole('button', { name: 'Next', exact: true }).click();
  }
}

/** A procurement's page, once its delivery section (award, tracking, logs, returns) has loaded. */
const procurement = heading;

/** An Approved procurement moved to Tendering (once: a later run finds it there already). */
async function startTendering(page: Page): Promise<void> {
  const start = page.getByRole('button', { name: 'Start tendering' });
  const award = page.getByRole('region', { name: 'Record the award' });
  await start.or(award).first().waitFor();
  if (await start.isVisible()) await start.click();
  await award.waitFor();
}

/** The award form with one commitment row. */
async function awardForm(page: Page): Promise<void> {
  const award = page.getByRole('region', { name: 'Record the award' });
  await award.getByRole('button', { name: 'Add a commitment' }).click();
  await award.getByRole('group', { name: 'Commitment 1', exact: true }).waitFor();
}

/** The quarter's supplier return, downloaded and imported untouched: its rows are checked and listed. */
async function returnImported(page: Page): Promise<void> {
  const returns = page.getByRole('region', { name: 'Supplier returns' });
  const [download] = await Promise.all([page.waitForEvent('download'), returns.getByRole('button', { name: 'Download the return workbook' }).click()]);
  await returns.getByLabel(/^Import a filled return/).setInputFiles(await download.path());
  await returns.getByRole('button', { name: 'Discard' }).waitFor();
}

/** The celebrate dialog on a verified outcome, its card preview drawn. */
async function celebrateDialog(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Celebrate in the taskforce channel' }).first().click();
  await page.getByRole('dialog').getByRole('figure', { name: 'Card preview' }).getByText('WMCA-2025-0101').first().waitFor();
}

/** A tab of the measure library (its content loads before the sweep, which waits for every spinner). */
const libraryTab = (name: string) => async (page: Page) => {
  await page.getByRole('tab', { name }).click();
};

const SCREENS: Screen[] = [
  { name: 'register-mine', hash: '#/', ready: heading('My procurements') },
  { name: 'register-all', hash: '#/all', ready: async (page) => page.getByRole('table').waitFor() },
  { name: 'register-approvals', hash: '#/approvals', as: 'manager', ready: heading('Awaiting my approval') },
  { name: 'guide-basics', hash: '#/', ready: heading('My procurements'), then: (page) => guideAt(page, 0) },
  {
    name: 'guide-basics-errors',
    hash: '#/',
    ready: heading('My procurements'),
    then: async (page) => {
      await page.getByRole('button', { name: 'New procurement' }).click();
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await page.getByText('Enter a title for the procurement.').or(page.getByRole('alert')).first().waitFor();
    },
  },
  { name: 'guide-tier', hash: '#/', ready: heading('My procurements'), then: (page) => guideAt(page, 1) },
  { name: 'guide-measures', hash: '#/', ready: heading('My procurements'), then: (page) => guideAt(page, 2) },
  { name: 'guide-weighting', hash: '#/', ready: heading('My procurements'), then: (page) => guideAt(page, 3) },
  { name: 'guide-action-plan', hash: '#/', ready: heading('My procurements'), then: (page) => guideAt(page, 4) },
  { name: 'guide-review', hash: '#/', ready: heading('My procurements'), then: (page) => guideAt(page, 5) },
  { name: 'procurement-awaiting', hash: '#/procurement/WAL-2026-0023', as: 'manager', ready: procurement(/Youth employment mentoring/) },
  { name: 'procurement-approved', hash: '#/procurement/WMCA-2026-0007', ready: procurement(/Tram stop cleaning/) },
  { name: 'procurement-award', hash: '#/procurement/SOL-2026-0019', as: 'officer2', ready: procurement(/Parks tree survey/), prepare: startTendering, then: awardForm },
  { name: 'procurement-delivery', hash: '#/procurement/WMCA-2025-0160', ready: procurement(/Fleet telematics/) },
  { name: 'procurement-return-import', hash: '#/procurement/WMCA-2025-0160', ready: procurement(/Fleet telematics/), then: returnImported },
  { name: 'celebrate', hash: '#/procurement/WMCA-2025-0101', ready: procurement(/Grounds maintenance/), then: celebrateDialog, modal: true },
  { name: 'verify', hash: '#/verify', ready: heading(/verif/i) },
  { name: 'chase', hash: '#/chase', ready: heading(/chase/i) },
  {
    name: 'dashboard',
    hash: '#/dashboard',
    ready: async (page) => {
      await page.getByText('Loading the dashboard…').waitFor({ state: 'hidden' });
      await page.getByRole('table').first().waitFor();
      // The charts are drawn (bars focusable as options) before axe looks at them.
      await page.getByRole('region', { name: 'By theme: committed and delivered, with each theme’s share' }).getByRole('option').first().waitFor();
    },
  },
  { name: 'case-studies', hash: '#/case-studies', ready: heading(/Case studies/) },
  { name: 'taskforce-update', hash: '#/update', ready: async (page) => page.getByLabel('Quarter', { exact: true }).waitFor() },
  { name: 'settings', hash: '#/settings', as: 'admin', ready: heading('Settings') },
  { name: 'measure-library', hash: '#/library', as: 'admin', ready: heading(/Measure library/) },
  { name: 'measure-library-import', hash: '#/library', as: 'admin', ready: heading(/Measure library/), then: libraryTab('Import') },
  { name: 'measure-library-thresholds', hash: '#/library', as: 'admin', ready: heading(/Measure library/), then: libraryTab('Threshold tables') },
  { name: 'measure-library-figures', hash: '#/library', as: 'admin', ready: heading(/Measure library/), then: libraryTab('Policy figures') },
  { name: 'outbox', hash: '#/outbox', as: 'admin', ready: heading(/outbox/i) },
];

/**
 * After a resize: Fluent's and the charts' resize observers run before the next frame is painted, and React
 * renders what they set before the one after: two frames, and the page is as a person would see it.
 */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/** What a person would call broken in a layout, measured in the page. */
function layoutProblems(): string[] {
  const problems: string[] = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > window.innerWidth) problems.push(`scrolls sideways: ${doc.scrollWidth} px wide in ${window.innerWidth}`);

  const shown = (el: Element): boolean => {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && !el.closest('[aria-hidden="true"], [data-tabster-dummy]');
  };
  const describe = (el: Element): string => {
    const label = el.getAttribute('aria-label') || (el as HTMLInputElement).labels?.[0]?.textContent || el.textContent || '';
    return `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[${el.getAttribute('role')}]` : ''} "${label.trim().slice(0, 40)}"`;
  };

  // Controls and their labels must not sit on one another (a label under a select, a select over a chevron).
  const controls = Array.from(document.querySelectorAll('input:not([type="hidden"]), select, textarea, button, a[href], [role="tab"], label')).filter(shown);
  // Sorted top to bottom, each box is compared only with those that start above its bottom edge: the
  // measure library's table has thousands of controls, and every pair was most of the sweep's time.
  const boxes = controls.map((el) => ({ el, r: el.getBoundingClientRect() })).sort((a, b) => a.r.top - b.r.top);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length && boxes[j].r.top < boxes[i].r.bottom; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
      // A label wrapping or naming the control it labels is one thing, not two.
      if ((a.el as HTMLLabelElement).htmlFor && (a.el as HTMLLabelElement).htmlFor === b.el.id) continue;
      if ((b.el as HTMLLabelElement).htmlFor && (b.el as HTMLLabelElement).htmlFor === a.el.id) continue;
      const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      if (w > 2 && h > 2) problems.push(`overlap: ${describe(a.el)} and ${describe(b.el)} (${Math.round(w)}×${Math.round(h)} px)`);
    }
  }

  // Words stay inside their table cell: a status badge wider than its pill or a heading running into the next
  // column is text on text, though no control overlaps (the register at 768 px, before its columns fitted).
  for (const cell of Array.from(document.querySelectorAll('th, td')).filter(shown)) {
    for (const el of [cell, ...Array.from(cell.querySelectorAll('*'))]) {
      const box = el as HTMLElement;
      if (box.clientWidth === 0 || !shown(box)) continue;
      if (box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1) {
        problems.push(`words spill out of ${describe(box)} (${box.scrollWidth}×${box.scrollHeight} px in ${box.clientWidth}×${box.clientHeight})`);
        break;
      }
    }
  }

  // One id, once.
  const ids = Array.from(document.querySelectorAll('[id]')).map((e) => e.id);
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (repeated.length) problems.push(`repeated ids: ${Array.from(new Set(repeated)).join(', ')}`);

  // A form control's name is its visible label (what a voice-control user says is what they see).
  const text = (el: Element | null): string => (el?.textContent ?? '').replace(/\s+/g, ' ').replace(/\s*\*\s*$/, '').trim();
  const fields = Array.from(document.querySelectorAll('input:not([type="hidden"]), select, textarea')).filter(
    (el) => !el.closest('[aria-hidden="true"], [data-tabster-dummy]'),
  );
  for (const el of fields) {
    const labelledBy = el.getAttribute('aria-labelledby');
    const name = (labelledBy ? labelledBy.split(/\s+/).map((id) => text(document.getElementById(id))).join(' ') : '') || el.getAttribute('aria-label') || text((el as HTMLInputElement).labels?.[0] ?? null);
    const visible = Array.from((el as HTMLInputElement).labels ?? []).filter((l) => l.getBoundingClientRect().width > 0).map((l) => text(l));
    if (!name.trim()) problems.push(`no name: ${describe(el)}`);
    else if (visible.length === 0) problems.push(`no visible label: ${describe(el)} named "${name.slice(0, 60)}"`);
    else if (visible.length > 1) problems.push(`${visible.length} labels on one control: ${describe(el)} (${visible.map((v) => `"${v.slice(0, 30)}"`).join(', ')})`);
    else if (!name.replace(/\s+/g, ' ').trim().startsWith(visible[0])) problems.push(`name "${name.slice(0, 60)}" is not its visible label "${visible[0].slice(0, 60)}"`);
  }
  return problems;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  fs.mkdirSync(SCREENS_DIR, { recursive: true });
});
afterAll(async () => {
  await setUser('officer');
  await browser?.close();
});

/** One screen in one theme: its problems, each prefixed with the theme and width. */
async function sweep(screen: Screen, theme: string): Promise<string[]> {
  const found: string[] = [];
  const { page, errors } = await openPage(browser);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${serverUrl()}/?theme=${theme}${screen.hash}`);
  await screen.ready(page);
  if (screen.then) await screen.then(page);
  await loaded(page);
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await settled(page);
    for (const p of await page.evaluate(layoutProblems)) found.push(`${theme} ${width}px: ${p}`);
    if (AXE_WIDTHS.includes(width)) for (const v of await seriousViolations(page)) found.push(`${theme} ${width}px: axe ${v}`);
    if (SCREENSHOT_WIDTHS.includes(width)) await page.screenshot({ path: path.join(SCREENS_DIR, `${screen.name}-${theme}-${width}.png`), fullPage: !screen.modal });
  }
  for (const e of errors) found.push(`${theme}: console error: ${e}`);
  await page.close();
  return found;
}

describe('every screen fits Teams, from a phone to a desktop, in every theme', () => {
  for (const screen of SCREENS) {
    it(screen.name, async () => {
      await setUser(screen.as ?? 'officer');
      if (screen.prepare) {
        const { page } = await openPage(browser);
        await page.goto(`${serverUrl()}/${screen.hash}`);
        await screen.ready(page);
        await screen.prepare(page);
        await page.close();
      }
      // The three themes side by side: most of a screen's time is spent waiting on the site, not computing.
      const found = (await Promise.all(THEMES.map((theme) => sweep(screen, theme)))).flat();
      expect(found).toEqual([]);
    });
  }
});
