import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  writeOmeTiff,
  type OmeTiffLayout,
  type PlaneReader,
} from '../../../../../electron/services/convert/ome-tiff-writer';
import {
  readBackPlanes,
  type WrittenLevel,
  type WrittenPlane,
} from '../../../../../electron/services/convert/read-back';
import { verifyOmeTiff } from '../../../../../electron/services/convert/verify-ome-tiff';
import { archivalOmeXml, type ArchivalDtype, type ArchivalPixels } from '../../../../../shared/ome-tiff';
import { archivalImage } from '../../../shared/ome-tiff/ome-schema';
import { tifffileReader } from './tifffile-reader';

const dir = mkdtempSync(join(tmpdir(), 'ome-tiff-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ARRAYS = {
  uint8: Uint8Array,
  int8: Int8Array,
  uint16: Uint16Array,
  int16: Int16Array,
  uint32: Uint32Array,
  int32: Int32Array,
  float32: Float32Array,
  float64: Float64Array,
} as const;

/** OME's names of the types whose numpy names differ. */
const OME_TYPES: Partial<Record<ArchivalDtype, string>> = { float32: 'float', float64: 'double' };

/** A minimal OME-XML of the pixels, enough for tifffile to read the file as an OME series. */
function omeXml(p: ArchivalPixels): string {
  const channels = Array.from(
    { length: p.sizeC },
    (_, c) => `<Channel ID="Channel:0:${c}" SamplesPerPixel="${p.samples}"/>`,
  );
  return (
    `<?xml version="1.0" encoding="UTF-8"?><OME xmlns="http://www.openmicroscopy.org/Schemas/OME/2016-06">` +
    `<Image ID="Image:0" Name="test µm ✓ 𝔸"><Pixels ID="Pixels:0" DimensionOrder="XYCZT" Type="${OME_TYPES[p.dtype] ?? p.dtype}" ` +
    `SizeX="${p.width}" SizeY="${p.height}" SizeC="${p.sizeC * p.samples}" SizeZ="${p.sizeZ}" SizeT="${p.sizeT}" ` +
    `BigEndian="false" Interleaved="true">${channels.join('')}` +
    `<TiffData IFD="0" PlaneCount="${p.sizeC * p.sizeZ * p.sizeT}"/></Pixels></Image></OME>`
  );
}

/** Plane `index`'s bytes: a gradient with noise, so every byte of every sample varies. */
function planeBytes(p: ArchivalPixels, index: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(p.width * p.height * p.samples * ARRAYS[p.dtype].BYTES_PER_ELEMENT);
  let state = index + 1;
  for (let i = 0; i < bytes.length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = ((i >> 4) + index * 17 + ((state >>> 16) & 7)) & 0xff;
  }
  return bytes;
}

const reader =
  (p: ArchivalPixels): PlaneReader =>
  (index) =>
    Promise.resolve(new ARRAYS[p.dtype](planeBytes(p, index).buffer));

/** numpy's `plane[::step, ::step]` of a plane's bytes, written independently of the writer. */
function subsample(bytes: Uint8Array, p: ArchivalPixels, step: number): Uint8Array {
  const pixel = p.samples * ARRAYS[p.dtype].BYTES_PER_ELEMENT;
  const width = Math.ceil(p.width / step);
  const out: number[] = [];
  for (let y = 0; y < p.height; y += step)
    for (let x = 0; x < p.width; x += step)
      out.push(...bytes.subarray((y * p.width + x) * pixel, (y * p.width + x + 1) * pixel));
  expect(out.length).toBe(width * Math.ceil(p.height / step) * pixel);
  return Uint8Array.from(out);
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

interface TifffileView {
  is_ome: boolean;
  is_bigtiff: boolean;
  pages: number;
  shape: number[];
  dtype: string;
  axes: string;
  compression: string;
  tiled: boolean;
  tile: number[] | null;
  software: string;
  image_name: string;
  ome_metadata: string;
  levels: { shape: number[]; planes: string[] }[];
}

const python = tifffileReader();
afterAll(() => python.close());

/** What tifffile reads of the file, which it reads without an error or a word on stderr. */
async function tifffile(path: string, samples: number): Promise<TifffileView> {
  const { error, stderr, ...view } = await python.read(path, samples);
  expect({ error, stderr }).toEqual({ error: undefined, stderr: '' });
  return view as unknown as TifffileView;
}

const COMPRESSION_NAMES = { none: 'NONE', zlib: 'ADOBE_DEFLATE', lzw: 'LZW' };

/** Writes the pixels, reads them with tifffile and checks what it sees against what was written. */
async function roundTrip(
  name: string,
  p: ArchivalPixels,
  layout: OmeTiffLayout,
  extra: { bigtiffAbove?: number } = {},
): Promise<{ view: TifffileView; levels: number; bigtiff: boolean }> {
  const path = join(dir, `${name}.ome.tiff`);
  const done: number[] = [];
  const written = await writeOmeTiff(path, p, omeXml(p), reader(p), {
    ...layout,
    ...extra,
    software: 'AcqMeta test',
    onPlane: (n) => done.push(n),
  });
  const planes = p.sizeC * p.sizeZ * p.sizeT;
  expect(done).toEqual(Array.from({ length: planes }, (_, i) => i + 1));
  expect(written.verified).toBe(true);
  expect(written.bytes).toBe(statSync(path).size);
  const view = await tifffile(path, p.samples);
  expect(view).toMatchObject({
    is_ome: true,
    is_bigtiff: written.bigtiff,
    pages: planes,
    dtype: p.dtype,
    compression: COMPRESSION_NAMES[layout.compression],
    tiled: layout.tiled,
    tile: layout.tiled ? [512, 512] : null,
    software: 'AcqMeta test',
    image_name: 'test µm ✓ 𝔸',
  });
  const dims: [string, number][] = [
    ['T', p.sizeT],
    ['Z', p.sizeZ],
    ['C', p.sizeC],
  ];
  const kept = dims.filter(([, n]) => n > 1);
  expect(view.axes).toBe(kept.map(([a]) => a).join('') + 'YX' + (p.samples > 1 ? 'S' : ''));
  expect(view.levels).toHaveLength(written.levels + 1);
  view.levels.forEach((level, k) => {
    const step = 2 ** k;
    const size = [Math.ceil(p.height / step), Math.ceil(p.width / step), ...(p.samples > 1 ? [p.samples] : [])];
    expect(level.shape).toEqual([...kept.map(([, n]) => n), ...size]);
    const want = Array.from({ length: planes }, (_, i) => sha256(subsample(planeBytes(p, i), p, step)));
    expect(level.planes, `level ${k}`).toEqual(want);
  });
  return { view, levels: written.levels, bigtiff: written.bigtiff };
}

const pixels = (dtype: ArchivalDtype, more: Partial<ArchivalPixels> = {}): ArchivalPixels => ({
  width: 600,
  height: 530,
  samples: 1,
  dtype,
  sizeC: 2,
  sizeZ: 1,
  sizeT: 1,
  ...more,
});

describe('writeOmeTiff, read by tifffile', () => {
  const DTYPES = Object.keys(ARRAYS) as ArchivalDtype[];
  const COMPRESSIONS = ['zlib', 'lzw', 'none'] as const;

  it.each(DTYPES.map((dtype, i) => [dtype, COMPRESSIONS[i % 3] as OmeTiffLayout['compression']] as const))(
    '%s, tiled, %s: planes exact, edge tiles cut off',
    async (dtype, compression) => {
      const { levels, bigtiff } = await roundTrip(`dtype-${dtype}`, pixels(dtype), { tiled: true, compression });
      expect(levels).toBe(0);
      expect(bigtiff).toBe(false);
    },
  );

  it.each([
    ['uint16', 3],
    ['float32', 2],
  ] as const)('%s × %i samples, tiled, zlib: MinIsBlack with extra samples', async (dtype, samples) => {
    await roundTrip(`samples-${dtype}`, pixels(dtype, { samples, sizeC: 1, width: 520, height: 30 }), {
      tiled: true,
      compression: 'zlib',
    });
  });

  it('RGB uint8, flat strips, LZW', async () => {
    const p = pixels('uint8', { samples: 3, sizeC: 1, sizeZ: 1, sizeT: 3, width: 611, height: 407 });
    await roundTrip('rgb', p, { tiled: false, compression: 'lzw' });
  });

  it.each(COMPRESSIONS)(
    'a 2100×1500 stack, tiled and pyramidal, %s: three levels, each numpy [::2**k]',
    async (compression) => {
      const p = pixels('uint8', { width: 2100, height: 1500, sizeC: 1, sizeZ: 2 });
      const { levels } = await roundTrip(`pyramid-${compression}`, p, { tiled: true, compression });
      expect(levels).toBe(2);
    },
  );

  it.each(COMPRESSIONS)('flat, %s: strips, no levels even when large', async (compression) => {
    const p = pixels('int16', { width: 1300, height: 257, sizeC: 3, sizeZ: 1, sizeT: 1 });
    const { levels } = await roundTrip(`flat-${compression}`, p, { tiled: false, compression });
    expect(levels).toBe(0);
  });

  it('writes a BigTIFF when the size could pass the limit', async () => {
    const p = pixels('float32', { width: 1100, height: 700, sizeC: 1, sizeZ: 1, sizeT: 2 });
    const { view, levels, bigtiff } = await roundTrip(
      'bigtiff',
      p,
      { tiled: true, compression: 'zlib' },
      { bigtiffAbove: 0 },
    );
    expect(bigtiff).toBe(true);
    expect(view.is_bigtiff).toBe(true);
    expect(levels).toBe(1);
  });
});

describe('writeOmeTiff with the archival OME-XML', () => {
  it('tifffile reads the series, its pyramid and the OME-XML as written', async () => {
    const p = pixels('uint16', { width: 1100, height: 600, sizeC: 2, sizeZ: 3 });
    const image = archivalImage(
      { sources: ['czi'], channels: [{ name: 'DAPI' }, { name: 'GFP' }], pixel_size_um: { x: 0.1, y: 0.1, z: 0.5 } },
      p,
    );
    const xml = archivalOmeXml(image);
    const path = join(dir, 'archival.ome.tiff');
    const written = await writeOmeTiff(path, p, xml, reader(p), { tiled: true, compression: 'zlib' });
    expect(written).toMatchObject({ bigtiff: false, levels: 1, verified: true });
    const view = await tifffile(path, 1);
    expect(view).toMatchObject({ is_ome: true, axes: 'ZCYX', shape: [3, 2, 600, 1100], dtype: 'uint16' });
    expect(view.levels.map((level) => level.shape)).toEqual([
      [3, 2, 600, 1100],
      [3, 2, 300, 550],
    ]);
    expect(view.levels[0]?.planes).toEqual(Array.from({ length: 6 }, (_, i) => sha256(planeBytes(p, i))));
    expect(view.ome_metadata.trim()).toBe(xml.trim());
  });
});

describe('writeOmeTiff, failing', () => {
  it('an abort between planes throws and leaves the partial file for the caller', async () => {
    const p = pixels('uint16', { width: 1100, height: 900, sizeZ: 2 });
    const path = join(dir, 'aborted.ome.tiff');
    const controller = new AbortController();
    const written = writeOmeTiff(path, p, omeXml(p), reader(p), {
      tiled: true,
      compression: 'none',
      signal: controller.signal,
      onPlane: (n) => n === 1 && controller.abort(),
    });
    await expect(written).rejects.toThrow(/abort/i);
    expect(existsSync(path)).toBe(true);
    expect(statSync(path).size).toBeGreaterThan(1100 * 900 * 2);
  });

  it('a plane of the wrong size throws, naming the plane', async () => {
    const p = pixels('uint8');
    const path = join(dir, 'short.ome.tiff');
    const read: PlaneReader = (index) => Promise.resolve(new Uint8Array(index === 1 ? 10 : 600 * 530));
    await expect(writeOmeTiff(path, p, omeXml(p), read, { tiled: true, compression: 'zlib' })).rejects.toThrow(
      /^plane 1 /,
    );
  });

  it('the read-back finds a changed byte on disk and names its plane', async () => {
    const p = pixels('uint8', { width: 64, height: 32, sizeZ: 1 });
    const path = join(dir, 'changed.ome.tiff');
    const planes = await writeRecorded(path, p, { tiled: false, compression: 'none' });
    expect(planes.map((plane) => plane.levels.map((level) => level.crc32))).toEqual(
      [0, 1].map((i) => [crc32(planeBytes(p, i))]),
    );
    const bytes = readFileSync(path);
    const second = bytes.indexOf(Buffer.from(planeBytes(p, 1)));
    expect(second).toBeGreaterThan(0);
    bytes[second + 100] = (bytes[second + 100] as number) ^ 1;
    writeFileSync(path, bytes);
    expect(() => readBackPlanes(path, [planes[0] as WrittenPlane])).not.toThrow();
    expect(() => readBackPlanes(path, [planes[1] as WrittenPlane])).toThrow(
      'plane 1 (C 1, Z 0, T 0) reads back different from the source',
    );
  });

  it('the read-back finds a changed byte in a reduced level and names the level', async () => {
    const p = pixels('uint8', { width: 1100, height: 300, sizeC: 1, sizeZ: 1 });
    const path = join(dir, 'changed-level.ome.tiff');
    const planes = await writeRecorded(path, p, { tiled: true, compression: 'none' });
    const full = planeBytes(p, 0);
    const half = subsample(full, p, 2);
    expect(planes[0]?.levels.map((level) => level.crc32)).toEqual([crc32(full), crc32(half)]);
    const bytes = readFileSync(path);
    // the reduced level's first tile starts with its first 512 pixels of row 0
    const tile = bytes.indexOf(Buffer.from(half.subarray(0, 512)));
    expect(tile).toBeGreaterThan(0);
    bytes[tile + 600] = (bytes[tile + 600] as number) ^ 1;
    writeFileSync(path, bytes);
    expect(() => readBackPlanes(path, [planes[0] as WrittenPlane])).toThrow(
      "plane 0 (C 0, Z 0, T 0)'s reduced level 1 (550×150) reads back different from the source",
    );
  });

  it('a written plane read back fails the write, naming the plane', async () => {
    const p = pixels('uint8', { width: 64, height: 32, sizeZ: 1 });
    const path = join(dir, 'read-back-fails.ome.tiff');
    const readBack = (planes: WrittenPlane[]): Promise<void> => {
      const differing = planes.find((plane) => plane.index === 1);
      return differing ? Promise.reject(new Error(`${differing.name} differs`)) : Promise.resolve();
    };
    await expect(
      writeOmeTiff(path, p, omeXml(p), reader(p), { tiled: false, compression: 'none', readBack }),
    ).rejects.toThrow('plane 1 (C 1, Z 0, T 0) differs');
  });

  it('the final check refuses a page pointing at blocks other than those read back', async () => {
    const p = pixels('uint8', { width: 64, height: 32, sizeZ: 1 });
    const path = join(dir, 'other-blocks.ome.tiff');
    const planes = await writeRecorded(path, p, { tiled: false, compression: 'none' });
    const first = planes[0] as WrittenPlane;
    const moved = {
      ...first,
      levels: [{ ...(first.levels[0] as WrittenLevel), offsets: [Number(first.levels[0]?.offsets[0]) + 2] }],
    };
    expect(() => verifyOmeTiff(path, p, [moved, planes[1] as WrittenPlane])).toThrow(
      'plane 0 (C 0, Z 0, T 0) points at blocks other than those read back',
    );
  });

  it('the final check refuses two pages sharing a block, though its bytes hash right', async () => {
    const p = pixels('uint8', { width: 64, height: 32, sizeZ: 1 });
    const path = join(dir, 'shared-block.ome.tiff');
    // two equal planes: the second page may point at the first's strip and still hash right
    const same: PlaneReader = () => Promise.resolve(planeBytes(p, 0));
    const planes: WrittenPlane[] = [];
    const record = (written: WrittenPlane[]): Promise<void> => {
      planes.push(...written);
      return Promise.resolve();
    };
    await writeOmeTiff(path, p, omeXml(p), same, { tiled: false, compression: 'none', readBack: record });
    const [first, second] = planes as [WrittenPlane, WrittenPlane];
    const [own] = second.levels[0]?.offsets as [number];
    const [shared] = first.levels[0]?.offsets as [number];
    const bytes = readFileSync(path);
    // the second page's StripOffsets (one strip: the value is in its entry) now name the first's strip
    const entry = bytes.indexOf(
      Buffer.from(Uint32Array.of(own).buffer),
      Number(second.levels[0]?.offsets[0]) + 64 * 32,
    );
    expect(entry).toBeGreaterThan(0);
    bytes.writeUInt32LE(shared, entry);
    writeFileSync(path, bytes);
    const pointing = { ...second, levels: [{ ...(second.levels[0] as WrittenLevel), offsets: [shared] }] };
    expect(() => readBackPlanes(path, [pointing])).not.toThrow();
    expect(() => verifyOmeTiff(path, p, [first, pointing])).toThrow(/share bytes at offset/);
  });
});

/** Writes `p`, reading each plane back in this thread, and returns the planes as written. */
async function writeRecorded(path: string, p: ArchivalPixels, layout: OmeTiffLayout): Promise<WrittenPlane[]> {
  const planes: WrittenPlane[] = [];
  const readBack = (written: WrittenPlane[]): Promise<void> => {
    planes.push(...written);
    readBackPlanes(path, written);
    return Promise.resolve();
  };
  await writeOmeTiff(path, p, omeXml(p), reader(p), { ...layout, readBack });
  return planes;
}
