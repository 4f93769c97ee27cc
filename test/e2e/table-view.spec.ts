/**
 * The table as a view of a large folder: resizable columns (mouse and keyboard, kept across
 * sessions), sideways scrolling with the path pinned, paths shortened in the middle, and
 * "select all" meaning all shown.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator } from '@playwright/test';
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';
import { expectCutToFit, shownPath } from './support/path-cell';

const DEEP = 'experiment-2026-11/animal00/session01/img000000.tif';
const TIFF = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/e2e-folder/stacks/_blobs_3d_fiji_skeleton.tif',
);

test.use({ extraFiles: { [DEEP]: readFileSync(TIFF) } });

const widthOf = async (locator: Locator) => (await locator.boundingBox())!.width;

/** An element's scroll box, typed structurally because the Node-side project has no DOM types. */
type ScrollBox = { scrollWidth: number; clientWidth: number; scrollLeft: number };

/** Whether an element's content is wider than the element (clipped). */
const isClipped = (locator: Locator) =>
  locator.evaluate(
    (element) => (element as unknown as ScrollBox).scrollWidth > (element as unknown as ScrollBox).clientWidth,
  );

/** Drags the right edge of a column header by `dx` pixels. */
async function dragEdge(header: Locator, dx: number): Promise<void> {
  const page = header.page();
  // the whole header in view (a person scrolls to the column first)
  await header.evaluate((e) =>
    (e as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ inline: 'center', block: 'nearest' }),
  );
  const box = (await header.boundingBox())!;
  const x = box.x + box.width - 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y);
  await page.mouse.move(x + dx, y);
  await page.mouse.up();
}

test('columns are resized by dragging a header edge or from the keyboard, fitted to their content, and kept', async ({
  app,
}) => {
  const editor = new EditorPage(app.page);
  const species = editor.grid.getByRole('columnheader', { name: 'Species' });
  const before = await widthOf(species);
  await dragEdge(species, 80);
  await expect.poll(() => widthOf(species)).toBeCloseTo(before + 80, 0);
  await expect(species).toHaveAttribute('aria-sort', 'none');
  const speciesColumn = (await editor.grid.getByRole('columnheader').allInnerTexts()).findIndex((text) =>
    text.trim().startsWith('Species'),
  );
  const speciesCell = editor.row('stacks/_blobs_3d_fiji_skeleton.tif').getByRole('gridcell').nth(speciesColumn);
  expect(await widthOf(speciesCell)).toBeCloseTo(before + 80, 0);

  await species.getByRole('button').focus();
  await app.page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => widthOf(species)).toBeCloseTo(before + 96, 0);
  await app.page.keyboard.press('Shift+ArrowLeft');
  await app.page.keyboard.press('Shift+ArrowLeft');
  await expect.poll(() => widthOf(species)).toBeCloseTo(before + 64, 0);

  // Fitting the path column: the longest path shows whole, with no room to spare.
  const pathHeader = editor.grid.getByRole('columnheader', { name: 'Path' });
  await pathHeader.locator('.col-resizer').dblclick();
  const longest = editor.row(DEEP).getByRole('gridcell').first();
  await expect.poll(() => isClipped(longest)).toBe(false);
  const fitted = await widthOf(pathHeader);
  await pathHeader.getByRole('button').focus();
  await app.page.keyboard.press('Shift+ArrowLeft');
  await app.page.keyboard.press('Shift+Enter');
  await expect.poll(() => widthOf(pathHeader)).toBeCloseTo(fitted, 0);
  await expect(pathHeader).toHaveAttribute('aria-sort', 'none');

  await app.page.reload();
  await app.page.locator('html[data-app-state="ready"]').waitFor();
  expect(await widthOf(species)).toBeCloseTo(before + 64, 0);
  expect(await widthOf(pathHeader)).toBeCloseTo(fitted, 0);
});

/** Where an element is drawn, and in what background colour. */
const drawn = (locator: Locator) =>
  locator.evaluate((element) => {
    const box = (
      element as unknown as { getBoundingClientRect(): { x: number; y: number; width: number; height: number } }
    ).getBoundingClientRect();
    const style = (
      globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }
    ).getComputedStyle(element);
    return {
      x: Math.round(box.x),
      y: Math.round(box.y),
      width: Math.round(box.width),
      height: Math.round(box.height),
      background: style.backgroundColor,
    };
  });

test('with many columns the table scrolls sideways and the path column stays in place', async ({ app }) => {
  const editor = new EditorPage(app.page);
  const name = 'cells/multi-channel.ome.tif';
  const row = editor.row(name);
  // The path the user sees is drawn over the row's own path cell, in the row's colours
  const shown = app.page.locator('.pinned-path', { hasText: 'multi-channel.ome.tif' });
  const ownCell = row.getByRole('gridcell').first();
  expect(await drawn(shown)).toEqual({
    ...(await drawn(ownCell)),
    height: (await drawn(shown)).height,
    background: (await drawn(row)).background,
  });
  await editor.showEveryColumn();
  const grid = (await editor.grid.boundingBox())!;
  await editor.grid.evaluate((element) => {
    const grid = element as unknown as ScrollBox;
    grid.scrollLeft = grid.scrollWidth;
  });
  await expect(editor.grid.getByRole('columnheader').last()).toBeInViewport();
  const pathHeader = editor.grid.getByRole('columnheader', { name: 'Path' });
  await expect.poll(async () => Math.round((await pathHeader.boundingBox())!.x)).toBe(Math.round(grid.x));
  expect((await drawn(ownCell)).x).toBeLessThan(Math.round(grid.x));
  expect((await drawn(shown)).x).toBe(Math.round(grid.x));
  expect((await drawn(shown)).y).toBe((await drawn(row)).y);
  await expect(shown).toBeInViewport();
  await expect(shown).toHaveText('cells/multi-channel.ome.tif');
  // Hovering the row far from the path, then selecting it: the pinned path follows the row
  const resting = (await drawn(shown)).background;
  await row.getByRole('gridcell').last().hover();
  await expect.poll(async () => (await drawn(shown)).background).not.toBe(resting);
  expect((await drawn(shown)).background).toBe((await drawn(row)).background);
  await row.getByRole('gridcell').last().click();
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect.poll(async () => (await drawn(shown)).background).toBe((await drawn(row)).background);
  await app.page.mouse.move(grid.x + grid.width / 2, grid.y - 40);
  await expect.poll(async () => (await drawn(shown)).background).toBe((await drawn(row)).background);
  expect((await drawn(shown)).background).not.toBe(resting);
});

test('until it is given a width, the path column fits the folder’s paths', async ({ app }) => {
  const editor = new EditorPage(app.page);
  const cell = editor.row(DEEP).getByRole('gridcell').first();
  await expect
    .poll(() => shownPath(cell))
    .toEqual({ folders: 'experiment-2026-11/animal00/session01/', overflows: false });
});

test('a long path keeps the start of each folder and the file name whole, the whole path on hover', async ({ app }) => {
  const editor = new EditorPage(app.page);
  const pathHeader = editor.grid.getByRole('columnheader', { name: 'Path' });
  await dragEdge(pathHeader, 200 - (await widthOf(pathHeader)));
  await expect.poll(() => widthOf(pathHeader)).toBeCloseTo(200, 0);
  const cell = editor.row(DEEP).getByRole('gridcell').first();
  await expect(cell).toHaveAttribute('title', DEEP);
  await expect(cell).toHaveAccessibleName(DEEP);
  // The cell's text is still the whole path; the ends of the folders are hidden, an ellipsis in their place.
  await expect(cell.locator('.path-text')).toHaveText(DEEP);
  await expectCutToFit(cell, 'experiment-2026-11/animal00/session01/');
  expect(await isClipped(cell.getByText('img000000.tif', { exact: true }))).toBe(false);
});

test('"select all" in the panel and Ctrl+A both select the images shown, and say so', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await expect(editor.panel().getByRole('button', { name: 'Select all 10 images' })).toBeVisible();
  await editor.filter.fill('cells/');
  await editor.panel().getByRole('button', { name: 'Select all 2 shown' }).click();
  await expect(editor.panel().getByRole('heading', { name: 'Editing 2 images' })).toBeVisible();
  await expect(app.page.getByRole('contentinfo')).toContainText('2 selected (all shown)');

  await editor.filter.fill('stacks/');
  await editor.grid.focus();
  await app.page.keyboard.press('ControlOrMeta+a');
  await expect(app.page.getByRole('contentinfo')).toContainText('2 selected (all shown)');
  await expect(editor.row('stacks/stuck.tif')).toHaveAttribute('aria-selected', 'true');
  await editor.filter.fill('');
  await expect(app.page.getByRole('contentinfo')).toContainText('2 selected');
  await expect(app.page.getByRole('contentinfo')).not.toContainText('all shown');
});
