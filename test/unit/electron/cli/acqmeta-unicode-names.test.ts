/**
 * Names spelled on another system: a file named on macOS (`é` decomposed) and the same name typed
 * in a table or a pattern elsewhere (`é` composed), and the reverse, are one name under NFC.
 */
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { cliOnLab } from './cli-on-lab';

const { acqmeta, labPath, read } = cliOnLab();

const COMPOSED = 'caf\u00e9_1.tif';
const DECOMPOSED = 'cafe\u0301_1.tif';

/** An image in `lab/names/` under `onDisk`, and a CSV naming it `inTable`, genotype WT. */
async function imageAndTable(onDisk: string, inTable: string): Promise<void> {
  await mkdir(labPath('names'));
  await copyFile(labPath('plain.tiff'), labPath(`names/${onDisk}`));
  await writeFile(labPath('table.csv'), `path,genotype\r\nnames/${inTable},WT\r\n`);
}

describe('names the same under NFC', () => {
  for (const [onDisk, inTable, what] of [
    [DECOMPOSED, COMPOSED, 'decomposed on disk, composed in the table'],
    [COMPOSED, DECOMPOSED, 'composed on disk, decomposed in the table'],
  ] as const) {
    it(`import matches a path ${what}, and writes the sidecar beside the file as named on disk`, async () => {
      await imageAndTable(onDisk, inTable);
      const run = await acqmeta('import', 'lab/table.csv');
      expect([run.code, run.stderr]).toEqual([0, '']);
      expect(run.stdout).toContain('1 created');
      expect(run.stdout).toContain(`names/${onDisk}`);
      expect((await readdir(labPath('names'))).sort()).toEqual([onDisk, `${onDisk}.json`]);
      expect(await read(`names/${onDisk}.json`)).toContain('"genotype": "WT"');
    });
  }

  it('import takes two spellings of one path in a table as the same path', async () => {
    await imageAndTable(DECOMPOSED, COMPOSED);
    await writeFile(labPath('table.csv'), `path,genotype\r\nnames/${COMPOSED},WT\r\nnames/${DECOMPOSED},KO\r\n`);
    const run = await acqmeta('import', 'lab/table.csv');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is also on row 2');
  });

  it('--from-name matches a pattern typed with the other spelling', async () => {
    await mkdir(labPath('names'));
    await copyFile(labPath('plain.tiff'), labPath(`names/${DECOMPOSED}`));
    const run = await acqmeta('set', 'lab/names', '--from-name', `caf\u00e9_{region}.tif`, '--dry-run');
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toContain('Region: "" → "1"');
  });
});
