/**
 * Export as OME-TIFF: two selected images written into `ome-tiff/` inside the open folder, each
 * in its image's folder there, the progress ending in a summary that names the files on disk, and a second run skipping them
 * (the copies are not replaced without "Replace existing files", which then writes them again). A job held (its start answered
 * by the test, so that no event ends it) shows its progress, goes on with the dialog closed, and
 * cancels; a real job held by the write gate at its first copy's sidecar is cancelled there and
 * keeps that copy only. The output folder picked among the subfolders that match what is typed
 * (browser mode), or with Choose… (the desktop app, the page told so). Screenshots of the options,
 * the matching folders, Choose…, a running job and the summary in both themes
 * (test-results/screens/*-convert-*.png; the docs' copies are in docs/screens/).
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';

const SHOTS = 'test-results/screens';
const IMAGES = ['cells/multi-channel.ome.tif', 'stacks/_blobs_3d_fiji_skeleton.tif'];

/** Selects the two images and opens the dialog from the Spreadsheet menu. */
async function openDialog(page: Page) {
  const editor = new EditorPage(page);
  await editor.select(IMAGES[0]!);
  await editor.row(IMAGES[1]!).click({ modifiers: ['ControlOrMeta'] });
  await page.getByRole('button', { name: 'Spreadsheet' }).click();
  await page.getByRole('menuitem', { name: 'Export as OME-TIFF…' }).click();
  return page.getByRole('dialog', { name: 'Export as OME-TIFF' });
}

/** The OME-TIFF files in a folder and the folders below it, by path (`cells/x.ome.tiff`). */
function omeTiffs(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => name.split(path.sep).join('/'))
    .filter((name) => name.endsWith('.ome.tiff'))
    .sort();
}

/** Screenshots of the page in the light and the dark theme. */
async function shots(page: Page, name: string) {
  for (const scheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${SHOTS}/${scheme}-convert-${name}.png` });
  }
}

test('two selected images converted, then skipped as already there, then replaced', async ({ app }) => {
  const { page } = app;
  await page.emulateMedia({ colorScheme: 'light' });
  const dialog = await openDialog(page);
  await expect(dialog).toContainText('The 2 selected images');
  await expect(dialog.getByLabel('Output folder')).toHaveValue('ome-tiff');
  await expect(dialog.getByRole('radio', { name: /^zlib/ })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: /^Tiled and pyramidal/ })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: /^Replace existing files/ })).not.toBeChecked();
  await shots(page, 'options');

  await dialog.getByRole('button', { name: 'Convert 2 images' }).click();
  const status = dialog.getByRole('status');
  await expect(status).toHaveText('2 OME-TIFF files written.');
  const folder = app.file('ome-tiff');
  const written = omeTiffs(folder);
  // each copy in its image's folder below the output folder
  expect(written).toEqual(['cells/multi-channel.ome.tiff', 'stacks/_blobs_3d_fiji_skeleton.ome.tiff']);
  const table = dialog.getByRole('table', { name: 'Written' });
  for (const name of written) {
    expect(statSync(path.join(folder, name)).size).toBeGreaterThan(0);
    await expect(table.getByRole('row').filter({ hasText: name })).toContainText('verified');
  }
  await shots(page, 'summary');

  // Again, on the same choices: the copies are there and are not replaced…
  await dialog.getByRole('button', { name: 'Back to the options' }).click();
  await expect(dialog.getByLabel('Output folder')).toHaveValue('ome-tiff');
  await dialog.getByRole('button', { name: 'Convert 2 images' }).click();
  await expect(status).toHaveText('0 OME-TIFF files written, 2 skipped.');
  await expect(dialog.getByRole('region', { name: /^Skipped: a file is already there/ })).toContainText(IMAGES[0]!);
  // …unless asked to.
  await dialog.getByRole('button', { name: 'Back to the options' }).click();
  await dialog.getByRole('checkbox', { name: /^Replace existing files/ }).check();
  await dialog.getByRole('button', { name: 'Convert 2 images' }).click();
  await expect(status).toHaveText('2 OME-TIFF files written.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  expect(omeTiffs(folder)).toEqual(written);
});

test('the output folder: a typed start suggests subfolders, a pick fills the field, the copies go there', async ({
  app,
}) => {
  const { page } = app;
  mkdirSync(app.file('archive/2026'), { recursive: true });
  mkdirSync(app.file('archive-old'));
  await page.emulateMedia({ colorScheme: 'light' });
  const dialog = await openDialog(page);
  const field = dialog.getByLabel('Output folder');
  // Browser mode cannot show the server's folders in a system dialog: no Choose… here.
  await expect(dialog.getByRole('button', { name: 'Choose…' })).toHaveCount(0);
  const matching = dialog.getByRole('region', { name: 'Matching folders' });
  await field.fill('ARC');
  await expect(matching.getByRole('button')).toHaveText(['archive', 'archive-old']);
  await shots(page, 'folder');
  await matching.getByRole('button', { name: 'archive', exact: true }).click();
  await expect(field).toHaveValue('archive');
  await expect(field).toBeFocused();
  await expect(matching.getByRole('button')).toHaveText(['archive-old']);
  await field.press('End');
  await field.pressSequentially('/2');
  await matching.getByRole('button', { name: '2026' }).click();
  await expect(field).toHaveValue('archive/2026');
  await expect(matching).toBeHidden();

  await dialog.getByRole('button', { name: 'Convert 2 images' }).click();
  await expect(dialog.getByRole('status')).toHaveText('2 OME-TIFF files written.');
  const written = omeTiffs(app.file('archive/2026'));
  expect(written).toHaveLength(2);
  for (const name of written) expect(statSync(app.file(`archive/2026/${name}`)).size).toBeGreaterThan(0);
  expect(readdirSync(app.file('archive'))).toEqual(['2026']);
});

test('in the desktop app, Choose… fills the field with the folder the system dialog gave', async ({ app }) => {
  const { page } = app;
  // The page is told it runs in Electron, whose backend answers Choose… with the native dialog's folder.
  const chosen = app.file('chosen');
  await page.route('**/api/getSession', async (route) => {
    const answer = await (await route.fetch()).json();
    return route.fulfill({ json: { ...answer, payload: { ...answer.payload, door: 'electron' } } });
  });
  await page.route('**/api/chooseFolderPath', (route) =>
    route.fulfill({ json: { ok: true, payload: { path: chosen } } }),
  );
  await page.reload();
  await page.locator('html[data-app-state="ready"]').waitFor();
  await page.emulateMedia({ colorScheme: 'light' });
  const dialog = await openDialog(page);
  const choose = dialog.getByRole('button', { name: 'Choose…' });
  const field = dialog.getByLabel('Output folder');
  const [fieldBox, buttonBox] = [await field.boundingBox(), await choose.boundingBox()];
  expect(Math.abs(fieldBox!.y + fieldBox!.height / 2 - (buttonBox!.y + buttonBox!.height / 2))).toBeLessThan(1);
  expect(buttonBox!.x).toBeGreaterThan(fieldBox!.x + fieldBox!.width);
  await shots(page, 'choose');
  await choose.click();
  await expect(field).toHaveValue(chosen);
  await expect(dialog.getByRole('region', { name: 'Matching folders' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Convert 2 images' }).click();
  await expect(dialog.getByRole('status')).toHaveText('2 OME-TIFF files written.');
  expect(omeTiffs(chosen)).toHaveLength(2);
});

test('a running job: Close leaves it in the status bar, Show brings it back, Cancel asks the backend', async ({
  app,
}) => {
  const { page } = app;
  // The job's start is answered here, so no event of the backend's ends it while the test looks.
  const cancels: unknown[] = [];
  await page.route('**/api/startConvert', (route) =>
    route.fulfill({ json: { ok: true, payload: { jobId: 'held-job' } } }),
  );
  await page.route('**/api/cancelConvert', (route) => {
    cancels.push(route.request().postDataJSON());
    return route.fulfill({ json: { ok: true, payload: { cancelled: true } } });
  });
  await page.emulateMedia({ colorScheme: 'light' });
  const dialog = await openDialog(page);
  await dialog.getByRole('button', { name: 'Convert 2 images' }).click();
  await expect(dialog.getByRole('progressbar', { name: 'Planes written' })).toBeVisible();
  await expect(dialog).toContainText('Reading 2 images…');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/light-convert-running.png` });

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  const status = page.getByRole('contentinfo');
  await expect(status).toContainText('OME-TIFF: Reading 2 images…');
  await status.getByRole('button', { name: 'Show the OME-TIFF export' }).click();
  await expect(dialog).toContainText('Reading 2 images…');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SHOTS}/dark-convert-running.png` });

  await dialog.getByRole('button', { name: 'Cancel conversion' }).click();
  await expect(dialog).toContainText('Cancelling…');
  await expect(dialog.getByRole('button', { name: 'Cancel conversion' })).toBeDisabled();
  await expect.poll(() => cancels).toEqual([{ jobId: 'held-job' }]);
});

test.describe('held by the write gate at the first copy’s sidecar', () => {
  /** While it names `before-check`, the write worker holds each sidecar write before its rename. */
  const gate = path.join(tmpdir(), `acqmeta-e2e-convert-gate-${process.pid}`);
  test.use({ serverEnv: { ACQMETA_WRITE_GATE: gate } });
  test.beforeEach(() => writeFileSync(gate, 'before-check\n'));
  test.afterEach(() => {
    rmSync(gate, { force: true });
    rmSync(`${gate}.reached`, { force: true });
  });

  test('Cancel conversion stops before the next image; the copy written stays', async ({ app }) => {
    const { page } = app;
    const dialog = await openDialog(page);
    await dialog.getByRole('button', { name: 'Convert 2 images' }).click();
    await expect.poll(() => readFileSync(`${gate}.reached`, { encoding: 'utf8', flag: 'a+' })).toContain('.ome.tiff');
    await expect(dialog.getByRole('progressbar', { name: 'Planes written' })).toBeVisible();
    await expect(dialog).toContainText(/of \d+ planes? written/);
    // the gate is let go once the server has the cancel, not when the page shows it asked
    const cancelled = page.waitForResponse((response) => response.url().includes('/api/cancelConvert'));
    await dialog.getByRole('button', { name: 'Cancel conversion' }).click();
    await expect(dialog).toContainText('Cancelling…');
    expect((await cancelled).ok()).toBe(true);
    rmSync(gate);
    await expect(dialog.getByRole('status')).toHaveText('Cancelled: 1 OME-TIFF file written.');
    const written = omeTiffs(app.file('ome-tiff'));
    expect(written).toHaveLength(1);
    await expect(dialog.getByRole('table', { name: 'Written' })).toContainText(written[0]!);
  });
});
