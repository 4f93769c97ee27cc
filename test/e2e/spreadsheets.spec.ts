/**
 * Spreadsheets in the app: an XLSX export edited by another program (exceljs here) comes back
 * through the import preview, is applied as one step and saved — only the edited line changes;
 * an export imported unedited changes nothing; the acquisition columns are exported on request
 * and ignored by the import.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { test, expect } from './support/app';
import { BulkPage } from './support/bulk-page';
import { EditorPage } from './support/editor-page';

const BLOBS = 'stacks/_blobs_3d_fiji_skeleton.tif';
const XLSX = /^Excel workbook/;

/** Sets one cell, found by its row's path and its column's header, in a workbook's first sheet. */
async function editCell(bytes: Buffer, rowPath: string, column: string, value: ExcelJS.CellValue): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).indexOf(column);
  let edited = 0;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === rowPath) {
      row.getCell(header).value = value;
      edited++;
    }
  });
  expect(edited).toBe(1);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test('an XLSX export edited elsewhere is previewed, applied as one step and saved: only the edited line changes', async ({
  app,
}) => {
  const editor = new EditorPage(app.page);
  const bulk = new BulkPage(app.page);
  const before = readFileSync(app.file(`${BLOBS}.json`), 'utf8');
  const exported = await bulk.exportTable(XLSX);
  expect(exported.name).toMatch(/^acqmeta-e2e-.*\.xlsx$/);
  const edited = await editCell(exported.bytes, BLOBS, 'genotype', 'Thy1-GFP');

  const dialog = await bulk.importTable('edited.xlsx', edited);
  await expect(dialog).toHaveAccessibleName('Import edited.xlsx?');
  await expect(dialog).toContainText('1 change on 1 image');
  const changes = dialog.getByRole('table', { name: 'Changes' });
  await expect(changes.getByRole('row')).toHaveCount(2);
  await expect(changes.getByRole('row').nth(1)).toHaveText(`${BLOBS}Genotype(empty) → Thy1-GFP`);
  await dialog.getByRole('button', { name: 'Apply 1 change' }).click();
  await expect(dialog).toBeHidden();
  await expect(editor.row(BLOBS)).toContainText('Thy1-GFP');
  await expect(app.page.getByRole('button', { name: 'Undo Import edited.xlsx (Genotype)' })).toBeEnabled();
  expect(readFileSync(app.file(`${BLOBS}.json`), 'utf8')).toBe(before);

  await editor.save();
  await expect(app.page.getByText('All changes saved')).toBeVisible();
  expect(readFileSync(app.file(`${BLOBS}.json`), 'utf8')).toBe(
    before.replace('"genotype": "",', '"genotype": "Thy1-GFP",'),
  );
});

test('an export imported unedited changes nothing, and says so', async ({ app }) => {
  const bulk = new BulkPage(app.page);
  for (const format of [XLSX, /^CSV/]) {
    const exported = await bulk.exportTable(format);
    const dialog = await bulk.importTable(exported.name, exported.bytes);
    await expect(dialog).toHaveAccessibleName('Nothing to import');
    await expect(dialog).toContainText(`every value in ${exported.name} is what is saved already, so nothing changes`);
    await expect(dialog.getByRole('button', { name: /^Apply/ })).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(app.page.getByRole('button', { name: 'Nothing to undo' })).toBeDisabled();
  }
});

test('an import with errors lists each with its row and column and applies nothing; warnings are shown', async ({
  app,
}) => {
  const editor = new EditorPage(app.page);
  const bulk = new BulkPage(app.page);
  await editor.select(BLOBS);
  await editor.row('cells/multi-channel.ome.tif').click({ modifiers: ['ControlOrMeta'] });
  const exported = await bulk.exportTable(/^CSV/, /selected images/);
  const lines = exported.bytes.toString('utf8').split('\r\n');
  const header = lines[0]!.split(',');
  const depth = header.indexOf('depth');
  const broken = lines.map((line, i) =>
    i === 2
      ? line
          .split(',')
          .map((cell, c) => (c === depth ? 'deep' : cell))
          .join(',')
      : line,
  );
  broken.splice(3, 0, `missing/nowhere.tif${','.repeat(header.length - 1)}`);
  const dialog = await bulk.importTable('broken.csv', Buffer.from(broken.join('\r\n')));
  await expect(dialog).toHaveAccessibleName('broken.csv cannot be imported');
  const errors = dialog.getByRole('table', { name: 'Errors' });
  await expect(errors.getByRole('row').nth(1)).toContainText(/^3depth/);
  await expect(dialog.getByRole('list', { name: 'Warnings' })).toContainText('Row 4');
  await expect(dialog.getByRole('button', { name: /^Apply/ })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(editor.quickFilter('Unsaved')).toHaveText(/^Unsaved\s*0$/);
});

test('an export with unsaved edits offers to save them first, and then holds them', async ({ app }) => {
  const editor = new EditorPage(app.page);
  const bulk = new BulkPage(app.page);
  await editor.select(BLOBS);
  await editor.type('Genotype', 'Thy1-GFP');
  await bulk.spreadsheetMenuItem('Export…');
  const dialog = app.page.getByRole('dialog', { name: 'Export' });
  await expect(dialog).toContainText('1 image has unsaved changes');
  await expect(dialog.getByRole('button', { name: 'Download saved values', exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  const exported = await bulk.exportTable(/^CSV/, /^All \d+ images/, 'Save and download');
  expect(readFileSync(app.file(`${BLOBS}.json`), 'utf8')).toContain('"genotype": "Thy1-GFP"');
  const line = exported.bytes
    .toString('utf8')
    .split('\r\n')
    .find((l) => l.startsWith(`${BLOBS},`));
  expect(line).toContain(',Thy1-GFP,');
  await expect(editor.row(BLOBS)).toContainText('Saved');
});

test.describe('the acquisition columns', () => {
  const LSM = 'zeiss/jimpipeline_test.lsm.tif';
  test.use({
    extraFiles: {
      [LSM]: readFileSync(
        path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/tiff/zeiss/jimpipeline_test.lsm'),
      ),
    },
  });

  test('are exported when checked, off by default, and an import of them ignores them and says so', async ({ app }) => {
    const bulk = new BulkPage(app.page);
    await bulk.spreadsheetMenuItem('Export…');
    const form = bulk.dialog('Export');
    const checkbox = form.getByRole('checkbox', { name: 'Acquisition columns (read from the files)' });
    await expect(checkbox).not.toBeChecked();
    await form.getByRole('radio', { name: /^Dataset readme/ }).check();
    await expect(checkbox).toBeDisabled();
    await form.getByRole('button', { name: 'Cancel' }).click();

    const plain = await bulk.exportTable(/^CSV/);
    expect(plain.bytes.toString('utf8').split('\r\n')[0]).toMatch(/,accepted$/);
    const exported = await bulk.exportTable(/^CSV/, /^All \d+ images/, 'Download', true);
    const lines = exported.bytes.toString('utf8').split('\r\n');
    expect(lines[0]).toBe(
      `${plain.bytes.toString('utf8').split('\r\n')[0]},acquisition_instrument,acquisition_objective,acquisition_na,acquisition_channels,acquisition_z_step_um,acquisition_interval_s,acquisition_acquired`,
    );
    expect(lines.find((line) => line.startsWith(`${LSM},`))).toMatch(
      /,,EC Plan-Neofluar 40x\/1\.30 Oil DIC M27,1\.3,ChS1 \(Alexa Fluor 568\) ex 561,,,2014-04-03 15:44$/,
    );

    const before = readFileSync(app.file(`${BLOBS}.json`), 'utf8');
    const dialog = await bulk.importTable(exported.name, exported.bytes);
    await expect(dialog).toHaveAccessibleName('Nothing to import');
    await expect(dialog).toContainText('Ignored 7 acquisition columns: they are read from the image files.');
    await expect(dialog.getByRole('button', { name: /^Apply/ })).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(app.page.getByRole('button', { name: 'Nothing to undo' })).toBeDisabled();
    expect(readFileSync(app.file(`${BLOBS}.json`), 'utf8')).toBe(before);
  });
});
