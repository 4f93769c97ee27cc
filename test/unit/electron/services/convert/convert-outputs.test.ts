/**
 * Where convertImages writes: same-named files of two folders give two copies, each in its
 * source's folder below the output folder, with its own pixels and sidecar, again with force;
 * images that would share one path (one folder's `x.tif` and `x.ome.tif`, names that differ
 * only in case), a copy whose path is a source, and a copy whose path holds a backslash are
 * refused by name before anything is written.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { convertImages, type ConvertJob, type ConvertSource } from '../../../../../electron/services/convert';
import { createProfileCache, createProfileFinder } from '../../../../../electron/services/profile';

const GENERATED = path.resolve(__dirname, '../../../../fixtures/tiff/generated');
const SMALL = path.join(GENERATED, 'plain-3page-u8.tif');
const STACK = path.join(GENERATED, 'imagej-hyperstack-tzcyx-u16.tif');

describe('convertImages: output paths', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'acqmeta-convert-outputs-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  /** Copies `fixture` to `relPath` under the test folder; the source as a row names it. */
  async function source(fixture: string, relPath: string): Promise<ConvertSource> {
    await mkdir(path.join(dir, path.dirname(relPath)), { recursive: true });
    await copyFile(fixture, path.join(dir, relPath));
    const folder = path.posix.dirname(relPath);
    return { relPath, absPath: path.join(dir, relPath), folder: folder === '.' ? '' : folder };
  }

  const job = (sources: ConvertSource[], force = false, outputFolder = path.join(dir, 'out')): ConvertJob => ({
    sources,
    outputFolder,
    options: { compression: 'zlib', flat: true, extension: '.ome.tiff', force },
    converter: 'AcqMeta test',
    profiles: createProfileFinder(createProfileCache(), { root: dir }),
    journal: null,
  });

  /** The SHA-256 the copy's OME-XML gives its source. */
  const sourceHashIn = async (copy: string): Promise<string | undefined> =>
    /<M K="SHA-256">([0-9a-f]{64})<\/M>/.exec((await readFile(copy)).toString('latin1'))?.[1];
  const sha256 = async (file: string): Promise<string> =>
    createHash('sha256')
      .update(await readFile(file))
      .digest('hex');

  it('keeps same-named files of two folders apart, each copy with its own pixels and sidecar, with force too', async () => {
    const sources = [await source(SMALL, 'a/img.tif'), await source(STACK, 'b/img.tif')];
    for (const force of [false, true]) {
      const summary = await convertImages(job(sources, force));
      expect(summary.refused).toEqual([]);
      expect(summary.written.map((w) => [w.source, path.relative(dir, w.output)])).toEqual([
        ['a/img.tif', 'out/a/img.ome.tiff'],
        ['b/img.tif', 'out/b/img.ome.tiff'],
      ]);
      for (const [name, shape, dtype] of [
        ['a', '(3, 12, 10)', 'uint8'],
        ['b', '(2, 3, 2, 16, 16)', 'uint16'],
      ] as const) {
        const copy = path.join(dir, 'out', name, 'img.ome.tiff');
        expect(await sourceHashIn(copy)).toBe(await sha256(path.join(dir, name, 'img.tif')));
        const header = JSON.parse(await readFile(`${copy}.json`, 'utf8')).image_header_metadata;
        expect([header.shape, header.dtype]).toEqual([shape, dtype]);
      }
    }
  });

  it('refuses, by name, every image of a clash and a copy that would be a source, writing none of them', async () => {
    const sources = [
      await source(SMALL, 'x.tif'),
      await source(STACK, 'x.ome.tif'),
      await source(SMALL, 'Cell.tif'),
      await source(STACK, 'cell.tif'),
      // named on its own, as `acqmeta convert out/kept.ome.tiff -o out` names it
      { ...(await source(SMALL, 'out/kept.ome.tiff')), folder: '' },
      await source(SMALL, 'y.tif'),
    ];
    const before = await sha256(path.join(dir, 'out/kept.ome.tiff'));
    const summary = await convertImages(job(sources, true));
    const out = (name: string): string => path.join(dir, 'out', name);
    expect(summary.refused.map((r) => [r.source, r.reason])).toEqual([
      ['x.tif', `${out('x.ome.tiff')} would also be the copy of x.ome.tif: neither is written`],
      ['x.ome.tif', `${out('x.ome.tiff')} would also be the copy of x.tif: neither is written`],
      [
        'Cell.tif',
        `${out('Cell.ome.tiff')} would also be the copy of cell.tif (${out('cell.ome.tiff')}, one file on disks that ignore case): neither is written`,
      ],
      [
        'cell.tif',
        `${out('cell.ome.tiff')} would also be the copy of Cell.tif (${out('Cell.ome.tiff')}, one file on disks that ignore case): neither is written`,
      ],
      ['out/kept.ome.tiff', `${out('kept.ome.tiff')} is the source out/kept.ome.tiff, which is never written to`],
    ]);
    expect(summary.written.map((w) => w.source)).toEqual(['y.tif']);
    expect((await readdir(path.join(dir, 'out'))).sort()).toEqual(['kept.ome.tiff', 'y.ome.tiff', 'y.ome.tiff.json']);
    expect(await sha256(path.join(dir, 'out/kept.ome.tiff'))).toBe(before);
  });

  it('refuses a copy whose path below the output folder holds a backslash', async () => {
    const summary = await convertImages(job([await source(SMALL, 'a\\b/img.tif')]));
    expect(summary.refused.map((r) => r.reason)).toEqual([
      expect.stringMatching(/img\.ome\.tiff: a backslash in a file or folder name is a folder separator on Windows/),
    ]);
    expect(await readdir(path.join(dir, 'out'))).toEqual([]);
  });
});
