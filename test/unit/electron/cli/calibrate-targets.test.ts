/**
 * `acqmeta calibrate`'s arguments resolved once (issue 79): with its images, `calibrateTargets`
 * hands on each argument's folder (where its journal and any interrupted header write are looked
 * for) and the folders named (the journal's roots), which the recovery and the journal then use
 * instead of resolving the arguments again; `argumentFolders` gives `set` and `show` the same.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calibrateTargets } from '../../../../electron/cli/calibrate-targets';
import { argumentFolders } from '../../../../electron/cli/header-recovery';

let base: string;

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'acqmeta-calibrate-targets-'));
  for (const folder of ['lab', 'lab/day1', 'other']) mkdirSync(path.join(base, folder));
  for (const file of ['lab/day1/a.tif', 'lab/day1/b.tif', 'other/c.tif', 'other/bare.oir'])
    writeFileSync(path.join(base, file), 'II*\0');
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('calibrate targets', () => {
  it('hands on the images with each argument folder once and the folders named', async () => {
    const found = await calibrateTargets(base, ['lab', 'lab/day1/a.tif', 'other/c.tif', 'other/bare.oir']);
    expect(found.entries.map((e) => e.relPath)).toEqual([
      'lab/day1/a.tif',
      'lab/day1/b.tif',
      'other/c.tif',
      'other/bare.oir',
    ]);
    expect(found.folders).toEqual([path.join(base, 'lab'), path.join(base, 'lab/day1'), path.join(base, 'other')]);
    expect(found.roots).toEqual([path.join(base, 'lab')]);
  });

  it('gives the other commands the same folders, and names an argument that is not there', async () => {
    const given = ['lab', 'lab/day1/a.tif', 'other/c.tif'];
    const { folders, roots } = await calibrateTargets(base, given);
    expect(await argumentFolders(base, given)).toEqual({ folders, roots });
    await expect(argumentFolders(base, ['gone.tif'])).rejects.toThrow('gone.tif: no such file or folder');
  });
});
