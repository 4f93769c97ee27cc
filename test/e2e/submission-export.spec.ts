/**
 * Write submission files: reached from the Submission check on its target's format, it lists
 * the cells the folder's real files leave empty and why, and saves the metadata file and the
 * to-do byte for byte as `acqmeta export --format` writes them; HTAN's manifest, a row per
 * image, groups its to-do by column. Screenshots at two window sizes.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Download, Locator, Page } from '@playwright/test';
import { test, expect } from './support/app';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHOTS = 'test-results/screens';

/** Runs the built `acqmeta` in `cwd`; any exit code (1: required cells still empty). */
function acqmeta(cwd: string, ...args: string[]): string {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/acqmeta.cjs'), ...args], { cwd, encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`acqmeta ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

/** The bytes of the download `click` starts. */
async function downloaded(page: Page, click: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), click.click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

test('from the Submission check: the cells to fill, and the saved files as the command line writes them', async ({
  app,
}) => {
  const { page } = app;
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByRole('button', { name: /^Completeness/ }).click();
  await page.getByRole('button', { name: 'Submission check…' }).click();
  const check = page.getByRole('dialog', { name: 'Submission check: folder layout' });
  await check.getByLabel('Target').selectOption('hubmap:imc-2d');
  await expect(check.getByRole('status')).toContainText(/checked against hubmap:imc-2d-v/);
  await check.getByRole('button', { name: 'Write submission files…' }).click();

  const dialog = page.getByRole('dialog', { name: 'Write submission files' });
  // opened on the format of the check's target
  await expect(dialog.getByLabel('Format')).toHaveValue('hubmap:imc-2d');
  await expect(dialog.getByLabel('Format')).toBeFocused();
  await dialog.getByLabel('Format').selectOption({ label: 'HuBMAP confocal (metadata TSV)' });
  await expect(dialog.getByRole('status')).toHaveText('9 images read: 11 required cells to fill, 0 optional.');
  const files = dialog.getByRole('table', { name: 'Files of hubmap:confocal' });
  await expect(files.getByRole('row').nth(1)).toHaveText(/^confocal-metadata\.tsv1\s*2311/);
  const todo = dialog.getByRole('table', { name: 'confocal-metadata.tsv' });
  await expect(todo.getByRole('row').filter({ hasText: 'acquisition_instrument_vendor' })).toHaveText(
    'acquisition_instrument_vendorRequiredno file or sidecar supplies itdataset',
  );
  await expect(dialog.getByRole('region', { name: /^Not read/ })).toContainText(
    'test_ifd_loop_to_self.tif: IFD loop at offset 408',
  );
  for (const [width, height, name] of [
    [1024, 700, 'submission-export-1024'],
    [1440, 900, 'submission-export'],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/${name}.png` });
  }

  const metadata = await downloaded(page, dialog.getByRole('button', { name: 'Save confocal-metadata.tsv' }));
  expect(metadata.name).toBe('confocal-metadata.tsv');
  const printed = acqmeta(app.folder, 'export', '.', '--format', 'hubmap:confocal');
  expect(metadata.bytes.toString('utf8')).toBe(printed);
  expect(metadata.bytes.equals(Buffer.from(printed, 'utf8'))).toBe(true);

  const saved = await downloaded(page, dialog.getByRole('button', { name: 'Save to-do list' }));
  expect(saved.name).toBe('confocal-metadata.tsv.todo.txt');
  acqmeta(path.dirname(app.folder), 'export', app.folder, '--format', 'hubmap:confocal', '-o', `${app.folder}.tsv`);
  expect(saved.bytes.toString('utf8')).toBe(readFileSync(`${app.folder}.tsv.todo.txt`, 'utf8'));
});

test('from the Spreadsheet menu: HTAN’s manifest, its to-do grouped by column over the images', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Spreadsheet' }).click();
  await page
    .getByRole('menu', { name: 'Spreadsheet' })
    .getByRole('menuitem', { name: 'Submission files (HuBMAP, HTAN)…' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Write submission files' });
  await expect(dialog.getByLabel('Format')).toHaveValue('hubmap:confocal');
  await dialog.getByLabel('Format').selectOption({ label: 'HTAN Imaging Level 2 (manifest CSV)' });
  await expect(dialog.getByRole('status')).toContainText(/^9 images read: \d+ required cells to fill/);
  const participant = dialog
    .getByRole('table', { name: 'imaging-level-2.csv' })
    .getByRole('row')
    .filter({ hasText: 'HTAN Participant ID' });
  await expect(participant).toHaveCount(1);
  await expect(participant).toContainText('Required');
  await expect(participant).toContainText('every row (9)');

  const manifest = await downloaded(page, dialog.getByRole('button', { name: 'Save all' }));
  expect(manifest.name).toBe('imaging-level-2.csv');
  expect(manifest.bytes.toString('utf8')).toBe(acqmeta(app.folder, 'export', '.', '--format', 'htan:imaging-level-2'));
});
