/**
 * The editor panel of one image: what the microscopist sees of the image (preview, header,
 * tags, description) and the one-click calibration the file itself declares.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './support/app';
import { CALIBRATED_IMAGE, calibratedImageFiles } from './support/calibrated-image';
import { EditorPage } from './support/editor-page';

const OME = 'cells/multi-channel.ome.tif';
const BLOBS = 'stacks/_blobs_3d_fiji_skeleton.tif';

/** The lines of `after` that differ from `before` (same line count). */
function changedLines(before: string, after: string): string[] {
  const old = before.split('\n');
  return after.split('\n').filter((line, i) => line !== old[i]);
}

test('the preview shows the first plane and the channel slider shows another', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await editor.select(OME);
  await expect(editor.preview()).toHaveAccessibleName('Preview, 439 × 167 pixels');
  const first = await editor.previewPixels();
  const channel = editor.panel().getByRole('slider', { name: 'Channel' });
  await expect(channel).toHaveAttribute('max', '2');
  await channel.focus();
  await app.page.keyboard.press('ArrowRight');
  await expect(editor.panel().getByText('2 / 3')).toBeVisible();
  await expect(editor.preview()).not.toHaveClass(/is-stale/);
  await expect.poll(() => editor.previewPixels()).not.toBe(first);
});

test('the header lists every tag and pretty-prints OME-XML and ImageJ descriptions', async ({ app }) => {
  const editor = new EditorPage(app.page);
  const panel = editor.panel();
  await editor.select(OME);
  await expect(panel.getByText('C 3 × Y 167 × X 439', { exact: true })).toBeVisible();
  await panel.getByText('All tags').click();
  await expect(panel.getByRole('row', { name: /^ImageWidth/ })).toContainText('439');
  await expect(panel.getByRole('row', { name: /^Compression/ })).toContainText('8 (ADOBE_DEFLATE)');
  await expect(panel.getByRole('row', { name: /^StripOffsets/ })).toContainText('LONG × 2');

  await panel.getByText('Image description').click();
  const xml = panel.locator('pre');
  // One element or attribute per line, each indented under its parent.
  const lines = (await xml.innerText()).split('\n');
  expect(lines).toContain('  <Image ID="Image:0" Name="multi-channel.ome.tif">');
  expect(lines).toContain('    <Pixels');
  expect(lines).toContain('        DimensionOrder="XYZCT"');

  await editor.select(BLOBS);
  await panel.getByText('Image description').click();
  await expect(panel.getByRole('row', { name: /^slices/ })).toContainText('30');
  await expect(panel.getByRole('row', { name: /^ImageJ/ })).toContainText('1.53c');
});

test.describe('an image that declares its own pixel size', () => {
  test.use({ extraFiles: calibratedImageFiles() });

  test('one click adopts the file’s calibration and saving writes it to the sidecar', async ({ app }) => {
    const editor = new EditorPage(app.page);
    const sidecar = app.file(`${CALIBRATED_IMAGE}.json`);
    const before = readFileSync(sidecar, 'utf8');
    await editor.select(CALIBRATED_IMAGE);
    await expect(
      editor
        .panel()
        .getByText('The file declares 0.5 × 0.5 um per pixel (ImageJ metadata); the sidecar has 1.0 × 1.0 Pixels.'),
    ).toBeVisible();
    const offer = editor.panel().getByRole('button', { name: 'Use 0.5 × 0.5 um' });
    await offer.click();
    await expect(offer).toBeHidden();
    await expect(editor.field('Pixel size X')).toHaveValue('0.5');
    await expect(editor.field('Pixel size unit Y')).toHaveValue('um');
    await expect(editor.row(CALIBRATED_IMAGE)).toContainText(/unsaved/i);
    await editor.save();
    await expect(editor.row(CALIBRATED_IMAGE)).toContainText('Saved');
    await expect(editor.row(CALIBRATED_IMAGE)).not.toContainText(/unsaved/i);
    expect(changedLines(before, readFileSync(sidecar, 'utf8'))).toEqual([
      '    "physical_label_x": "um",',
      '    "physical_label_y": "um",',
      '    "physical_unit_x": 0.5,',
      '    "physical_unit_y": 0.5,',
    ]);
  });
});

test('the header shows the acquisition date year first, as the panel shows every date, the stored text on hover', async ({
  app,
}) => {
  const editor = new EditorPage(app.page);
  await editor.select('stacks/stuck.tif');
  const date = editor.panel().getByText('2015-01-18 15:33:49', { exact: true });
  await expect(date).toBeVisible();
  await expect(date).toHaveAttribute('title', 'Stored as date "20150118", time "15:33:49"');
});

test('calibration is a small X/Y grid of size and unit, X first, with the spec’s names as labels', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await editor.select(BLOBS);
  const calibration = editor.panel().getByRole('region', { name: 'Calibration' });
  await expect(calibration.getByText('Pixel size', { exact: true })).toBeVisible();
  await expect(calibration.getByText(/How big one pixel is along X/)).toBeVisible();
  // Runs in the page; typed structurally because the Node-side project has no DOM types.
  type Labelled = { labels: ArrayLike<{ textContent: string | null }> | null };
  const order = await calibration
    .getByRole('textbox')
    .or(calibration.getByRole('combobox'))
    .evaluateAll((inputs) => (inputs as unknown as Labelled[]).map((input) => input.labels?.[0]?.textContent ?? ''));
  expect(order).toEqual(['Pixel size X', 'Pixel size unit X', 'Pixel size Y', 'Pixel size unit Y']);
  const sizeX = editor.field('Pixel size X');
  const unitX = editor.field('Pixel size unit X');
  // Size and unit on one row, measured until the panel has settled (sections above it grow as the image's details arrive).
  await expect
    .poll(async () => Math.abs((await sizeX.boundingBox())!.y - (await unitX.boundingBox())!.y))
    .toBeLessThan(2);
  const [sizeBox, unitBox] = [await sizeX.boundingBox(), await unitX.boundingBox()];
  expect(unitBox!.x).toBeGreaterThan(sizeBox!.x);
});
