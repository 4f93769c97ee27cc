import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { folderBytes, type LabCopy } from '../folder/lab-folder';
import { codeOf, removeTestBundles, startOnLab, stopOnLab, type Harness } from './backend-harness';

describe('backend exportTable and previewImport', () => {
  let copy: LabCopy;
  let h: Harness;

  beforeEach(async () => {
    ({ copy, h } = await startOnLab());
  });
  afterEach(() => stopOnLab(copy, h));
  afterAll(removeTestBundles);

  it('exports the folder or a selection as a file to download, naming images left out', async () => {
    const csv = await h.ok('exportTable', { format: 'csv' });
    expect(csv).toMatchObject({ fileName: 'lab.csv', mimeType: 'text/csv', notes: [] });
    expect(csv.skipped).toEqual([
      { path: 'stacks/multipage.tif', message: expect.stringMatching(/^invalid sidecar: .*not valid JSON/) },
    ]);
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text.split('\r\n')[1]).toBe(
      'cells/multi-channel.ome.tif,mouse,,,,,,75.0,,,,,,,,0.5 µm steps,1.0,1.0,Pixels,Pixels,true',
    );
    const selection = await h.ok('exportTable', {
      format: 'tsv',
      paths: ['plain.tiff', 'other/scan_01.oir', 'plain.tiff'],
    });
    expect(
      Buffer.from(selection.base64, 'base64')
        .toString('utf8')
        .split('\r\n')
        .map((l) => l.split('\t')[0]),
    ).toEqual(['path', 'plain.tiff', 'other/scan_01.oir', '']);
    const omero = await h.ok('exportTable', { format: 'omero', paths: ['cells/multi-channel.ome.tif'] });
    expect(omero).toMatchObject({
      fileName: 'lab-omero.csv',
      notes: ['branch_order has empty cells: run omero metadata populate with --allow_nan (they become NaN)'],
    });
    expect(Buffer.from(omero.base64, 'base64').toString('utf8')).toMatch(/^# header s,s,s,/);
    const xlsx = await h.ok('exportTable', { format: 'xlsx' });
    expect(xlsx).toMatchObject({
      fileName: 'lab.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(codeOf(await h.call('exportTable', { format: 'ods' as 'csv' }))).toBe('BAD_REQUEST');
    expect(codeOf(await h.call('exportTable', { format: 'csv', paths: ['../secret.tif'] }))).toBe('OUTSIDE_FOLDER');
  });

  it('previews an edited workbook against the disk: every change, error and warning, and writes nothing', async () => {
    const exported = await h.ok('exportTable', { format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    const bytes = Buffer.from(exported.base64, 'base64');
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const sheet = workbook.worksheets[0]!;
    const column = (name: string) => (sheet.getRow(1).values as unknown[]).indexOf(name);
    sheet.getRow(2).getCell(column('depth')).value = 80;
    sheet.getRow(3).getCell(column('branch_order')).value = 'two';
    sheet.getRow(5).getCell(column('date')).value = new Date(Date.UTC(2026, 2, 14));
    sheet.addRow(['gone.tif']);
    const before = await folderBytes(copy.lab);
    const preview = await h.ok('previewImport', {
      fileName: 'edited.xlsx',
      base64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64'),
    });
    expect(preview).toEqual({
      rows: 6,
      changes: [
        { path: 'cells/multi-channel.ome.tif', field: 'depth', before: 75, after: 80 },
        { path: 'plain.tiff', field: 'date', before: '', after: '2026-03-14' },
      ],
      errors: [
        {
          row: 3,
          column: 'branch_order',
          message: 'hostile/test_ifd_loop_to_self.tif: Branch order: must be a whole number (got "two")',
        },
      ],
      warnings: [
        {
          kind: 'unmatched-path',
          row: 7,
          column: 'path',
          message: 'gone.tif does not exist: no image here. The row is left out.',
        },
      ],
    });
    expect(await folderBytes(copy.lab)).toEqual(before);
  });

  it('previews what is on disk, not what was exported, and reports a file it cannot read', async () => {
    const exported = await h.ok('exportTable', { format: 'csv', paths: ['cells/multi-channel.ome.tif'] });
    const file = path.join(copy.lab, 'cells/multi-channel.ome.tif.json');
    await writeFile(file, (await readFile(file, 'utf8')).replace('"species": "mouse"', '"species": "rat"'));
    const preview = await h.ok('previewImport', { fileName: 'lab.csv', base64: exported.base64 });
    expect(preview.changes).toEqual([
      { path: 'cells/multi-channel.ome.tif', field: 'species', before: 'rat', after: 'mouse' },
    ]);
    const broken = await h.ok('previewImport', {
      fileName: 'x.csv',
      base64: Buffer.from('path,species\r\n"a.tif,x\r\n').toString('base64'),
    });
    expect(broken.errors).toEqual([{ row: 2, column: null, message: 'line 2: a quoted field never ends' }]);
    const notXlsx = await h.ok('previewImport', {
      fileName: 'x.xlsx',
      base64: Buffer.from('PK\u0003\u0004junk').toString('base64'),
    });
    expect(notXlsx.errors).toEqual([
      { row: null, column: null, message: expect.stringMatching(/^x\.xlsx is not a workbook that can be read: /) },
    ]);
  });

  it('previews a row whose path is the same as an image’s name under NFC as a change of that image, named as on disk', async () => {
    const onDisk = 'cafe\u0301_1.tif';
    await copyFile(path.join(copy.lab, 'plain.tiff'), path.join(copy.lab, onDisk));
    const table = `path,species\r\ncaf\u00e9_1.tif,mouse\r\n`;
    const preview = await h.ok('previewImport', { fileName: 'x.csv', base64: Buffer.from(table).toString('base64') });
    expect(preview).toMatchObject({
      changes: [{ path: onDisk, field: 'species', before: '', after: 'mouse' }],
      errors: [],
      warnings: [],
    });
  });

  it('exports the acquisition columns on request, through the backend’s scanner, and previews them as ignored', async () => {
    await copyFile(
      path.resolve(__dirname, '../../../../fixtures/tiff/zeiss/jimpipeline_test.lsm'),
      path.join(copy.lab, 'zeiss.lsm.tif'),
    );
    const csv = await h.ok('exportTable', { format: 'csv', acquisition: true });
    expect(csv.notes).toEqual(["1 image's file could not be read: its acquisition columns are empty"]);
    const lines = Buffer.from(csv.base64, 'base64').toString('utf8').split('\r\n');
    expect(lines[0]).toMatch(/,accepted,acquisition_instrument,acquisition_objective,.*,acquisition_acquired$/);
    expect(lines.find((l) => l.startsWith('zeiss.lsm.tif,'))).toMatch(
      /,true,,EC Plan-Neofluar 40x\/1\.30 Oil DIC M27,1\.3,ChS1 \(Alexa Fluor 568\) ex 561,,,2014-04-03 15:44$/,
    );
    expect(codeOf(await h.call('exportTable', { format: 'csv', acquisition: 'yes' as unknown as boolean }))).toBe(
      'BAD_REQUEST',
    );
    const before = await folderBytes(copy.lab);
    const preview = await h.ok('previewImport', { fileName: 'lab.csv', base64: csv.base64 });
    expect(preview).toMatchObject({
      changes: [],
      errors: [],
      ignoredColumns: expect.arrayContaining(['acquisition_na']),
    });
    expect(preview.ignoredColumns).toHaveLength(7);
    expect(await folderBytes(copy.lab)).toEqual(before);
  });
});
