/** Fill from file names: a live preview that flags names without a match, then one-step fill. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from './support/app';
import { BulkPage } from './support/bulk-page';
import { EditorPage } from './support/editor-page';
import { ProfilePage, vascularProfile } from './support/profile-page';

const TIFF = readFileSync(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/e2e-folder/cells/multi-channel.ome.tif'),
);
const NAMED = ['cohort/20240105_Thy1_m3_CA1.tif', 'cohort/20240106_WT_m4_V1.tif', 'cohort/overview.tif'];

test.use({ extraFiles: Object.fromEntries(NAMED.map((name) => [name, TIFF])) });

test('fill from names previews each file, flags the one that does not match, and fills the others as one step', async ({
  app,
}) => {
  const editor = new EditorPage(app.page);
  const bulk = new BulkPage(app.page);
  await editor.select(NAMED[0]!);
  for (const name of NAMED.slice(1)) await editor.row(name).click({ modifiers: ['ControlOrMeta'] });
  const dialog = await bulk.openNameFill();
  await dialog.getByLabel('Pattern').fill('{date}_{genotype}_m{*}_{region}.tif');
  await expect(dialog.getByRole('status')).toHaveText('2 of 3 names match · 1 name without a match');
  const preview = dialog.getByRole('table', { name: 'Preview' });
  await expect(preview.getByRole('row', { name: /^20240105_Thy1_m3_CA1\.tif/ })).toHaveText(/20240105\s*Thy1\s*CA1/);
  await expect(preview.getByRole('row', { name: /^overview\.tif/ })).toContainText('No match: left as it is');

  await dialog.getByRole('button', { name: 'Fill 2 images' }).click();
  await expect(dialog).toBeHidden();
  await expect(editor.row(NAMED[0]!)).toContainText('Thy1');
  await expect(editor.row(NAMED[1]!)).toContainText('V1');
  await expect(editor.row(NAMED[2]!)).not.toContainText(/unsaved/i);
  await expect(app.page.getByRole('button', { name: 'Undo Fill from names (3 fields) on 2 images' })).toBeEnabled();

  await editor.saveReviewed(2);
  const saved = JSON.parse(readFileSync(app.file(`${NAMED[1]}.json`), 'utf8'));
  expect(saved.experiment_metadata).toMatchObject({ date: '20240106', genotype: 'WT', region: 'V1' });

  // The pattern is remembered for next time.
  await bulk.openNameFill();
  await expect(bulk.dialog('Fill from file names').getByLabel('Pattern')).toHaveValue(
    '{date}_{genotype}_m{*}_{region}.tif',
  );
});

test('values a name gives that are not valid are shown with their message and left out', async ({ app }) => {
  const editor = new EditorPage(app.page);
  const bulk = new BulkPage(app.page);
  await editor.select(NAMED[0]!);
  await editor.row(NAMED[1]!).click({ modifiers: ['ControlOrMeta'] });
  const dialog = await bulk.openNameFill();
  await dialog.getByLabel('Pattern').fill('{date}_{genotype}_m{*}_{depth}.tif');
  await expect(dialog.getByRole('status')).toHaveText('2 of 2 names match · 2 values not valid (left out)');
  await expect(dialog.getByRole('row', { name: /^20240105_Thy1_m3_CA1\.tif/ })).toContainText(/CA1 — Depth/);
  await dialog.getByLabel('Pattern').fill('{date}_{genotype}{region}.tif');
  await expect(dialog.getByRole('alert')).toContainText(
    'This pattern cannot be used: {region} follows another placeholder',
  );
  await expect(dialog.getByRole('button', { name: /^Fill/ })).toBeDisabled();
});

test.describe('under a lab profile that writes dates YYYY-MM-DD', () => {
  const SPECIMEN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/e2e-folder/linescans');
  /** Two line scans whose sidecars hold a compact date, and the vascular profile (its `date` has the `date` format). */
  const dated = (name: string, date: string): Record<string, string | Buffer> => ({
    [name]: readFileSync(path.join(SPECIMEN, 'ls_01.tif')),
    [`${name}.json`]: readFileSync(path.join(SPECIMEN, 'ls_01.tif.json'), 'utf8').replace(
      '"date": "2024-05-02"',
      `"date": "${date}"`,
    ),
  });
  test.use({
    extraFiles: {
      ...Object.fromEntries(NAMED.map((name) => [name, TIFF])),
      ...vascularProfile(),
      ...dated('dated/a.tif', '20240502'),
      ...dated('dated/b.tif', '20240503'),
    },
  });

  test('a compact date in a name is filled as YYYY-MM-DD', async ({ app }) => {
    const editor = new EditorPage(app.page);
    const bulk = new BulkPage(app.page);
    await editor.select(NAMED[0]!);
    const dialog = await bulk.openNameFill();
    await dialog.getByLabel('Pattern').fill('{date}_{genotype}_m{*}_{region}.tif');
    const preview = dialog.getByRole('table', { name: 'Preview' });
    await expect(preview.getByRole('row', { name: /^20240105_Thy1_m3_CA1\.tif/ })).toHaveText(
      /2024-01-05\s*Thy1\s*CA1/,
    );
    await dialog.getByRole('button', { name: 'Fill 1 image' }).click();
    await expect(editor.field('Date')).toHaveValue('2024-01-05');
  });

  test('Normalize offers each compact date as YYYY-MM-DD, named as a date written otherwise', async ({ app }) => {
    const profile = new ProfilePage(app.page);
    await profile.openCompleteness();
    const normalize = await profile.openNormalize('Date');
    for (const [compact, iso] of [
      ['20240502', '2024-05-02'],
      ['20240503', '2024-05-03'],
    ] as const) {
      const row = normalize.getByRole('row', { name: new RegExp(`^${compact}`) });
      await expect(row).toContainText('the same date, written YYYYMMDD');
      await expect(row).not.toContainText('case or spacing');
      await expect(normalize.getByRole('combobox', { name: `${compact} becomes`, exact: true })).toHaveValue(iso);
    }
    await app.page.screenshot({ path: 'test-results/screens/light-normalize-dates.png' });
  });
});
