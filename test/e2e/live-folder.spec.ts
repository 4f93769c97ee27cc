/**
 * The open folder is live: what other programs do to it shows in the table and the editor,
 * and never overwrites or loses what the user has not saved yet.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, type AppFixture } from './support/app';
import { EditorPage } from './support/editor-page';

const BLOBS = 'stacks/_blobs_3d_fiji_skeleton.tif';
const IMAGEJ = 'cells/multi-tiff_Channel_0.tif';

/** The editor page, once the app watches the folder (changes made earlier would be read by the scan, not seen). */
async function watching(app: AppFixture): Promise<EditorPage> {
  await expect(app.page.getByText('Watching for changes')).toBeVisible();
  return new EditorPage(app.page);
}

/** Another program sets the species in the blobs sidecar; returns what it wrote. */
function theirSpecies(app: AppFixture, species: string): string {
  const sidecar = app.file(`${BLOBS}.json`);
  const theirs = readFileSync(sidecar, 'utf8').replace(/"species": "[^"]*"/, `"species": "${species}"`);
  writeFileSync(sidecar, theirs);
  return theirs;
}

test('a sidecar another program changes shows its new values', async ({ app }) => {
  const editor = await watching(app);
  await editor.select(BLOBS);
  await expect(editor.field('Species')).toHaveValue('rat');
  theirSpecies(app, 'mouse');
  await expect(editor.field('Species')).toHaveValue('mouse');
  await expect(editor.row(BLOBS)).toContainText('Saved');
});

test('a new image appears and a deleted image disappears', async ({ app }) => {
  const editor = await watching(app);
  copyFileSync(app.file(IMAGEJ), app.file('cells/new-image.tif'));
  await expect(editor.row('cells/new-image.tif')).toBeVisible();
  await expect(editor.row('cells/new-image.tif')).toContainText('None');

  await editor.select(IMAGEJ);
  rmSync(app.file(IMAGEJ));
  await expect(editor.row(IMAGEJ)).toHaveCount(0);
  await expect(editor.panel()).toContainText('No image selected');
});

test('a session folder moved in shows its images, and one written later into its subfolder appears', async ({
  app,
}) => {
  const editor = await watching(app);
  const acquired = mkdtempSync(path.join(os.tmpdir(), 'acqmeta-e2e-acquired-'));
  try {
    mkdirSync(path.join(acquired, 'session-12', 'cell-1'), { recursive: true });
    copyFileSync(app.file(IMAGEJ), path.join(acquired, 'session-12', 'cell-1', 'a.tif'));
    renameSync(path.join(acquired, 'session-12'), app.file('session-12'));
    await expect(editor.row('session-12/cell-1/a.tif')).toBeVisible();
    copyFileSync(app.file(IMAGEJ), app.file('session-12/cell-1/b.tif'));
    await expect(editor.row('session-12/cell-1/b.tif')).toBeVisible();
  } finally {
    rmSync(acquired, { recursive: true, force: true });
  }
});

test('an outside change meeting an unsaved edit marks the row, and the save offers the conflict choice', async ({
  app,
}) => {
  const editor = await watching(app);
  await editor.select(BLOBS);
  await editor.type('Genotype', 'WT');
  const theirs = theirSpecies(app, 'mouse');

  await expect(editor.row(BLOBS)).toContainText('Changed on disk');
  await expect(
    editor.panel().getByText('Another program changed this sidecar while you were editing it'),
  ).toBeVisible();
  // The editor keeps the version the user started from, and what they typed.
  await expect(editor.field('Species')).toHaveValue('rat');
  await expect(editor.field('Genotype')).toHaveValue('WT');
  expect(readFileSync(app.file(`${BLOBS}.json`), 'utf8')).toBe(theirs);
  await editor.panel().getByText('Changed on disk', { exact: true }).last().scrollIntoViewIfNeeded();
  for (const scheme of ['light', 'dark'] as const) {
    await app.page.emulateMedia({ colorScheme: scheme });
    await app.page.screenshot({ path: `test-results/screens/${scheme}-changed-on-disk.png` });
  }

  await editor.save();
  const dialog = app.page.getByRole('dialog');
  for (const choice of ['Reload theirs', 'Overwrite with mine', 'Cancel'])
    await expect(dialog.getByRole('button', { name: choice })).toBeVisible();
  await dialog.getByRole('button', { name: 'Reload theirs' }).click();
  await expect(editor.field('Species')).toHaveValue('mouse');
  await expect(editor.field('Genotype')).toHaveValue('');
  await expect(editor.row(BLOBS)).not.toContainText('Changed on disk');
  expect(readFileSync(app.file(`${BLOBS}.json`), 'utf8')).toBe(theirs);
});

test('an image deleted on disk while it has unsaved edits says so and keeps them until discarded', async ({ app }) => {
  const editor = await watching(app);
  await editor.select(BLOBS);
  await editor.type('Genotype', 'WT');
  rmSync(app.file(BLOBS));

  await expect(editor.row(BLOBS)).toContainText('Deleted on disk');
  await expect(editor.panel().getByText('deleted or moved by another program')).toBeVisible();
  await expect(editor.field('Genotype')).toHaveValue('WT');
  await editor.panel().getByRole('button', { name: 'Discard my edits' }).click();
  await expect(editor.row(BLOBS)).toHaveCount(0);
});
