/**
 * `acqmeta export --acquisition`: the acquisition columns after the fields in CSV and OMERO
 * CSV (bytes on disk), and an import of such a table, which ignores them and writes nothing.
 */
import { copyFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliOnLab } from './cli-on-lab';
import { ACQUISITION_COLUMN_NAMES } from '../../shared/sheets/acquisition-column-names';

const { acqmeta, basePath, labPath } = cliOnLab();

function fixture(name: string): string {
  return fileURLToPath(new URL(`../../../fixtures/${name}`, import.meta.url));
}

/** Puts two images that record an acquisition into the lab folder, without sidecars. */
async function addAcquisitionImages(): Promise<void> {
  await copyFile(fixture('tiff/zeiss/jimpipeline_test.lsm'), labPath('zeiss.lsm.tif'));
  await copyFile(fixture('tiff/generated/imagej-hyperstack-tzcyx-u16.tif'), labPath('stacks/hyper.tif'));
}

/** Every file under the lab folder (hidden ones too) with its bytes, but `except`. */
async function folderBytes(except: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(labPath('.'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const rel = path.relative(labPath('.'), path.join(entry.parentPath, entry.name));
    if (rel !== except) files.set(rel, await readFile(labPath(rel)));
  }
  return files;
}

describe('acqmeta export --acquisition', () => {
  it('csv: the fields as without it, then the acquisition columns, numbers as written, unknown values empty', async () => {
    await addAcquisitionImages();
    const plain = await acqmeta('export', 'lab', '-o', 'plain.csv');
    const run = await acqmeta('export', 'lab', '--acquisition', '-o', 'acquisition.csv');
    expect([plain.code, run.code]).toEqual([1, 1]); // stacks/multipage.tif's sidecar is invalid: left out
    expect(run.stderr).toContain('stacks/multipage.tif: left out, invalid sidecar');
    expect(run.stderr).toContain('7 images written to acquisition.csv\n');
    // the hostile image's header cannot be read: its acquisition cells are empty, and stderr says so
    expect(run.stderr).toContain("1 image's file could not be read: its acquisition columns are empty\n");
    expect(plain.stderr).not.toContain('acquisition');
    const plainLines = (await readFile(basePath('plain.csv'), 'utf8')).split('\r\n');
    const lines = (await readFile(basePath('acquisition.csv'), 'utf8')).split('\r\n');
    expect(lines).toHaveLength(plainLines.length);
    expect(lines[0]).toBe(`${plainLines[0]},${ACQUISITION_COLUMN_NAMES.join(',')}`);
    const tail = (rowPath: string) => {
      const i = lines.findIndex((line) => line.startsWith(`${rowPath},`));
      expect(lines[i]!.startsWith(`${plainLines[i]},`)).toBe(true);
      return lines[i]!.slice(plainLines[i]!.length + 1);
    };
    expect(tail('zeiss.lsm.tif')).toBe(
      ',EC Plan-Neofluar 40x/1.30 Oil DIC M27,1.3,ChS1 (Alexa Fluor 568) ex 561,,,2014-04-03 15:44',
    );
    expect(tail('stacks/hyper.tif')).toBe(',,,,2,,2023-11-05 14:22');
    expect(tail('stacks/float.tif')).toBe(',,,,,,');
    expect(tail('other/scan_01.oir')).toBe(',,,,,,');
  });

  it('omero: numbers are d columns, words s columns; empty number cells are named for --allow_nan', async () => {
    await addAcquisitionImages();
    const run = await acqmeta('export', 'lab', '--format', 'omero', '--acquisition', '-o', 'omero.csv');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'depth, branch_order, acquisition_na, acquisition_z_step_um, acquisition_interval_s have empty cells: run omero metadata populate with --allow_nan (they become NaN)\n',
    );
    const bytes = await readFile(basePath('omero.csv'));
    const plain = await acqmeta('export', 'lab', '--format', 'omero', '-o', 'plain-omero.csv');
    expect(plain.stderr).toContain('depth, branch_order have empty cells');
    const plainLines = (await readFile(basePath('plain-omero.csv'), 'utf8')).split('\r\n');
    const lines = bytes.toString('utf8').split('\r\n');
    expect(lines[0]).toBe(`${plainLines[0]},s,s,d,s,d,d,s`);
    expect(lines[1]).toBe(`${plainLines[1]},${ACQUISITION_COLUMN_NAMES.join(',')}`);
    const zeiss = lines.findIndex((line) => line.startsWith('lab,zeiss.lsm.tif,'));
    expect(lines[zeiss]).toBe(
      `${plainLines[zeiss]},,EC Plan-Neofluar 40x/1.30 Oil DIC M27,1.3,ChS1 (Alexa Fluor 568) ex 561,,,2014-04-03 15:44`,
    );
    const hyper = lines.findIndex((line) => line.startsWith('stacks,hyper.tif,'));
    expect(lines[hyper]).toBe(`${plainLines[hyper]},,,,,2,,2023-11-05 14:22`);
  });

  it('an exported table with the acquisition columns imports as no change: nothing written, exit 0, said once', async () => {
    await addAcquisitionImages();
    for (const format of ['csv', 'xlsx']) {
      const table = `table.${format}`;
      await acqmeta('export', 'lab', '--acquisition', '-o', `lab/${table}`);
      const before = await folderBytes(table);
      const run = await acqmeta('import', `lab/${table}`);
      expect([format, run.code, run.stdout, run.stderr]).toEqual([
        format,
        0,
        '0 sidecars updated, 0 created, 7 unchanged.\n',
        'Ignored 7 acquisition columns: they are read from the image files.\n',
      ]);
      expect(await folderBytes(table)).toEqual(before);
    }
  });

  it('is for tables: refused with a draft', async () => {
    const run = await acqmeta('export', 'lab', '--format', 'readme', '--acquisition');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--acquisition adds columns to a table (csv, tsv, xlsx, omero)');
  });
});
