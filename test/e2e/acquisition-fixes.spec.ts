/**
 * The one-click fixes the editor offers from what an image file's header records, each one
 * undo step: a selection takes each file's own pixel size, and an empty Date is filled with the
 * day the file says the image was acquired (one image, and a selection in one step). Checked on
 * screen and in the sidecars' bytes on disk, before and after Undo.
 */
import { readFileSync } from 'node:fs';
import { tiffWithTags, type ExtraTag } from '../unit/shared/acquisition/tiff-with-tags';
import { test, expect, type AppFixture } from './support/app';
import { cloudscopeSidecar } from './support/calibrated-image';
import { EditorPage } from './support/editor-page';

const DESCRIPTION = 270;
const DATE_TIME = 306;
const X_RESOLUTION = 282;
const Y_RESOLUTION = 283;
const RESOLUTION_UNIT = 296;

/** A sidecar of the 4 × 4 uint8 image tiffWithTags writes: 1.0 / Pixels, an empty Date. */
const SIDECAR = cloudscopeSidecar({
  dims: "('Y', 'X')",
  dtype: 'uint8',
  num_channels: 1,
  shape: '(4, 4)',
  sizes: "{'Y': 4, 'X': 4}",
});

/** ImageJ metadata declaring 1 / `pixelsPerUm` µm per pixel (`unit=um` and the resolution tags). */
const imagej = (pixelsPerUm: number): ExtraTag[] => [
  { code: DESCRIPTION, text: 'ImageJ=1.11a\nimages=1\nunit=um\n' },
  { code: X_RESOLUTION, rational: [pixelsPerUm, 1] },
  { code: Y_RESOLUTION, rational: [pixelsPerUm, 1] },
];
/** OME-XML of the 4 × 4 image recording when it was acquired, and no pixel size. */
const omeWithDate = (acquired: string): string =>
  '<?xml version="1.0" encoding="UTF-8"?><OME xmlns="http://www.openmicroscopy.org/Schemas/OME/2016-06">' +
  `<Image ID="Image:0"><AcquisitionDate>${acquired}</AcquisitionDate>` +
  '<Pixels ID="Pixels:0" DimensionOrder="XYCZT" Type="uint8" SizeX="4" SizeY="4" SizeC="1" SizeZ="1" SizeT="1">' +
  '<Channel ID="Channel:0:0" SamplesPerPixel="1"/><TiffData IFD="0" PlaneCount="1"/></Pixels></Image></OME>';

/** The TIFF DateTime tag (`YYYY:MM:DD HH:MM:SS`). */
const dateTime = (text: string): ExtraTag[] => [{ code: DATE_TIME, text }];

/** Images whose sidecars the selection calibrates: the µm per pixel each file declares. */
const CALIBRATED: Record<string, { tags: ExtraTag[]; size: number }> = {
  'fixes/imagej-0.5um.tif': { tags: imagej(2), size: 0.5 },
  'fixes/imagej-0.25um.tif': { tags: imagej(4), size: 0.25 },
  'fixes/per-cm-1.25um.tif': {
    tags: [
      { code: X_RESOLUTION, rational: [8000, 1] },
      { code: Y_RESOLUTION, rational: [8000, 1] },
      { code: RESOLUTION_UNIT, short: 3 },
    ],
    size: 1.25,
  },
};
/** Images with an empty Date, filled as a selection: the day each file records. */
const DATED: Record<string, { tags: ExtraTag[]; day: string }> = {
  'fixes/dated-a.tif': { tags: dateTime('2022:07:01 10:00:00'), day: '2022-07-01' },
  'fixes/dated-b.ome.tif': {
    tags: [{ code: DESCRIPTION, text: omeWithDate('2019-06-07T08:09:10') }],
    day: '2019-06-07',
  },
};
/** An image with an empty Date, filled alone. */
const ONE_DATED = 'fixes/dated-one.tif';
/** An image whose file records a day but whose Date is set already: left as it is. */
const DATE_SET = 'fixes/date-set.tif';
const SET_SIDECAR = SIDECAR.replace('"date": "",\n    "depth"', '"date": "slice 2",\n    "depth"');

/** Each image's TIFF and its sidecar, for the `extraFiles` option. */
function imageFiles(
  images: Record<string, { tags: ExtraTag[]; sidecar?: string }>,
): Record<string, string | Uint8Array> {
  return Object.fromEntries(
    Object.entries(images).flatMap(([path, { tags, sidecar = SIDECAR }]) => [
      [path, tiffWithTags(tags)],
      [`${path}.json`, sidecar],
    ]),
  );
}

test.use({
  extraFiles: imageFiles({
    ...CALIBRATED,
    ...DATED,
    [ONE_DATED]: { tags: dateTime('2021:03:14 09:26:53') },
    [DATE_SET]: { tags: dateTime('2022:07:02 11:00:00'), sidecar: SET_SIDECAR },
  }),
});

/** The lines of a sidecar on disk that differ from `before` (the file keeps its other lines and their order). */
function changedLines(app: AppFixture, path: string, before: string): string[] {
  const [was, now] = [before, readFileSync(app.file(`${path}.json`), 'utf8')].map((text) => text.split('\n'));
  expect(now).toHaveLength(was!.length);
  return now!.filter((line, i) => line !== was![i]);
}

/** Selects `paths` with Ctrl+click and waits for the multi-image editor. */
async function selectAll(editor: EditorPage, paths: readonly string[]): Promise<void> {
  await editor.select(paths[0]!);
  for (const path of paths.slice(1)) await editor.row(path).click({ modifiers: ['ControlOrMeta'] });
  await expect(editor.panel().getByRole('heading', { name: `Editing ${paths.length} images` })).toBeVisible();
}

/** Undoes the last step with the keyboard from the table; waits until it is the one to redo. */
async function undo(editor: EditorPage, redoName: string | RegExp): Promise<void> {
  await editor.grid.focus();
  await editor.page.keyboard.press('ControlOrMeta+z');
  await expect(editor.page.getByRole('button', { name: redoName })).toBeEnabled();
}

test('a selection takes each file’s own pixel size, and Undo gives every sidecar its bytes back', async ({ app }) => {
  const editor = new EditorPage(app.page);
  const paths = Object.keys(CALIBRATED);
  await selectAll(editor, paths);
  const calibration = editor.panel().getByRole('region', { name: 'Calibration' });
  await expect(calibration).toContainText(
    '3 images declare their own pixel size (ImageJ metadata, TIFF resolution tags in pixels per cm), which their sidecars do not have.',
  );
  const offer = calibration.getByRole('button', { name: 'Use each file’s calibration (3 images)' });
  await offer.click();
  await expect(offer).toBeHidden();
  await expect(editor.field('Pixel size X')).toHaveAttribute('placeholder', '(multiple values)');
  await expect(editor.field('Pixel size unit X')).toHaveValue('um');
  await editor.saveReviewed(3);

  for (const [path, { size }] of Object.entries(CALIBRATED)) {
    const header = JSON.parse(readFileSync(app.file(`${path}.json`), 'utf8')).image_header_metadata;
    expect([header.physical_unit_x, header.physical_unit_y], path).toEqual([size, size]);
    expect(changedLines(app, path, SIDECAR), path).toEqual([
      '    "physical_label_x": "um",',
      '    "physical_label_y": "um",',
      `    "physical_unit_x": ${size},`,
      `    "physical_unit_y": ${size},`,
    ]);
  }

  await undo(editor, 'Redo File calibration (4 fields) on 3 images');
  await expect(editor.field('Pixel size X')).toHaveValue('1');
  await expect(editor.field('Pixel size unit X')).toHaveValue('Pixels');
  await expect(offer).toBeVisible();
  await editor.saveReviewed(3);
  for (const path of paths) expect(readFileSync(app.file(`${path}.json`), 'utf8'), path).toBe(SIDECAR);
});

test('Acquired says when the file records no time zone', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await editor.select(ONE_DATED);
  const acquired = editor
    .panel()
    .getByRole('term')
    .filter({ hasText: /^Acquired$/ })
    .locator('+ dd');
  await expect(acquired).toHaveText('2021-03-14 09:26:53 (no time zone recorded)');
  await app.page.screenshot({ path: 'test-results/screens/light-acquired-no-zone.png' });
});

test('one image: its empty Date is filled with the day its file records, and Undo empties it again', async ({
  app,
}) => {
  const editor = new EditorPage(app.page);
  await editor.select(ONE_DATED);
  const experiment = editor.panel().getByRole('region', { name: 'Experiment' });
  await expect(experiment).toContainText('Date is empty; the file records that the image was acquired on 2021-03-14.');
  const fill = experiment.getByRole('button', { name: 'Fill Date from the acquisition' });
  await fill.click();
  await expect(editor.field('Date')).toHaveValue('2021-03-14');
  await expect(fill).toBeHidden();
  await editor.save();
  await expect(editor.row(ONE_DATED)).not.toContainText(/unsaved/i);
  expect(changedLines(app, ONE_DATED, SIDECAR)).toEqual(['    "date": "2021-03-14",']);

  await app.page.getByRole('button', { name: /^Undo Date from the acquisition/ }).click();
  await expect(editor.field('Date')).toHaveValue('');
  await editor.save();
  await expect(editor.row(ONE_DATED)).not.toContainText(/unsaved/i);
  expect(readFileSync(app.file(`${ONE_DATED}.json`), 'utf8')).toBe(SIDECAR);
});

test('a selection: each empty Date gets its own file’s day in one step, which one Undo takes back', async ({ app }) => {
  const editor = new EditorPage(app.page);
  /** Selects each image alone and checks the Date it shows. */
  const expectDates = async (dates: Record<string, string>) => {
    for (const [path, date] of Object.entries(dates)) {
      await editor.select(path);
      await expect(editor.field('Date'), path).toHaveValue(date);
    }
  };
  await selectAll(editor, [...Object.keys(DATED), DATE_SET]);
  const experiment = editor.panel().getByRole('region', { name: 'Experiment' });
  await expect(experiment).toContainText(
    '2 images have an empty Date while their files record when each was acquired.',
  );
  await experiment.getByRole('button', { name: 'Fill Date from the acquisition (2 images)' }).click();
  await expect(experiment.getByRole('button', { name: /^Fill Date/ })).toBeHidden();
  await expectDates({
    ...Object.fromEntries(Object.entries(DATED).map(([path, { day }]) => [path, day])),
    [DATE_SET]: 'slice 2',
  });
  await editor.saveReviewed(2);
  for (const [path, { day }] of Object.entries(DATED)) {
    expect(changedLines(app, path, SIDECAR), path).toEqual([`    "date": "${day}",`]);
  }
  expect(readFileSync(app.file(`${DATE_SET}.json`), 'utf8')).toBe(SET_SIDECAR);

  await undo(editor, /^Redo Date from the acquisition on 2 images$/);
  await expectDates({ ...Object.fromEntries(Object.keys(DATED).map((path) => [path, ''])), [DATE_SET]: 'slice 2' });
  await editor.saveReviewed(2);
  for (const path of Object.keys(DATED)) expect(readFileSync(app.file(`${path}.json`), 'utf8'), path).toBe(SIDECAR);
  expect(readFileSync(app.file(`${DATE_SET}.json`), 'utf8')).toBe(SET_SIDECAR);
});
