/**
 * An acqstore collection in a folder, as a person meets it: a row for each image its manifest
 * lists, named by the image's folder and the file it was exported from, which the filter finds.
 * Screenshot in test-results/screens/.
 */
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';
import { storeFiles } from './support/ngff-files';

const COLLECTION = 'zarr/lab.ome.zarr';

test.use({ extraFiles: storeFiles('lab.ome.zarr', COLLECTION) });

test('each image of a collection is a row that says what file it was exported from', async ({ app }) => {
  const editor = new EditorPage(app.page);
  /** The row of the collection's image `id`, named (for assistive technology too) with its source file. */
  const image = (id: string, source: string) =>
    editor.grid.getByRole('row').filter({
      has: app.page.getByRole('gridcell', { name: `${COLLECTION}/acq_images/${id} from ${source}`, exact: true }),
    });
  await expect(image('acq_image_000', 'ls_02.tif')).toHaveCount(1);
  await expect(image('acq_image_002', 'ls_04.tif').locator('.path-source')).toHaveText('\u2002from ls_04.tif');
  await expect(image('acq_image_001', 'ls_03.tif').locator('.cell-path')).toHaveAttribute(
    'title',
    `${COLLECTION}/acq_images/acq_image_001\nfrom ls_03.tif`,
  );
  await app.page.setViewportSize({ width: 1440, height: 900 });
  await image('acq_image_000', 'ls_02.tif').locator('.cell-path').click();
  await expect(editor.field('Genotype')).toHaveValue('APP/PS1');

  await expect(editor.panel().getByText('Exported from ls_02.tif')).toBeVisible();
  await app.page.screenshot({ path: 'test-results/screens/light-collection.png' });

  // the file exported, in the folder, and the collection's image exported from it
  await editor.filter.fill('ls_03');
  await expect(editor.bodyRows()).toHaveCount(2);
  await expect(editor.row('linescans/ls_03.tif')).toHaveCount(1);
  await expect(image('acq_image_001', 'ls_03.tif')).toHaveCount(1);
});
