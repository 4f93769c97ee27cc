/**
 * Write submission files: reached from the Submission check on its target's format, it lists
 * the cells the folder's real files leave empty and why, and saves each file and the to-do byte
 * for byte as `acqmeta export --format` writes them; HTAN's manifest, a row per image, groups
 * its to-do by column. Screenshots at two window sizes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Download, Locator, Page } from '@playwright/test';
import { test, expect } from './support/app';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHOTS = 'test-results/screens';

/** Runs the built `acqmeta`; any exit code but a usage or disk error (1: required cells still empty). */
function acqmeta(...args: string[]): string {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/acqmeta.cjs'), ...args], { encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`acqmeta ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

/**
 * The files `acqmeta export <folder> --format <format> -o <dir>/<metadata>` writes, by name, in a
 * folder of their own (not the one holding the dataset: the app does not know where its files go).
 */
function cliFiles(folder: string, format: string, metadata: string): Record<string, string> {
  const out = mkdtempSync(path.join(tmpdir(), 'acqmeta-e2e-submission-'));
  try {
    acqmeta('export', folder, '--format', format, '-o', path.join(out, metadata));
    return Object.fromEntries(readdirSync(out).map((name) => [name, readFileSync(path.join(out, name), 'utf8')]));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The downloads `click` starts (`count` of them), by suggested name, as UTF-8 text. */
async function downloads(page: Page, click: Locator, count = 1): Promise<Record<string, string>> {
  const started: Download[] = [];
  const listen = (download: Download) => void started.push(download);
  page.on('download', listen);
  await click.click();
  await expect.poll(() => started.length).toBe(count);
  page.off('download', listen);
  const texts = await Promise.all(started.map(async (d) => readFileSync(await d.path(), 'utf8')));
  return Object.fromEntries(started.map((d, i) => [d.suggestedFilename(), texts[i]!]));
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
  await expect(dialog.getByRole('status')).toHaveText('9 images read: 13 required cells to fill, 0 optional.');
  const files = dialog.getByRole('table', { name: 'Files of hubmap:confocal' });
  await expect(files.getByRole('row').nth(1).getByRole('cell')).toHaveText([
    'confocal-metadata.tsv',
    '1',
    '23',
    '11',
    'Save confocal-metadata.tsv',
  ]);
  await expect(files.getByRole('row')).toHaveCount(4);
  const todo = dialog.getByRole('table', { name: 'confocal-metadata.tsv' });
  await expect(todo.getByRole('row').filter({ hasText: 'acquisition_instrument_vendor' }).getByRole('cell')).toHaveText(
    ['acquisition_instrument_vendor', 'Required', 'no file or sidecar supplies it', 'dataset'],
  );
  await expect(dialog.getByRole('table', { name: 'antibodies.tsv' })).toContainText(
    'no channel table (acqmeta.channels.csv) is in force for the folder',
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

  const metadata = await downloads(page, dialog.getByRole('button', { name: 'Save confocal-metadata.tsv' }));
  expect(metadata).toEqual({
    'confocal-metadata.tsv': acqmeta('export', app.folder, '--format', 'hubmap:confocal'),
  });
  const written = cliFiles(app.folder, 'hubmap:confocal', 'confocal-metadata.tsv');
  expect(await downloads(page, dialog.getByRole('button', { name: 'Save all' }), 3)).toEqual({
    'confocal-metadata.tsv': written['confocal-metadata.tsv'],
    'contributors.tsv': written['contributors.tsv'],
    'antibodies.tsv': written['antibodies.tsv'],
  });
  expect(await downloads(page, dialog.getByRole('button', { name: 'Save to-do list' }))).toEqual({
    'confocal-metadata.tsv.todo.txt': written['confocal-metadata.tsv.todo.txt'],
  });
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
  await expect(participant.getByRole('cell')).toHaveText([
    'HTAN Participant ID',
    'Required',
    'no file or sidecar supplies it',
    'every row (9)',
  ]);
  await page.screenshot({ path: `${SHOTS}/submission-export-htan.png` });

  const written = cliFiles(app.folder, 'htan:imaging-level-2', 'imaging-level-2.csv');
  const saved = await downloads(page, dialog.getByRole('button', { name: 'Save all' }), 2);
  expect(Object.keys(saved)).toEqual(['imaging-level-2.csv', 'imaging-level-3-channels.csv']);
  for (const [name, text] of Object.entries(saved)) expect(text, name).toBe(written[name]);
});
