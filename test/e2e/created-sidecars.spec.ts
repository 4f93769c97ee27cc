/**
 * Creating sidecars: the review lists every value a new sidecar gets, not only the fields typed
 * (Accepted, the header read from the image, the calibration the file declares), and the files
 * written hold exactly those values.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';

const LSM = 'zeiss/jimpipeline_test.lsm';
const IMAGEJ = 'cells/multi-tiff_Channel_0.tif';
const SHOTS = 'test-results/screens';

test.use({ extraFiles: { [LSM]: readFileSync(new URL(`../fixtures/tiff/${LSM}`, import.meta.url)) } });

test('the review lists every value the created sidecars get, and the files hold them', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await editor.select(LSM);
  await app.page.keyboard.down('ControlOrMeta');
  await editor.row(IMAGEJ).click();
  await app.page.keyboard.up('ControlOrMeta');
  await editor.type('Species', 'rat');
  await editor.save();
  const review = editor.review();
  await expect(review).toHaveAccessibleName('Save 2 files?');
  await expect(review).toContainText('2 sidecars will be created.');
  const created = review.getByRole('table', { name: 'The 2 new sidecars will also hold' });
  const rows = created.getByRole('row');
  await expect(rows.filter({ hasText: /^Accepted/ })).toHaveText([/^Accepted yes \(accepted\)\s*2$/]);
  await expect(rows.filter({ hasText: /^Calibration/ })).toHaveText([
    /^Calibration 0\.6918881841365326 × 0\.6918881841365326 um per pixel\s*1$/,
    /^Calibration 1\.0 × 1\.0 Pixels \(not calibrated\)\s*1$/,
  ]);
  await expect(rows.filter({ hasText: /^Header/ }).first()).toHaveText(
    /^Header Shape \(512, 512\) · Dims \('Y', 'X'\) · Sizes \{'Y': 512, 'X': 512\} · DType uint16 · Channels 1 · Scenes 2 · Date \(empty\) · Time \(empty\)\s*1$/,
  );
  await expect(created).toContainText('Every other experiment field empty');
  // what is typed is listed with the changes, not again here
  await expect(created).not.toContainText('Species');

  await app.page.setViewportSize({ width: 1024, height: 700 });
  for (const scheme of ['light', 'dark'] as const) {
    await app.page.emulateMedia({ colorScheme: scheme });
    await app.page.screenshot({ path: `${SHOTS}/${scheme}-review-created.png` });
  }
  await review.getByRole('button', { name: 'Save 2 files' }).click();
  await expect(editor.row(LSM)).toContainText('Saved');
  const written = JSON.parse(readFileSync(app.file(`${LSM}.json`), 'utf8')) as {
    accepted: boolean;
    image_header_metadata: Record<string, unknown>;
  };
  expect(written.accepted).toBe(true);
  expect(written.image_header_metadata).toMatchObject({
    physical_unit_x: 0.6918881841365326,
    physical_unit_y: 0.6918881841365326,
    physical_label_x: 'um',
    shape: '(512, 512)',
    dtype: 'uint16',
  });
});

test('creating sidecars with nothing typed: the review says what they will hold, no empty changes', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await editor.select(LSM);
  await editor.row(IMAGEJ).click({ modifiers: ['ControlOrMeta'] });
  await editor.panel().getByRole('button', { name: 'Create 2 sidecars' }).click();
  const review = editor.review();
  await expect(review).toHaveAccessibleName('Save 2 files?');
  await expect(review).toContainText('2 sidecars will be created.');
  await expect(review.getByRole('table')).toHaveCount(1);
  await expect(review.getByRole('table', { name: 'The 2 new sidecars will hold' })).toContainText('Accepted yes');
  await app.page.screenshot({ path: `${SHOTS}/light-review-create-only.png` });
});
