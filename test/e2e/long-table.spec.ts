/**
 * A folder of hundreds of images: the table draws only the rows in view, and moving the
 * cursor from the keyboard brings its row into view below the sticky header.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator } from '@playwright/test';
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';

const TIFF = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/e2e-folder/stacks/_blobs_3d_fiji_skeleton.tif'));
const MANY = 400;
test.use({ extraFiles: Object.fromEntries(Array.from({ length: MANY }, (_, i) => [`long/cell-${String(i).padStart(3, '0')}.tif`, TIFF])) });

/** Whether `row` lies wholly inside the grid's viewport, below its sticky header. */
async function fullyInView(grid: Locator, row: Locator): Promise<boolean> {
  const [gridBox, headBox, rowBox] = await Promise.all([grid.boundingBox(), grid.locator('.table-row-head').boundingBox(), row.boundingBox()]);
  if (gridBox === null || headBox === null || rowBox === null) return false;
  const clientHeight = await grid.evaluate((element) => (element as unknown as { clientHeight: number }).clientHeight);
  return rowBox.y >= headBox.y + headBox.height - 0.5 && rowBox.y + rowBox.height <= gridBox.y + clientHeight + 0.5;
}

test('the table draws only the rows in view, and the cursor row is scrolled into view from the keyboard', async ({ app }) => {
  const editor = new EditorPage(app.page);
  const grid = app.page.getByRole('grid', { name: 'Images' });
  const total = Number(await grid.getAttribute('aria-rowcount')) - 1; // the header is row 1
  expect(total).toBeGreaterThan(MANY);
  const drawn = await editor.shownPaths();
  expect(drawn.length).toBeLessThan(100); // a window of the rows, not all of them

  await editor.select(drawn[0]!);
  await grid.focus();
  await app.page.keyboard.press('End');
  const last = grid.locator(`[role="row"][aria-rowindex="${total + 1}"]`);
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => fullyInView(grid, last)).toBe(true);

  await app.page.keyboard.press('PageUp');
  const selected = grid.locator('[role="row"][aria-selected="true"]');
  await expect(selected).toHaveCount(1);
  await expect.poll(() => fullyInView(grid, selected)).toBe(true);

  await app.page.keyboard.press('Home');
  const first = grid.locator('[role="row"][aria-rowindex="2"]');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => fullyInView(grid, first)).toBe(true);
  await expect.poll(() => grid.evaluate((element) => (element as unknown as { scrollTop: number }).scrollTop)).toBe(0);
});
