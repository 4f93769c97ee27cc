/**
 * Search all folders (issue 82): two folders of the fixture indexed by `acqmeta index` into the
 * index in the app's settings folder; the view finds `species:mouse` in both, counts them and
 * lists each with its share and path; opening one opens its folder with it selected; the status
 * bar says how fresh the index is for it, and Refresh ends with the folder's count. Screenshots
 * of the view in both themes and of the status bar (test-results/screens/*-search-*.png).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from './support/app';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHOTS = 'test-results/screens';

test('searches two indexed folders, opens a result in its folder and refreshes it', async ({ app }) => {
  const { page } = app;
  const statusBar = page.locator('footer.status-bar');
  await expect(statusBar.getByRole('button', { name: 'Add this folder to the index' })).toBeVisible();
  await expect(statusBar).toContainText('Not indexed');

  execFileSync(
    process.execPath,
    [path.join(ROOT, 'bin/acqmeta.cjs'), 'index', app.file('cells'), app.file('linescans')],
    {
      env: { ...process.env, ACQMETA_DB: path.join(app.configDir, 'index.sqlite') },
    },
  );

  await page.getByRole('button', { name: 'Search all folders…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search all folders' });
  await dialog.getByLabel('Filter').fill('species:mouse');
  await dialog.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText('4 images match; 1–4 shown.');
  const table = dialog.getByRole('table', { name: 'Images found' });
  const paths = table.locator('tbody th');
  await expect(paths).toHaveText(['multi-channel.ome.tif', 'ls_01.tif', 'ls_02.tif', 'ls_03.tif']);
  await expect(table.locator('tbody tr').first()).toContainText(app.file('cells'));
  await page.screenshot({ path: `${SHOTS}/light-search-all-folders.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SHOTS}/dark-search-all-folders.png` });
  await page.emulateMedia({ colorScheme: 'light' });

  await table
    .getByRole('row', { name: /ls_02\.tif/ })
    .getByRole('button', { name: 'Open in folder' })
    .click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.toolbar-folder-name')).toHaveText('linescans');
  await expect(page.getByRole('row', { selected: true })).toContainText('ls_02.tif');

  await expect(statusBar).toContainText('Indexed: 3 images, refreshed');
  await statusBar.getByRole('button', { name: 'Refresh index' }).click();
  await expect(statusBar).toContainText('Index refreshed: 0 added, 0 updated, 0 forgotten, 3 unchanged');
  await expect(statusBar).toContainText('Indexed: 3 images, refreshed');
  await statusBar.screenshot({ path: `${SHOTS}/light-search-status-bar.png` });
});
