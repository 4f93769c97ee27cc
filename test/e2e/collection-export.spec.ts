/**
 * Export as CloudScope collection: two selected images written as one acqstore collection (the
 * manifest on disk lists them by their sources), the export refused when the collection is
 * already there and replaced when asked, an image no reader decodes left out and named (alone,
 * nothing written). Screenshots of the options and the outcome in both themes
 * (test-results/screens/*-collection-export-*.png).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';

const SHOTS = 'test-results/screens';
const IMAGES = ['cells/multi-channel.ome.tif', 'stacks/_blobs_3d_fiji_skeleton.tif'];

/** Selects `images` and opens the dialog from the Spreadsheet menu. */
async function openDialog(page: Page, images: readonly string[]) {
  const editor = new EditorPage(page);
  await editor.select(images[0]!);
  for (const image of images.slice(1)) await editor.row(image).click({ modifiers: ['ControlOrMeta'] });
  await page.getByRole('button', { name: 'Spreadsheet' }).click();
  await page.getByRole('menuitem', { name: 'Export as CloudScope collection…' }).click();
  return page.getByRole('dialog', { name: 'Export as CloudScope collection' });
}

/** Screenshots of the page in the light and the dark theme. */
async function shots(page: Page, name: string) {
  for (const scheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${SHOTS}/${scheme}-collection-export-${name}.png` });
  }
}

test('two selected images exported as a collection, refused over it, then replaced', async ({ app }) => {
  const { page } = app;
  const dialog = await openDialog(page, IMAGES);
  const name = `${path.basename(app.folder)}.ome.zarr`;
  await expect(dialog).toContainText('The 2 selected images');
  await expect(dialog.getByLabel('Collection', { exact: true })).toHaveValue(name);
  await expect(dialog.getByRole('checkbox', { name: /^Replace a collection AcqMeta wrote/ })).not.toBeChecked();
  await shots(page, 'options');

  await dialog.getByRole('button', { name: 'Export 2 images' }).click();
  const status = dialog.getByRole('status');
  await expect(status).toHaveText('2 images written: checked against acqstore’s contract, every level read back.');
  const manifestFile = app.file(`${name}/acqstore/acq_image_collection.json`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  expect(manifest.acq_images.map((entry: { source: { relative_path: string } }) => entry.source.relative_path)).toEqual(
    IMAGES,
  );
  await shots(page, 'written');

  // again: the collection is there and is not replaced…
  await dialog.getByRole('button', { name: 'Close' }).click();
  const again = await openDialog(page, IMAGES);
  await expect(again.getByLabel('Collection', { exact: true })).toHaveValue(name);
  await again.getByRole('button', { name: 'Export 2 images' }).click();
  await expect(again.getByRole('alert')).toContainText(`The export failed: ${app.file(name)} already exists`);
  await again.getByRole('button', { name: 'Close' }).click();
  // …unless asked to
  const forced = await openDialog(page, IMAGES);
  await forced.getByRole('checkbox', { name: /^Replace a collection AcqMeta wrote/ }).check();
  await forced.getByRole('button', { name: 'Export 2 images' }).click();
  await expect(forced.getByRole('status')).toHaveText(
    '2 images written, replacing the collection there: checked against acqstore’s contract, every level read back.',
  );
});

test('an image no reader decodes is left out and named; alone, nothing is written', async ({ app }) => {
  const { page } = app;
  const hostile = 'hostile/test_ifd_loop_to_self.tif';
  const dialog = await openDialog(page, [IMAGES[0]!, hostile]);
  await dialog.getByLabel('Collection', { exact: true }).fill('partial.ome.zarr');
  await dialog.getByRole('button', { name: 'Export 2 images' }).click();
  await expect(dialog.getByRole('status')).toHaveText(
    '1 image written: checked against acqstore’s contract, every level read back. 1 image could not be exported and is left out:',
  );
  await expect(dialog.getByRole('list', { name: 'Not exported' }).getByRole('listitem')).toHaveText([
    `${hostile}: IFD loop at offset 408`,
  ]);
  const manifest = JSON.parse(readFileSync(app.file('partial.ome.zarr/acqstore/acq_image_collection.json'), 'utf8'));
  expect(manifest.acq_images.map((entry: { source: { relative_path: string } }) => entry.source.relative_path)).toEqual(
    [IMAGES[0]],
  );
  await shots(page, 'partial');

  await dialog.getByRole('button', { name: 'Close' }).click();
  const alone = await openDialog(page, [hostile]);
  await alone.getByLabel('Collection', { exact: true }).fill('refused.ome.zarr');
  await alone.getByRole('button', { name: 'Export 1 image' }).click();
  await expect(alone.getByRole('status')).toHaveText('Nothing was written: 1 image cannot be exported.');
  await expect(alone.getByRole('listitem')).toHaveText([`${hostile}: IFD loop at offset 408`]);
  expect(existsSync(app.file('refused.ome.zarr'))).toBe(false);
  await shots(page, 'refused');
  // a name that is not a collection's cannot be asked for
  await alone.getByRole('button', { name: 'Close' }).click();
  const named = await openDialog(page, [IMAGES[0]!]);
  await named.getByLabel('Collection', { exact: true }).fill('refused.zarr');
  await expect(named.getByRole('button', { name: 'Export 1 image' })).toBeDisabled();
  await expect(named).toContainText('The name must end in .ome.zarr');
});
