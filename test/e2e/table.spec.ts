/**
 * The image table as a working list: choosing columns, the Invalid and Unsaved quick filters,
 * and editing the whole folder at once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';

const OME = 'cells/multi-channel.ome.tif';
const IMAGEJ = 'cells/multi-tiff_Channel_0.tif';
const BLOBS = 'stacks/_blobs_3d_fiji_skeleton.tif';
const CORRUPT = 'stacks/stuck.tif';
const FOREIGN = 'chessboard_GRAY_U16.tif';
const HOSTILE = 'hostile/test_ifd_loop_to_self.tif';

test('columns can be shown and hidden', async ({ app }) => {
  const editor = new EditorPage(app.page);
  const headers = editor.grid.getByRole('columnheader');
  await expect(headers.filter({ hasText: 'Condition' })).toHaveCount(0);
  await expect(editor.row(BLOBS)).toContainText('Z:30 Y:32 X:32');

  await app.page.getByRole('button', { name: 'Columns' }).click();
  await app.page.getByRole('checkbox', { name: 'Condition', exact: true }).check();
  await app.page.getByRole('checkbox', { name: 'Dimensions' }).uncheck();
  await app.page.keyboard.press('Escape');
  await expect(app.page.getByRole('checkbox', { name: 'Dimensions' })).toBeHidden();

  await expect(headers.filter({ hasText: 'Condition' })).toHaveCount(1);
  await expect(headers.filter({ hasText: 'Dims' })).toHaveCount(0);
  await expect(editor.row(BLOBS)).toContainText('control');
  await expect(editor.row(BLOBS)).not.toContainText('Z:30');
});

test('the Invalid quick filter shows corrupt sidecars and values that cannot be saved', async ({ app }) => {
  const editor = new EditorPage(app.page);
  const invalid = editor.quickFilter('Invalid');
  await expect(invalid).toContainText('2');
  await invalid.click();
  await expect(invalid).toHaveAttribute('aria-pressed', 'true');
  expect((await editor.shownPaths()).sort()).toEqual([FOREIGN, CORRUPT]);

  await invalid.click();
  await editor.select(BLOBS);
  await editor.type('Branch order', 'two');
  await expect(invalid).toContainText('3');
  await invalid.click();
  expect((await editor.shownPaths()).sort()).toEqual([FOREIGN, BLOBS, CORRUPT]);
  await expect(app.page.getByText('3 shown')).toBeVisible();
});

test('the Unsaved quick filter shows the images with changes until they are saved', async ({ app }) => {
  const editor = new EditorPage(app.page);
  const unsaved = editor.quickFilter('Unsaved');
  await editor.select(OME);
  await editor.type('Genotype', 'WT');
  await editor.select(IMAGEJ);
  await editor.type('Species', 'zebrafish');
  await expect(unsaved).toContainText('2');
  await unsaved.click();
  expect(await editor.shownPaths()).toEqual([OME, IMAGEJ]);

  await editor.saveReviewed(2);
  await expect(editor.bodyRows()).toHaveCount(0);
  await expect(app.page.getByText('No image matches the filter.')).toBeVisible();
  await expect(unsaved).toContainText('0');
});

test('editing the whole folder writes every sidecar it can and leaves the others untouched', async ({ app }) => {
  const editor = new EditorPage(app.page);
  const untouched = [FOREIGN, CORRUPT].map(
    (image) => [image, readFileSync(app.file(`${image}.json`), 'utf8')] as const,
  );
  await app.page.getByRole('button', { name: 'Select all 9 images' }).click();
  await expect(editor.panel().getByRole('heading', { name: 'Editing 6 images' })).toBeVisible();
  await expect(editor.panel()).toContainText('cannot be read (corrupt, or another version)');
  await expect(editor.panel()).toContainText('whose header cannot be read, so no sidecar can be made');

  await editor.type('Treatment', 'saline');
  await editor.saveReviewed(6);
  await expect(app.page.getByText('All changes saved')).toBeVisible();
  for (const image of [OME, BLOBS, IMAGEJ, 'linescans/ls_01.tif', 'linescans/ls_02.tif', 'linescans/ls_03.tif']) {
    expect(readFileSync(app.file(`${image}.json`), 'utf8')).toContain('\n    "treatment": "saline",\n');
  }
  for (const [image, before] of untouched) expect(readFileSync(app.file(`${image}.json`), 'utf8')).toBe(before);
  expect(existsSync(app.file(`${HOSTILE}.json`))).toBe(false);
  await expect(app.page.getByRole('alert')).toHaveCount(0);
});
