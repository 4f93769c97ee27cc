/**
 * The window at 1024 × 700: the editor opens on its fields (the preview folded away until asked
 * for, and then kept open), the path column keeps each file name whole and the start of each
 * folder, and the quick filters are never cut (on a line of their own when narrow). Screenshots of the main window and of
 * the Results dialog go to test-results/screens/ (or to ACQMETA_SHOTS).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';
import { expectCutToFit, shownPath } from './support/path-cell';

const SHOTS = process.env.ACQMETA_SHOTS ?? 'test-results/screens';
const LONG_PATH = 'experiment-2024-05-02/mouse-12-left-hemisphere/session-3/vessel_scan_0007.tif';
const TIFF = readFileSync(
  path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '../fixtures/e2e-folder/stacks/_blobs_3d_fiji_skeleton.tif',
  ),
);

test.use({ extraFiles: { [LONG_PATH]: TIFF } });
test.beforeEach(async ({ app }) => {
  await app.page.setViewportSize({ width: 1024, height: 700 });
});

test('the editor opens on its fields with the preview folded away, and keeps the preview once opened', async ({
  app,
}) => {
  const editor = new EditorPage(app.page);
  await editor.select('linescans/ls_01.tif');
  const toggle = editor.panel().getByRole('button', { name: /^Preview and ROIs/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toContainText('6 ROIs');
  await expect(editor.panel().getByRole('list', { name: 'ROIs' })).toHaveCount(0);
  await expect(editor.field('Accepted')).toBeInViewport();
  await expect(editor.field('Pixel size X')).toBeInViewport();

  await toggle.click();
  await expect(editor.panel().getByRole('img', { name: /^Preview, 24 × 3000 pixels/ })).toBeVisible();
  await expect(editor.panel().getByRole('list', { name: 'ROIs' })).toBeVisible();
  await app.page.reload();
  await app.page.locator('html[data-app-state="ready"]').waitFor();
  await editor.select('linescans/ls_02.tif');
  await expect(editor.panel().getByRole('img', { name: /^Preview, / })).toBeVisible();
});

test('a long path keeps its file name whole and the start of each folder', async ({ app }) => {
  const editor = new EditorPage(app.page);
  const cell = editor.row(LONG_PATH).getByRole('gridcell').first();
  const folders = LONG_PATH.replace('vessel_scan_0007.tif', '');
  await expect(cell).toHaveAttribute('title', LONG_PATH);
  await expect(cell).toHaveAccessibleName(LONG_PATH);
  await expect(cell.locator('.path-text')).toHaveText(LONG_PATH);
  const pinned = editor.grid.locator('.pinned-path').filter({ hasText: 'vessel_scan_0007.tif' }).locator('.cell-path');
  for (const shown of [cell, pinned]) {
    // `experime…/mouse-12…/session-3/vessel_scan_0007.tif`: the longest folders cut to their starts, the name whole
    expect(await expectCutToFit(shown, folders)).toMatch(/^exp/);
  }
  const narrow = await shownPath(cell);

  // Wider, more of the folders; wide enough, the whole path.
  const header = editor.grid.getByRole('columnheader', { name: 'Path' });
  const grip = await header.locator('.col-resizer').boundingBox();
  await app.page.mouse.move(grip!.x + grip!.width / 2, grip!.y + grip!.height / 2);
  await app.page.mouse.down();
  await app.page.mouse.move(grip!.x + grip!.width / 2 + 120, grip!.y + grip!.height / 2, { steps: 4 });
  await app.page.mouse.up();
  await expect.poll(async () => (await shownPath(cell)).folders.length).toBeGreaterThan(narrow.folders.length);
  await expect.poll(async () => shownPath(pinned)).toEqual(await shownPath(cell));
  await app.page.screenshot({ path: `${SHOTS}/narrow-wider-path.png` });
  await header.locator('.col-resizer').dblclick();
  await expect.poll(() => shownPath(cell)).toEqual({ folders, overflows: false });
});

test('the quick filters are never cut: in a narrow window they take a line of their own', async ({ app }) => {
  const editor = new EditorPage(app.page);
  const group = app.page.getByRole('group', { name: /^Quick filters/ });
  const chips = group.getByRole('button');
  await expect(chips).toHaveCount(4);
  for (const chip of await chips.all()) await expect(chip).toBeInViewport({ ratio: 1 });
  const filter = await editor.filter.boundingBox();
  const first = await chips.first().boundingBox();
  expect(first!.y).toBeGreaterThan(filter!.y + filter!.height - 1);
  const toolbar = await app.page.getByRole('toolbar', { name: 'Table' }).boundingBox();
  expect(toolbar!.height).toBeLessThan(90);
  await editor.quickFilter('Warnings').click();
  await expect(editor.quickFilter('Warnings')).toHaveAttribute('aria-pressed', 'true');
});

test('at 1440 × 900 the quick filters share the filter box’s line', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await app.page.setViewportSize({ width: 1440, height: 900 });
  const chip = editor.quickFilter('Warnings');
  await expect.poll(async () => (await chip.boundingBox())!.y < (await editor.filter.boundingBox())!.y + 20).toBe(true);
  const toolbar = await app.page.getByRole('toolbar', { name: 'Table' }).boundingBox();
  expect(toolbar!.height).toBeLessThan(48);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`narrow window screens in the ${scheme} theme`, async ({ app }) => {
    await app.page.emulateMedia({ colorScheme: scheme });
    const editor = new EditorPage(app.page);
    await editor.select('linescans/ls_01.tif');
    await expect(editor.field('Species')).toHaveValue('mouse');
    await app.page.screenshot({ path: `${SHOTS}/narrow-${scheme}-editor.png` });

    await editor.row('linescans/ls_03.tif').click({ modifiers: ['Shift'] });
    await app.page.getByRole('button', { name: 'Results…' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Results' });
    await dialog.getByLabel('Result').selectOption({ label: 'radon_velocity · velocity_mean' });
    await dialog.getByRole('radio', { name: 'an image’s mean' }).check();
    await expect(dialog.getByRole('table').getByRole('row')).toHaveCount(3);
    await app.page.screenshot({ path: `${SHOTS}/narrow-${scheme}-results.png` });
  });
}
