/**
 * The folder scan on a slow disk (every read delayed by the slow-disk test adapter): progress
 * shows while rows arrive, Cancel stops it and keeps what was listed, "Scan again" restarts it.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';

const EXTRA = 40;
const SHOTS = 'test-results/screens';
const TIFF = readFileSync(new URL('../fixtures/e2e-folder/chessboard_GRAY_U16.tif', import.meta.url));

test.use({
  serverEnv: { ACQMETA_READ_DELAY_MS: '150' },
  waitForListing: false,
  extraFiles: Object.fromEntries(Array.from({ length: EXTRA }, (_, i) => [`many/copy-${String(i).padStart(2, '0')}.tif`, TIFF])),
});

test('a slow scan shows its progress and can be cancelled, keeping the images listed so far', async ({ app }) => {
  const { page } = app;
  const editor = new EditorPage(page);
  const status = page.getByRole('contentinfo');
  await expect(page.getByRole('progressbar', { name: 'Scanning folder' })).toBeVisible();
  await expect(status).toContainText(/Scanning… \d+/);
  await expect(editor.bodyRows().first()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'loading');
  await page.screenshot({ path: `${SHOTS}/light-scanning.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SHOTS}/dark-scanning.png` });

  await status.getByRole('button', { name: 'Cancel' }).click();
  await expect(status).toContainText(/Scan cancelled: \d+ of \d+ images listed|Scan cancelled: \d+ images listed/);
  await expect(page.getByRole('progressbar')).toBeHidden();
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready');
  const text = (await status.textContent()) ?? '';
  const listed = Number(/Scan cancelled: (\d+)/.exec(text)?.[1]);
  expect(listed).toBeLessThan(EXTRA);
  await expect(status).toContainText(`${listed} image`);
  await expect(editor.bodyRows()).toHaveCount(listed);
  await page.screenshot({ path: `${SHOTS}/dark-scan-cancelled.png` });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: `${SHOTS}/light-scan-cancelled.png` });

  await status.getByRole('button', { name: 'Scan again' }).click();
  await expect(status.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Scanning folder' })).toBeVisible();
});
