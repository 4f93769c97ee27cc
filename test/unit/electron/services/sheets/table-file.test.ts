import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { decodeTable, encodeExport, TableFileError } from '../../../../../electron/services/sheets/table-file';
import type { Acquisition } from '../../../../../shared/acquisition/acquisition-types';
import { EDITABLE_FIELDS } from '../../../../../shared/fields/field-table';
import { ACQUISITION_COLUMN_NAMES } from '../../../shared/sheets/acquisition-column-names';

async function workbookBytes(build: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet('Sheet1'));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('decodeTable', () => {
  it('reads workbook cells as a person sees them, formulas as formulas, keeping row numbers and padding rows', async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.getRow(1).values = ['path', 'genotype', 'depth', 'date'];
      sheet.getRow(2).values = [
        'a.tif',
        { richText: [{ text: 'Thy' }, { text: '1' }] },
        { formula: '6*2', result: 12 },
        new Date(Date.UTC(2026, 2, 14)),
      ];
      sheet.getRow(4).values = ['b.tif', { text: 'WT', hyperlink: 'https://example.org' }, { error: '#N/A' }];
      sheet.getRow(5).values = ['c.tif', { formula: 'A1' }];
    });
    expect(await decodeTable('lab.xlsx', bytes)).toEqual([
      ['path', 'genotype', 'depth', 'date'],
      ['a.tif', 'Thy1', { formula: '6*2', result: '12' }, new Date(Date.UTC(2026, 2, 14))],
      [null, null, null, null],
      ['b.tif', 'WT', { error: '#N/A' }, null],
      ['c.tif', { formula: 'A1', result: null }, null, null],
    ]);
  });

  it('reads text in UTF-8, UTF-16 and Windows-1252, with commas, tabs or semicolons', async () => {
    const rows = [
      ['path', 'note'],
      ['a.tif', 'µm'],
    ];
    expect(await decodeTable('t.csv', new TextEncoder().encode('\uFEFFpath,note\r\na.tif,µm\r\n'))).toEqual(rows);
    expect(
      await decodeTable(
        't.txt',
        new Uint8Array([
          0x70, 0x61, 0x74, 0x68, 0x3b, 0x6e, 0x6f, 0x74, 0x65, 0x0a, 0x61, 0x2e, 0x74, 0x69, 0x66, 0x3b, 0xb5, 0x6d,
        ]),
      ),
    ).toEqual(rows);
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('path\tnote\na.tif\tµm', 'utf16le')]);
    expect(await decodeTable('t.txt', utf16)).toEqual(rows);
  });

  it('refuses old binary workbooks and reports the line of broken text', async () => {
    await expect(decodeTable('old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).rejects.toThrow(
      new TableFileError(null, 'old.xls is not an XLSX workbook (save it as .xlsx, CSV or TSV)'),
    );
    await expect(decodeTable('t.csv', new TextEncoder().encode('a,b\n"x'))).rejects.toMatchObject({
      row: 2,
      message: 'line 2: a quoted field never ends',
    });
  });
});

describe('encodeExport with the acquisition columns', () => {
  const defaults = Object.fromEntries(EDITABLE_FIELDS.map((f) => [f.name, f.default]));
  const acquisition: Acquisition = {
    objective: { magnification: 63, na: 1.4, immersion: 'Oil' },
    pixel_size_um: { x: 0.1, y: 0.1, z: 0.5 },
    sources: ['ome'],
  };
  const rows = [
    { path: 'a.tif', values: defaults, acquisition },
    { path: 'b.tif', values: defaults },
  ];

  it('writes numbers as number cells, words as text cells and unknown values as no value; off by default', async () => {
    const plain = await decodeTable('t.xlsx', (await encodeExport('xlsx', rows, 'lab')).bytes);
    const table = await decodeTable('t.xlsx', (await encodeExport('xlsx', rows, 'lab', { acquisition: true })).bytes);
    const width = EDITABLE_FIELDS.length + 1;
    expect(plain[0]).toHaveLength(width);
    expect(table[0]!.slice(0, width)).toEqual(plain[0]);
    expect(table[0]!.slice(width)).toEqual(ACQUISITION_COLUMN_NAMES);
    expect(table[1]!.slice(width)).toEqual([null, '63×/1.40 Oil', 1.4, null, 0.5, null, null]);
    expect(table[2]!.slice(width)).toEqual([null, null, null, null, null, null, null]);
  });
});
