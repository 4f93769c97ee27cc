/**
 * convertImages on its own: an abort in the middle of an image leaves no temp file and no
 * partial copy; a file that makes the convert worker run out of memory is refused while the
 * next is written; a file of several images gives names that sort and say where they came from;
 * each copy's OME-XML carries its own source's SHA-256 (hashed while the copy is written).
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { convertImages, type ConvertJob } from '../../../../../electron/services/convert';
import { outputName } from '../../../../../electron/services/convert/archival-facts';
import { createProfileCache, createProfileFinder } from '../../../../../electron/services/profile';
import { tiffWithTags } from '../../../shared/acquisition/tiff-with-tags';

const FIXTURES = path.resolve(__dirname, '../../../../fixtures');

describe('convertImages', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'acqmeta-convert-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const job = (names: string[], extra: Partial<ConvertJob> = {}): ConvertJob => ({
    sources: names.map((name) => ({ relPath: name, absPath: path.join(dir, name) })),
    outputFolder: path.join(dir, 'archive'),
    options: { compression: 'zlib', flat: false, extension: '.ome.tiff', force: false },
    converter: 'AcqMeta test',
    profiles: createProfileFinder(createProfileCache(), { root: dir }),
    journal: null,
    ...extra,
  });

  it('abandons the image under way on abort: no temp file, no partial copy, what was written stays', async () => {
    await copyFile(path.join(FIXTURES, 'tiff/generated/plain-3page-u8.tif'), path.join(dir, 'a.tif'));
    await copyFile(path.join(FIXTURES, 'tiff/generated/imagej-hyperstack-tzcyx-u16.tif'), path.join(dir, 'b.tif'));
    const controller = new AbortController();
    const summary = await convertImages(
      job(['a.tif', 'b.tif'], {
        signal: controller.signal,
        onProgress: ({ current, done }) => {
          if (current === 'b.tif' && done > 3) controller.abort();
        },
      }),
    );
    expect(summary.cancelled).toBe(true);
    expect(summary.written.map((w) => w.source)).toEqual(['a.tif']);
    expect((await readdir(path.join(dir, 'archive'))).sort()).toEqual(['a.ome.tiff', 'a.ome.tiff.json']);
  });

  it('refuses a file whose reading runs the worker out of memory, and writes the next with a fresh worker', async () => {
    // an OME-XML of 150,000 planes for one 4 × 4 plane: reading it needs more heap than the worker is given here
    const planes = Array.from({ length: 150_000 }, (_, i) => `<Plane TheC="0" TheZ="0" TheT="0" DeltaT="${i}"/>`);
    const xml =
      '<OME xmlns="http://www.openmicroscopy.org/Schemas/OME/2016-06"><Image ID="Image:0"><Pixels ID="Pixels:0" ' +
      'DimensionOrder="XYCZT" Type="uint8" SizeX="4" SizeY="4" SizeC="1" SizeZ="1" SizeT="1">' +
      `<Channel ID="Channel:0:0" SamplesPerPixel="1"/><TiffData/>${planes.join('')}</Pixels></Image></OME>`;
    await writeFile(path.join(dir, 'hostile.ome.tif'), tiffWithTags([{ code: 270, text: xml }]));
    await copyFile(path.join(FIXTURES, 'tiff/generated/plain-3page-u8.tif'), path.join(dir, 'a.tif'));
    const summary = await convertImages(job(['hostile.ome.tif', 'a.tif'], { workerHeapMb: 16 }));
    expect(summary.refused).toEqual([
      {
        source: 'hostile.ome.tif',
        image: null,
        kind: 'refused',
        reason: 'converting it needed more than 16 MB of memory',
      },
    ]);
    expect(summary.written.map((w) => [w.source, w.verified])).toEqual([['a.tif', true]]);
    expect((await readdir(path.join(dir, 'archive'))).sort()).toEqual(['a.ome.tiff', 'a.ome.tiff.json']);
  });

  it("writes each source's SHA-256 into its copy's OME-XML, hashed while the copy is written", async () => {
    await copyFile(path.join(FIXTURES, 'tiff/generated/plain-3page-u8.tif'), path.join(dir, 'a.tif'));
    await copyFile(path.join(FIXTURES, 'tiff/generated/imagej-hyperstack-tzcyx-u16.tif'), path.join(dir, 'b.tif'));
    const summary = await convertImages(job(['a.tif', 'b.tif']));
    expect(summary.written.map((w) => [w.source, w.verified])).toEqual([
      ['a.tif', true],
      ['b.tif', true],
    ]);
    for (const name of ['a', 'b']) {
      const source = await readFile(path.join(dir, `${name}.tif`));
      const copy = (await readFile(path.join(dir, 'archive', `${name}.ome.tiff`))).toString('latin1');
      const sha256 = createHash('sha256').update(source).digest('hex');
      expect(copy.match(/<M K="SHA-256">([^<]*)<\/M>/g)).toEqual([`<M K="SHA-256">${sha256}</M>`]);
    }
  });

  it('names the copies of a file of several images so they sort and say where they came from', () => {
    const image = (index: number, name: string) => ({ index, name });
    expect(outputName('scan.czi', image(0, 'Scene 0'), 1, '.ome.tiff')).toBe('scan.ome.tiff');
    expect(outputName('cell.ome.tif', image(0, 'x'), 1, '.ome.tif')).toBe('cell.ome.tif');
    expect(outputName('exp.lif', image(3, 'Series 3/xz: t'), 12, '.ome.tiff')).toBe('exp_03_Series_3_xz_t.ome.tiff');
  });
});
