/**
 * OME-Zarr stores in a folder as a person meets them: each store is one row saying its format,
 * its header lists axes, resolution levels and channels, its preview steps through its planes,
 * and editing it writes the sidecar beside the store (nothing inside it), or, for CloudScope's own
 * store, the sidecar CloudScope keeps inside it. Screenshots in test-results/screens/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';
import { storeFiles } from './support/ngff-files';

const NGFF = fileURLToPath(new URL('../fixtures/ngff/', import.meta.url));
const SHOTS = 'test-results/screens';
const STORE = 'zarr/cells-04.ome.zarr';
const CLOUDSCOPE = 'zarr/timelapse.cs.ome.zarr';
const ZIPPED = 'zipped/sharded-05.ome.zarr.zip';

/** The sidecar CloudScope keeps inside its store: the canonical one, its header that of the Blosc time series. */
const INSIDE_SIDECAR = [
  ["\"dims\": \"('C', 'Y', 'X')\"", "\"dims\": \"('T', 'Y', 'X')\""],
  ['"dtype": "uint16"', '"dtype": "uint8"'],
  ['"num_channels": 2', '"num_channels": 1'],
  ['"physical_unit_x": 0.3107', '"physical_unit_x": 1.2'],
  ['"physical_unit_y": 0.3107', '"physical_unit_y": 1.2'],
  ['"shape": "(2, 512, 512)"', '"shape": "(2, 30, 50)"'],
  ["\"sizes\": \"{'C': 2, 'Y': 512, 'X': 512}\"", "\"sizes\": \"{'T': 2, 'Y': 30, 'X': 50}\""],
].reduce(
  (text, [from, to]) => text.replace(from as string, to as string),
  readFileSync(fileURLToPath(new URL('../fixtures/sidecars/canonical.tif.json', import.meta.url)), 'utf8'),
);

test.use({
  extraFiles: {
    ...storeFiles('cells-04.ome.zarr', STORE),
    ...storeFiles('sharded-05.ome.zarr', 'zarr/sharded-05.ome.zarr'),
    // CloudScope's own store keeps its sidecar inside; a damaged store says what is wrong
    ...storeFiles('blosc-04.ome.zarr', CLOUDSCOPE),
    [`${CLOUDSCOPE}/acqstore/acq_image.json`]: INSIDE_SIDECAR,
    'zarr/damaged.ome.zarr/.zattrs': '{"multiscales": [',
    // the same store zipped, its entries deflated as CloudScope zips a store
    [ZIPPED]: readFileSync(path.join(NGFF, 'sharded-05.ome.zarr.zip')),
  },
});

test('a store is one row with its header, levels, channels and preview; an edit saves beside it', async ({ app }) => {
  const editor = new EditorPage(app.page);
  // the nine images of the e2e folder, the four stores and the zipped one; nothing inside a store is a row
  await expect(editor.bodyRows()).toHaveCount(14);
  await expect(editor.row('zarr/damaged.ome.zarr')).toContainText('OME-Zarr: .zattrs is not JSON');
  // CloudScope's store: its sidecar, inside it, is read and edited there, nothing written beside
  await expect(editor.row(CLOUDSCOPE).locator('.cell-sidecar')).toHaveText('Saved');
  await editor.select(CLOUDSCOPE);
  await expect(editor.field('Species')).toHaveValue('mouse');
  await editor.type('Species', 'rat');
  await editor.save();
  await expect(editor.row(CLOUDSCOPE).locator('.cell-sidecar')).toHaveText('Saved');
  expect(readFileSync(app.file(`${CLOUDSCOPE}/acqstore/acq_image.json`), 'utf8')).toBe(
    INSIDE_SIDECAR.replace('"species": "mouse"', '"species": "rat"'),
  );
  expect(existsSync(app.file(`${CLOUDSCOPE}.json`))).toBe(false);
  await app.page.setViewportSize({ width: 1440, height: 900 });
  await app.page.screenshot({ path: `${SHOTS}/light-ome-zarr-cloudscope.png` });
  await expect(editor.row(STORE).locator('.cell-format')).toHaveText('OME-Zarr');
  await expect(editor.row(STORE)).toContainText('C:2 Z:3 Y:40 X:36');
  await expect(app.page.getByRole('contentinfo')).not.toContainText('not read');

  await editor.select(STORE);
  await expect(app.page.getByText('NGFF 0.4 on Zarr v2')).toBeVisible();
  const levels = app.page.getByRole('region', { name: 'Resolution levels' });
  await expect(levels.getByRole('row')).toHaveCount(3);
  await expect(levels.getByRole('row').nth(2)).toContainText('2×3×20×18');
  await expect(app.page.getByText('DAPI (#0000FF), GFP (#00FF00)')).toBeVisible();
  // the preview: a plane of the level that fits, C and Z sliders over the store's planes
  const toggle = editor.panel().getByRole('button', { name: /^Preview/ });
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  await expect(editor.preview()).toHaveAccessibleName('Preview, 36 × 40 pixels');
  await expect(editor.panel().getByRole('slider', { name: 'Channel' })).toHaveAttribute('max', '1');
  const z = editor.panel().getByRole('slider', { name: 'Z slice' });
  await expect(z).toHaveAttribute('max', '2');
  await z.focus();
  await app.page.keyboard.press('ArrowRight');
  await expect(editor.panel().getByText('2 / 3')).toBeVisible();
  await expect(editor.preview()).not.toHaveClass(/is-stale/);
  await app.page.setViewportSize({ width: 1440, height: 900 });
  for (const scheme of ['light', 'dark'] as const) {
    await app.page.emulateMedia({ colorScheme: scheme });
    await app.page.screenshot({ path: `${SHOTS}/${scheme}-ome-zarr.png` });
  }

  const inside = readdirSync(app.file(STORE), { recursive: true }).map(String).sort();
  await editor.type('Species', 'mouse');
  await editor.save();
  await expect(editor.row(STORE)).toContainText('Saved');
  const sidecar = readFileSync(app.file(`${STORE}.json`), 'utf8');
  expect(sidecar).toContain('\n    "shape": "(2, 3, 40, 36)",\n');
  expect(sidecar).toContain('\n    "species": "mouse",\n');
  expect(readdirSync(app.file(STORE), { recursive: true }).map(String).sort()).toEqual(inside);
});

test('a zipped store is one row whose preview is read from inside the zip; its sidecar goes beside it', async ({
  app,
}) => {
  const editor = new EditorPage(app.page);
  await expect(editor.row(ZIPPED).locator('.cell-format')).toHaveText('OME-Zarr');
  await expect(editor.row(ZIPPED)).toContainText('Z:4 Y:4 X:4');
  await editor.select(ZIPPED);
  await expect(app.page.getByText('NGFF 0.5 on Zarr v3')).toBeVisible();
  const toggle = editor.panel().getByRole('button', { name: /^Preview/ });
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  await expect(editor.preview()).toHaveAccessibleName('Preview, 4 × 4 pixels');
  await expect(editor.preview()).not.toHaveClass(/is-stale/);
  await app.page.setViewportSize({ width: 1440, height: 900 });
  await app.page.screenshot({ path: `${SHOTS}/light-ome-zarr-zipped.png` });
  const zipped = readFileSync(app.file(ZIPPED));
  await editor.type('Species', 'zebrafish');
  await editor.save();
  await expect(editor.row(ZIPPED)).toContainText('Saved');
  expect(readFileSync(app.file(`${ZIPPED}.json`), 'utf8')).toContain('\n    "species": "zebrafish",\n');
  expect(readFileSync(app.file(ZIPPED))).toEqual(zipped);
});
