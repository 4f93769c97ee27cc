/**
 * `acqmeta export --format htan:…|hubmap:…` refuses, naming it, a name the files must hold
 * exactly and cannot: a path that is not valid UTF-8, a dataset folder whose name would begin
 * HTAN's Filename cells as a formula. Nothing is written then; a name in the middle of a cell
 * is written exactly.
 */
import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTableVerbatim } from '../../../../shared/sheets/table-text';
import { cliInFolder } from './support/cli-in-folder';

const CZI = fileURLToPath(new URL('../../../fixtures/formats/czi/czitools_WellD6_S1.czi', import.meta.url));

const folder = cliInFolder('acqmeta-names-', {
  prepare: async (base) => {
    await mkdir(path.join(base, 'out'));
  },
  timeoutMs: 120_000,
});
const { acqmeta, at } = folder;

/** A dataset folder `folder` under the test's folder.base holding the CZI under each name (bytes: not UTF-8). */
async function dataset(folder: string, names: readonly (string | Buffer)[]): Promise<void> {
  const root = Buffer.from(at(folder));
  await mkdir(root);
  for (const name of names) await copyFile(CZI, Buffer.concat([root, Buffer.from('/'), Buffer.from(name)]));
}

describe('acqmeta export: names the files must hold exactly', () => {
  it.each(['htan:imaging-level-2', 'hubmap:confocal'])(
    '%s: a path that is not valid UTF-8 is refused by name, exit 2, nothing written',
    async (format) => {
      await dataset('d', ['ok.czi', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x63, 0x7a, 0x69])]);
      const run = await acqmeta('export', 'd', '--format', format, '-o', 'out/metadata.csv');
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        "caf\uFFFD.czi: its path is not valid UTF-8 (\uFFFD stands for the bytes that are not), and a submission's files name each image exactly; rename the file",
      );
      expect(await readdir(at('out'))).toEqual([]);
    },
  );

  it('htan: a dataset folder whose name begins a Filename cell as a formula is refused, exit 2, nothing written', async () => {
    await dataset('=1+1', ['scan.czi']);
    const run = await acqmeta('export', '=1+1', '--format', 'htan:imaging-level-2', '-o', 'out/l2.csv');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `"=1+1": HTAN's Filename begins with the dataset folder's name, which begins with "=": spreadsheet programs would run the cell as a formula, and a name cannot be escaped; rename the folder`,
    );
    expect(await readdir(at('out'))).toEqual([]);
  });

  it('htan: files named =1+1.czi and @x.czi are written exactly, after the folder (no cell begins with them)', async () => {
    await dataset('d', ['=1+1.czi', '@x.czi']);
    const run = await acqmeta('export', 'd', '--format', 'htan:imaging-level-2', '-o', 'out/l2.csv');
    expect(run.code).toBe(1);
    const [header, ...rows] = parseTableVerbatim(await readFile(at('out/l2.csv'), 'utf8'), 'csv');
    const filename = header!.indexOf('Filename');
    expect(rows.map((row) => row[filename])).toEqual(['d/=1+1.czi', 'd/@x.czi']);
  });
});
