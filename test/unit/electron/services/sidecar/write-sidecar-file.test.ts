import { execFileSync } from 'node:child_process';
import {
  chmodSync,
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
import { readSidecarFile, writeSidecarFile } from '../../../../../electron/services/sidecar';
import { copyFixture, imageFolder, namesIn } from './temp-folder';

async function versionOnDisk(image: string) {
  const file = await readSidecarFile(image);
  if (file.state === 'missing') throw new Error('missing');
  return file.version;
}

describe('writeSidecarFile', () => {
  it('creates a sidecar that must not exist yet and returns its version', async () => {
    const { dir, image, sidecar } = imageFolder();
    const version = await writeSidecarFile(image, '{"x": "µ"}', null);
    expect(readFileSync(sidecar, 'utf8')).toBe('{"x": "µ"}');
    expect(version).toEqual(await versionOnDisk(image));
    expect(namesIn(dir)).toEqual(['cell.tif', 'cell.tif.json']);
  });

  it('refuses to create over a file that appeared meanwhile', async () => {
    const { image, sidecar } = imageFolder();
    writeFileSync(sidecar, 'theirs');
    await expect(writeSidecarFile(image, 'mine', null)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'cell.tif.json changed on disk since it was read',
      path: image,
    });
    expect(readFileSync(sidecar, 'utf8')).toBe('theirs');
  });

  it('refuses a stale version unless asked to overwrite', async () => {
    const { image, sidecar } = imageFolder();
    copyFixture('canonical.tif.json', sidecar);
    const read = await versionOnDisk(image);
    writeFileSync(sidecar, 'theirs');
    await expect(writeSidecarFile(image, 'mine', read)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(readFileSync(sidecar, 'utf8')).toBe('theirs');
    await writeSidecarFile(image, 'mine', read, { overwrite: true });
    expect(readFileSync(sidecar, 'utf8')).toBe('mine');
  });

  it('refuses when the file was deleted since it was read', async () => {
    const { image, sidecar } = imageFolder();
    writeFileSync(sidecar, 'x');
    const read = await versionOnDisk(image);
    rmSync(sidecar);
    await expect(writeSidecarFile(image, 'mine', read)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it.each([0o640, 0o600, 0o664])('keeps the file mode %o', async (mode) => {
    const { image, sidecar } = imageFolder();
    writeFileSync(sidecar, 'old');
    chmodSync(sidecar, mode);
    await writeSidecarFile(image, 'new', await versionOnDisk(image));
    expect(statSync(sidecar).mode & 0o777).toBe(mode);
    expect(readFileSync(sidecar, 'utf8')).toBe('new');
  });

  it('lets only one of two saves from the same read win', async () => {
    const { dir, image, sidecar } = imageFolder();
    writeFileSync(sidecar, 'old');
    const read = await versionOnDisk(image);
    const results = await Promise.allSettled([
      writeSidecarFile(image, 'first', read),
      writeSidecarFile(image, 'second', read),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect(results[1]).toMatchObject({ reason: { code: 'CONFLICT' } });
    expect(readFileSync(sidecar, 'utf8')).toBe('first');
    expect(namesIn(dir)).toEqual(['cell.tif', 'cell.tif.json']);
  });

  it('writes through a symlinked sidecar', async () => {
    const { dir, image, sidecar } = imageFolder();
    mkdirSync(path.join(dir, 'store'));
    const real = path.join(dir, 'store', 'cell.json');
    writeFileSync(real, 'old');
    symlinkSync(real, sidecar);
    await writeSidecarFile(image, 'new', await versionOnDisk(image));
    expect(readlinkSync(sidecar)).toBe(real);
    expect(readFileSync(real, 'utf8')).toBe('new');
    expect(namesIn(path.join(dir, 'store'))).toEqual(['cell.json']);
  });

  it('writes many sidecars at once, each with its own bytes and the version on disk', async () => {
    const { dir } = imageFolder();
    const images = Array.from({ length: 300 }, (_, i) => path.join(dir, `cell-${i}.tif`));
    for (const image of images) writeFileSync(`${image}.json`, `old ${image}`);
    const reads = await Promise.all(images.map(versionOnDisk));
    const versions = await Promise.all(images.map((image, i) => writeSidecarFile(image, `new ${i}`, reads[i] ?? null)));
    for (const [i, image] of images.entries()) {
      expect(readFileSync(`${image}.json`, 'utf8')).toBe(`new ${i}`);
      expect(versions[i]).toEqual(await versionOnDisk(image));
    }
    expect(namesIn(dir).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('refuses a sidecar name that is a folder, with the reason', async () => {
    const { image, sidecar } = imageFolder();
    mkdirSync(sidecar);
    await expect(writeSidecarFile(image, 'new', null)).rejects.toMatchObject({
      code: 'IO',
      message: 'cell.tif.json could not be read: it is a folder',
    });
  });

  it.runIf(process.platform !== 'win32')('refuses, without waiting, a sidecar name that is a FIFO', async () => {
    const { dir, image, sidecar } = imageFolder();
    execFileSync('mkfifo', [sidecar]);
    await expect(writeSidecarFile(image, 'new', null, { overwrite: true })).rejects.toMatchObject({
      code: 'IO',
      message: 'cell.tif.json is not a regular file',
    });
    expect(namesIn(dir)).toEqual(['cell.tif', 'cell.tif.json']);
  });
});
