/**
 * An ND2's header has no date (CloudScope's header keeps none for ND2 files), while the file
 * records when it was acquired: the Header section says so beside the empty value, not a bare dash.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';

const ND2 = 'raw/pims_nd2_cluster.nd2';

test.use({
  extraFiles: { [ND2]: readFileSync(new URL('../fixtures/formats/nd2/pims_nd2_cluster.nd2', import.meta.url)) },
});

test('an ND2’s empty header date names the date the file records', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await editor.select(ND2);
  const header = app.page.locator('#header-body');
  await expect(header).toContainText(
    "none in CloudScope's header · acquired 2014-06-18 13:55:23.392 UTC, as the file records",
  );
  await app.page.setViewportSize({ width: 1440, height: 900 });
  await app.page.screenshot({ path: 'test-results/screens/vendor-header-date.png' });
});
