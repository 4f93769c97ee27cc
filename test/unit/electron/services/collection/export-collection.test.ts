/**
 * The collection export's own guards: the verification refuses a staged collection whose pixels,
 * paths or documents are not what was written, a killed export's staging folder is swept by the
 * next, an image that fails half written leaves nothing of it, and a cancelled export leaves
 * nothing behind.
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  exportCollection,
  readBackImage,
  stageCollection,
  verifyCollection,
  type CollectionExportJob,
} from '../../../../../electron/services/collection';
import { writeImage } from '../../../../../electron/services/collection/write-image';
import { sourceImages } from '../../../../../electron/services/convert';
import { withFileSource } from '../../../../../electron/services/tiff';

import type { TiffScanner } from '../../../../../electron/services/tiff';

const LINESCANS = fileURLToPath(new URL('../../../../fixtures/linescans/', import.meta.url));
const TIFFS = fileURLToPath(new URL('../../../../fixtures/tiff/generated/', import.meta.url));
const NAMES = ['ls_02.tif', 'ls_03.tif', 'ls_04.tif'];

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'export-collection-'));
  for (const name of NAMES) {
    await copyFile(path.join(LINESCANS, name), path.join(dir, name));
    await copyFile(path.join(LINESCANS, `${name}.json`), path.join(dir, `${name}.json`));
  }
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** The images have sidecars: no header is read. */
const noScanner = {
  summary: () => Promise.reject(new Error('no header is read for an image with a sidecar')),
} as unknown as TiffScanner;

const CREATOR = { name: 'AcqMeta', version: '0.0.0-test' };

const job = (more: Partial<CollectionExportJob> = {}): CollectionExportJob => ({
  sources: NAMES.map((name) => ({ relPath: name, absPath: path.join(dir, name) })),
  name: 'lab',
  destination: path.join(dir, 'lab.ome.zarr'),
  force: false,
  scanner: noScanner,
  creator: CREATOR,
  ...more,
});

describe('verifying a staged collection', () => {
  it('accepts what was staged, and refuses it once a path or a document is changed', async () => {
    const staged = path.join(dir, 'staged.ome.zarr');
    const { written } = await stageCollection(job(), staged);
    await expect(verifyCollection(staged, written)).resolves.toBeUndefined();

    // a manifest path leaving the collection
    const manifestFile = path.join(staged, 'acqstore/acq_image_collection.json');
    const manifest = await readFile(manifestFile, 'utf8');
    await writeFile(
      manifestFile,
      manifest.replace('"acq_images/acq_image_002/acqstore/acq_image.json"', '"../ls_02.tif.json"'),
    );
    await expect(verifyCollection(staged, written)).rejects.toThrow(/breaks acqstore's contract/);

    // a document not written as acqstore writes JSON
    await writeFile(manifestFile, JSON.stringify(JSON.parse(manifest)));
    await expect(verifyCollection(staged, written)).rejects.toThrow(
      'the collection manifest is not written as acqstore writes JSON',
    );
    await writeFile(manifestFile, manifest);
    await expect(verifyCollection(staged, written)).resolves.toBeUndefined();
  });

  it('reads an image back as written, and refuses a chunk that holds another chunk’s pixels', async () => {
    const {
      written: [image],
    } = await stageCollection(job(), path.join(dir, 'staged.ome.zarr'));
    const folder = path.join(dir, 'again');
    const digests = await withFileSource(path.join(dir, 'ls_02.tif'), async (bytes) => {
      const [source] = await sourceImages(bytes, 'ls_02.tif');
      if (source === undefined || !source.ok) throw new Error('ls_02.tif does not read');
      const { pixels, readPlane } = source;
      return writeImage(folder, image!, { pixels, readPlane, sidecarText: '{}', tables: new Map(), creator: CREATOR });
    });
    await expect(readBackImage(folder, image!, digests)).resolves.toBeUndefined();
    await copyFile(path.join(folder, '0/c/4/0'), path.join(folder, '0/c/3/0'));
    await expect(readBackImage(folder, image!, digests)).rejects.toThrow(
      "acq_image_000's level 0 plane (t 0, c 0, z 0) reads back otherwise than written",
    );
  });
});

describe('replacing a collection', () => {
  it('refuses one that holds an image being exported, even through a link', async () => {
    await exportCollection(job());
    await mkdir(path.join(dir, 'lab.ome.zarr', 'raw'));
    await copyFile(path.join(LINESCANS, 'ls_02.tif'), path.join(dir, 'lab.ome.zarr', 'raw', 'ls_02.tif'));
    await symlink(path.join(dir, 'lab.ome.zarr', 'raw'), path.join(dir, 'rawlink'));
    const inside = { relPath: 'ls_02.tif', absPath: path.join(dir, 'rawlink', 'ls_02.tif') };
    await expect(exportCollection(job({ sources: [inside], force: true }))).rejects.toThrow(
      'which is being exported: it is not replaced',
    );
    expect(await readdir(path.join(dir, 'lab.ome.zarr', 'raw'))).toEqual(['ls_02.tif']);
  });
});

describe('staging folders', () => {
  it("removes those of killed exports on this machine, and leaves running ones and other machines' alone", async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid as number;
    const host = hostname().replace(/[^A-Za-z0-9.]/g, '_');
    const names = {
      killed: `.lab.ome.zarr.staging-${host}-${dead}-abc123`,
      running: `.lab.ome.zarr.staging-${host}-${process.ppid}-def456`,
      elsewhere: `.lab.ome.zarr.staging-another_host-${dead}-ghi789`,
      otherCollection: `.other.ome.zarr.staging-${host}-${dead}-jkl012`,
      keptAside: `.lab.ome.zarr.staging-${host}-${dead}-mno345`,
    };
    for (const name of Object.values(names)) await mkdir(path.join(dir, name, 'lab.ome.zarr'), { recursive: true });
    // an old collection that could neither be replaced nor put back is the user's only copy
    await mkdir(path.join(dir, names.keptAside, 'replaced'));
    await exportCollection(job());
    const left = await readdir(dir);
    expect(left).not.toContain(names.killed);
    for (const kept of [names.running, names.elsewhere, names.otherCollection, names.keptAside])
      expect(left).toContain(kept);
    expect(left).toContain('lab.ome.zarr');
  });
});

describe('an image that fails while it is written', () => {
  it('leaves nothing of it in the collection, names it, and the next image takes its place', async () => {
    // ten pages of 6 × 5; page 6's one strip offset (at byte 1242) made to point past the end
    const bytes = await readFile(path.join(TIFFS, 'plain-10page-u8.tif'));
    expect(bytes.readUInt32LE(1242)).toBe(358);
    bytes.writeUInt32LE(10_000_000, 1242);
    await writeFile(path.join(dir, 'cut.tif'), bytes);
    await copyFile(path.join(LINESCANS, 'ls_04.tif.json'), path.join(dir, 'cut.tif.json'));
    const [first, ...rest] = job().sources;
    const sources = [first!, { relPath: 'cut.tif', absPath: path.join(dir, 'cut.tif') }, ...rest];
    const summary = await exportCollection(job({ sources }));
    expect(summary).toMatchObject({ images: 3, refused: [{ relPath: 'cut.tif', image: null }] });
    expect(summary.refused[0]?.text).toContain('runs past the end');
    expect(await readdir(path.join(dir, 'lab.ome.zarr', 'acq_images'))).toEqual([
      'acq_image_000',
      'acq_image_001',
      'acq_image_002',
      'zarr.json',
    ]);
    const manifest = JSON.parse(
      await readFile(path.join(dir, 'lab.ome.zarr/acqstore/acq_image_collection.json'), 'utf8'),
    );
    expect(manifest.acq_images.map((e: { id: string; name: string }) => [e.id, e.name])).toEqual([
      ['acq_image_000', 'ls_02.tif'],
      ['acq_image_001', 'ls_03.tif'],
      ['acq_image_002', 'ls_04.tif'],
    ]);
  });
});

describe('a cancelled export', () => {
  it('stops between images and leaves neither the collection nor its staging folder', async () => {
    const controller = new AbortController();
    const run = exportCollection(job({ signal: controller.signal, onImage: () => controller.abort() }));
    await expect(run).rejects.toThrow(/abort/i);
    expect((await readdir(dir)).sort()).toEqual(NAMES.flatMap((name) => [name, `${name}.json`]).sort());
  });
});
