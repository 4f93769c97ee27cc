import { copyFile, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LAB_IMAGE_PATHS } from '../services/folder/lab-folder';
import { cliOnLab } from './cli-on-lab';

const { acqmeta, labPath } = cliOnLab();

describe('acqmeta scan, show, validate, help', () => {
  it('scan --json prints one JSON line per image, in order, and exits 1 when some have errors', async () => {
    const { code, stdout, stderr } = await acqmeta('scan', 'lab', '--json');
    // the CZI without a sidecar gets no line of its own; stdout stays one object per image
    expect(stderr).toBe('1 file not read: 1 OIR (formats AcqMeta does not read yet)\n  other/scan_02.oir\n');
    expect(code).toBe(1);
    const records = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(records.map((r) => r.path)).toEqual(LAB_IMAGE_PATHS);
    expect(Object.keys(records[0])).toEqual([
      'path',
      'format',
      'header',
      'file_calibration',
      'sidecar',
      'errors',
      'profile',
      'profile_problems',
      'acquisition',
      'instrument_match',
    ]);
    expect(Object.keys(records[0].header)).toEqual([
      'shape',
      'dims',
      'sizes',
      'dtype',
      'num_channels',
      'num_scenes',
      'date',
      'time',
    ]);
    expect(records[0]).toEqual({
      path: 'cells/multi-channel.ome.tif',
      format: 'tiff',
      header: {
        shape: '(3, 167, 439)',
        dims: "('C', 'Y', 'X')",
        sizes: "{'C': 3, 'Y': 167, 'X': 439}",
        dtype: 'int8',
        num_channels: 3,
        num_scenes: 1,
        date: '',
        time: '',
      },
      file_calibration: null,
      sidecar: 'ok',
      errors: [],
      profile: null,
      profile_problems: [],
      // a listing's acquisition has no origins: `show` gives them
      acquisition: {
        written_by: 'tifffile.py',
        // the order its OME-XML states; the byte order and levels of its TIFF header
        storage: { byte_order: 'little', dimension_order: 'XYZCT', resolution_levels: 1 },
        sources: ['ome', 'tiff'],
      },
      // no acqmeta.instruments/ is in force
      instrument_match: null,
    });
    expect(records[1]).toMatchObject({ header: null, sidecar: 'missing', errors: [expect.any(String)] });
    expect(records[2]).toMatchObject({ header: { shape: '(2, 1024, 1024)', time: '14:05:09' }, sidecar: 'ok' });
    expect(records[3]).toMatchObject({
      header: { shape: '(151, 157)', dtype: 'uint8' },
      sidecar: 'missing',
      errors: [],
    });
    expect(records[4]).toMatchObject({ sidecar: 'ok', errors: ['Branch order: must be a whole number (got 2.5)'] });
    expect(records[5]).toMatchObject({ sidecar: 'invalid' });
    expect(records[5].errors[0]).toMatch(/not valid JSON/);
  });

  it('scan prints readable columns and exits 0 on a folder without problems', async () => {
    await rm(labPath('hostile'), { recursive: true });
    await rm(labPath('stacks'), { recursive: true });
    const { code, stdout } = await acqmeta('scan', 'lab');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^path\s+dims\s+dtype\s+ch\s+sidecar\s+errors$/);
    expect(lines).toHaveLength(7);
    expect(lines[1]).toMatch(/^cells\/multi-channel\.ome\.tif\s+CYX 3x167x439\s+int8\s+3\s+ok$/);
    expect(lines[3]).toMatch(/^plain\.tiff\s+YX 151x157\s+uint8\s+1\s+missing$/);
    expect(lines.slice(4)).toEqual([
      '',
      '1 file not read: 1 OIR (formats AcqMeta does not read yet)',
      '  other/scan_02.oir',
    ]);
  });

  it('scan does not read again what is unchanged since the last scan, unless told --no-cache', async () => {
    const sidecar = labPath('cells/multi-channel.ome.tif.json');
    const fixed = new Date('2024-01-02T03:04:05Z');
    await utimes(sidecar, fixed, fixed);
    const sidecarState = async (...flags: string[]) =>
      JSON.parse((await acqmeta('scan', 'lab', '--json', ...flags)).stdout.split('\n')[0] ?? '').sidecar;
    expect(await sidecarState()).toBe('ok');
    // the same size and modification time, but no longer JSON: only a scan that reads it can tell
    await writeFile(sidecar, (await readFile(sidecar, 'utf8')).replace('{', '['));
    await utimes(sidecar, fixed, fixed);
    expect(await sidecarState()).toBe('ok');
    expect(await sidecarState('--no-cache')).toBe('invalid');
  });

  it('show prints the header, tags, description and sidecar values', async () => {
    const readable = await acqmeta('show', 'lab/cells/multi-channel.ome.tif');
    expect(readable.code).toBe(0);
    expect(readable.stdout).toMatch(/\n {2}Shape\s+\(3, 167, 439\)\n/);
    expect(readable.stdout).toMatch(/\n {2}Species\s+"mouse"\n/);
    expect(readable.stdout).toMatch(/\n {2}Depth\s+75\.0\n/);
    expect(readable.stdout).toContain('ImageWidth');
    expect(readable.stdout).toContain('Description (ome)');
    const json = await acqmeta('show', 'lab/cells/multi-channel.ome.tif', '--json');
    const shown = JSON.parse(json.stdout);
    expect(shown).toMatchObject({
      page_count: 3,
      sidecar: 'ok',
      values: { species: 'mouse', depth: 75 },
      description: { kind: 'ome' },
      acquisition: { written_by: 'tifffile.py', origins: { written_by: { flavour: 'tiff', key: 'Software' } } },
    });
    expect(shown.tags.find((t: { code: number }) => t.code === 256)).toMatchObject({ name: 'ImageWidth' });
  });

  it('show gives the values read from a damaged sidecar as written, never the defaults', async () => {
    const readable = await acqmeta('show', 'lab/stacks/multipage.tif');
    expect(readable.code).toBe(1);
    expect(readable.stdout).toContain(
      '\nSidecar: invalid, left untouched\n  Read from the file up to line 11, where it',
    );
    expect(readable.stdout).toMatch(/\n {2}Accepted\s+true\n/);
    expect(readable.stdout).toMatch(/\n {2}Condition\s+""\n/);
    expect(readable.stdout).toMatch(/\n {2}Not read: Species, [^\n]*Depth, /);
    expect(readable.stdout).not.toMatch(/\n {2}Species\s/);
    const shown = JSON.parse((await acqmeta('show', 'lab/stacks/multipage.tif', '--json')).stdout);
    expect(shown.values).toBeNull();
    expect(shown.values_read_from_damaged_file).toMatchObject({
      accepted: 'true',
      branch_order: 'null',
      condition: '""',
    });
    expect(shown.values_read_from_damaged_file).not.toHaveProperty('depth');
  });

  it('show says where a declared pixel size comes from', async () => {
    await copyFile(
      fileURLToPath(new URL('../../../fixtures/tiff/generated/plain-dpi-rgb.tif', import.meta.url)),
      labPath('photo.tif'),
    );
    const readable = await acqmeta('show', 'lab/photo.tif');
    expect(readable.code).toBe(0);
    expect(readable.stdout).toMatch(
      /\n {2}Calibration\s+84\.66666666666667 x 84\.66666666666667 um per pixel \(TIFF resolution tags in dots per inch\)\n/,
    );
    expect(readable.stdout).toContain('\nSidecar: missing (the values a new sidecar starts with)\n');
    const shown = JSON.parse((await acqmeta('show', 'lab/photo.tif', '--json')).stdout);
    expect(shown.file_calibration).toEqual({ x: 25400 / 300, y: 25400 / 300, unit: 'um', source: 'resolution-inch' });
  });

  it('validate lists one line per problem and exits 1, or 0 when every sidecar is valid', async () => {
    const { code, stdout, stderr } = await acqmeta('validate', 'lab');
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('stacks/float.tif.json: Branch order: must be a whole number (got 2.5)');
    expect(lines[1]).toMatch(/^stacks\/multipage\.tif\.json: not valid JSON/);
    expect(stderr).toContain('4 sidecars checked, 2 with problems');
    await rm(labPath('stacks'), { recursive: true });
    const clean = await acqmeta('validate', 'lab');
    expect([clean.code, clean.stdout]).toEqual([0, '']);
  });

  it('flags a sidecar whose recorded header is not the image beside it, naming both values', async () => {
    await copyFile(labPath('stacks/float.tif.json'), labPath('plain.tiff.json'));
    const problem =
      'The sidecar records shape (20, 20) but the image has (151, 157); data type float64 but the image has uint8: was it copied beside another image, or the image replaced?';
    const validate = await acqmeta('validate', 'lab');
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain(`plain.tiff.json: ${problem}\n`);
    const scan = await acqmeta('scan', 'lab', '--json');
    const plain = scan.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { path: string; errors: string[] })
      .find((row) => row.path === 'plain.tiff');
    expect(plain?.errors).toEqual(['Branch order: must be a whole number (got 2.5)', problem]);
  });

  it('documents commands and exit codes, and answers bad usage with exit 2 and a hint', async () => {
    const help = await acqmeta('--help');
    expect(help.code).toBe(0);
    for (const command of ['scan', 'show', 'set', 'validate', 'export', 'import'])
      expect(help.stdout).toContain(`  ${command} `);
    expect(help.stdout).toContain('3  a conflict');
    const setHelp = await acqmeta('set', '--help');
    expect(setHelp.stdout).toContain('--dry-run');
    expect(setHelp.stdout).toContain('branch_order');
    expect((await acqmeta('help', 'set')).stdout).toBe(setHelp.stdout);
    for (const args of [
      [],
      ['frobnicate'],
      ['help', 'frobnicate'],
      ['scan'],
      ['scan', 'lab', '--nope'],
      ['scan', 'missing-folder'],
    ]) {
      const run = await acqmeta(...args);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
    expect((await acqmeta('scan', 'lab', '--nope')).stderr).toBe(
      'acqmeta scan: unknown option --nope (see acqmeta scan --help)\n',
    );
  });
});
