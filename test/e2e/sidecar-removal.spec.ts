/**
 * Undoing the creation of sidecars in the app (issue 45): sidecars the app created for images
 * without one are marked for removal by History's "Undo this action", listed apart in Save's
 * review, and removed by Save, every other file left as it was; one another program changed
 * before Save is kept, and the save report names it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, type AppFixture } from './support/app';
import { EditorPage } from './support/editor-page';

const LSM = 'zeiss/jimpipeline_test.lsm';
const IMAGEJ = 'cells/multi-tiff_Channel_0.tif';
const SHOTS = 'test-results/screens';

test.use({ extraFiles: { [LSM]: readFileSync(new URL(`../fixtures/tiff/${LSM}`, import.meta.url)) } });

/** Every file of the test's folder (the journal's folder left out) with the SHA-256 of its bytes. */
function folderFiles(app: AppFixture): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(app.folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const relative = path.relative(app.folder, path.join(entry.parentPath, entry.name));
    if (relative.split(path.sep).some((part) => part.startsWith('.acqmeta'))) continue;
    files[relative] = createHash('sha256')
      .update(readFileSync(path.join(app.folder, relative)))
      .digest('hex');
  }
  return files;
}

/** Creates sidecars for the two images without one, from the panel's button and the review. */
async function createTwo(page: Page): Promise<void> {
  const editor = new EditorPage(page);
  await editor.select(LSM);
  await editor.row(IMAGEJ).click({ modifiers: ['ControlOrMeta'] });
  await editor.panel().getByRole('button', { name: 'Create 2 sidecars' }).click();
  await editor.review().getByRole('button', { name: 'Save 2 files' }).click();
  await expect(editor.row(LSM)).toContainText('Saved');
  await expect(editor.row(IMAGEJ)).toContainText('Saved');
}

/** Undoes the creation from the History of the folder, after its review. */
async function undoCreation(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'History of the folder…' }).click();
  const timeline = page.getByRole('dialog', { name: 'History of the folder' });
  await timeline
    .getByRole('row')
    .filter({ hasText: 'Create 2 sidecars' })
    .getByRole('button', { name: 'Undo this action' })
    .click();
  const review = page.getByRole('dialog', { name: 'Undo “Create 2 sidecars”' });
  await expect(review).toContainText(
    `Save removes these 2, each only while it still holds what AcqMeta wrote: ${IMAGEJ}.json, ${LSM}.json.`,
  );
  await page.screenshot({ path: `${SHOTS}/light-restore-review-remove.png` });
  await review.getByRole('button', { name: 'Undo this action' }).click();
  await expect(review).toBeHidden();
}

test('undoing the creation of sidecars removes them on Save, and nothing else', async ({ app }) => {
  const editor = new EditorPage(app.page);
  const before = folderFiles(app);
  await createTwo(app.page);
  const created = readFileSync(app.file(`${LSM}.json`));
  await undoCreation(app.page);
  await expect(editor.row(LSM)).toContainText('Will be removed');
  await expect(editor.row(IMAGEJ)).toContainText('Will be removed');
  await expect(app.page.getByRole('button', { name: 'Undo Undo of “Create 2 sidecars” on 2 images' })).toBeEnabled();
  await expect(app.page.getByText('2 images with unsaved changes')).toBeVisible();
  await expect(editor.panel()).toContainText('2 selected images whose sidecar Save will remove (Undo keeps it)');

  await editor.save();
  const review = editor.review();
  await expect(review).toHaveAccessibleName('Save 2 files?');
  await expect(review).toContainText('2 sidecars will be removed.');
  await expect(review).toContainText(`Remove 2 sidecars AcqMeta created: ${IMAGEJ}.json, ${LSM}.json`);
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await app.page.screenshot({ path: `${SHOTS}/light-review-remove-created.png` });
  await review.getByRole('button', { name: 'Save 2 files' }).click();
  await expect(editor.row(LSM)).toContainText('None');
  await expect(editor.row(IMAGEJ)).toContainText('None');
  expect(folderFiles(app)).toEqual(before);
  // the removal is journaled, under the undo step's name
  await app.page.getByRole('button', { name: 'History of the folder…' }).click();
  const timeline = app.page.getByRole('dialog', { name: 'History of the folder' });
  await expect(timeline.getByRole('row').filter({ hasText: 'Undo of “Create 2 sidecars”' })).toHaveCount(1);
  await app.page.screenshot({ path: `${SHOTS}/light-timeline-removed.png` });

  // the app's Undo says it does not write the removed files back
  await timeline.getByRole('button', { name: 'Close' }).click();
  await app.page.getByRole('button', { name: 'Undo Undo of “Create 2 sidecars” on 2 images' }).click();
  await expect(app.page.getByText(/Not brought back: /)).toContainText(
    `Not brought back: ${IMAGEJ}.json, ${LSM}.json (removed by Save; Undo does not write a removed file back: Rebuild from the journal, in the image’s History, writes it anew).`,
  );
  expect(folderFiles(app)).toEqual(before);
  // what the notice points to writes the removed sidecar back as it was
  await editor.select(LSM);
  await (await editor.history()).getByRole('button', { name: 'Rebuild from the journal…' }).click();
  await app.page
    .getByRole('dialog', { name: /^Rebuild / })
    .getByRole('button', { name: /^Write / })
    .click();
  await expect(editor.row(LSM)).toContainText('Saved');
  expect(readFileSync(app.file(`${LSM}.json`))).toEqual(created);
});

test('a created sidecar another program changed before Save is kept, and the report says why', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await createTwo(app.page);
  await undoCreation(app.page);
  await expect(editor.row(LSM)).toContainText('Will be removed');
  await editor.select(LSM);
  await expect(editor.panel()).toContainText('Save removes jimpipeline_test.lsm.json, undoing its creation');
  await expect(editor.field('Species')).not.toBeEditable();
  await app.page.screenshot({ path: `${SHOTS}/light-panel-will-be-removed.png` });
  const file = app.file(`${LSM}.json`);
  const theirs = readFileSync(file, 'utf8').replace('"species": ""', '"species": "vole"');
  writeFileSync(file, theirs);

  await editor.save();
  await editor.review().getByRole('button', { name: 'Save 2 files' }).click();
  const report = app.page.getByRole('dialog', { name: '1 file could not be saved' });
  await expect(report).toContainText(LSM);
  await expect(report).toContainText('is not the file AcqMeta wrote (changed since by another program): not removed');
  expect(readFileSync(file, 'utf8')).toBe(theirs);
  await expect(editor.row(IMAGEJ)).toContainText('None');
});
