import { cp, readdir, readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/run-cli';
import { EDITABLE_FIELDS } from '../../../../shared/fields/field-table';
import { cliInFolder } from './support/cli-in-folder';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures');

describe('acqmeta results', () => {
  const folder = cliInFolder('acqmeta-results-', {
    prepare: async (base) => {
      await cp(path.join(FIXTURES, 'linescans'), path.join(base, 'linescans'), {
        filter: (src) => !src.endsWith('.py'),
        recursive: true,
      });
      await cp(path.join(FIXTURES, 'e2e-folder'), path.join(base, 'mixed'), {
        filter: (src) => !src.endsWith('.py'),
        recursive: true,
      });
    },
  });
  const { acqmeta, at } = folder;

  it('prints one CSV row per analysis record, numbers as the sidecars have them', async () => {
    const { code, stdout, stderr } = await acqmeta('results', 'linescans');
    expect([code, stderr]).toEqual([0, '']);
    const lines = stdout.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(1 + 48 + 1);
    expect(lines[0]).toBe(
      [
        'path',
        ...EDITABLE_FIELDS.map((f) => f.name),
        'analysis,roi_id,channel,num_windows,velocity_cv,velocity_mean,velocity_median',
        'diameter_um_cv,diameter_um_mean,diameter_um_median,num_qc_center_violations,num_qc_diameter_violations,num_qc_edge_violations',
      ].join(','),
    );
    const header = (lines[0] ?? '').split(',');
    const record = (line: string | undefined) =>
      Object.fromEntries((line ?? '').split(',').map((cell, i) => [header[i], cell]));
    expect(record(lines[2])).toMatchObject({
      path: 'ls_01.tif',
      genotype: 'WT',
      depth: '120.0',
      physical_unit_y: '0.00095',
      analysis: 'diameter',
      roi_id: '1',
      channel: '0',
      velocity_mean: '',
      diameter_um_cv: '0.06497503584864424',
      diameter_um_mean: '3.007982374069555',
      num_qc_diameter_violations: '5',
    });
    expect(record(lines[5])).toMatchObject({
      analysis: 'radon_velocity',
      roi_id: '3',
      num_windows: '0',
      velocity_mean: '',
      velocity_cv: '',
    });
    expect(
      lines
        .map(record)
        .filter((r) => r.velocity_cv === 'inf')
        .map((r) => [r.path, r.roi_id]),
    ).toEqual([['ls_02.tif', '2']]);
    expect(lines.filter((l) => l.includes(',APP/PS1,'))).toHaveLength(24);
  });

  it('writes TSV to a file, the format taken from its name, and says what it wrote', async () => {
    const { code, stderr } = await acqmeta('results', 'linescans', '-o', 'out.tsv');
    expect([code, stderr]).toEqual([0, '48 records of 6 images written to out.tsv\n']);
    const written = await readFile(at('out.tsv'), 'utf8');
    const printed = await acqmeta('results', 'linescans', '--format', 'tsv');
    expect(written).toBe(printed.stdout);
    expect(written.split('\r\n')[1]?.split('\t')).toContain('1.74263643202636');
  });

  it('walks subfolders, quotes text that needs it, reports invalid sidecars and exits 1', async () => {
    const { code, stdout, stderr } = await acqmeta('results', 'mixed');
    expect(code).toBe(1);
    expect(stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^chessboard_GRAY_U16\.tif: left out, invalid sidecar: .*version is 3/),
      expect.stringMatching(/^stacks\/stuck\.tif: left out, invalid sidecar: .*not valid JSON/),
    ]);
    const lines = stdout.trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 1 + 3 * 8);
    expect(lines[1]).toMatch(
      /^cells\/multi-channel\.ome\.tif,.*,Thy1-GFP,.*,"Imaged at 920 nm, 0\.5 µm steps 🐭",.*,diameter,2,0,inf,3\.2,,/,
    );
    expect(lines.slice(2).every((l) => l.startsWith('linescans/ls_0'))).toBe(true);
  });

  it('writes a workbook: summary values as numbers, NaN as an empty cell, Infinity as inf', async () => {
    const { code, stderr } = await acqmeta('results', 'linescans', '-o', 'results.xlsx');
    expect([code, stderr]).toEqual([0, '48 records of 6 images written to results.xlsx\n']);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(at('results.xlsx'));
    const sheet = workbook.getWorksheet('AcqMeta')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const cell = (row: number, name: string) => sheet.getRow(row).getCell(header.indexOf(name) + 1).value;
    expect(sheet.rowCount).toBe(1 + 48);
    expect([cell(2, 'path'), cell(2, 'genotype'), cell(2, 'depth'), cell(2, 'accepted'), cell(2, 'roi_id')]).toEqual([
      'ls_01.tif',
      'WT',
      120,
      true,
      1,
    ]);
    expect(cell(2, 'velocity_mean')).toBe(1.74263643202636);
    expect(cell(6, 'velocity_mean')).toBeNull();
    expect(cell(6, 'num_windows')).toBe(0);
    expect(cell(12, 'velocity_cv')).toBe('inf');
    expect((await acqmeta('results', 'linescans', '--format', 'xlsx')).stdout.startsWith('PK')).toBe(true);
  });

  it('refuses formats it cannot write, XLSX to a terminal and folders that do not exist, and writes no sidecar', async () => {
    const before = await Promise.all((await readdir(at('linescans'))).map((n) => readFile(at('linescans', n))));
    const omero = await acqmeta('results', 'linescans', '--format', 'omero');
    expect([omero.code, omero.stderr]).toEqual([
      2,
      'acqmeta results: --format must be one of csv, tsv, xlsx (got "omero") (see acqmeta results --help)\n',
    ]);
    expect((await acqmeta('results', 'nowhere')).code).toBe(2);
    const err: string[] = [];
    const out = {
      line: async () => {},
      write: async () => {},
      flush: async () => {},
      bytes: async () => {},
      isTerminal: true,
      columns: 80,
    };
    const io = {
      out,
      err: (line: string) => err.push(line),
      progress: () => {},
      showProgress: false,
      cwd: folder.base,
    };
    expect(await runCli(['results', 'linescans', '--format', 'xlsx'], io)).toBe(2);
    expect(err).toEqual([
      'acqmeta results: an XLSX workbook is binary: give -o <file>.xlsx or redirect stdout to a file (see acqmeta results --help)',
    ]);
    expect((await acqmeta('--help')).stdout).toContain('  results ');
    const after = await Promise.all((await readdir(at('linescans'))).map((n) => readFile(at('linescans', n))));
    expect(after).toEqual(before);
  });
});
