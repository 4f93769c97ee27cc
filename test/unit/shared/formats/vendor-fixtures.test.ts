import { describe, expect, it } from 'vitest';
import { readVendorHeader, resolveCziSubblock, type VendorHeader } from '../../../../shared/formats';
import { EXPECTED, fixtureBytes, recordingSource, rounded } from './vendor-source';

const FIXTURES = Object.keys(EXPECTED);

function read(relative: string): { header: VendorHeader; source: ReturnType<typeof recordingSource> } {
  const source = recordingSource(fixtureBytes(relative));
  return { header: readVendorHeader(source, relative.split('/')[1] as string), source };
}

/** The acquisition without `origins`, as the independent reader wrote it. */
function values(acquisition: VendorHeader['acquisition']): Record<string, unknown> {
  const { origins: _origins, ...rest } = acquisition;
  return rounded(rest);
}

/** Dotted keys of every value the model holds. */
function leafKeys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([k, v]) => leafKeys(v, prefix === '' ? k : `${prefix}.${k}`));
}

describe('vendor headers equal what independent readers report for every fixture', () => {
  it('covers every format', () => {
    expect(new Set(FIXTURES.map((f) => f.split('/')[0]))).toEqual(new Set(['czi', 'nd2', 'lif', 'oib']));
  });

  it.each(FIXTURES)('%s: header values as CloudScope (acqstore) reports them', (relative) => {
    const { header } = read(relative);
    expect(header.format).toBe(EXPECTED[relative]?.format);
    expect(header.header).toEqual(EXPECTED[relative]?.header);
  });

  it.each(FIXTURES)('%s: pixel size in µm, plane counts and the list of images', (relative) => {
    const { header } = read(relative);
    const expected = EXPECTED[relative];
    const calibration =
      header.fileCalibration === null ? null : rounded({ x: header.fileCalibration.x, y: header.fileCalibration.y });
    expect(calibration).toEqual(expected?.calibration_um === null ? null : rounded(expected?.calibration_um));
    if (header.fileCalibration !== null)
      expect(header.fileCalibration).toMatchObject({ unit: 'um', source: header.format });
    expect(header.planes).toEqual(expected?.planes);
    expect(header.images).toEqual(expected?.images);
  });

  it.each(FIXTURES)('%s: acquisition values, each with the place it came from', (relative) => {
    const { header } = read(relative);
    expect(values(header.acquisition)).toEqual(rounded(EXPECTED[relative]?.acquisition));
    const keys = leafKeys(values(header.acquisition)).filter((k) => !k.startsWith('sources'));
    expect(Object.keys(header.acquisition.origins ?? {}).sort()).toEqual(keys.sort());
    for (const origin of Object.values(header.acquisition.origins ?? {}))
      expect(origin).toMatchObject({ flavour: header.format, key: expect.any(String) });
  });

  it.each(FIXTURES.filter((f) => f.startsWith('czi/')))(
    '%s: plane (0,0,0) is the subblocks czifile finds, mosaic tiles in drawing order',
    (relative) => {
      const { header } = read(relative);
      const expected = EXPECTED[relative];
      const plane = header.store?.planes.find((p) => p.c === 0 && p.z === 0 && p.t === 0);
      const segments = (plane?.tiles ?? []).map((t) => (t.kind === 'czi-subblock' ? t.segmentOffset : -1));
      expect(segments).toEqual(expected?.plane0_subblocks);
      expect(header.attachments).toEqual(expected?.attachments);
      expect(header.store?.compression).toBe(
        { UNCOMPRESSED: 'none', ZSTD: 'zstd', ZSTDHDR: 'zstd-hdr' }[expected?.compression ?? ''],
      );
    },
  );

  it('nd2: every frame lies where the nd2 package reads it, channels interleaved', () => {
    const relative = 'nd2/pims_nd2_cluster.nd2';
    const { header } = read(relative);
    const plane = header.store?.planes.find((p) => p.c === 1 && p.z === 0 && p.t === 0);
    expect(plane?.tiles[0]).toMatchObject({
      kind: 'bytes',
      offset: EXPECTED[relative]?.frame0_offset,
      length: 31 * 152,
    });
    expect(plane?.sampleOffset).toBe(2);
    expect(header.store).toMatchObject({
      compression: 'none',
      dtype: 'uint16',
      pixelStride: 4,
      rowStride: 152,
      width: 38,
      height: 31,
    });
    expect(header.store?.planes).toHaveLength(2 * 10 * 3);
    // frames follow the loops: T outermost, then Z; each 4720-byte chunk sits in its own 4 KiB-aligned slot
    const offsets = (header.store?.planes ?? [])
      .filter((p) => p.c === 0)
      .map((p) => (p.tiles[0]?.kind === 'bytes' ? p.tiles[0].offset : -1));
    expect(new Set(offsets).size).toBe(30);
  });

  it.each(FIXTURES.filter((f) => f.startsWith('lif/')))(
    '%s: image 0 lies in the memory block readlif finds',
    (relative) => {
      const { header } = read(relative);
      const block = EXPECTED[relative]?.block0;
      const first = header.store?.planes[0]?.tiles[0];
      expect(first).toMatchObject({ kind: 'bytes', offset: block?.offset });
      const end = Math.max(
        ...(header.store?.planes ?? []).flatMap((p) =>
          p.tiles.map((t) => (t.kind === 'bytes' ? t.offset + t.length : 0)),
        ),
      );
      expect(end).toBeLessThanOrEqual((block?.offset ?? 0) + (block?.size ?? 0));
    },
  );

  it('oib: says why a preview cannot locate planes plainly', () => {
    const { header } = read('oib/oiffile_test.oib');
    expect(header.store).toBeNull();
    expect(header.storeNote).toMatch(/TIFF files \(NONE, uint16\) inside the compound document/);
  });

  // (OIB planes are not located; the 2400-byte CZI fits in the first read)
  it.each(FIXTURES.filter((f) => !f.startsWith('oib/') && fixtureBytes(f).length > 64 * 1024))(
    '%s: a header read reads no pixel data beyond the read-ahead of its cache',
    (relative) => {
      const { header, source } = read(relative);
      const bytes = fixtureBytes(relative);
      const pixels = (header.store?.planes ?? []).flatMap((p) =>
        p.tiles.map((t) => {
          const at = t.kind === 'bytes' ? t : resolveCziSubblock(recordingSource(bytes), t.segmentOffset);
          return [at.offset, at.offset + at.length] as const;
        }),
      );
      const pixelBytes = new Set(pixels.flatMap(([a, b]) => Array.from({ length: b - a }, (_, i) => a + i)));
      const touched = new Set(
        source.ranges
          .flatMap(([a, b]) => Array.from({ length: b - a }, (_, i) => a + i))
          .filter((i) => pixelBytes.has(i)),
      );
      // the cached reader reads 4 KiB first and up to 16 KiB ahead: pixels next to metadata may fall in
      expect(touched.size).toBeLessThanOrEqual(36 * 1024);
      expect(pixelBytes.size).toBeGreaterThan(touched.size);
    },
  );
});

describe('where CloudScope and AcqMeta differ on calibration', () => {
  it('acqstore writes a CZI pixel size in metres labelled with a dimension name; AcqMeta writes µm', () => {
    const relative = 'czi/czitools_WellD6_S1.czi';
    expect(EXPECTED[relative]?.acqstore_calibration).toEqual({ x: [1e-7, 'X'], y: [1e-7, 'Y'] });
    expect(rounded(read(relative).header.fileCalibration)).toEqual({ x: 0.1, y: 0.1, unit: 'um', source: 'czi' });
  });
});
