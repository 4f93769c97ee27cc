/**
 * Faster hands for folder-scale annotation: copy one image's metadata and paste chosen fields
 * into a selection; a field that differs lists its values, and one click sets one for all.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';

const OME = 'cells/multi-channel.ome.tif';
const IMAGEJ = 'cells/multi-tiff_Channel_0.tif';
const BLOBS = 'stacks/_blobs_3d_fiji_skeleton.tif';

test('copy the metadata of one image and paste chosen fields into the selection', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await editor.select(OME);
  await editor.panel().getByRole('button', { name: 'Copy metadata' }).click();
  await editor.select(IMAGEJ);
  await editor.row(BLOBS).click({ modifiers: ['ControlOrMeta'] });
  await editor.grid.focus();
  await app.page.keyboard.press('ControlOrMeta+Shift+v');
  const dialog = app.page.getByRole('dialog', { name: 'Paste metadata' });
  await expect(dialog).toContainText('From multi-channel.ome.tif into 2 selected images');
  await expect(dialog.getByRole('checkbox', { name: /^Species/ })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: /^Sex/ })).not.toBeChecked();
  await dialog.getByRole('button', { name: 'None' }).click();
  await dialog.getByRole('checkbox', { name: /^Genotype/ }).check();
  await dialog.getByRole('checkbox', { name: /^Region/ }).check();
  await dialog.getByRole('button', { name: 'Paste 2 fields into 2 images' }).click();
  await expect(editor.row(BLOBS)).toContainText('Thy1-GFP');
  await expect(editor.row(IMAGEJ)).toContainText('V1');
  await expect(editor.row(BLOBS)).toContainText('rat');
  await editor.saveReviewed(2);
  const blobs = readFileSync(app.file(`${BLOBS}.json`), 'utf8');
  expect(blobs).toContain('"genotype": "Thy1-GFP",');
  expect(blobs).toContain('"species": "rat",');
});

test('a field that differs lists its values with counts; choosing one sets it for all', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await editor.select(OME);
  await editor.row(IMAGEJ).click({ modifiers: ['ControlOrMeta'] });
  await editor.row(BLOBS).click({ modifiers: ['ControlOrMeta'] });
  const values = editor.panel().locator('#field-species-values');
  await expect(values).toContainText('3 values:');
  await expect(values.getByRole('button')).toHaveText(['(empty)1', 'mouse1', 'rat1']);
  await values.getByRole('button', { name: /^mouse/ }).click();
  await expect(editor.field('Species')).toHaveValue('mouse');
  await expect(editor.panel().locator('#field-species-values')).toHaveCount(0);
  await expect(editor.row(BLOBS)).toContainText('mouse');
  await expect(app.page.getByRole('button', { name: 'Undo Species on 2 images' })).toBeEnabled();
});

test('typing into a field whose images differ says which values it replaces', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await editor.select(OME);
  await editor.row(IMAGEJ).click({ modifiers: ['ControlOrMeta'] });
  await editor.row(BLOBS).click({ modifiers: ['ControlOrMeta'] });
  await editor.type('Species', 'zebrafish');
  const note = editor.panel().locator('#field-species-replaces');
  await expect(note).toHaveText('Replaces 3 different values: (empty) ×1, mouse ×1, rat ×1');
  await expect(editor.field('Species')).toHaveAttribute('aria-describedby', /field-species-replaces/);
});
