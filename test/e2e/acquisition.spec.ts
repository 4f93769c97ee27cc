/**
 * What the microscope recorded, as a person meets it: the Acquisition section of one image (a
 * summary line, each value with its source), the distinct values of a selection, the hidden
 * acquisition columns and the filter that understands them. The files are real vendor files;
 * their expected values come from independent readers (test/fixtures/formats/expected.json).
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';

const FORMATS = '../fixtures/formats';
const fixture = (name: string): Buffer => readFileSync(new URL(`${FORMATS}/${name}`, import.meta.url));
const SHOTS = 'test-results/screens';

const ND2 = 'raw/pims_nd2_cluster.nd2';
const LIF = 'raw/readlif_testdata_2channel_xz.lif';
const CZI = 'raw/czitools_WellD6_S1.czi';

test.use({
  extraFiles: {
    [ND2]: fixture('nd2/pims_nd2_cluster.nd2'),
    [LIF]: fixture('lif/readlif_testdata_2channel_xz.lif'),
    [CZI]: fixture('czi/czitools_WellD6_S1.czi'),
  },
});

test('one image: the summary line, each value with where it was read', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await editor.select(ND2);
  const section = app.page.getByRole('region', { name: 'Acquisition' });
  await expect(section).toContainText(
    'Plan Apo λ 60x (NA 0.95) · 2 channels: 5-FAM/pH 9.0 488/525, FM 4-64/2% CHAPS 561/700 · 0.168 µm/px · z 0.5 µm',
  );
  await expect(section.getByRole('definition').filter({ hasText: 'Plan Apo λ 60x (NA 0.95)' })).toBeVisible();
  await expect(section.getByRole('definition').filter({ hasText: 'NIS-Elements AR 4.20.01' })).toBeVisible();
  await section.getByText('Where each value was read').click();
  await expect(section.getByText('Where each value was read (ND2)')).toBeVisible();
  await expect(section.getByRole('row', { name: /^Objective/ })).toContainText('SLxPictureMetadata/dObjectiveNA');
  await app.page.setViewportSize({ width: 1440, height: 900 });
  await app.page.screenshot({ path: `${SHOTS}/acquisition-section.png` });
  // folded, the heading keeps the summary
  await app.page.getByRole('button', { name: /^Acquisition/ }).click();
  await expect(app.page.getByRole('button', { name: /^Acquisition/ })).toContainText(
    'Plan Apo λ 60x (NA 0.95) · 2 channels',
  );
});

test('how a file stores its pixels: a CZI pyramid, a TIFF header byte order', async ({ app }) => {
  const editor = new EditorPage(app.page);
  const section = app.page.getByRole('region', { name: 'Acquisition' });
  await editor.select(CZI);
  const storage = section.getByRole('definition').filter({ hasText: 'pyramid of 2 levels' });
  await expect(storage).toBeVisible();
  await app.page.setViewportSize({ width: 1440, height: 900 });
  await storage.scrollIntoViewIfNeeded();
  await app.page.screenshot({ path: `${SHOTS}/acquisition-storage.png` });
  await editor.select('cells/multi-channel.ome.tif');
  // the TIFF header's order, though its OME-XML claims BigEndian="true"
  await expect(section.getByRole('definition').filter({ hasText: 'little-endian · planes XYZCT' })).toBeVisible();
});

test('a selection: each objective with its number of images', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await editor.select(ND2);
  await editor.row(LIF).click({ modifiers: ['Shift'] });
  const section = app.page.getByRole('region', { name: 'Acquisition' });
  const objective = section.getByRole('definition').filter({ hasText: 'Plan Apo λ 60x (NA 0.95)' });
  await expect(objective).toContainText('Plan Apo λ 60x (NA 0.95) (1)');
  await expect(objective).toContainText('HC PL APO CS2 63x/1.30 GLYC (1)');
});

test('the acquisition columns, and the filter by objective, NA, channel and date', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await app.page.getByRole('button', { name: 'Columns' }).click();
  await app.page.getByRole('checkbox', { name: 'Objective', exact: true }).check();
  await app.page.getByRole('checkbox', { name: 'Channel names' }).check();
  await app.page.keyboard.press('Escape');
  await expect(editor.grid.getByRole('columnheader', { name: 'Objective' })).toBeVisible();
  await expect(editor.row(LIF)).toContainText('HC PL APO CS2 63x/1.30 GLYC');
  await expect(editor.row(CZI)).toContainText('AF488 (Alexa Fluor 488) 470/517');
  await editor.filter.fill('objective:63x');
  expect(await editor.shownPaths()).toEqual([LIF]);
  await editor.filter.fill('raw/ na:>0.9');
  expect(await editor.shownPaths()).toEqual([ND2, LIF]);
  await editor.filter.fill('channel:FM');
  expect(await editor.shownPaths()).toEqual([ND2]);
  await editor.filter.fill('acquired:2023-01');
  expect(await editor.shownPaths()).toEqual([CZI]);
});
