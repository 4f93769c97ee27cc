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

test.describe('a computed pixel size', () => {
  const fixture = (name: string) => readFileSync(new URL(`../fixtures/e2e-folder/linescans/${name}`, import.meta.url));
  test.use({
    extraFiles: {
      'linescans/computed.tif': fixture('ls_01.tif'),
      'linescans/computed.tif.json': fixture('ls_01.tif.json')
        .toString()
        .replace('"physical_unit_x": 0.3107', '"physical_unit_x": 0.10481442857142857')
        .replace('"physical_unit_y": 0.00095', '"physical_unit_y": 0.9969975547008216'),
    },
  });

  test('the chips of a decimal field show its numbers as recorded, the exact value on hover', async ({ app }) => {
    const editor = new EditorPage(app.page);
    await editor.select('linescans/computed.tif');
    await editor.row('linescans/ls_01.tif').click({ modifiers: ['ControlOrMeta'] });
    const chips = editor.panel().locator('#field-physical_unit_x-values').getByRole('button');
    await expect(chips).toHaveText(['0.10481', '0.31071']);
    await expect(chips.first()).toHaveAttribute('title', /“0\.10481442857142857”/);
    await expect(editor.panel().locator('#field-physical_unit_y-values').getByRole('button')).toHaveText([
      '0.000951',
      '0.9971',
    ]);
    await app.page.screenshot({ path: 'test-results/screens/light-mixed-value-chips.png' });
    await editor.type('Pixel size X', '0.5');
    await expect(editor.panel().locator('#field-physical_unit_x-replaces')).toHaveText(
      'Replaces 2 different values: 0.1048 ×1, 0.3107 ×1',
    );
  });
});
