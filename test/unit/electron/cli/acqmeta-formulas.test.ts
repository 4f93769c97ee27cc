/**
 * CSV injection: text a spreadsheet program would run as a formula is escaped in the CSV and
 * TSV exports and unescaped on import (a round trip changes no byte of any sidecar), stays text
 * in a workbook, is refused as a formula cell of an imported workbook, and goes to OMERO as it is.
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cliOnLab } from './cli-on-lab';

const { acqmeta, labPath, read } = cliOnLab();

const HYPERLINK = '=HYPERLINK("http://evil.example","click")';
const SIDECARS = [
  'cells/multi-channel.ome.tif.json',
  'other/scan_01.oir.json',
  'plain.tiff.json',
  'stacks/float.tif.json',
];
const snapshot = () => Promise.all(SIDECARS.map((f) => readFile(labPath(f)).catch(() => null)));

/**
 * Gives plain.tiff text beginning with every formula character, and with a quote; a tab and a
 * carriage return at the start come from another program (typed input is trimmed), so they
 * are written into the sidecar directly. Adds `@evil.tiff`, an image whose path needs escaping.
 */
async function hostileValues(): Promise<void> {
  const set = await acqmeta(
    'set',
    'lab/plain.tiff',
    '--set',
    `cell_type=${HYPERLINK}`,
    '--set',
    'genotype=@SUM(1+1)',
    '--set',
    'species=-5',
    '--set',
    'region=+1',
    '--set',
    "treatment='quoted",
    '--set',
    "treatment2=''=1+1",
    '--set',
    'depth=-5',
    '--set',
    'condition=CR',
    '--set',
    'note=TAB',
  );
  expect(set.code).toBe(0);
  const sidecar = await read('plain.tiff.json');
  await writeFile(
    labPath('plain.tiff.json'),
    sidecar.replace('"condition": "CR"', '"condition": "\\r=cmd"').replace('"note": "TAB"', '"note": "\\t=1+1"'),
  );
  await copyFile(labPath('plain.tiff'), labPath('@evil.tiff'));
}

describe('acqmeta export and import: text a spreadsheet would run as a formula', () => {
  it("writes it with a leading ' in CSV and TSV, numbers as they are, and reads it back: no sidecar changes", async () => {
    await hostileValues();
    const before = await snapshot();
    for (const format of ['csv', 'tsv'] as const) {
      const run = await acqmeta('export', 'lab', '-o', `lab/table.${format}`);
      expect(run.code).toBe(1); // stacks/multipage.tif has an invalid sidecar
      const lines = (await read(`table.${format}`)).split('\r\n');
      const plain = lines.find((l) => l.startsWith('plain.tiff'))!;
      const d = format === 'csv' ? ',' : '\t';
      expect(lines.some((l) => l.startsWith(`'@evil.tiff${d}`))).toBe(true);
      expect(plain.split(d).slice(1, 5)).toEqual(["'-5", '', "'@SUM(1+1)", '']);
      expect(plain).toContain(`${d}'+1${d}`);
      expect(plain).toContain(`${d}-5.0${d}`);
      expect(plain).toContain(`${d}''quoted${d}'''=1+1${d}`);
      expect(plain).toContain(`"'\r=cmd"`);
      expect(plain).toContain(format === 'csv' ? `,'\t=1+1,` : `\t"'\t=1+1"\t`);
      expect(plain).toContain(`${d}"'=HYPERLINK(""http://evil.example"",""click"")"${d}`);
      const imported = await acqmeta('import', `lab/table.${format}`);
      expect([format, imported.code, imported.stdout, imported.stderr]).toEqual([
        format,
        0,
        '0 sidecars updated, 0 created, 6 unchanged.\n',
        '',
      ]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('keeps it as a text cell of a workbook, which imports unchanged', async () => {
    await hostileValues();
    const before = await snapshot();
    expect((await acqmeta('export', 'lab', '-o', 'lab/table.xlsx')).code).toBe(1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(labPath('table.xlsx'));
    const sheet = workbook.getWorksheet('AcqMeta')!;
    const header = sheet.getRow(1).values as unknown[];
    let plain: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === 'plain.tiff') plain = row;
    });
    const cell = (name: string) => plain!.getCell(header.indexOf(name));
    for (const [name, text] of [
      ['cell_type', HYPERLINK],
      ['genotype', '@SUM(1+1)'],
      ['species', '-5'],
      ['note', '\t=1+1'],
      ['treatment', "'quoted"],
    ] as const) {
      expect([name, cell(name).type, cell(name).value, cell(name).formula]).toEqual([
        name,
        ExcelJS.ValueType.String,
        text,
        undefined,
      ]);
    }
    expect(cell('depth').value).toBe(-5);
    const imported = await acqmeta('import', 'lab/table.xlsx');
    expect([imported.code, imported.stdout, imported.stderr]).toEqual([
      0,
      '0 sidecars updated, 0 created, 6 unchanged.\n',
      '',
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a workbook whose cells hold formulas, naming each by row and column, and writes nothing (exit 2)', async () => {
    const before = await snapshot();
    await acqmeta('export', 'lab', '-o', 'lab/table.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(labPath('table.xlsx'));
    const sheet = workbook.getWorksheet('AcqMeta')!;
    const column = (name: string) => (sheet.getRow(1).values as unknown[]).indexOf(name);
    expect(sheet.getRow(5).getCell(1).value).toBe('plain.tiff');
    sheet.getRow(5).getCell(column('genotype')).value = { formula: HYPERLINK.slice(1), result: 'click' };
    sheet.getRow(2).getCell(column('depth')).value = { formula: 'ROW()*40', result: 80 };
    await workbook.xlsx.writeFile(labPath('edited.xlsx'));
    for (const extra of [[], ['--dry-run']]) {
      const run = await acqmeta('import', 'lab/edited.xlsx', ...extra);
      expect([run.code, run.stdout]).toEqual([2, '']);
      expect(run.stderr.split('\n')).toEqual([
        'row 2, depth: cells/multi-channel.ome.tif: Depth: the cell is the formula =ROW()*40 (showing "80"); an import takes values, not formulas: replace it by its value (Paste Special › Values) or type the text',
        `row 5, genotype: plain.tiff: Genotype: the cell is the formula ${HYPERLINK} (showing "click"); an import takes values, not formulas: replace it by its value (Paste Special › Values) or type the text`,
        'Nothing was written.',
        '',
      ]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('writes it as it is in the OMERO bulk annotation CSV, which populate stores as it is, and warns', async () => {
    await hostileValues();
    const run = await acqmeta('export', 'lab', '--format', 'omero', '-o', 'lab/omero.csv');
    expect(run.stderr).toContain(
      '7 cells start like a formula (=, +, -, @): kept as written for OMERO, so do not open this file in a spreadsheet program\n',
    );
    const lines = (await read('omero.csv')).split('\r\n');
    expect(lines.find((l) => l.startsWith('lab,@evil.tiff,'))).toBeDefined();
    const plain = lines.find((l) => l.startsWith('lab,plain.tiff,'))!;
    expect(plain).toContain(',-5,,@SUM(1+1),,+1,"=HYPERLINK(""http://evil.example"",""click"")",-5.0,');
    expect(plain).toContain(`,'quoted,''=1+1,`);
  });
});
