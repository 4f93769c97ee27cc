import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  claimTemp,
  releaseTemp,
  STALE_TEMP_AGE_MS,
  sweepStaleTemps,
  sweepStaleTempsUnder,
} from '../../../../../electron/services/sidecar/temp-files';
import { deadPid, tempOf } from './temp-names';
import { imageFolder, namesIn } from './temp-folder';

const COLLECTION = fileURLToPath(new URL('../../../../fixtures/ngff/lab.ome.zarr', import.meta.url));

function touch(dir: string, name: string, ageMs = 0): void {
  writeFileSync(path.join(dir, name), 'partial');
  const when = (Date.now() - ageMs) / 1000;
  utimesSync(path.join(dir, name), when, when);
}

describe('stale temp files', () => {
  it('removes what a killed writer of this machine left, at once', async () => {
    const { dir } = imageFolder();
    touch(dir, path.basename(tempOf(dir, deadPid())));
    expect(await sweepStaleTemps(dir)).toBe(1);
    expect(namesIn(dir)).toEqual(['cell.tif']);
  });

  it('keeps a fresh temp file of a live process, of another machine and of an older version', async () => {
    const { dir } = imageFolder();
    const kept = [
      path.basename(tempOf(dir, process.ppid)),
      '.acqmeta-0badc0-123-a1b2c3.tmp',
      '.acqmeta-0123456789abcdef.tmp',
    ];
    for (const name of kept) touch(dir, name);
    expect(await sweepStaleTemps(dir)).toBe(0);
    expect(namesIn(dir)).toEqual([...kept, 'cell.tif'].sort());
  });

  it('removes any of them once older than the safe age', async () => {
    const { dir } = imageFolder();
    for (const name of [
      path.basename(tempOf(dir, process.ppid)),
      '.acqmeta-0badc0-123-a1b2c3.tmp',
      '.acqmeta-0123456789abcdef.tmp',
    ]) {
      touch(dir, name, STALE_TEMP_AGE_MS + 60_000);
    }
    expect(await sweepStaleTemps(dir)).toBe(3);
    expect(namesIn(dir)).toEqual(['cell.tif']);
  });

  it('never removes a temp file this process is writing, nor files that only look alike', async () => {
    const { dir } = imageFolder();
    const live = claimTemp(dir);
    touch(dir, path.basename(live), STALE_TEMP_AGE_MS + 60_000);
    const others = ['.acqmeta-notes.txt', 'acqmeta-1.tmp', '.acqmeta-x.tmp.json'];
    for (const name of others) touch(dir, name, STALE_TEMP_AGE_MS + 60_000);
    expect(await sweepStaleTemps(dir)).toBe(0);
    releaseTemp(live);
    expect(await sweepStaleTemps(dir)).toBe(1);
    expect(namesIn(dir)).toEqual([...others, 'cell.tif'].sort());
  });

  it('sweeps a whole folder tree, hidden folders and Zarr stores excepted, but the sidecar folder of CloudScope’s', async () => {
    const { dir } = imageFolder();
    const dead = deadPid();
    const folders = ['a', 'a/b', '.hidden', 'a/cells.ome.zarr/0', 'a/t.cs.ome.zarr/acqstore', 'a/t.cs.ome.zarr/0'];
    for (const sub of folders) {
      mkdirSync(path.join(dir, sub), { recursive: true });
      touch(path.join(dir, sub), path.basename(tempOf(dir, dead)));
    }
    expect(await sweepStaleTempsUnder(dir)).toBe(3);
    expect(namesIn(path.join(dir, 'a/b'))).toEqual([]);
    expect(namesIn(path.join(dir, 'a/t.cs.ome.zarr/acqstore'))).toEqual([]);
    expect(namesIn(path.join(dir, '.hidden'))).toHaveLength(1);
    expect(namesIn(path.join(dir, 'a/cells.ome.zarr/0'))).toHaveLength(1);
    expect(namesIn(path.join(dir, 'a/t.cs.ome.zarr/0'))).toHaveLength(1);
  });

  it('sweeps the sidecar folders of the images a collection lists, and none reached through a link', async () => {
    const { dir } = imageFolder();
    const dead = deadPid();
    const collection = path.join(dir, 'lab.ome.zarr');
    cpSync(COLLECTION, collection, { recursive: true });
    const elsewhere = imageFolder().dir;
    mkdirSync(path.join(elsewhere, 'acqstore'), { recursive: true });
    // the manifest lists acq_image_001, now a link to another folder's image
    rmSync(path.join(collection, 'acq_images/acq_image_001'), { recursive: true });
    symlinkSync(elsewhere, path.join(collection, 'acq_images/acq_image_001'));
    const folders = ['acq_images/acq_image_000/acqstore', 'acq_images/acq_image_000/0', 'acqstore'];
    for (const sub of folders) touch(path.join(collection, sub), path.basename(tempOf(dir, dead)));
    touch(path.join(elsewhere, 'acqstore'), path.basename(tempOf(dir, dead)));
    expect(await sweepStaleTempsUnder(dir)).toBe(1);
    expect(namesIn(path.join(elsewhere, 'acqstore'))).toHaveLength(1);
    expect(namesIn(path.join(collection, 'acq_images/acq_image_000/acqstore'))).toEqual([
      'acq_image.json',
      'manifest.json',
    ]);
    expect(namesIn(path.join(collection, 'acq_images/acq_image_000/0'))).toHaveLength(3);
    expect(namesIn(path.join(collection, 'acqstore'))).toHaveLength(3);
  });

  it('sweeps a collection whose manifest names an image no file system holds, and never fails', async () => {
    const { dir } = imageFolder();
    const collection = path.join(dir, 'lab.ome.zarr');
    cpSync(COLLECTION, collection, { recursive: true });
    const manifestPath = path.join(collection, 'acqstore/acq_image_collection.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { acq_images: Record<string, unknown>[] };
    const long = `acq_images/${'a'.repeat(300)}`;
    manifest.acq_images.push({
      ...manifest.acq_images[0],
      ome_zarr_path: long,
      sidecar_path: `${long}/acqstore/acq_image.json`,
    });
    writeFileSync(manifestPath, JSON.stringify(manifest));
    touch(path.join(collection, 'acq_images/acq_image_000/acqstore'), path.basename(tempOf(dir, deadPid())));
    await expect(sweepStaleTempsUnder(dir)).resolves.toBe(1);
  });
});
