/**
 * A copy and its sidecar are placed together or neither, the sidecar describing that copy:
 * nothing is written through a link at an output path (kept without force, replaced itself with
 * it), a damaged or foreign sidecar already there refuses the image by name without force and
 * is replaced by the copy's own with it, and a copy that cannot be put in place after its
 * sidecar was written leaves neither, the files that were there as they were.
 */
import { copyFile, lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { convertImages, type ConvertJob } from '../../../../../electron/services/convert';
import type { JournalPlaces } from '../../../../../electron/services/journal';
import { createProfileCache, createProfileFinder } from '../../../../../electron/services/profile';

const SOURCE = path.resolve(__dirname, '../../../../fixtures/tiff/generated/imagej-hyperstack-tzcyx-u16.tif');
/** The header of a sidecar of another image: what a stale sidecar at the output holds. */
const FOREIGN = { image_header_metadata: { shape: '(1024, 1024)', dtype: 'uint8' } };

describe('convertImages: a copy and its sidecar placed together', () => {
  let dir: string;
  let out: string;
  let copy: string;
  let sidecar: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'acqmeta-place-copy-'));
    out = path.join(dir, 'out');
    copy = path.join(out, 'img.ome.tiff');
    sidecar = `${copy}.json`;
    await mkdir(out);
    await copyFile(SOURCE, path.join(dir, 'img.tif'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const job = (force: boolean, journal: ConvertJob['journal'] = null): ConvertJob => ({
    sources: [{ relPath: 'img.tif', absPath: path.join(dir, 'img.tif') }],
    outputFolder: out,
    options: { compression: 'zlib', flat: true, extension: '.ome.tiff', force },
    converter: 'AcqMeta test',
    profiles: createProfileFinder(createProfileCache(), { root: dir }),
    journal,
  });

  /** The header of the sidecar at the output, as the copy's own would state it. */
  const headerAtOutput = async () => JSON.parse(await readFile(sidecar, 'utf8')).image_header_metadata;
  const COPY_HEADER = { shape: '(2, 3, 2, 16, 16)', dtype: 'uint16' };

  it('never writes through a sidecar link at the output: kept without force, replaced itself with it', async () => {
    const elsewhere = path.join(dir, 'elsewhere.json');
    const text = `${JSON.stringify(FOREIGN)}\n`;
    await writeFile(elsewhere, text);
    await symlink(elsewhere, sidecar);

    const kept = await convertImages(job(false));
    expect(kept.refused.map((r) => [r.kind, r.reason])).toEqual([
      ['exists', `${sidecar} exists (--force replaces it)`],
    ]);
    expect(await readdir(out)).toEqual(['img.ome.tiff.json']);
    expect((await lstat(sidecar)).isSymbolicLink()).toBe(true);

    const replaced = await convertImages(job(true));
    expect(replaced.written.map((w) => [w.output, w.verified])).toEqual([[copy, true]]);
    expect((await lstat(sidecar)).isFile()).toBe(true);
    expect(await headerAtOutput()).toMatchObject(COPY_HEADER);
    expect(await readFile(elsewhere, 'utf8')).toBe(text);
    expect((await readdir(out)).sort()).toEqual(['img.ome.tiff', 'img.ome.tiff.json']);
  });

  it('refuses by name beside a damaged sidecar without force, and replaces it with the copy’s own with force', async () => {
    await writeFile(sidecar, '{"experiment_metadata": {');
    const kept = await convertImages(job(false));
    expect(kept.refused.map((r) => [r.kind, r.reason])).toEqual([
      ['exists', `${sidecar} exists (--force replaces it)`],
    ]);
    expect(await readdir(out)).toEqual(['img.ome.tiff.json']);

    const replaced = await convertImages(job(true));
    expect(replaced.refused).toEqual([]);
    expect(await headerAtOutput()).toMatchObject(COPY_HEADER);
  });

  it('with force, writes a sidecar of the copy, never keeps the header of the one it replaces', async () => {
    await writeFile(copy, 'an older copy');
    await writeFile(sidecar, `${JSON.stringify(FOREIGN)}\n`);
    const summary = await convertImages(job(true));
    expect(summary.written.map((w) => w.output)).toEqual([copy]);
    expect(await headerAtOutput()).toMatchObject(COPY_HEADER);
    expect((await readFile(copy)).subarray(0, 2).toString('latin1')).toBe('II');
  });

  /** A journal that, as the sidecar's record is made, lets `meanwhile` put something at the copy's path. */
  const meddling = (meanwhile: () => Promise<void>): ConvertJob['journal'] => {
    let done = false;
    const places: JournalPlaces = {
      async placeFor() {
        if (!done) await meanwhile();
        done = true;
        return null;
      },
    };
    return { places, tool: 'test' };
  };

  it('leaves neither when the copy cannot be put in place after its sidecar: another file that came is kept', async () => {
    const journal = meddling(() => writeFile(copy, 'another program'));
    const summary = await convertImages(job(false, journal));
    expect(summary.written).toEqual([]);
    expect(summary.refused.map((r) => [r.kind, r.reason])).toEqual([
      ['exists', `${copy} exists (--force replaces it)`],
    ]);
    expect(await readdir(out)).toEqual(['img.ome.tiff']);
    expect(await readFile(copy, 'utf8')).toBe('another program');
  });

  it('with force, puts back the sidecar it replaced when the copy cannot be put in place', async () => {
    const old = `${JSON.stringify(FOREIGN)}\n`;
    await writeFile(sidecar, old);
    const journal = meddling(async () => {
      await mkdir(copy);
      await writeFile(path.join(copy, 'inside'), 'a folder came');
    });
    const summary = await convertImages(job(true, journal));
    expect(summary.written).toEqual([]);
    expect(summary.refused.map((r) => r.reason)).toEqual([expect.stringContaining(copy)]);
    expect(await readFile(sidecar, 'utf8')).toBe(old);
    expect((await readdir(out)).sort()).toEqual(['img.ome.tiff', 'img.ome.tiff.json']);
    expect(await readdir(copy)).toEqual(['inside']);
  });
});
