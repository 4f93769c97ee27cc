/**
 * Screenshots of the bulk annotation tools in both themes (test-results/screens/bulk-*.png;
 * the copies the docs show are in docs/screens/). The assertions check each screen shows its state.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from './support/app';
import { BulkPage } from './support/bulk-page';
import { EditorPage } from './support/editor-page';

const SHOTS = 'test-results/screens';
const TIFF = readFileSync(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/e2e-folder/cells/multi-channel.ome.tif'),
);
const NAMED = [
  'cohort/20240105_Thy1_m3_CA1.tif',
  'cohort/20240105_Thy1_m4_CA3.tif',
  'cohort/20240106_WT_m7_V1.tif',
  'cohort/20240106_WT_m8_V1.tif',
  'cohort/overview_stitched.tif',
];

test.use({ extraFiles: Object.fromEntries(NAMED.map((name) => [name, TIFF])) });

for (const scheme of ['light', 'dark'] as const) {
  test(`bulk annotation screens in the ${scheme} theme`, async ({ app }) => {
    const page = app.page;
    const editor = new EditorPage(page);
    const bulk = new BulkPage(page);
    const shot = (name: string) => page.screenshot({ path: `${SHOTS}/${scheme}-bulk-${name}.png` });
    await page.emulateMedia({ colorScheme: scheme });
    const presetsDir = path.join(app.configDir, 'presets');
    mkdirSync(presetsDir, { recursive: true });
    writeFileSync(
      path.join(presetsDir, 'wt-controls.json'),
      JSON.stringify({
        acqmeta_preset: 1,
        name: 'WT controls, P30',
        fields: { species: 'mouse', genotype: 'WT', age: 'P30', condition: 'control' },
      }),
    );
    writeFileSync(
      path.join(presetsDir, 'old-rig.json'),
      JSON.stringify({ acqmeta_preset: 1, name: 'Old rig', fields: { physical_unit_x: 0 } }),
    );

    await editor.select('cells/multi-channel.ome.tif');
    await bulk.presetsMenuItem('Save as preset…');
    await bulk.dialog('Save as preset').getByLabel('Preset name').fill('Thy1 cohort 3, P30');
    await shot('preset-save');
    await bulk
      .dialog('Save as preset')
      .getByRole('button', { name: /^Save preset/ })
      .click();
    await expect(bulk.dialog('Save as preset')).toBeHidden();

    await editor.select(NAMED[0]!);
    for (const name of NAMED.slice(1)) await editor.row(name).click({ modifiers: ['ControlOrMeta'] });
    const menu = await bulk.presetsMenu();
    await expect(menu.getByRole('menuitem', { name: 'Thy1 cohort 3, P30' })).toBeVisible();
    await shot('presets-menu');
    await menu.getByRole('menuitem', { name: 'Manage presets…' }).click();
    await expect(bulk.dialog('Presets').getByRole('listitem', { name: 'old-rig.json' })).toBeVisible();
    await shot('presets');
    await bulk.dialog('Presets').getByRole('button', { name: 'Close' }).click();

    const names = await bulk.openNameFill();
    await names.getByLabel('Pattern').fill('{date}_{genotype}_m{*}_{region}.tif');
    await expect(names.getByRole('status')).toContainText('4 of 5 names match');
    await shot('names');
    await names.getByRole('button', { name: 'Fill 4 images' }).click();

    await bulk.spreadsheetMenuItem('Export…');
    await expect(bulk.dialog('Export')).toContainText('have unsaved changes');
    await shot('export');
    await bulk.dialog('Export').getByRole('button', { name: 'Cancel' }).click();
    await editor.saveReviewed(4);

    const exported = await bulk.exportTable(/^CSV/);
    const text = exported.bytes
      .toString('utf8')
      .replace(/^(stacks\/_blobs_3d_fiji_skeleton\.tif,)rat,/m, '$1mouse,')
      .replaceAll(',CA3,', ',CA1,');
    const preview = await bulk.importTable('annotations.csv', Buffer.from(text));
    await expect(preview).toHaveAccessibleName('Import annotations.csv?');
    await shot('import');
    await preview.getByRole('button', { name: 'Cancel' }).click();

    const broken = `${text.replace(/,120\.5,/, ',deep,').trimEnd()}\r\nraw/old_name.tif,rat${','.repeat(text.split('\r\n')[0]!.split(',').length - 2)}\r\n`;
    const errors = await bulk.importTable('annotations.csv', Buffer.from(broken));
    await expect(errors).toHaveAccessibleName('annotations.csv cannot be imported');
    await shot('import-errors');
  });
}
