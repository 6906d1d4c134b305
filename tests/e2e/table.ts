// Reading a table as a person (or a screen reader) does: by its rows, cells and column headings.
import type { Locator } from 'playwright-core';

/** The text of each data row's cells (header rows left out). */
export async function rowsOf(table: Locator): Promise<string[][]> {
  const out: string[][] = [];
  for (const row of await table.getByRole('row').all()) {
    const cells = await row.getByRole('cell').allTextContents();
    if (cells.length > 0) out.push(cells.map((c) => c.trim()));
  }
  return out;
}

/** The cells under the column whose heading starts with `heading`. */
export async function columnOf(table: Locator, heading: string): Promise<string[]> {
  const headings = (await table.getByRole('columnheader').allTextContents()).map((h) => h.trim());
  const index = headings.findIndex((h) => h.startsWith(heading));
  if (index < 0) throw new Error(`no column "${heading}" among ${headings.join(', ')}`);
  return (await rowsOf(table)).map((cells) => cells[index]);
}
