/**
 * A folder mixing TIFFs with the files microscopes write (CZI, ND2, LIF, OIB): every file is a
 * row that says its format, a vendor file's header lists its images, and editing a CZI creates
 * the sidecar CloudScope writes for it.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';

const FORMATS = '../fixtures/formats';
const fixture = (name: string): Buffer => readFileSync(new URL(`${FORMATS}/${name}`, import.meta.url));
const SHOTS = 'test-results/screens';

const CZI = 'raw/czitools_S3_1Pos_2Mosaic_T1_Z1_CH1.czi';
const ND2 = 'raw/pims_nd2_cluster.nd2';
const LIF = 'raw/readlif_testdata_2channel_xz.lif';
const OIB = 'raw/oiffile_test.oib';

test.use({
  extraFiles: {
    [CZI]: fixture('czi/czitools_S3_1Pos_2Mosaic_T1_Z1_CH1.czi'),
    [ND2]: fixture('nd2/pims_nd2_cluster.nd2'),
    [LIF]: fixture('lif/readlif_testdata_2channel_xz.lif'),
    [OIB]: fixture('oib/oiffile_test.oib'),
    'raw/truncated.czi': fixture('czi/czitools_DAPI_GFP.czi').subarray(0, 600),
  },
});

test('vendor files are rows with their format and header, a broken one a row with its error', async ({ app }) => {
  const editor = new EditorPage(app.page);
  // the nine images of the e2e folder and five vendor files; nothing left out as not read
  await expect(editor.bodyRows()).toHaveCount(14);
  await expect(app.page.getByRole('contentinfo')).not.toContainText('not read');
  const formatOf = (path: string) => editor.row(path).locator('.cell-format');
  await expect(formatOf(CZI)).toHaveText('CZI');
  await expect(formatOf(ND2)).toHaveText('ND2');
  await expect(formatOf(LIF)).toHaveText('LIF');
  await expect(formatOf(OIB)).toHaveText('OIB');
  await expect(formatOf('cells/multi-channel.ome.tif')).toHaveText('TIFF');
  await expect(editor.row(ND2)).toContainText('T:3 Z:10 C:2 Y:31 X:38');
  await expect(editor.row(OIB)).toContainText('C:3 Y:256 X:256');
  await expect(editor.row('raw/truncated.czi')).toContainText('CZI:');
  await editor.filter.fill('nd2');
  await expect(editor.bodyRows()).toHaveCount(1);
  await editor.filter.fill('format:czi');
  await expect(editor.bodyRows()).toHaveCount(2);
  expect((await editor.shownPaths()).sort()).toEqual([CZI, 'raw/truncated.czi']);
  await editor.filter.fill('');

  await editor.select(LIF);
  const images = app.page.getByRole('group').filter({ hasText: 'Images in the file' });
  await expect(app.page.getByText('Images in the file')).toBeVisible();
  await expect(app.page.getByText('LIF · 3 images')).toBeVisible();
  await expect(images.getByRole('definition')).toHaveCount(3);
  await app.page.setViewportSize({ width: 1440, height: 900 });
  for (const scheme of ['light', 'dark'] as const) {
    await app.page.emulateMedia({ colorScheme: scheme });
    await app.page.screenshot({ path: `${SHOTS}/${scheme}-vendor-files.png` });
  }
});

test('editing a CZI’s fields and saving creates the sidecar CloudScope writes for it', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await editor.select(CZI);
  await expect(app.page.getByText('CZI · 3 images')).toBeVisible();
  await expect(app.page.getByText('TimeStamps, Thumbnail')).toBeVisible();
  await editor.type('Species', 'mouse');
  await editor.type('Genotype', 'Thy1-GFP');
  await editor.save();
  await expect(editor.row(CZI)).not.toContainText(/unsaved/i);
  await expect(editor.row(CZI)).toContainText('Saved');
  const cloudscope = readFileSync(
    new URL(`${FORMATS}/sidecars/czi/czitools_S3_1Pos_2Mosaic_T1_Z1_CH1.czi.json`, import.meta.url),
    'utf8',
  );
  expect(readFileSync(app.file(`${CZI}.json`), 'utf8')).toBe(
    cloudscope.replace('"species": ""', '"species": "mouse"').replace('"genotype": ""', '"genotype": "Thy1-GFP"'),
  );
});
