/**
 * Acquisition files AcqMeta does not read get no row, but are never left out in silence: the
 * status bar counts them and names them by format and by path.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';

const FORMATS = '../fixtures/formats';
const fixture = (name: string): Buffer => readFileSync(new URL(`${FORMATS}/${name}`, import.meta.url));
const SHOTS = 'test-results/screens';

test.use({
  extraFiles: {
    'raw/czitools_100x100.czi': fixture('czi/czitools_100x100.czi'),
    'raw/zeiss-2.czi': fixture('czi/czitools_100x100.czi'),
    'raw/pims_nd2_cluster.nd2': fixture('nd2/pims_nd2_cluster.nd2'),
    'raw/oiffile_test.oib': fixture('oib/oiffile_test.oib'),
    'raw/sweep.lif': fixture('lif/readlif_LeicaLASX_wavelength-sweep_example.lif'),
    'raw/plate.ome.zarr/.zattrs': '{}',
    // a CZI with a sidecar is listed (its header from the sidecar): it is not counted
    'raw/listed.czi': fixture('czi/czitools_100x100.czi'),
    'raw/listed.czi.json': readFileSync(
      new URL('../fixtures/e2e-folder/stacks/_blobs_3d_fiji_skeleton.tif.json', import.meta.url),
    ),
    'raw/notes.txt': 'not an acquisition',
  },
});

test('files of formats AcqMeta does not read are counted and named', async ({ app }) => {
  const editor = new EditorPage(app.page);
  const status = app.page.getByRole('contentinfo');
  await expect(status).toContainText('10 images');
  const note = status.getByRole('button', { name: '6 files not read' });
  await expect(note).toHaveAttribute('title', '6 files not read: 2 CZI, 1 ND2, 1 LIF, 1 OIB, 1 OME-Zarr');
  await expect(editor.row('raw/listed.czi')).toBeVisible();
  await expect(editor.row('raw/sweep.lif')).toHaveCount(0);

  await note.click();
  const popover = app.page.getByRole('dialog', { name: 'Files not read' });
  await expect(popover.getByText('6 files not read: 2 CZI, 1 ND2, 1 LIF, 1 OIB, 1 OME-Zarr')).toBeVisible();
  await expect(popover.getByRole('listitem')).toHaveText([
    'raw/czitools_100x100.czi',
    'raw/oiffile_test.oib',
    'raw/pims_nd2_cluster.nd2',
    'raw/plate.ome.zarr',
    'raw/sweep.lif',
    'raw/zeiss-2.czi',
  ]);

  await app.page.setViewportSize({ width: 1024, height: 700 });
  for (const scheme of ['light', 'dark'] as const) {
    await app.page.emulateMedia({ colorScheme: scheme });
    await app.page.screenshot({ path: `${SHOTS}/${scheme}-unread-files.png` });
  }
  await app.page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  await expect(note).toBeFocused();
});
