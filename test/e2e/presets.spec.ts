/**
 * Presets: saved from one image's chosen fields as a plain JSON file in the settings folder,
 * applied to a selection as one undo step, and managed (rename, export, delete, import).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from './support/app';
import { BulkPage } from './support/bulk-page';
import { EditorPage } from './support/editor-page';

const OME = 'cells/multi-channel.ome.tif';
const IMAGEJ = 'cells/multi-tiff_Channel_0.tif';
const BLOBS = 'stacks/_blobs_3d_fiji_skeleton.tif';
const PRESET = 'Thy1 cohort 3, P30';

test('a preset saved from one image is applied to a selection as one step, and undone', async ({ app }) => {
  const editor = new EditorPage(app.page);
  const bulk = new BulkPage(app.page);
  await editor.select(OME);
  await bulk.presetsMenuItem('Save as preset…');
  const save = bulk.dialog('Save as preset');
  await save.getByLabel('Preset name').fill(PRESET);
  await expect(save.getByRole('checkbox', { name: /^Species/ })).toBeChecked();
  await save.getByRole('checkbox', { name: /^Region/ }).uncheck();
  await save.getByRole('button', { name: 'Save preset of 3 fields' }).click();
  await expect(save).toBeHidden();
  const file = path.join(app.configDir, 'presets', 'thy1-cohort-3-p30.json');
  expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
    acqmeta_preset: 1,
    name: PRESET,
    fields: { species: 'mouse', genotype: 'Thy1-GFP', depth: 75 },
  });

  const blobs = readFileSync(app.file(`${BLOBS}.json`), 'utf8');
  await editor.select(BLOBS);
  await editor.row(IMAGEJ).click({ modifiers: ['ControlOrMeta'] });
  await bulk.presetsMenuItem(PRESET);
  await expect(editor.row(BLOBS)).toContainText('Thy1-GFP');
  await expect(editor.row(BLOBS)).toContainText('mouse');
  await expect(editor.row(IMAGEJ)).toContainText('Thy1-GFP');
  await expect(editor.row(BLOBS)).not.toContainText('V1');
  const undo = app.page.getByRole('button', { name: `Undo Preset “${PRESET}” (3 fields) on 2 images` });
  await expect(undo).toBeEnabled();

  await undo.click();
  await expect(editor.row(BLOBS)).toContainText('rat');
  await expect(editor.row(BLOBS)).not.toContainText('Thy1-GFP');
  await expect(editor.row(IMAGEJ)).not.toContainText('Thy1-GFP');
  await expect(editor.quickFilter('Unsaved')).toHaveText(/^Unsaved\s*0$/);
  expect(readFileSync(app.file(`${BLOBS}.json`), 'utf8')).toBe(blobs);
});

test('presets are renamed, exported, deleted and imported; a broken file is listed as broken', async ({ app }) => {
  const presetsDir = path.join(app.configDir, 'presets');
  mkdirSync(presetsDir, { recursive: true });
  writeFileSync(
    path.join(presetsDir, 'cohort-a.json'),
    JSON.stringify({ acqmeta_preset: 1, name: 'Cohort A', fields: { species: 'mouse', age: 'P30' } }),
  );
  writeFileSync(path.join(presetsDir, 'scratch.json'), '{"acqmeta_preset": 1, "name": "Half written"');
  const editor = new EditorPage(app.page);
  const bulk = new BulkPage(app.page);
  await editor.select(BLOBS);
  await bulk.presetsMenuItem('Manage presets…');
  const dialog = bulk.dialog('Presets');
  const list = dialog.getByRole('list', { name: 'Presets' });
  await expect(list.getByRole('listitem', { name: 'scratch.json' })).toContainText(
    'Not a usable preset: This is not a JSON file.',
  );
  await expect(list.getByRole('listitem', { name: 'Cohort A' })).toContainText('Species mouse · Age P30');

  await list.getByRole('listitem', { name: 'Cohort A' }).getByRole('button', { name: 'Rename…' }).click();
  await dialog.getByLabel('New name for Cohort A').fill('Cohort A, P30');
  await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
  const renamed = list.getByRole('listitem', { name: 'Cohort A, P30' });
  await expect(renamed).toBeVisible();
  expect(existsSync(path.join(presetsDir, 'cohort-a-p30.json'))).toBe(true);
  expect(existsSync(path.join(presetsDir, 'cohort-a.json'))).toBe(false);

  const [download] = await Promise.all([
    app.page.waitForEvent('download'),
    renamed.getByRole('button', { name: 'Export' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('cohort-a-p30.json');
  const exported = readFileSync(await download.path(), 'utf8');
  expect(JSON.parse(exported)).toEqual({
    acqmeta_preset: 1,
    name: 'Cohort A, P30',
    fields: { species: 'mouse', age: 'P30' },
  });

  await list.getByRole('listitem', { name: 'scratch.json' }).getByRole('button', { name: 'Delete…' }).click();
  await list.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(list.getByRole('listitem', { name: 'scratch.json' })).toBeHidden();
  await renamed.getByRole('button', { name: 'Delete…' }).click();
  await list.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(dialog).toContainText('No presets yet');

  const [chooser] = await Promise.all([
    app.page.waitForEvent('filechooser'),
    dialog.getByRole('button', { name: 'Import preset…' }).click(),
  ]);
  await chooser.setFiles({ name: 'cohort-a-p30.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(list.getByRole('listitem', { name: 'Cohort A, P30' })).toBeVisible();
  await list.getByRole('listitem', { name: 'Cohort A, P30' }).getByRole('button', { name: 'Apply' }).click();
  await expect(editor.row(BLOBS)).toContainText('mouse');
  await expect(editor.field('Age')).toHaveValue('P30');
});
