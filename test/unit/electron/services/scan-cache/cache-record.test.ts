import { describe, expect, it } from 'vitest';
import type { Acquisition } from '../../../../../shared/acquisition/acquisition-types';
import { EDITABLE_FIELDS } from '../../../../../shared/fields/field-table';
import { decodeRecord, encodeRecord, type CachedImage } from '../../../../../electron/services/scan-cache/cache-record';

const header = {
  shape: '(2, 16, 16)',
  dims: "('C', 'Y', 'X')",
  sizes: "{'C': 2, 'Y': 16, 'X': 16}",
  dtype: 'uint16',
  num_channels: 2,
  num_scenes: 1,
  date: '',
  time: '',
};
const defaults = Object.fromEntries(EDITABLE_FIELDS.map((f) => [f.name, f.default]));

describe('scan cache lines', () => {
  it('keep a header, a calibration and stored values as read, numbers JSON cannot hold included', () => {
    const image: CachedImage = {
      image: {
        stamp: { size: 1234, mtimeMs: 1715000000123.4568, ino: 42 },
        summary: { header, fileCalibration: { x: 0.5, y: 0.25, unit: 'um', source: 'imagej' } },
      },
      sidecar: {
        state: 'ok',
        version: { size: 900, mtimeMs: 1715000000000.5, sha256: 'a'.repeat(64) },
        problems: ['note is too long'],
        values: {
          ...defaults,
          species: 'mouse',
          depth: Number.NaN,
          physical_unit_x: Number.POSITIVE_INFINITY,
          branch_order: null,
          accepted: true,
        },
        header,
        absentFields: ['age'],
        results: { 'diameter/1/0/mean': 3.2, 'diameter/1/0/std': 'NaN' },
        sidecar: null,
      },
    };
    expect(decodeRecord(encodeRecord('a/b.tif', image))).toEqual({ relPath: 'a/b.tif', image });
  });

  it('give images with the same header one summary, as the header memo keeps it', () => {
    const stamp = { size: 10, mtimeMs: 1, ino: 2 };
    const line = (relPath: string, x: number) =>
      encodeRecord(relPath, {
        image: { stamp, summary: { header, fileCalibration: { x, y: x, unit: 'um', source: 'imagej' } } },
        sidecar: null,
      });
    const [a, b, c] = [line('a.tif', 0.5), line('b.tif', 0.5), line('c.tif', 0.75)].map(
      (text) => decodeRecord(text)?.image.image?.summary,
    );
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    expect(c?.fileCalibration?.x).toBe(0.75);
  });

  it('keep an image’s acquisition metadata, and refuse one that is damaged', () => {
    const acquisition: Acquisition = {
      objective: { name: 'Plan-Apochromat 63x/1.40 Oil', magnification: 63, na: 1.4, immersion: 'Oil' },
      channels: [
        {
          name: 'DAPI',
          excitation_nm: 405,
          emission_nm: 461,
          light_source_kind: 'LightEmittingDiode',
          color: '0000FF',
        },
        {},
      ],
      pixel_size_um: { x: 0.1, y: 0.1, z: 0.5 },
      storage: { byte_order: 'big', resolution_levels: 2, dimension_order: 'XYCTZ' },
      acquired_at: '2024-01-02T03:04:05',
      sources: ['ome', 'tiff'],
      origins: { 'objective.na': { flavour: 'ome', key: 'Objective@LensNA' } },
      disagreements: [
        {
          key: 'pixel_size_um.x',
          values: [
            { value: 0.1, source: { flavour: 'ome', key: 'Pixels@PhysicalSizeX' } },
            { value: 0.2, source: { flavour: 'tiff', key: 'XResolution' } },
          ],
        },
      ],
      problems: ['TIFF: DateTime "x" is not a date'],
    };
    const image: CachedImage = {
      image: { stamp: { size: 1, mtimeMs: 2, ino: 3 }, summary: { header, fileCalibration: null, acquisition } },
      sidecar: null,
    };
    const line = encodeRecord('a.tif', image);
    expect(decodeRecord(line)).toEqual({ relPath: 'a.tif', image });
    for (const damaged of [
      line.replace('"na":1.4', '"na":"1.4"'),
      line.replace('"sources":["ome","tiff"]', '"sources":["ome","jpeg"]'),
      line.replace('"objective":{', '"objective":{"lens":"x",'),
      line.replace('"channels":[', '"channels":[3,'),
      line.replace('"byte_order":"big"', '"byte_order":"BE"'),
      line.replace('"LightEmittingDiode"', '"Candle"'),
    ]) {
      expect(damaged).not.toBe(line);
      expect(decodeRecord(damaged)).toBeNull();
    }
  });

  it('keep an invalid sidecar with its defaults, and no image for other formats', () => {
    const image: CachedImage = {
      image: null,
      sidecar: {
        state: 'invalid',
        version: { size: 5, mtimeMs: 1, sha256: 'b'.repeat(64) },
        problems: ['x.oir.json: not valid JSON'],
        values: defaults,
        header: null,
        absentFields: [],
        results: null,
        sidecar: null,
      },
    };
    expect(decodeRecord(encodeRecord('x.oir', image))).toEqual({ relPath: 'x.oir', image });
  });

  it('turn anything damaged into a miss', () => {
    const line = encodeRecord('a.tif', {
      image: { stamp: { size: 1, mtimeMs: 2, ino: 3 }, summary: { header, fileCalibration: null } },
      sidecar: null,
    });
    for (const damaged of [
      line.slice(0, -3),
      line.replace('"uint16"', '16'),
      line.replace('[1,2,3]', '[1,2]'),
      '[]',
      'null',
      '',
    ]) {
      expect(decodeRecord(damaged)).toBeNull();
    }
  });
});
