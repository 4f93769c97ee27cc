/**
 * The folder scan on a slow disk: the slow-disk test adapter's gate holds the walk before it
 * lists `many/`, so the scan stops at a known point: progress shows the images listed so far,
 * Cancel stops it and keeps them, "Scan again" restarts it, and once the gate opens every
 * image is listed.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';

const EXTRA = 40;
const SHOTS = 'test-results/screens';
const TIFF = readFileSync(new URL('../fixtures/e2e-folder/chessboard_GRAY_U16.tif', import.meta.url));
/** The gate file: while it names `many`, the walk waits before listing that folder. */
const GATE = path.join(tmpdir(), `acqmeta-e2e-scan-gate-${process.pid}`);
writeFileSync(GATE, 'many\n');

test.use({
  serverEnv: { ACQMETA_READ_GATE: GATE },
  waitForListing: false,
  extraFiles: Object.fromEntries(
    Array.from({ length: EXTRA }, (_, i) => [`many/copy-${String(i).padStart(2, '0')}.tif`, TIFF]),
  ),
});

test.afterAll(() => rmSync(GATE, { force: true }));

test('a held scan shows its progress and can be cancelled, keeping the images listed so far', async ({ app }) => {
  const { page } = app;
  const editor = new EditorPage(page);
  const status = page.getByRole('contentinfo');
  // the walk is held before many/: the images before it (cells/, the chessboard, hostile/, linescans/) are listed
  await expect(editor.bodyRows()).toHaveCount(7);
  await expect(page.getByRole('progressbar', { name: 'Scanning folder' })).toBeVisible();
  await expect(status).toContainText('Scanning… 7');
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'loading');
  await page.screenshot({ path: `${SHOTS}/light-scanning.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SHOTS}/dark-scanning.png` });

  await status.getByRole('button', { name: 'Cancel' }).click();
  await expect(status).toContainText('Scan cancelled: 7 images listed');
  await expect(page.getByRole('progressbar')).toBeHidden();
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready');
  await expect(editor.bodyRows()).toHaveCount(7);
  await page.screenshot({ path: `${SHOTS}/dark-scan-cancelled.png` });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: `${SHOTS}/light-scan-cancelled.png` });

  await status.getByRole('button', { name: 'Scan again' }).click();
  await expect(status.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Scanning folder' })).toBeVisible();
  rmSync(GATE);
  await expect(page.getByRole('progressbar')).toBeHidden();
  // the table draws only the rows in view: the status bar counts them all
  await expect(status).toContainText(`${7 + EXTRA + 2} images`);
  await expect(status).not.toContainText('Scanning');
});
