/**
 * `acqmeta convert` on a disk that fills up in a copy's last write: the image is refused with
 * the disk's reason in words (not a read-back's "short read at …"), and nothing of its copy
 * stays. The disk is full-disk-preload.cjs (no mount needed), which fills as a real one does:
 * the write that runs past the room writes what fits and says so, and only a later write fails.
 */
import { copyFile, mkdir, readdir, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliOnLab } from './cli-on-lab';

const { acqmeta, labPath, basePath } = cliOnLab();
const CZI = fileURLToPath(new URL('../../../fixtures/formats/czi/czitools_LLS7_small.czi', import.meta.url));
const PRELOAD = fileURLToPath(new URL('full-disk-preload.cjs', import.meta.url));
const KEYS = ['NODE_OPTIONS', 'FULL_DISK_FOLDER', 'FULL_DISK_BYTES'] as const;

const saved = Object.fromEntries(KEYS.map((key) => [key, process.env[key]]));
beforeEach(async () => {
  await mkdir(labPath('convert'));
  await copyFile(CZI, labPath('convert/cell.czi'));
  await mkdir(basePath('archive'));
});
afterEach(() => {
  for (const key of KEYS) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

describe('acqmeta convert on a full disk', () => {
  it.each([['tiled'], ['--flat']])('%s: says the disk is full and leaves no partial copy', async (layout) => {
    const args = ['convert', 'lab/convert/cell.czi', '--to', 'ome-tiff', ...(layout === '--flat' ? ['--flat'] : [])];
    const probe = await acqmeta(...args, '-o', 'probe');
    expect(probe.code, probe.stdout + probe.stderr).toBe(0);
    const { size } = await stat(basePath('probe/cell.ome.tiff'));
    // room for all but the end of the copy's last plane: the write that ends the file comes up short
    Object.assign(process.env, {
      NODE_OPTIONS: `${saved.NODE_OPTIONS ?? ''} --require ${PRELOAD}`.trim(),
      FULL_DISK_FOLDER: basePath('archive'),
      FULL_DISK_BYTES: String(size - 100),
    });
    const run = await acqmeta(...args, '-o', 'archive');
    expect(run.stdout).toBe('lab/convert/cell.czi  not written: the copy could not be written: the disk is full\n');
    expect(run.code).toBe(1);
    expect((await readdir(basePath('archive'))).filter((name) => name !== '.acqmeta')).toEqual([]);
  });
});
