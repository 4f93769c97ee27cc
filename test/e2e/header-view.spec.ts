/**
 * The header and calibration as people read them: dimensions as `Y 12 × X 16` (the sidecar's
 * Python text on hover), a long pixel size rounded at rest and exact on hover and in focus, and
 * the Completeness button keeping its name with the profile's after it. Screenshots of both at
 * two window sizes are kept in test-results/screens/.
 */
import { test, expect } from './support/app';
import { CALIBRATED_IMAGE, calibratedImageFiles } from './support/calibrated-image';
import { EditorPage } from './support/editor-page';
import { ProfilePage, vascularProfile } from './support/profile-page';

const SHOTS = 'test-results/screens';
const LONG_SIZE = '1.0833333333333333';

/** The calibrated image, its sidecar holding a pixel size with all the digits of a division. */
function imageWithLongPixelSize(): Record<string, string | Uint8Array> {
  const files = calibratedImageFiles();
  const sidecar = files[`${CALIBRATED_IMAGE}.json`] as string;
  return {
    ...files,
    [`${CALIBRATED_IMAGE}.json`]: sidecar.replace('"physical_unit_x": 1.0,', `"physical_unit_x": ${LONG_SIZE},`),
  };
}

test.use({ extraFiles: { ...vascularProfile(), ...imageWithLongPixelSize() } });

test('the header shows dimensions for people, with the stored text on hover', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await editor.select('cells/multi-channel.ome.tif');
  const body = editor.panel().locator('#header-body');
  const dimensions = body.locator('.kv', { hasText: 'Dimensions' }).locator('dd');
  await expect(dimensions).toHaveText('C 3 × Y 167 × X 439');
  await expect(dimensions).toHaveAttribute(
    'title',
    `Stored as shape "(3, 167, 439)", dims "('C', 'Y', 'X')", sizes "{'C': 3, 'Y': 167, 'X': 439}"`,
  );
  // No Python reprs on the screen: no Shape, Dims or Sizes lines.
  await expect(body.locator('dt', { hasText: /^(Shape|Dims|Sizes)$/ })).toHaveCount(0);
  await editor.panel().locator('#section-header').click();
  await expect(editor.panel().locator('#section-header .section-summary')).toHaveText('int8 · C 3 × Y 167 × X 439');
});

test('a long pixel size is rounded at rest, exact on hover and while editing, and saved as stored', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await editor.select(CALIBRATED_IMAGE);
  const sizeX = editor.field('Pixel size X');
  await expect(sizeX).toHaveValue('1.08333');
  await expect(editor.panel().getByText(/the sidecar has 1\.08333 × 1\.0 Pixels\.$/)).toBeVisible();
  await expect(sizeX).toHaveAttribute('title', new RegExp(`Exactly ${LONG_SIZE} \\(shown rounded\\)$`));
  await sizeX.focus();
  await expect(sizeX).toHaveValue(LONG_SIZE);
  await sizeX.blur();
  await expect(sizeX).toHaveValue('1.08333');
  await expect(editor.row(CALIBRATED_IMAGE)).not.toContainText(/unsaved/i);
});

for (const viewport of [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
]) {
  test(`screenshots of the header and the Completeness button at ${viewport.width}×${viewport.height}`, async ({
    app,
  }) => {
    await app.page.setViewportSize(viewport);
    await app.page.emulateMedia({ colorScheme: 'light' });
    const editor = new EditorPage(app.page);
    const profile = new ProfilePage(app.page);
    await expect(profile.button).toHaveText(/^Completeness\s*Vascular imaging lab$/);
    await editor.select(CALIBRATED_IMAGE);
    await expect(editor.field('Pixel size X')).toHaveValue('1.08333');
    await editor.panel().locator('#header-body').scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: `${SHOTS}/header-view-${viewport.width}.png` });
    await editor.field('Pixel size X').scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: `${SHOTS}/calibration-${viewport.width}.png` });
  });
}
