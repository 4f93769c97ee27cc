/**
 * Acquisition files AcqMeta does not read get no row, but are never left out in silence: the
 * status bar counts them and names them by format and by path.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';

const SHOTS = 'test-results/screens';

test.use({
  extraFiles: {
    'raw/scan.oir': 'stand-in for an Olympus OIR file',
    'raw/second.OIR': 'stand-in for an Olympus OIR file',
    'raw/leica.lof': 'stand-in for a Leica LOF file',
    'raw/cells.ims': 'stand-in for an Imaris file',
    'raw/slide.vsi': 'stand-in for an Olympus VSI file',
    'raw/plate.cs.ome.zarr.zip': 'stand-in for a zipped CloudScope store',
    // an OIR with a sidecar is listed (its header from the sidecar): it is not counted
    'raw/listed.oir': 'stand-in for an Olympus OIR file',
    'raw/listed.oir.json': readFileSync(
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
  await expect(note).toHaveAttribute(
    'title',
    '6 files not read: 1 LOF, 2 OIR, 1 Imaris, 1 VSI, 1 zipped CloudScope store',
  );
  await expect(editor.row('raw/listed.oir')).toBeVisible();
  await expect(editor.row('raw/scan.oir')).toHaveCount(0);

  await note.click();
  const popover = app.page.getByRole('dialog', { name: 'Files not read' });
  await expect(
    popover.getByText('6 files not read: 1 LOF, 2 OIR, 1 Imaris, 1 VSI, 1 zipped CloudScope store'),
  ).toBeVisible();
  await expect(popover.getByRole('listitem')).toHaveText([
    'raw/cells.ims',
    'raw/leica.lof',
    'raw/plate.cs.ome.zarr.zip',
    'raw/scan.oir',
    'raw/second.OIR',
    'raw/slide.vsi',
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
