// Every screen at Teams' widths (a phone at 320 and 400 px to a desktop at 1920 px), in the light, dark and
// high-contrast themes: the page never scrolls sideways, no control overlaps another, every id is used once,
// and every form control's name is its visible label. Screenshots go to test-results/screens/ (not committed)
// for people to look at.
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, serverUrl } from './browser';
import { setUser } from './site';

jest.setTimeout(900_000);

const WIDTHS = [320, 400, 768, 1024, 1280, 1920];
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
}

const heading = (name: string | RegExp) => async (page: Page) => {
  await page.getByRole('heading', { name }).first().waitFor();
  await page.getByText(/^Loading/).first().waitFor({ state: 'hidden' }).catch(() => undefined);
};

async function guideAt(page: Page, stepsForward: number): Promise<void> {
  await page.getByRole('button', { name: 'New procurement' }).click();
  await page.getByLabel('Procurement title').fill('Layout check: depot facilities management');
  await page.getByLabel('Directorate').fill('Commercial');
  await page.getByLabel('Contract type').selectOption('services');
  await page.getByLabel(/Estimated whole-life value/).fill('300000');
  await page.getByLabel(/Contract duration/).fill('24');
  for (let i = 0; i < stepsForward; i++) {
    if (i === 1) {
      // Services at or above the threshold: the Social Value Act 2012 consideration goes on record first.
      await page.getByRole('checkbox', { name: /we considered how this procurement might improve/ }).check();
      await page.getByLabel(/^How social value was considered/).fill('Asked local VCSEs before the tender.');
    }
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    if (i === 1) await page.getByRole('button', { name: 'Add the suggested measures' }).click();
  }
}

const SCREENS: Screen[] = [
  { name: 'register-mine', hash: '#/', ready: heading('My procurements') },
  { name: 'register-all', hash: '#/all', ready: async (page) => page.getByRole('table').waitFor() },
  { name: 'register-approvals', hash: '#/approvals', as: 'manager', ready: heading('Awaiting my approval') },
  { name: 'guide-basics', hash: '#/', ready: heading('My procurements'), then: (page) => guideAt(page, 0) },
  { name: 'guide-measures', hash: '#/', ready: heading('My procurements'), then: (page) => guideAt(page, 2) },
  { name: 'guide-weighting', hash: '#/', ready: heading('My procurements'), then: (page) => guideAt(page, 3) },
  { name: 'procurement-delivery', hash: '#/procurement/WMCA-2025-0160', ready: heading(/Fleet telematics/) },
  { name: 'procurement-approved', hash: '#/procurement/WMCA-2026-0007', ready: heading(/Tram stop cleaning/) },
  { name: 'verify', hash: '#/verify', ready: heading(/verif/i) },
  { name: 'chase', hash: '#/chase', ready: heading(/chase/i) },
  { name: 'dashboard', hash: '#/dashboard', ready: async (page) => { await page.getByText('Loading the dashboard…').waitFor({ state: 'hidden' }); await page.getByRole('table').first().waitFor(); } },
  { name: 'case-studies', hash: '#/case-studies', ready: heading(/Case studies/) },
  { name: 'taskforce-update', hash: '#/update', ready: async (page) => page.getByLabel('Quarter', { exact: true }).waitFor() },
  { name: 'settings', hash: '#/settings', as: 'admin', ready: heading('Settings') },
  { name: 'measure-library', hash: '#/library', as: 'admin', ready: heading(/Measure library/) },
  { name: 'outbox', hash: '#/outbox', as: 'admin', ready: heading(/outbox/i) },
];

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
  const boxes = controls.map((el) => ({ el, r: el.getBoundingClientRect() }));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
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

describe('every screen fits Teams, from a phone to a desktop, in every theme', () => {
  for (const screen of SCREENS) {
    it(screen.name, async () => {
      await setUser(screen.as ?? 'officer');
      const found: string[] = [];
      for (const theme of THEMES) {
        const { page, errors } = await openPage(browser);
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.goto(`${serverUrl()}/?theme=${theme}${screen.hash}`);
        await screen.ready(page);
        if (screen.then) await screen.then(page);
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          // Let Fluent's and the charts' resize observers settle.
          await page.waitForTimeout(150);
          for (const p of await page.evaluate(layoutProblems)) found.push(`${theme} ${width}px: ${p}`);
          await page.screenshot({ path: path.join(SCREENS_DIR, `${screen.name}-${theme}-${width}.png`), fullPage: true });
        }
        for (const e of errors) found.push(`${theme}: console error: ${e}`);
        await page.close();
      }
      expect(found).toEqual([]);
    });
  }
});
