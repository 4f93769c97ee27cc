import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cliOnLab } from './cli-on-lab';

const { acqmeta, labPath, basePath, read, exists } = cliOnLab();

const SIDECARS = [
  'cells/multi-channel.ome.tif.json',
  'other/scan_01.oir.json',
  'plain.tiff.json',
  'stacks/float.tif.json',
  'stacks/multipage.tif.json',
];
const snapshot = () => Promise.all(SIDECARS.map((f) => read(f).catch(() => null)));

describe('acqmeta import', () => {
  it('changes nothing when an exported table comes back unedited (CSV, TSV, XLSX)', async () => {
    const set = await acqmeta(
      'set',
      'lab/plain.tiff',
      '--set',
      'depth=0.30000000000000004',
      '--set',
      'species=µ-rat 😀',
      '--set',
      'note=two\r\nlines, "quoted"\tand _x000D_',
      '--set',
      'genotype=1.0',
      '--set',
      'physical_unit_x=1e-05',
    );
    expect(set.code).toBe(0);
    const before = await snapshot();
    for (const format of ['csv', 'tsv', 'xlsx']) {
      await acqmeta('export', 'lab', '-o', `lab/table.${format}`);
      const run = await acqmeta('import', `lab/table.${format}`);
      expect([format, run.code, run.stdout, run.stderr]).toEqual([
        format,
        0,
        '0 sidecars updated, 0 created, 5 unchanged.\n',
        '',
      ]);
    }
    expect(await snapshot()).toEqual(before);
    expect(await exists('hostile/test_ifd_loop_to_self.tif.json')).toBe(false);
  });

  it('imports an edited table: shows each change, writes only changed lines, creates missing sidecars', async () => {
    const ome = await read('cells/multi-channel.ome.tif.json');
    const table = [
      'path,species,depth,note',
      'cells/multi-channel.ome.tif,mouse,80,"0.5 µm steps"',
      'plain.tiff,rat,,"two\nlines"',
      'other/scan_01.oir,mouse,,',
    ].join('\r\n');
    await writeFile(labPath('edits.csv'), table);
    const dry = await acqmeta('import', 'lab/edits.csv', '--dry-run');
    expect(dry.code).toBe(0);
    const changes = [
      'cells/multi-channel.ome.tif: Depth: 75.0 → 80.0',
      'plain.tiff: Species: "" → "rat"',
      'plain.tiff: Note: "" → "two\\nlines"',
    ];
    expect(dry.stdout).toBe(
      `${changes.join('\n')}\nDry run: 1 sidecar to update, 1 to create, 1 unchanged; nothing written.\n`,
    );
    expect(await read('cells/multi-channel.ome.tif.json')).toBe(ome);
    const run = await acqmeta('import', 'lab/edits.csv');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${changes.join('\n')}\n1 sidecar updated, 1 created, 1 unchanged.\n`);
    expect(await read('cells/multi-channel.ome.tif.json')).toBe(ome.replace('"depth": 75.0', '"depth": 80.0'));
    expect(await read('plain.tiff.json')).toContain('\n    "note": "two\\nlines",\n');
  });

  it('undoes what a spreadsheet program did to a workbook: date cells, decimal commas, spaces, numbers as text', async () => {
    await acqmeta('export', 'lab', '-o', 'lab/table.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(labPath('table.xlsx'));
    const sheet = workbook.worksheets[0]!;
    const column = (name: string) => (sheet.getRow(1).values as unknown[]).indexOf(name);
    const plain = sheet.getRow(5);
    expect(plain.getCell(1).value).toBe('plain.tiff');
    plain.getCell(column('date')).value = new Date(Date.UTC(2026, 2, 14));
    plain.getCell(column('depth')).value = ' 12,5 ';
    plain.getCell(column('branch_order')).value = '2.0';
    plain.getCell(column('genotype')).value = '  Thy1-GFP ';
    sheet.getRow(2).getCell(column('depth')).value = 75.00000000000001;
    await workbook.xlsx.writeFile(labPath('edited.xlsx'));
    const run = await acqmeta('import', 'lab/edited.xlsx');
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      [
        'plain.tiff: Genotype: "" → "Thy1-GFP"',
        'plain.tiff: Depth: (none) → 12.5',
        'plain.tiff: Branch order: (none) → 2',
        'plain.tiff: Date: "" → "2026-03-14"',
        '0 sidecars updated, 1 created, 4 unchanged.',
        '',
      ].join('\n'),
    );
    expect(await read('plain.tiff.json')).toContain('\n    "date": "2026-03-14",\n    "depth": 12.5,\n');
  });

  it('lists every error with its row and column and writes nothing (exit 2)', async () => {
    const before = await snapshot();
    await writeFile(
      basePath('bad-columns.csv'),
      ['path,species,depth,colour', 'cells/multi-channel.ome.tif,rat,deep,red'].join('\n'),
    );
    const columns = await acqmeta('import', 'bad-columns.csv', '--root', 'lab');
    expect([columns.code, columns.stderr]).toEqual([
      2,
      'row 1, colour: unknown column "colour"\nNothing was written.\n',
    ]);
    const rows = [
      'path\tspecies\tdepth',
      'cells/multi-channel.ome.tif\trat\tdeep',
      'stacks/multipage.tif\tx\t',
      '../lab/plain.tiff\tx\t',
      'plain.tiff\tx',
      'hostile/test_ifd_loop_to_self.tif\tx\t',
    ];
    await writeFile(labPath('bad-rows.tsv'), rows.join('\n'));
    for (const extra of [[], ['--dry-run']]) {
      const run = await acqmeta('import', 'lab/bad-rows.tsv', ...extra);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trimEnd().split('\n')).toEqual([
        'row 2, depth: cells/multi-channel.ome.tif: Depth: must be a number in µm (got "deep")',
        expect.stringMatching(/^row 3, path: stacks\/multipage\.tif: invalid sidecar, left as it is: .*not valid JSON/),
        'row 4, path: ../lab/plain.tiff: "../lab/plain.tiff" leaves the open folder.',
        'row 5: 2 cells, the header has 3',
        expect.stringMatching(/^row 6, path: hostile\/test_ifd_loop_to_self\.tif: cannot create a sidecar: .*IFD loop/),
        'Nothing was written.',
      ]);
    }
    expect(await snapshot()).toEqual(before);
    expect(await exists('hostile/test_ifd_loop_to_self.tif.json')).toBe(false);
  });

  it('warns about drag-fill runs and leaves out rows whose path matches no image (exit 1)', async () => {
    await acqmeta('set', 'lab', '--set', 'genotype=mouse1');
    const table = [
      'path,genotype',
      'cells/multi-channel.ome.tif,mouse1',
      'other/scan_01.oir,mouse2',
      'stacks/float.tif,mouse3',
      'gone.tif,mouse4',
    ];
    await writeFile(labPath('fill.csv'), table.join('\n'));
    const run = await acqmeta('import', 'lab/fill.csv');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'warning: row 2, genotype: rows 2–4: "mouse1", "mouse2", "mouse3" count up where all held "mouse1" before; a spreadsheet\'s drag-fill may have made them\n' +
        'warning: row 5, path: gone.tif does not exist: no image here. The row is left out.\n',
    );
    expect(run.stdout).toBe(
      'other/scan_01.oir: Genotype: "mouse1" → "mouse2"\nstacks/float.tif: Genotype: "mouse1" → "mouse3"\n2 sidecars updated, 0 created, 1 unchanged.\n',
    );
    expect(await read('stacks/float.tif.json')).toContain('"genotype": "mouse3"');
  });
});
