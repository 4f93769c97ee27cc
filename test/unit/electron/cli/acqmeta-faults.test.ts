/**
 * `acqmeta set` on a disk that refuses some writes: one line per file that failed, the other
 * files written, exit code 3, nothing damaged, no temp file left.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CANNOT_DENY, denyWrites } from '../services/sidecar/disk-faults';
import { cliOnLab } from './cli-on-lab';

const { acqmeta, labPath, read } = cliOnLab();
const undo: (() => void)[] = [];
afterEach(() => {
  for (const step of undo.splice(0)) step();
});

describe('acqmeta set when writes fail', () => {
  it('names each file that could not be written and writes the others', async (ctx) => {
    const locked = await read('cells/multi-channel.ome.tif.json');
    const release = denyWrites(labPath('cells/multi-channel.ome.tif.json'));
    if (release === null) ctx.skip(CANNOT_DENY);
    else undo.push(release);
    await rm(labPath('stacks/float.tif.json'));
    await mkdir(labPath('stacks/float.tif.json'));

    const run = await acqmeta('set', 'lab/cells', 'lab/other', 'lab/stacks', '--set', 'species=rat');
    expect(run.code).toBe(3);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      'lab/cells/multi-channel.ome.tif: multi-channel.ome.tif.json could not be saved: permission denied',
      'lab/stacks/float.tif: float.tif.json could not be read: it is a folder',
      expect.stringMatching(/^lab\/stacks\/multipage\.tif: invalid sidecar, left as it is: /),
    ]);
    expect(run.stdout).toBe(
      'updated lab/other/scan_01.oir.json: Species: "mouse" → "rat"\n1 sidecar updated, 0 created, 0 unchanged, 1 skipped, 2 failed to write.\n',
    );
    expect(await read('cells/multi-channel.ome.tif.json')).toBe(locked);
    expect(await readdir(labPath('stacks/float.tif.json'))).toEqual([]);
    const names = await readdir(labPath('.'), { recursive: true });
    expect(names.filter((name) => path.basename(name).startsWith('.acqmeta-'))).toEqual([]);
  });
});
