/**
 * The pixel size in TIFF's own tags, for programs that read no OME-XML: XResolution and
 * YResolution in pixels per centimetre (ResolutionUnit 3) on every page, each reduced level's
 * scaled to its pixels, as tifffile reads them; none when the size is unknown; and ImageJ 1.x,
 * which reads only these tags, gives a flat copy the source's pixel size in µm.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertImages } from '../../../../../electron/services/convert';
import { writeOmeTiff } from '../../../../../electron/services/convert/ome-tiff-writer';
import { createProfileCache, createProfileFinder } from '../../../../../electron/services/profile';
import { archivalOmeXml, type ArchivalPixels } from '../../../../../shared/ome-tiff';
import { archivalImage } from '../../../shared/ome-tiff/ome-schema';

/** Prints, per level of series 0, its resolution tags as tifffile reads them (rationals as [numerator, denominator]). */
const TAGS = `
import json, sys, tifffile
names = ('XResolution', 'YResolution', 'ResolutionUnit')
with tifffile.TiffFile(sys.argv[1]) as tif:
    levels = [{n: (int(l.keyframe.tags[n].value) if n == 'ResolutionUnit' else list(l.keyframe.tags[n].value))
               for n in names if n in l.keyframe.tags} for l in tif.series[0].levels]
print(json.dumps(levels))
`;
type Levels = { XResolution?: [number, number]; YResolution?: [number, number]; ResolutionUnit?: number }[];
const tifffileTags = (file: string): Levels =>
  JSON.parse(execFileSync('/usr/bin/python3', ['-c', TAGS, file], { encoding: 'utf8' })) as Levels;

/** An ImageJ 1.x macro that opens the file named by its argument and prints its pixel size. */
const PIXEL_SIZE_MACRO = `open(getArgument());
getPixelSize(unit, width, height);
print("pixel " + width + " x " + height + " " + unit);
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'acqmeta-resolution-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('resolution tags of an archival copy', () => {
  const pixels: ArchivalPixels = {
    width: 2100,
    height: 1500,
    samples: 1,
    dtype: 'uint8',
    sizeC: 1,
    sizeZ: 1,
    sizeT: 1,
  };
  const write = async (name: string, pixelSizeUm: { x: number; y: number } | null): Promise<string> => {
    const file = path.join(dir, name);
    const plane = new Uint8Array(pixels.width * pixels.height);
    await writeOmeTiff(file, pixels, archivalOmeXml(archivalImage({ sources: [] }, pixels)), async () => plane, {
      tiled: true,
      compression: 'zlib',
      pixelSizeUm,
    });
    return file;
  };

  it('states pixels per cm on every level, each reduced level’s for its own pixels', async () => {
    const levels = tifffileTags(await write('sized.ome.tiff', { x: 0.325, y: 0.5 }));
    expect(levels).toHaveLength(3);
    levels.forEach((level, k) => {
      const [xn, xd] = level.XResolution as [number, number];
      const [yn, yd] = level.YResolution as [number, number];
      expect(xn / xd, `level ${k}`).toBeCloseTo(10_000 / (0.325 * 2 ** k), 6);
      expect(yn / yd, `level ${k}`).toBeCloseTo(10_000 / (0.5 * 2 ** k), 6);
      expect(level.ResolutionUnit).toBe(3);
    });
    expect(levels[0]).toEqual({ XResolution: [400_000, 13], YResolution: [20_000, 1], ResolutionUnit: 3 });
  });

  it('states none when the pixel size is unknown', async () => {
    expect(tifffileTags(await write('unsized.ome.tiff', null))).toEqual([{}, {}, {}]);
  });

  it('gives ImageJ 1.x a flat copy’s pixel size in µm, from the source’s calibration', async () => {
    const source = path.join(dir, 'cal.ome.tif');
    await copyFile(path.resolve(__dirname, '../../../../fixtures/tiff/generated/ome-3ch-u16.ome.tif'), source);
    const summary = await convertImages({
      sources: [{ relPath: 'cal.ome.tif', absPath: source }],
      outputFolder: path.join(dir, 'flat'),
      options: { compression: 'zlib', flat: true, extension: '.ome.tiff', force: false },
      converter: 'AcqMeta test',
      profiles: createProfileFinder(createProfileCache(), { root: dir }),
      journal: null,
    });
    const copy = summary.written[0]?.output as string;
    const macro = path.join(dir, 'pixel-size.ijm');
    await writeFile(macro, PIXEL_SIZE_MACRO);
    const printed = execFileSync('xvfb-run', ['-a', 'java', '-jar', '/usr/share/java/ij.jar', '-batch', macro, copy], {
      encoding: 'utf8',
    });
    expect(printed).toContain('pixel 0.25 x 0.4 µm');
  });
});
