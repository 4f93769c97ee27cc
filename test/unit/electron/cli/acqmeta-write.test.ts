import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { copyLab, type LabCopy } from '../services/folder/lab-folder';
import { buildCli, type BuiltCli } from './built-cli';

describe('acqmeta set', () => {
  let cli: BuiltCli;
  let copy: LabCopy;
  beforeAll(async () => {
    cli = await buildCli();
  });
  afterAll(async () => {
    await cli.remove();
  });
  beforeEach(async () => {
    copy = await copyLab();
  });
  afterEach(async () => {
    await copy.remove();
  });
  const acqmeta = (...args: string[]) => cli.run(args, copy.base);
  const read = (rel: string) => readFile(path.join(copy.lab, rel), 'utf8');
  const exists = (rel: string) => stat(path.join(copy.lab, rel)).then(() => true, () => false);

  it('writes nothing when any value is invalid, and says why (exit 2)', async () => {
    const before = await read('cells/multi-channel.ome.tif.json');
    const run = await acqmeta('set', 'lab', '--set', 'species=rat', '--set', 'depth=abc', '--set', 'branch_order=1.5');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Depth: must be a number in µm (got "abc")\n');
    expect(run.stderr).toContain('Branch order: must be a whole number (got 1.5)\n');
    expect(await read('cells/multi-channel.ome.tif.json')).toBe(before);
    expect(await exists('plain.tiff.json')).toBe(false);
    const unknown = await acqmeta('set', 'lab/plain.tiff', '--set', 'colour=red');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown field "colour"');
  });

  it('updates and creates sidecars, skips invalid ones untouched, and summarises (exit 1)', async () => {
    const ome = await read('cells/multi-channel.ome.tif.json');
    const corrupt = await read('stacks/multipage.tif.json');
    const run = await acqmeta('set', 'lab', '--set', 'species=zebrafish', '--set', 'depth=12');
    expect(run.code).toBe(1);
    expect(run.stdout.trimEnd().split('\n')).toEqual([
      'updated lab/cells/multi-channel.ome.tif.json: Species: "mouse" → "zebrafish"; Depth: 75.0 → 12.0',
      'updated lab/other/scan_01.oir.json: Species: "mouse" → "zebrafish"; Depth: (none) → 12.0',
      'created lab/plain.tiff.json: Species: "" → "zebrafish"; Depth: (none) → 12.0',
      'updated lab/stacks/float.tif.json: Species: "" → "zebrafish"; Depth: (none) → 12.0',
      '3 sidecars updated, 1 created, 0 unchanged, 2 skipped.',
    ]);
    expect(run.stderr).toMatch(/^lab\/hostile\/test_ifd_loop_to_self\.tif: cannot create a sidecar: /m);
    expect(run.stderr).toMatch(/^lab\/stacks\/multipage\.tif: invalid sidecar, left as it is: not valid JSON/m);
    expect(await read('cells/multi-channel.ome.tif.json')).toBe(ome.replace('"depth": 75.0', '"depth": 12.0').replace('"species": "mouse"', '"species": "zebrafish"'));
    expect(await read('stacks/multipage.tif.json')).toBe(corrupt);
    const created = await read('plain.tiff.json');
    expect(created).toContain('\n    "shape": "(151, 157)",\n');
    expect(created).toContain('\n    "depth": 12.0,\n');
    expect(await exists('hostile/test_ifd_loop_to_self.tif.json')).toBe(false);
  });

  it('clears a field with an empty value and reports files already set as unchanged', async () => {
    const run = await acqmeta('set', 'lab/cells/multi-channel.ome.tif', 'lab/plain.tiff', '--set', 'depth=');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('updated lab/cells/multi-channel.ome.tif.json: Depth: 75.0 → (none)\n1 sidecar updated, 0 created, 1 unchanged.\n');
    expect(await read('cells/multi-channel.ome.tif.json')).toContain('\n    "depth": null,\n');
    expect(await exists('plain.tiff.json')).toBe(false);
  });

  it('--dry-run shows what would change and writes nothing', async () => {
    const before = await read('cells/multi-channel.ome.tif.json');
    const run = await acqmeta('set', 'lab/cells', 'lab/plain.tiff', '--set', 'region=V1', '--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      'would update lab/cells/multi-channel.ome.tif.json: Region: "" → "V1"\n' +
        'would create lab/plain.tiff.json: Region: "" → "V1"\n' +
        'Dry run: 1 sidecar to update, 1 to create, 0 unchanged; nothing written.\n',
    );
    expect(await read('cells/multi-channel.ome.tif.json')).toBe(before);
    expect(await exists('plain.tiff.json')).toBe(false);
  });
});

describe('acqmeta export and import', () => {
  let cli: BuiltCli;
  let copy: LabCopy;
  beforeAll(async () => {
    cli = await buildCli();
  });
  afterAll(async () => {
    await cli.remove();
  });
  beforeEach(async () => {
    copy = await copyLab();
  });
  afterEach(async () => {
    await copy.remove();
  });
  const acqmeta = (...args: string[]) => cli.run(args, copy.base);
  const read = (rel: string) => readFile(path.join(copy.lab, rel), 'utf8');

  it('exports one row per image with valid or missing sidecar, one column per field', async () => {
    const run = await acqmeta('export', 'lab');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^stacks\/multipage\.tif: left out, invalid sidecar/m);
    const lines = run.stdout.split('\r\n');
    expect(lines[0]).toBe('path,species,sex,genotype,age,region,cell_type,depth,branch_order,direction,condition,condition2,treatment,treatment2,date,note,physical_unit_y,physical_unit_x,physical_label_y,physical_label_x');
    expect(lines[1]).toBe('cells/multi-channel.ome.tif,mouse,,,,,,75.0,,,,,,,,0.5 µm steps,1.0,1.0,Pixels,Pixels');
    expect(lines.map((l) => l.split(',')[0])).toEqual([
      'path', 'cells/multi-channel.ome.tif', 'hostile/test_ifd_loop_to_self.tif', 'other/scan_01.oir', 'plain.tiff', 'stacks/float.tif', '',
    ]);
    const tsv = await acqmeta('export', 'lab', '-o', 'table.tsv');
    expect(await readFile(path.join(copy.base, 'table.tsv'), 'utf8')).toContain('\r\nplain.tiff\t\t');
    expect(tsv.stdout).toBe('');
  });

  it('imports an edited table: shows each change, writes only changed lines, creates missing sidecars', async () => {
    const ome = await read('cells/multi-channel.ome.tif.json');
    const table = [
      'path,species,depth,note',
      'cells/multi-channel.ome.tif,mouse,80,"0.5 µm steps"',
      'plain.tiff,rat,,"two\nlines"',
      'other/scan_01.oir,mouse,,',
    ].join('\r\n');
    await writeFile(path.join(copy.lab, 'edits.csv'), table);
    const dry = await acqmeta('import', 'lab/edits.csv', '--dry-run');
    expect(dry.code).toBe(0);
    const changes = [
      'cells/multi-channel.ome.tif: Depth: 75.0 → 80.0',
      'plain.tiff: Species: "" → "rat"',
      'plain.tiff: Note: "" → "two\\nlines"',
    ];
    expect(dry.stdout).toBe(`${changes.join('\n')}\nDry run: 1 sidecar to update, 1 to create, 1 unchanged; nothing written.\n`);
    expect(await read('cells/multi-channel.ome.tif.json')).toBe(ome);
    const run = await acqmeta('import', 'lab/edits.csv');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${changes.join('\n')}\n1 sidecar updated, 1 created, 1 unchanged.\n`);
    expect(await read('cells/multi-channel.ome.tif.json')).toBe(ome.replace('"depth": 75.0', '"depth": 80.0'));
    expect(await read('plain.tiff.json')).toContain('\n    "note": "two\\nlines",\n');
  });

  it('lists every problem of a table and writes nothing (exit 2)', async () => {
    const ome = await read('cells/multi-channel.ome.tif.json');
    const table = ['path,species,depth,colour', 'cells/multi-channel.ome.tif,rat,deep,red'].join('\n');
    await writeFile(path.join(copy.base, 'bad-columns.csv'), table);
    const columns = await acqmeta('import', 'bad-columns.csv', '--root', 'lab');
    expect(columns.code).toBe(2);
    expect(columns.stderr).toBe('row 1: unknown column "colour"\nNothing was written.\n');
    const rows = ['path\tspecies\tdepth', 'cells/multi-channel.ome.tif\trat\tdeep', 'nope.tif\tx\t', '../lab/plain.tiff\tx\t', 'plain.tiff\tx'].join('\n');
    await writeFile(path.join(copy.lab, 'bad-rows.tsv'), rows);
    const run = await acqmeta('import', 'lab/bad-rows.tsv');
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      'row 2 (cells/multi-channel.ome.tif): Depth: must be a number in µm (got "deep")',
      'row 3 (nope.tif): nope.tif does not exist.',
      expect.stringMatching(/^row 4 \(\.\.\/lab\/plain\.tiff\): .*leaves the open folder/),
      'row 5: 2 cells, the header has 3',
      'Nothing was written.',
    ]);
    expect(await read('cells/multi-channel.ome.tif.json')).toBe(ome);
  });
});
