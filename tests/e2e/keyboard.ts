// Driving the hub with the keyboard alone, as a person who does not use a mouse does.
import type { Page } from 'playwright-core';

/** The focused element's name, roughly as a screen reader announces it, and where it is on the page. */
async function focused(page: Page): Promise<{ name: string; box?: { x: number; y: number; width: number; height: number } }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { name: '' };
    const labelled = el.getAttribute('aria-labelledby');
    const byLabel = labelled ? labelled.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ') : '';
    const ownLabel = (el as HTMLInputElement).labels?.[0]?.textContent ?? '';
    const name = `${el.getAttribute('aria-label') ?? ''} ${byLabel} ${ownLabel} ${el.textContent ?? ''}`.replace(/\s+/g, ' ').trim();
    el.scrollIntoView({ block: 'center' });
    const r = el.getBoundingClientRect();
    return { name, box: { x: r.x, y: r.y, width: r.width, height: r.height } };
  });
}

/** How many pixels differ between two PNG screenshots of the same size, decoded in the page. */
async function changedPixels(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(async ([x, y]) => {
    const pixels = async (base64: string): Promise<Uint8ClampedArray> => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      return context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    };
    const [p, q] = await Promise.all([pixels(x), pixels(y)]);
    let changed = 0;
    for (let i = 0; i < p.length; i += 4) {
      if (Math.abs(p[i] - q[i]) + Math.abs(p[i + 1] - q[i + 1]) + Math.abs(p[i + 2] - q[i + 2]) > 48) changed++;
    }
    return changed;
  }, [a.toString('base64'), b.toString('base64')]);
}

/**
 * Keyboard focus must be seen. Whatever draws it (an outline, Fluent's ring on the control or on its
 * wrapper, a link's double underline), the place looks different with focus than without: compare the two,
 * leaving with Tab and coming back with Shift+Tab as a person would. A pixel or two is not a visible
 * indicator: at least a clearly different 2-px line along the control's shorter side must change.
 */
async function expectFocusSeen(page: Page, name: string, box: { x: number; y: number; width: number; height: number }): Promise<void> {
  const pad = 6;
  const clip = { x: Math.max(0, box.x - pad), y: Math.max(0, box.y - pad), width: box.width + 2 * pad, height: box.height + 2 * pad };
  const withFocus = await page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
  await page.keyboard.press('Tab');
  const without = await page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
  await page.keyboard.press('Shift+Tab');
  const changed = await changedPixels(page, withFocus, without);
  const needed = 2 * Math.max(8, Math.min(box.width, box.height));
  if (changed < needed) throw new Error(`keyboard focus on "${name.slice(0, 60)}" cannot be seen (${changed} pixels change, at least ${needed} needed)`);
}

/** Presses Tab until the focused element's name matches, then checks that its focus can be seen. */
export async function tabTo(page: Page, name: RegExp, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (name.test(f.name) && f.box) {
      await expectFocusSeen(page, f.name, f.box);
      return;
    }
  }
  throw new Error(`could not reach ${name} with the Tab key`);
}

/** Tab to a control and type into it (clearing what is there first). */
export async function typeInto(page: Page, name: RegExp, text: string): Promise<void> {
  await tabTo(page, name);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** Tab to a button or link and press Enter. */
export async function press(page: Page, name: RegExp): Promise<void> {
  await tabTo(page, name);
  await page.keyboard.press('Enter');
}

/**
 * In a radio group that has focus, arrow down to the choice named `name`, choose it and wait until it is chosen.
 * Arrow keys move focus and the choice together, but focus moves at once and React renders the choice a moment
 * later, so this steers by focus (steering by the choice could press once too often and wrap past it). Space
 * then chooses it: Shift+Tab into a group with no choice yet focuses its last radio without choosing it.
 */
export async function arrowToRadio(page: Page, name: string | RegExp, limit = 5): Promise<void> {
  const radio = page.getByRole('radio', { name });
  for (let i = 0; i < limit && !(await radio.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('ArrowDown');
  }
  if (!(await radio.evaluate((el) => el === document.activeElement))) throw new Error(`arrow keys did not reach the radio ${name}`);
  await page.keyboard.press('Space');
  await page.waitForFunction((el) => (el as HTMLInputElement).checked, await radio.elementHandle(), { timeout: 5_000 });
}
