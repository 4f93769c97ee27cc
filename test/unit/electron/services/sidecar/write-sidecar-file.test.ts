/**
 * The disk side of the one save path (`saveFieldChanges`): what is checked before a sidecar is
 * replaced, and how the replacement treats the file that was there.
 */
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SidecarVersion } from '../../../../../shared/api';
import { readSidecarFile, saveFieldChanges } from '../../../../../electron/services/sidecar';
import { fixtureText, IMAGEJ_2CH_HEADER } from '../../../shared/sidecar/fixture-text';
import { copyFixture, imageFolder, namesIn } from './temp-folder';

const CANONICAL = fixtureText('canonical.tif.json');

/** The canonical sidecar with its depth set to `depth`, as a save writes it. */
const withDepth = (depth: number) => CANONICAL.replace('"depth": 75.0', `"depth": ${depth.toFixed(1)}`);

async function versionOnDisk(image: string): Promise<SidecarVersion> {
  const file = await readSidecarFile(image);
  if (file.state === 'missing') throw new Error('missing');
  return file.version;
}

/** Sets the depth of `image`'s sidecar, expecting the version `expected`. */
const setDepth = (image: string, depth: number, expected: SidecarVersion | null, overwrite = false) =>
  saveFieldChanges(image, { depth }, { expected, overwrite });

describe('replacing a sidecar on disk', () => {
  it('refuses a stale version unless asked to overwrite, and then edits the file as it is now', async () => {
    const { image, sidecar } = imageFolder();
    copyFixture('canonical.tif.json', sidecar);
    const read = await versionOnDisk(image);
    const theirs = CANONICAL.replace('"species": "mouse"', '"species": "rat"');
    writeFileSync(sidecar, theirs);
    await expect(setDepth(image, 80, read)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(readFileSync(sidecar, 'utf8')).toBe(theirs);
    await setDepth(image, 80, read, true);
    expect(readFileSync(sidecar, 'utf8')).toBe(theirs.replace('"depth": 75.0', '"depth": 80.0'));
  });

  it('refuses when the file was deleted since it was read', async () => {
    const { image, sidecar } = imageFolder();
    copyFixture('canonical.tif.json', sidecar);
    const read = await versionOnDisk(image);
    rmSync(sidecar);
    // The app's save can create a missing sidecar, but not one that went away since it was read.
    const newSidecar = () => Promise.resolve({ header: IMAGEJ_2CH_HEADER, fileCalibration: null });
    await expect(saveFieldChanges(image, { depth: 80 }, { expected: read, newSidecar })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(existsSync(sidecar)).toBe(false);
  });

  it.each([0o640, 0o600, 0o664])('keeps the file mode %o', async (mode) => {
    const { image, sidecar } = imageFolder();
    copyFixture('canonical.tif.json', sidecar);
    chmodSync(sidecar, mode);
    await setDepth(image, 80, await versionOnDisk(image));
    expect(statSync(sidecar).mode & 0o777).toBe(mode);
    expect(readFileSync(sidecar, 'utf8')).toBe(withDepth(80));
  });

  it('lets only one of two saves from the same read win', async () => {
    const { dir, image, sidecar } = imageFolder();
    copyFixture('canonical.tif.json', sidecar);
    const read = await versionOnDisk(image);
    const results = await Promise.allSettled([setDepth(image, 80, read), setDepth(image, 90, read)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect(results[1]).toMatchObject({ reason: { code: 'CONFLICT' } });
    expect(readFileSync(sidecar, 'utf8')).toBe(withDepth(80));
    expect(namesIn(dir)).toEqual(['cell.tif', 'cell.tif.json']);
  });

  it('writes through a symlinked sidecar', async () => {
    const { dir, image, sidecar } = imageFolder();
    mkdirSync(path.join(dir, 'store'));
    const real = path.join(dir, 'store', 'cell.json');
    writeFileSync(real, CANONICAL);
    symlinkSync(real, sidecar);
    await setDepth(image, 80, await versionOnDisk(image));
    expect(readlinkSync(sidecar)).toBe(real);
    expect(readFileSync(real, 'utf8')).toBe(withDepth(80));
    expect(namesIn(path.join(dir, 'store'))).toEqual(['cell.json']);
  });

  it('writes many sidecars at once, each with its own bytes and the version on disk', async () => {
    const { dir } = imageFolder();
    const images = Array.from({ length: 300 }, (_, i) => path.join(dir, `cell-${i}.tif`));
    for (const image of images) writeFileSync(`${image}.json`, CANONICAL);
    const reads = await Promise.all(images.map(versionOnDisk));
    const saved = await Promise.all(images.map((image, i) => setDepth(image, i + 100, reads[i] ?? null)));
    for (const [i, image] of images.entries()) {
      expect(readFileSync(`${image}.json`, 'utf8')).toBe(withDepth(i + 100));
      expect(saved[i]?.version).toEqual(await versionOnDisk(image));
    }
    expect(namesIn(dir).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('refuses a sidecar name that is a folder, with the reason', async () => {
    const { image, sidecar } = imageFolder();
    mkdirSync(sidecar);
    await expect(setDepth(image, 80, null)).rejects.toMatchObject({
      code: 'IO',
      message: 'cell.tif.json could not be read: it is a folder',
    });
  });

  it.runIf(process.platform !== 'win32')('refuses, without waiting, a sidecar name that is a FIFO', async () => {
    const { dir, image, sidecar } = imageFolder();
    execFileSync('mkfifo', [sidecar]);
    await expect(setDepth(image, 80, null, true)).rejects.toMatchObject({
      code: 'IO',
      message: 'cell.tif.json is not a regular file',
    });
    expect(namesIn(dir)).toEqual(['cell.tif', 'cell.tif.json']);
  });
});
