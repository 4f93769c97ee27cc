/**
 * Write calibration into image files (issue 79): an ImageJ TIFF and a plain 72-dpi TIFF (built
 * here by tifffile) given a pixel size in the editor and saved, a CZI beside them; the review of
 * the three lists each header value old → new and refuses the CZI; the writes end in a summary,
 * tifffile reads the new values from the files while every strip is as it was, the Header
 * section names where each value was read, and Undo this action in the History puts the file
 * back byte for byte; the folder's History lists each batch as one action. Held by the write gate at the first file's journal record, a cancel leaves
 * the second file untouched. Screenshots of the review, the progress and the summary in both
 * themes (test-results/screens/*-calibrate-*.png); axe finds nothing serious in the dialog.
 */
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from './support/app';
import { dialogFindings } from './support/axe-themes';
import { EditorPage } from './support/editor-page';

const SHOTS = 'test-results/screens';
const IMAGEJ = 'calibrate/imagej.tif';
const PLAIN = 'calibrate/plain-72dpi.tif';
const CZI = 'calibrate/scan.czi';
const CZI_FIXTURE = fileURLToPath(new URL('../fixtures/formats/czi/czitools_100x100.czi', import.meta.url));

/** Writes an ImageJ TIFF of 2 channels (no calibration) and a plain TIFF at 72 dpi, with tifffile. */
const MAKE_TIFFS = `
import sys, numpy, tifffile
tifffile.imwrite(sys.argv[1], (numpy.arange(2 * 32 * 24) % 65535).astype('uint16').reshape(2, 32, 24),
                 imagej=True, metadata={'axes': 'CYX'})
tifffile.imwrite(sys.argv[2], (numpy.arange(24 * 32) % 251).astype('uint8').reshape(24, 32),
                 resolution=(72, 72), resolutionunit='INCH', photometric='minisblack', metadata=None)
`;

/** What tifffile reads of a file's first page: resolution, unit, ImageJ unit, and a SHA-256 of its strips' bytes. */
const READ_TIFF = `
import sys, json, hashlib, tifffile
with tifffile.TiffFile(sys.argv[1]) as tif, open(sys.argv[1], 'rb') as raw:
    page = tif.pages[0]
    strips = hashlib.sha256()
    for p in tif.pages:
        for offset, count in zip(p.dataoffsets, p.databytecounts):
            raw.seek(offset)
            strips.update(raw.read(count))
    tags = page.tags
    print(json.dumps({
        'x': list(tags['XResolution'].value) if 'XResolution' in tags else None,
        'unit': int(tags['ResolutionUnit'].value) if 'ResolutionUnit' in tags else None,
        'imagejUnit': (tif.imagej_metadata or {}).get('unit'),
        'strips': strips.hexdigest(),
    }))
`;

/** tifffile's view of a file. */
function tifffileView(file: string): {
  x: number[] | null;
  unit: number | null;
  imagejUnit: string | null;
  strips: string;
} {
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', READ_TIFF, file], { encoding: 'utf8' }));
}

/** The two TIFFs as tifffile writes them, and the CZI. */
function builtFiles(): Record<string, Uint8Array> {
  const dir = mkdtempSync(path.join(tmpdir(), 'acqmeta-e2e-calibrate-'));
  try {
    const [imagej, plain] = [path.join(dir, 'imagej.tif'), path.join(dir, 'plain.tif')];
    execFileSync('/usr/bin/python3', ['-c', MAKE_TIFFS, imagej, plain]);
    return { [IMAGEJ]: readFileSync(imagej), [PLAIN]: readFileSync(plain), [CZI]: readFileSync(CZI_FIXTURE) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const FILES = builtFiles();

/** Gives the two TIFFs a pixel size of 0.5 um in the editor and saves (their sidecars are created). */
async function calibrateSidecars(editor: EditorPage) {
  await editor.select(IMAGEJ);
  await editor.row(PLAIN).click({ modifiers: ['ControlOrMeta'] });
  for (const [field, text] of [
    ['Pixel size X', '0.5'],
    ['Pixel size Y', '0.5'],
    ['Pixel size unit X', 'um'],
    ['Pixel size unit Y', 'um'],
  ] as const)
    await editor.type(field, text);
  await editor.saveReviewed(2);
}

/** Opens the dialog from the Spreadsheet menu on the images selected. */
async function openDialog(page: Page) {
  await page.getByRole('button', { name: 'Spreadsheet' }).click();
  await page.getByRole('menuitem', { name: 'Write calibration into image files…' }).click();
  return page.getByRole('dialog', { name: 'Write calibration into image files' });
}

/** Screenshots of the page in the light and the dark theme. */
async function shots(page: Page, name: string) {
  for (const scheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${SHOTS}/${scheme}-calibrate-${name}.png` });
  }
}

test.use({ extraFiles: FILES });

test('reviewed, written into both headers without touching a pixel, shown in Header, undone from History', async ({
  app,
}) => {
  const { page } = app;
  await page.emulateMedia({ colorScheme: 'light' });
  const editor = new EditorPage(page);
  await calibrateSidecars(editor);
  const before = { imagej: tifffileView(app.file(IMAGEJ)), plain: tifffileView(app.file(PLAIN)) };

  // The Header section says the plain TIFF's header holds no pixel size, unlike its sidecar.
  await editor.select(PLAIN);
  // the Header section is open by default
  await expect(editor.panel().getByRole('button', { name: /^Header/ })).toHaveAttribute('aria-expanded', 'true');
  const calibration = editor.panel().getByRole('region', { name: 'Pixel size and steps the header holds' });
  await expect(calibration.getByRole('definition').first()).toHaveText('none');
  await expect(calibration.getByTitle('No ImageJ unit, OME-XML size or resolution in cm')).toBeVisible();
  await expect(calibration.getByRole('note')).toContainText(
    'The header declares no microscope pixel size; the sidecar has 0.5 × 0.5 um. Fiji, QuPath and napari read the header.',
  );
  await calibration.scrollIntoViewIfNeeded();
  await shots(page, 'header-flag');

  await editor.row(IMAGEJ).click({ modifiers: ['ControlOrMeta'] });
  await editor.row(CZI).click({ modifiers: ['ControlOrMeta'] });
  const dialog = await openDialog(page);
  await expect(dialog.getByRole('status')).toHaveText('2 headers to write, 1 refused.');
  const table = dialog.getByRole('table', { name: 'Header values, old → new' });
  const line = (value: string) =>
    table.getByRole('row').filter({ has: page.getByRole('cell', { name: value, exact: true }) });
  await expect(line('unit')).toContainText('ImageJ description(none) → micron');
  await expect(line('XResolution').first()).toContainText('resolution tags1 per unit → 2 per unit');
  await expect(line('XResolution').nth(1)).toContainText('resolution tags72 per inch → 20000 per cm');
  // the ImageJ TIFF's ResolutionUnit stays 1 (none): only the plain TIFF's changes
  await expect(line('ResolutionUnit')).toContainText('resolution tagsinch → cm');
  await expect(dialog.getByRole('region', { name: 'Refused (1)' })).toContainText(
    `${CZI}: a CZI file is a vendor file and is never modified`,
  );
  expect(await dialogFindings(page, 'serious')).toEqual([]);
  await shots(page, 'review');

  await dialog.getByRole('button', { name: 'Write 2 headers' }).click();
  await expect(dialog.getByRole('status')).toHaveText('2 headers written, 1 not written.');
  await expect(dialog.getByRole('region', { name: 'Written (2)' })).toContainText(IMAGEJ);
  expect(await dialogFindings(page, 'serious')).toEqual([]);
  await shots(page, 'done');

  const after = { imagej: tifffileView(app.file(IMAGEJ)), plain: tifffileView(app.file(PLAIN)) };
  expect(after.imagej).toEqual({ ...before.imagej, x: [2, 1], unit: 1, imagejUnit: 'micron' });
  expect(after.plain).toEqual({ ...before.plain, x: [20000, 1], unit: 3 });
  expect(before.plain).toMatchObject({ x: [72, 1], unit: 2 });
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The Header section reads the new header; the History lists the write and undoes it byte for byte.
  await editor.select(IMAGEJ);
  await expect(calibration).toContainText('Pixel size0.5 × 0.5 um from ImageJ description (unit) and resolution tags');
  await expect(calibration.getByRole('note')).toHaveCount(0);
  const history = await editor.history();
  const record = history.getByRole('listitem').filter({ hasText: 'Write calibration into image files' });
  await expect(record).toContainText('unit(none) → micron (ImageJ description)');
  await record.scrollIntoViewIfNeeded();
  await shots(page, 'history');
  await record.getByRole('button', { name: 'Undo this action' }).click();
  await expect(
    page.getByText(`The header of ${IMAGEJ} is back as it was before “Write calibration into image files”.`),
  ).toBeVisible();
  expect(readFileSync(app.file(IMAGEJ))).toEqual(Buffer.from(FILES[IMAGEJ]!));
  await expect(
    history.getByRole('listitem').filter({ hasText: 'Undo “Write calibration into image files”' }),
  ).toBeVisible();

  // The folder's History lists each batch of header writes as one action, by its name.
  await page.getByRole('button', { name: 'History of the folder…' }).click();
  const timeline = page.getByRole('dialog', { name: 'History of the folder' });
  const writes = timeline.getByRole('table', { name: 'Calibrations written into image files, newest first' });
  await expect(writes.getByRole('row')).toHaveCount(3);
  await expect(writes.getByRole('row').filter({ hasText: '2 images' })).toContainText(
    'Write calibration into image filesAcqMeta2 imagesunit, XResolution',
  );
  await expect(writes.getByRole('row').filter({ hasText: 'Undo “Write calibration' })).toContainText('1 image');
  await writes.scrollIntoViewIfNeeded();
  await shots(page, 'folder-history');
});

test('channel names and an interval typed: reviewed again, refused by name where they mean nothing', async ({
  app,
}) => {
  const { page } = app;
  await page.emulateMedia({ colorScheme: 'light' });
  const editor = new EditorPage(page);
  await calibrateSidecars(editor);
  await editor.select(IMAGEJ);
  const dialog = await openDialog(page);
  await expect(dialog.getByRole('status')).toHaveText('1 header to write.');
  await dialog.getByRole('textbox', { name: 'Channel names' }).fill('DAPI, GFP');
  await dialog.getByRole('textbox', { name: 'Frame interval (s)' }).fill('2');
  // what is typed is not what was reviewed: nothing can be written until it is reviewed again
  await expect(dialog.getByRole('button', { name: 'Write 1 header' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Review again' }).click();
  await expect(dialog.getByRole('status')).toHaveText('0 headers to write, 1 refused.');
  await expect(dialog.getByRole('region', { name: 'Refused (1)' })).toContainText(
    `${IMAGEJ}: it has one time point: a frame interval means nothing there`,
  );
  await dialog.getByRole('textbox', { name: 'Frame interval (s)' }).fill('');
  await dialog.getByRole('textbox', { name: 'Z step' }).fill('-1');
  await expect(dialog.getByText('A number greater than 0 and at most 1,000,000.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Review again' })).toBeDisabled();
  await dialog.getByRole('textbox', { name: 'Z step' }).fill('');
  await dialog.getByRole('button', { name: 'Review again' }).click();
  const table = dialog.getByRole('table', { name: 'Header values, old → new' });
  await expect(
    table.getByRole('row').filter({ has: page.getByRole('cell', { name: 'channel names', exact: true }) }),
  ).toContainText('ImageJ labels(none) → DAPI, GFP');
  expect(await dialogFindings(page, 'serious')).toEqual([]);
  await shots(page, 'extras');
  await dialog.getByRole('button', { name: 'Write 1 header' }).click();
  await expect(dialog.getByRole('status')).toHaveText('1 header written.');
  const labels = execFileSync(
    '/usr/bin/python3',
    [
      '-c',
      'import sys, tifffile; print(tifffile.TiffFile(sys.argv[1]).imagej_metadata.get("Labels"))',
      app.file(IMAGEJ),
    ],
    { encoding: 'utf8' },
  );
  expect(labels.trim()).toBe("['DAPI', 'GFP']");
});

test.describe('held by the write gate at the first file’s journal record', () => {
  /** While it names `header-journaled`, a header write is held once its journal record is synced. */
  const gate = path.join(tmpdir(), `acqmeta-e2e-calibrate-gate-${process.pid}`);
  test.use({ serverEnv: { ACQMETA_WRITE_GATE: gate } });
  test.afterEach(() => {
    rmSync(gate, { force: true });
    rmSync(`${gate}.reached`, { force: true });
  });

  test('Cancel writing stops between the files: the first written, the second untouched', async ({ app }) => {
    const { page } = app;
    const editor = new EditorPage(page);
    await calibrateSidecars(editor);
    const plain = readFileSync(app.file(PLAIN));
    writeFileSync(gate, 'header-journaled\n');
    const dialog = await openDialog(page);
    await dialog.getByRole('button', { name: 'Write 2 headers' }).click();
    await expect.poll(() => readFileSync(`${gate}.reached`, { encoding: 'utf8', flag: 'a+' })).toContain('imagej.tif');
    await expect(dialog.getByRole('progressbar', { name: 'Images done' })).toBeVisible();
    await expect(dialog).toContainText('0 of 2 images done');
    await expect(dialog).toContainText(IMAGEJ);
    await shots(page, 'running');
    // the gate is let go once the server has the cancel, not when the page shows it asked
    const cancelled = page.waitForResponse((response) => response.url().includes('/api/cancelCalibration'));
    await dialog.getByRole('button', { name: 'Cancel writing' }).click();
    await expect(dialog).toContainText('Cancelling after the file under way…');
    expect((await cancelled).ok()).toBe(true);
    rmSync(gate);
    await expect(dialog.getByRole('status')).toHaveText('Cancelled: 1 header written, 1 untouched.');
    await expect(dialog.getByRole('region', { name: /^Untouched/ })).toContainText(PLAIN);
    expect(readFileSync(app.file(PLAIN))).toEqual(plain);
    expect(tifffileView(app.file(IMAGEJ))).toMatchObject({ x: [2, 1], imagejUnit: 'micron' });
  });
});
