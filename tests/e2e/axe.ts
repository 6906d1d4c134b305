// axe-core in the page: the serious and critical WCAG 2.2 AA violations a person would hit.
import * as path from 'path';
import type { Page } from 'playwright-core';

interface AxeViolation {
  id: string;
  impact?: string;
  help: string;
  nodes: { target: string[] }[];
}

export async function seriousViolations(page: Page): Promise<string[]> {
  // Once a page: the layout sweep asks again at each width.
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: path.join(require.resolve('axe-core'), '..', 'axe.min.js') });
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    // Fluent's focus manager (tabster) adds invisible "dummy" inputs at the edges of focus groups to keep
    // Tab order right; they are aria-hidden by design and never reachable as content. Everything else counts.
    const context = { include: [['body']], exclude: [['[data-tabster-dummy]']] };
    const result = await axe.run(context, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations;
  })) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`);
}

