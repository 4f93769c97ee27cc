/**
 * CSV injection from the app: an image whose sidecar (from another program) holds text that a
 * spreadsheet would run as a formula is exported from Spreadsheet › Export and Results with that
 * text escaped by a leading ', numbers as they are; the export imported back changes nothing;
 * the OMERO table keeps the text as it is and says not to open it in a spreadsheet.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTableVerbatim } from '../../shared/sheets/table-text';
import { test, expect } from './support/app';
import { BulkPage } from './support/bulk-page';
import { EditorPage } from './support/editor-page';

const LINESCANS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/e2e-folder/linescans');
const EVIL = '@evil.tif';
const HYPERLINK = '=HYPERLINK(\\"http://evil.example\\",\\"click\\")';

test.use({
  extraFiles: {
    [EVIL]: readFileSync(path.join(LINESCANS, 'ls_01.tif')),
    [`${EVIL}.json`]: readFileSync(path.join(LINESCANS, 'ls_01.tif.json'), 'utf8')
      .replace('"genotype": "WT"', `"genotype": "${HYPERLINK}"`)
      .replace('"note": ""', '"note": "-5"')
      .replace('"analysis_name": "diameter"', '"analysis_name": "+diameter"'),
  },
});

/** The rows of a downloaded table by column name, every cell as written in the file. */
function records(text: string, format: 'csv' | 'tsv'): Record<string, string>[] {
  const [header, ...rows] = parseTableVerbatim(text, format);
  return rows.map((cells) => Object.fromEntries(cells.map((cell, i) => [header?.[i], cell])));
}

test("Spreadsheet › Export writes formula-like text with a leading ', numbers as they are, and imports back unchanged", async ({
  app,
}) => {
  const editor = new EditorPage(app.page);
  const bulk = new BulkPage(app.page);
  await editor.select(EVIL);
  const tsv = await bulk.exportTable(/^TSV/, /selected image/);
  expect(tsv.name).toMatch(/\.tsv$/);
  const [row] = records(tsv.bytes.toString('utf8'), 'tsv');
  expect(row).toMatchObject({
    path: `'${EVIL}`,
    genotype: `'=HYPERLINK("http://evil.example","click")`,
    note: "'-5",
    depth: '120.0',
    species: 'mouse',
  });

  const csv = await bulk.exportTable(/^CSV/, /selected image/);
  expect(csv.bytes.toString('utf8')).toContain(`'${EVIL},mouse,`);
  const dialog = await bulk.importTable(csv.name, csv.bytes);
  await expect(dialog).toHaveAccessibleName('Nothing to import');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await bulk.spreadsheetMenuItem('Export…');
  const form = app.page.getByRole('dialog', { name: 'Export' });
  await form.getByRole('radio', { name: /selected image/ }).check();
  await form.getByRole('radio', { name: /^OMERO/ }).check();
  const [omero] = await Promise.all([
    app.page.waitForEvent('download'),
    form.getByRole('button', { name: 'Download', exact: true }).click(),
  ]);
  const line = readFileSync(await omero.path(), 'utf8').split('\r\n')[2];
  expect(line).toMatch(/^[^,]+,@evil\.tif,mouse,[^,]*,"=HYPERLINK\(""http:\/\/evil\.example"",""click""\)",/);
  const note = app.page.getByText(
    '3 cells start like a formula (=, +, -, @): kept as written for OMERO, so do not open this file in a spreadsheet program.',
  );
  await expect(note).toBeVisible();
  await app.page.screenshot({ path: test.info().outputPath('omero-note.png') });
});

test("Export results writes formula-like text with a leading ', numbers as they are", async ({ app }) => {
  const editor = new EditorPage(app.page);
  await editor.select(EVIL);
  await app.page.getByRole('button', { name: 'Results…' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Results' });
  await dialog.getByRole('radio', { name: 'Selected images (1)' }).check();
  const [csv] = await Promise.all([
    app.page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const text = readFileSync(await csv.path(), 'utf8');
  expect(text).toContain(`'${EVIL},mouse,,"'=HYPERLINK(""http://evil.example"",""click"")",`);
  const rows = records(text, 'csv');
  expect(rows).toHaveLength(8);
  expect(rows.map((r) => [r.path, r.genotype, r.note, r.depth, r.analysis])).toContainEqual([
    `'${EVIL}`,
    `'=HYPERLINK("http://evil.example","click")`,
    "'-5",
    '120.0',
    "'+diameter",
  ]);
  expect(rows.find((r) => r.analysis === "'+diameter")?.diameter_um_mean).toMatch(/^\d+\.\d+$/);
});
