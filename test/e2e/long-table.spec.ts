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

const TIFF = readFileSync(
  path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '../fixtures/e2e-folder/stacks/_blobs_3d_fiji_skeleton.tif',
  ),
);
const MANY = 400;
test.use({
  extraFiles: Object.fromEntries(
    Array.from({ length: MANY }, (_, i) => [`long/cell-${String(i).padStart(3, '0')}.tif`, TIFF]),
  ),
});

/** Whether `row` lies wholly inside the grid's viewport, below its sticky header. */
async function fullyInView(grid: Locator, row: Locator): Promise<boolean> {
  const [gridBox, headBox, rowBox] = await Promise.all([
    grid.boundingBox(),
    grid.locator('.table-row-head').boundingBox(),
    row.boundingBox(),
  ]);
  if (gridBox === null || headBox === null || rowBox === null) return false;
  const clientHeight = await grid.evaluate((element) => (element as unknown as { clientHeight: number }).clientHeight);
  return rowBox.y >= headBox.y + headBox.height - 0.5 && rowBox.y + rowBox.height <= gridBox.y + clientHeight + 0.5;
}

test('the table draws only the rows in view, and the cursor row is scrolled into view from the keyboard', async ({
  app,
}) => {
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

/** The rows drawn, as [index, path, selected], and the pinned paths drawn over them, as [index, path]. */
async function drawn(grid: Locator): Promise<{ rows: [number, string, boolean][]; pinned: [number, string][] }> {
  type Element = {
    getAttribute(name: string): string | null;
    textContent: string | null;
    querySelector(selector: string): Element | null;
  };
  const rows = await grid
    .locator('.table-body [role="row"]')
    .evaluateAll((elements) =>
      (elements as unknown as Element[]).map((row): [number, string, boolean] => [
        Number(row.getAttribute('aria-rowindex')) - 2,
        row.querySelector('[role="gridcell"] .path-text')?.textContent?.trim() ?? '',
        row.getAttribute('aria-selected') === 'true',
      ]),
    );
  const pinned = await grid
    .locator('.pinned-path')
    .evaluateAll((elements) =>
      (elements as unknown as Element[]).map((path): [number, string] => [
        Number(path.getAttribute('data-row')),
        path.textContent?.trim() ?? '',
      ]),
    );
  return { rows, pinned };
}

test('rows drawn again in place by a filter or a scroll each show their own image, pinned path and selection', async ({
  app,
}) => {
  const editor = new EditorPage(app.page);
  const grid = app.page.getByRole('grid', { name: 'Images' });
  await editor.select('long/cell-000.tif');
  await editor.filter.fill('long/cell-1');
  await expect.poll(async () => (await drawn(grid)).rows[0]?.[1]).toBe('long/cell-100.tif');

  const check = async (): Promise<void> => {
    const { rows, pinned } = await drawn(grid);
    expect(rows.length).toBeGreaterThan(10);
    // in order, each the image of its place in the filtered list (cell-100 … cell-199), none selected
    rows.forEach(([index, shownPath, selected], i) => {
      expect(index).toBe(rows[0]![0] + i);
      expect(shownPath).toBe(`long/cell-${100 + index}.tif`);
      expect(selected).toBe(false);
    });
    expect([...pinned].sort((a, b) => a[0] - b[0])).toEqual(rows.map(([index, shownPath]) => [index, shownPath]));
  };
  await check();
  await grid.evaluate((element) => {
    (element as unknown as { scrollTop: number }).scrollTop = 1_000;
  });
  await expect.poll(async () => (await drawn(grid)).rows[0]?.[0]).toBeGreaterThan(0);
  await check();

  await editor.filter.fill('');
  await grid.evaluate((element) => {
    (element as unknown as { scrollTop: number }).scrollTop = 0;
  });
  await expect(editor.row('long/cell-000.tif')).toHaveAttribute('aria-selected', 'true');
  await expect(grid.locator('[role="row"][aria-selected="true"]')).toHaveCount(1);
});
