/**
 * Screenshots of what the microscope recorded, in the light theme, clipped to what they show
 * (test-results/screens/acquisition-section-light.png, channel-table-light.png; the copies the
 * README shows are in docs/screens/): the Acquisition section of one image with each value's
 * source, and the channel table drafted from the images, with a problem to fix. The images are
 * a real Nikon ND2 file (two copies): no OME-TIFF among the fixtures records an instrument, an
 * objective and channels. The assertions check each screen shows its state.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';
import { box, expectLines, fold, widestPanel } from './support/screen-shots';

const SHOTS = 'test-results/screens';
const ND2 = readFileSync(new URL('../fixtures/formats/nd2/pims_nd2_cluster.nd2', import.meta.url));
const IMAGES = ['raw/run-a.nd2', 'raw/run-b.nd2'];

test.use({ extraFiles: Object.fromEntries(IMAGES.map((name) => [name, ND2])) });

test('the Acquisition section of an ND2 file, with where each value was read', async ({ app }) => {
  const page = app.page;
  const editor = new EditorPage(page);
  await page.emulateMedia({ colorScheme: 'light' });
  // tall enough for the panel's top and the whole section at once
  await page.setViewportSize({ width: 1440, height: 1200 });
  await editor.select(IMAGES[0]!);
  // the widest panel, so that most sources fit on one line
  await widestPanel(page);
  // the section right under the image's name: the preview and the header folded
  await fold(page, 'Preview');
  await fold(page, 'Header');
  await expect(editor.panel().getByRole('button', { name: /^Header/ })).toContainText('T 3 × Z 10 × C 2');

  const section = page.getByRole('region', { name: 'Acquisition' });
  await expect(page.getByRole('button', { name: /^Acquisition/ })).toHaveAttribute('aria-expanded', 'true');
  await expect(section.locator('.acquisition-summary')).toHaveText(
    'Plan Apo λ 60x (NA 0.95) · 2 channels: 5-FAM/pH 9.0 488/525, FM 4-64/2% CHAPS 561/700 · 0.168 µm/px · z 0.5 µm',
  );
  await expectLines(section, [
    ['Instrument', 'Nikon Ti'],
    ['Objective', 'Plan Apo λ 60x (NA 0.95)'],
    ['Channel 1', '5-FAM/pH 9.0 488/525 · exposure 997 ms'],
    ['Channel 2', 'FM 4-64/2% CHAPS 561/700'],
    ['Pixel size', 'X 0.1678 µm · Y 0.1678 µm · Z 0.5 µm'],
    ['Software', 'NIS-Elements AR 4.20.01 (Build 982)'],
  ]);
  await section.getByText('Where each value was read').click();
  await expect(section.getByText('Where each value was read (ND2)')).toBeVisible();
  // the one flavour is named in the heading, not again on each line
  const objective = section.getByRole('row', { name: /^Objective/ });
  await expect(objective).toContainText('SLxPictureMetadata/dObjectiveNA');
  await expect(objective).not.toContainText('ND2 SLx');
  await expect(section.getByRole('row', { name: /^Pixel size/ })).toContainText('SLxExperiment ZStackLoop/dZStep');

  // from the image's name to the end of the section, all on screen
  const panel = await box(editor.panel());
  const end = await box(section);
  const viewport = page.viewportSize()!;
  const bottom = end.y + end.height + 4;
  expect(bottom).toBeLessThanOrEqual(viewport.height);
  await expect(editor.panel().getByRole('heading', { name: 'run-a.nd2' })).toBeInViewport();
  await page.screenshot({
    path: `${SHOTS}/acquisition-section-light.png`,
    clip: { x: panel.x, y: panel.y, width: panel.width, height: bottom - panel.y },
  });
});

test('the channel table drafted from the images, being completed, in the light theme', async ({ app }) => {
  const page = app.page;
  await page.emulateMedia({ colorScheme: 'light' });
  // a dialog narrow enough to read in the README, still showing the Fluorophore column whole
  await page.setViewportSize({ width: 1180, height: 700 });
  await new EditorPage(page).select(IMAGES[0]!);
  await page.getByRole('button', { name: 'Spreadsheet' }).click();
  await page.getByRole('menu', { name: 'Spreadsheet' }).getByRole('menuitem', { name: 'Channel table…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Channel table of raw' });
  await expect(dialog).toContainText('Drafted from the headers of 2 images: complete it.');
  await expect(dialog.getByLabel('Channel Name, channel 1')).toHaveValue('5-FAM/pH 9.0');
  await expect(dialog.getByLabel('Channel Name, channel 2')).toHaveValue('FM 4-64/2% CHAPS');
  await dialog.getByLabel('Fluorophore, channel 1').fill('5-FAM');
  await dialog.getByLabel('Target Name, channel 2').fill('membranes');
  await dialog.getByLabel('Fluorophore, channel 2').fill('FM 4-64');
  // an RRID typed without its prefix: checked as typed, Save waits
  const rrid = dialog.getByLabel('RRID identifier, channel 1');
  await rrid.fill('AB_2336915');
  await expect(dialog.getByRole('list', { name: 'Problems' })).toHaveText(
    'Row 1: RRID identifier “AB_2336915” is not of the form RRID:AB_ followed by digits',
  );
  await expect(rrid).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled();
  await expect(dialog).toContainText(
    'To save, fix Row 1: RRID identifier “AB_2336915” is not of the form RRID:AB_ followed by digits.',
  );
  await expect(dialog).toContainText('2 channels, in the order of the images’ channels; 12 columns');
  // the Fluorophore column whole, the next one cut by the grid's edge
  const grid = await box(dialog.getByRole('group', { name: 'Channels, one row each' }));
  const fluorophore = await box(dialog.getByLabel('Fluorophore, channel 2'));
  expect(fluorophore.x + fluorophore.width).toBeLessThanOrEqual(grid.x + grid.width);
  await rrid.blur();
  // the dialog to its whole pixels: none of the window behind it on the edges
  const frame = await box(dialog);
  const [left, top] = [Math.ceil(frame.x), Math.ceil(frame.y)];
  const [right, bottom] = [Math.floor(frame.x + frame.width), Math.floor(frame.y + frame.height)];
  await page.screenshot({
    path: `${SHOTS}/channel-table-light.png`,
    clip: { x: left, y: top, width: right - left, height: bottom - top },
  });
});
