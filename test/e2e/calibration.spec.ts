/**
 * The calibration an image file declares: offered with the value it writes (rounded on the
 * button, exact on hover and on disk), taken by a new sidecar, and a print resolution in dots
 * per inch named as such instead of being offered as micrometres.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './support/app';
import {
  calibrationImageFiles,
  IMAGEJ_IMAGE,
  IMAGEJ_NO_SIDECAR,
  IMAGEJ_PIXEL_SIZE,
  PHOTO_IMAGE,
} from './support/calibration-images';
import { EditorPage } from './support/editor-page';

test.use({ extraFiles: calibrationImageFiles() });

test('the offer shows the value it writes, rounded, with the exact value on hover, and writes it exactly', async ({
  app,
}) => {
  const editor = new EditorPage(app.page);
  await editor.select(IMAGEJ_IMAGE);
  const panel = editor.panel();
  await expect(
    panel.getByText('The file declares ≈ 0.3 × 0.3 um per pixel (ImageJ metadata); the sidecar has 1.0 × 1.0 Pixels.'),
  ).toBeVisible();
  const offer = panel.getByRole('button', { name: 'Use ≈ 0.3 × 0.3 um' });
  await expect(offer).toHaveAttribute(
    'title',
    `Writes Pixel size X ${IMAGEJ_PIXEL_SIZE}, Pixel size Y ${IMAGEJ_PIXEL_SIZE}, and “um” as both units.`,
  );
  await offer.click();
  await expect(offer).toBeHidden();
  await editor.save();
  await expect(editor.row(IMAGEJ_IMAGE)).not.toContainText(/unsaved/i);
  const sidecar = readFileSync(app.file(`${IMAGEJ_IMAGE}.json`), 'utf8');
  expect(sidecar).toContain(
    `\n    "physical_unit_x": ${IMAGEJ_PIXEL_SIZE},\n    "physical_unit_y": ${IMAGEJ_PIXEL_SIZE},\n`,
  );
});

test('an image without a sidecar says that a new sidecar takes the file’s calibration', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await editor.select(IMAGEJ_NO_SIDECAR);
  const panel = editor.panel();
  await expect(
    panel.getByText(
      'No sidecar yet: saving creates one with the file’s calibration, ≈ 0.3 × 0.3 um per pixel (ImageJ metadata).',
    ),
  ).toBeVisible();
  await expect(panel.getByText(/sidecar has/)).toHaveCount(0);
  // Shown rounded at rest; the exact value on hover and while the field has the focus.
  const sizeX = editor.field('Pixel size X');
  await expect(sizeX).toHaveValue('0.3');
  await expect(sizeX).toHaveAttribute('title', new RegExp(`Exactly ${IMAGEJ_PIXEL_SIZE} \\(shown rounded\\)$`));
  await sizeX.focus();
  await expect(sizeX).toHaveValue(IMAGEJ_PIXEL_SIZE);
  await expect(editor.field('Pixel size unit Y')).toHaveValue('um');
  await editor.type('Species', 'rat');
  await editor.save();
  await expect(editor.row(IMAGEJ_NO_SIDECAR)).not.toContainText(/unsaved|none/i);
  expect(readFileSync(app.file(`${IMAGEJ_NO_SIDECAR}.json`), 'utf8')).toContain(
    `\n    "physical_unit_x": ${IMAGEJ_PIXEL_SIZE},\n`,
  );
});

test('a 300-dpi print resolution is named as such, not flagged, and offered as micrometres only when asked for', async ({
  app,
}) => {
  const editor = new EditorPage(app.page);
  await expect(editor.row(PHOTO_IMAGE).locator('.row-error-mark')).toHaveCount(0);
  await editor.select(PHOTO_IMAGE);
  const panel = editor.panel();
  await expect(
    panel.getByText(
      /The file states a print resolution of 300 dpi \(TIFF resolution tags in dots per inch\)\. That is not a microscope calibration/,
    ),
  ).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Use ≈ 84.67 × 84.67 um anyway' })).toBeVisible();

  await editor.row(IMAGEJ_IMAGE).click({ modifiers: ['ControlOrMeta'] });
  await expect(panel.getByRole('heading', { name: 'Editing 2 images' })).toBeVisible();
  await expect(
    panel.getByText(
      '1 more image states only a print resolution in dots per inch, which is not a microscope calibration: left as it is.',
    ),
  ).toBeVisible();
  await panel.getByRole('button', { name: 'Use ≈ 0.3 × 0.3 um (1 image)' }).click();
  await expect(editor.field('Pixel size X')).toHaveAttribute('placeholder', '(multiple values)');
  await editor.save();
  await expect(editor.row(IMAGEJ_IMAGE)).not.toContainText(/unsaved/i);
  expect(readFileSync(app.file(`${PHOTO_IMAGE}.json`), 'utf8')).toContain('\n    "physical_unit_x": 1.0,\n');
  expect(readFileSync(app.file(`${IMAGEJ_IMAGE}.json`), 'utf8')).toContain(
    `\n    "physical_unit_x": ${IMAGEJ_PIXEL_SIZE},\n`,
  );
});
