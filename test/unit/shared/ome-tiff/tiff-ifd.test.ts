import { describe, expect, it } from 'vitest';
import { encodeIfd, tiffHeader, type TiffTag } from '../../../../shared/ome-tiff/tiff-ifd';
import { asciiXml, blockGrid, levelSizes, needsBigTiff } from '../../../../shared/ome-tiff/tiff-layout';
import { blockBytes, halve } from '../../../../shared/ome-tiff/tiff-blocks';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

const TAGS: TiffTag[] = [
  { code: 259, kind: 'short', values: [8] },
  { code: 256, kind: 'long', values: [700] },
  { code: 270, kind: 'ascii', values: 'OME' },
  { code: 324, kind: 'offset', values: [16, 4096] },
];

describe('tiffHeader', () => {
  it('is II 42 or II 43 with 8-byte offsets, the first IFD offset to patch', () => {
    expect(hex(tiffHeader(false).bytes)).toBe('49492a0000000000');
    expect(tiffHeader(false).nextField).toBe(4);
    expect(hex(tiffHeader(true).bytes)).toBe('49492b000800000000000000' + '00000000');
    expect(tiffHeader(true).nextField).toBe(8);
  });
});

describe('encodeIfd', () => {
  it('writes a classic IFD: entries sorted, short values inline, long ones after the IFD', () => {
    const ifd = encodeIfd(TAGS, false, 100);
    // 2 + 4 × 12 + 4 = 54 bytes of IFD, then the two offsets (8 bytes) at 154
    expect(ifd.nextField).toBe(50);
    expect(hex(ifd.bytes)).toBe(
      [
        '0400',
        '0001' + '0400' + '01000000' + 'bc020000', // ImageWidth LONG 700
        '0301' + '0300' + '01000000' + '08000000', // Compression SHORT 8
        '0e01' + '0200' + '04000000' + '4f4d4500', // ImageDescription "OME\0" inline
        '4401' + '0400' + '02000000' + '9a000000', // TileOffsets LONG ×2 at 154
        '00000000',
        '10000000' + '00100000',
      ].join(''),
    );
  });

  it('writes a BigTIFF IFD: 8-byte counts and offsets, LONG8 offsets', () => {
    const ifd = encodeIfd(TAGS, true, 1000);
    expect(ifd.nextField).toBe(8 + 4 * 20);
    const view = new DataView(ifd.bytes.buffer);
    expect(Number(view.getBigUint64(0, true))).toBe(4);
    // TileOffsets: type 16 (LONG8), count 2, 16 bytes do not fit the 8-byte slot: at 1000 + 96
    expect(view.getUint16(8 + 3 * 20, true)).toBe(324);
    expect(view.getUint16(8 + 3 * 20 + 2, true)).toBe(16);
    expect(Number(view.getBigUint64(8 + 3 * 20 + 4, true))).toBe(2);
    expect(Number(view.getBigUint64(8 + 3 * 20 + 12, true))).toBe(1096);
    expect(Number(view.getBigUint64(96, true))).toBe(16);
    expect(Number(view.getBigUint64(104, true))).toBe(4096);
    expect(ifd.bytes.length).toBe(112);
  });

  it('pads odd-length values to keep the next ones on even offsets', () => {
    const ifd = encodeIfd(
      [
        { code: 270, kind: 'ascii', values: 'odd!' },
        { code: 305, kind: 'ascii', values: 'AcqMeta' },
      ],
      false,
      0,
    );
    const view = new DataView(ifd.bytes.buffer);
    expect(view.getUint32(2 + 8, true)).toBe(30);
    expect(view.getUint32(2 + 12 + 8, true)).toBe(36);
    expect(ifd.bytes.length).toBe(44);
  });
});

describe('the layout', () => {
  it('keeps the OME-XML 7-bit ASCII with character references', () => {
    expect(asciiXml('<Pixels PhysicalSizeXUnit="µm" Name="a✓𝔸"/>')).toBe(
      '<Pixels PhysicalSizeXUnit="&#181;m" Name="a&#10003;&#120120;"/>',
    );
  });

  it('halves until the largest side is under 1024, as numpy [::2**k] sizes', () => {
    expect(levelSizes(2100, 1500, true)).toEqual([
      { width: 2100, height: 1500 },
      { width: 1050, height: 750 },
      { width: 525, height: 375 },
    ]);
    expect(levelSizes(1023, 1023, true)).toHaveLength(1);
    expect(levelSizes(2100, 1500, false)).toHaveLength(1);
  });

  it('cuts strips of about 64 KiB, at least one row', () => {
    expect(blockGrid({ width: 1000, height: 100 }, 2, false)).toMatchObject({ height: 32, down: 4 });
    expect(blockGrid({ width: 100_000, height: 3 }, 2, false)).toMatchObject({ height: 1, down: 3 });
    expect(blockGrid({ width: 1025, height: 512 }, 2, true)).toMatchObject({ width: 512, across: 3, down: 1 });
  });

  it('chooses BigTIFF from the uncompressed size of every level', () => {
    const pixels = { width: 32768, height: 32768, samples: 1, dtype: 'uint16', sizeC: 1, sizeZ: 1, sizeT: 1 } as const;
    expect(needsBigTiff(pixels, true)).toBe(false);
    expect(needsBigTiff({ ...pixels, sizeC: 2 }, true)).toBe(true);
    expect(needsBigTiff({ ...pixels, width: 10, height: 10 }, true, 0)).toBe(true);
  });

  it('pads edge tiles with zeros and halves by every second pixel', () => {
    const plane = Uint8Array.from({ length: 5 * 3 * 2 }, (_, i) => i);
    const size = { width: 5, height: 3 };
    const tile = blockBytes(plane, size, { tiled: true, width: 4, height: 4, across: 2, down: 1 }, 2, 1, 0);
    expect(Array.from(tile.subarray(0, 8))).toEqual([8, 9, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(tile.subarray(8, 10))).toEqual([18, 19]);
    const half = halve(plane, size, 2);
    expect(half.size).toEqual({ width: 3, height: 2 });
    expect(Array.from(half.bytes)).toEqual([0, 1, 4, 5, 8, 9, 20, 21, 24, 25, 28, 29]);
  });
});
