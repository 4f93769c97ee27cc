/**
 * Undo and redo over the one history, across saves: a saved bulk edit taken back gives every
 * file its own previous value and an untouched CloudScope file its original bytes.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';

const OME = 'cells/multi-channel.ome.tif';
const IMAGEJ = 'cells/multi-tiff_Channel_0.tif';
const BLOBS = 'stacks/_blobs_3d_fiji_skeleton.tif';

test('a saved bulk edit is undone from the table, saved again, and every file gets its own value back', async ({
  app,
}) => {
  const editor = new EditorPage(app.page);
  const original = {
    ome: readFileSync(app.file(`${OME}.json`), 'utf8'),
    blobs: readFileSync(app.file(`${BLOBS}.json`), 'utf8'),
  };
  await editor.select(OME);
  await editor.row(IMAGEJ).click({ modifiers: ['ControlOrMeta'] });
  await editor.row(BLOBS).click({ modifiers: ['ControlOrMeta'] });
  await expect(editor.panel().getByRole('heading', { name: 'Editing 3 images' })).toBeVisible();
  await editor.type('Species', 'zebrafish');

  await editor.save();
  const review = editor.review();
  await expect(review).toHaveAccessibleName('Save 3 files?');
  await expect(review).toContainText('2 sidecars will be updated, 1 sidecar will be created.');
  const species = review.getByRole('row').filter({ hasText: 'zebrafish' });
  await expect(species).toHaveCount(3);
  for (const change of [/mouse → zebrafish\s*1$/, /rat → zebrafish\s*1$/, /\(empty\) → zebrafish\s*1$/]) {
    await expect(species.filter({ hasText: change })).toHaveCount(1);
  }
  await review.getByRole('button', { name: 'Save 3 files' }).click();
  await expect(app.page.getByText('All changes saved')).toBeVisible();
  expect(readFileSync(app.file(`${IMAGEJ}.json`), 'utf8')).toContain('"species": "zebrafish"');

  await editor.grid.focus();
  const undo = app.page.getByRole('button', { name: 'Undo Species on 3 images' });
  await expect(undo).toBeEnabled();
  await app.page.keyboard.press('ControlOrMeta+z');
  await expect(app.page.getByRole('button', { name: 'Redo Species on 3 images' })).toBeEnabled();
  await expect(editor.row(OME)).toContainText(/unsaved/i);
  await expect(editor.row(BLOBS)).toContainText('rat');
  await editor.saveReviewed(3);
  expect(readFileSync(app.file(`${OME}.json`), 'utf8')).toBe(original.ome);
  expect(readFileSync(app.file(`${BLOBS}.json`), 'utf8')).toBe(original.blobs);
  expect(readFileSync(app.file(`${IMAGEJ}.json`), 'utf8')).toContain('\n    "species": "",\n');

  await editor.grid.focus();
  await app.page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(editor.row(BLOBS)).toContainText('zebrafish');
  await expect(editor.row(BLOBS)).toContainText(/unsaved/i);
});

test('Ctrl+Z in a text field undoes its text, not the app history', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await editor.select(BLOBS);
  await editor.type('Region', 'CA1');
  await editor.field('Region').blur();
  await editor.type('Cell type', 'pericyte');
  await app.page.keyboard.press('ControlOrMeta+z');
  await expect(editor.field('Region')).toHaveValue('CA1');
  await editor.grid.focus();
  await app.page.keyboard.press('ControlOrMeta+z');
  await app.page.keyboard.press('ControlOrMeta+z');
  await expect(editor.field('Region')).toHaveValue('');
  await expect(editor.field('Cell type')).toHaveValue('');
});

test('the accepted flag: a column, a checkbox for the selection, written as CloudScope writes it', async ({ app }) => {
  const editor = new EditorPage(app.page);
  const before = readFileSync(app.file(`${OME}.json`), 'utf8');
  await expect(editor.row(BLOBS)).toContainText('Rejected');
  await expect(editor.row(OME)).not.toContainText('Rejected');
  await editor.select(OME);
  const accepted = editor.panel().getByRole('checkbox', { name: 'Accepted' });
  await expect(accepted).toBeChecked();
  await accepted.uncheck();
  await expect(editor.row(OME)).toContainText('Rejected');
  await editor.save();
  await expect(editor.row(OME)).not.toContainText(/unsaved/i);
  expect(readFileSync(app.file(`${OME}.json`), 'utf8')).toBe(before.replace('"accepted": true,', '"accepted": false,'));

  await editor.row(BLOBS).click({ modifiers: ['ControlOrMeta'] });
  await editor.row(IMAGEJ).click({ modifiers: ['ControlOrMeta'] });
  await expect(editor.panel().getByRole('checkbox', { name: 'Accepted' })).toHaveJSProperty('indeterminate', true);
  await editor.panel().getByRole('checkbox', { name: 'Accepted' }).click();
  await expect(editor.panel().getByRole('checkbox', { name: 'Accepted' })).toBeChecked();
  // The image without a sidecar is accepted already (a new sidecar says true): two files change.
  await editor.saveReviewed(2);
  expect(readFileSync(app.file(`${OME}.json`), 'utf8')).toBe(before);
  expect(readFileSync(app.file(`${BLOBS}.json`), 'utf8')).toContain('  "accepted": true,\n');
});

test.describe('an older CloudScope file without "age"', () => {
  const legacy = readFileSync(new URL('../fixtures/sidecars/old-is-dirty.tif.json', import.meta.url), 'utf8');
  test.use({ extraFiles: { [`${IMAGEJ}.json`]: legacy } });

  test('setting Age, saving, undoing and saving again gives the file its own bytes back', async ({ app }) => {
    const editor = new EditorPage(app.page);
    await editor.select(IMAGEJ);
    await editor.type('Age', 'P30');
    await editor.save();
    await expect(editor.row(IMAGEJ)).not.toContainText(/unsaved/i);
    expect(readFileSync(app.file(`${IMAGEJ}.json`), 'utf8')).toContain('"age": "P30",');
    await editor.grid.focus();
    await app.page.keyboard.press('ControlOrMeta+z');
    await expect(editor.row(IMAGEJ)).toContainText(/unsaved/i);
    await editor.save();
    await expect(editor.row(IMAGEJ)).not.toContainText(/unsaved/i);
    expect(readFileSync(app.file(`${IMAGEJ}.json`), 'utf8')).toBe(legacy);
  });
});
