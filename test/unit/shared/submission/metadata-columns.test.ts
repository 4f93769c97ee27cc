/** The Completeness view's columns of a target's metadata file: value and origin, or why it is to fill. */
import { describe, expect, it } from 'vitest';
import type { HeaderValues } from '../../../../shared/api';
import { DEFAULT_FIELD_VALUES } from '../../../../shared/fields/field-table';
import { metadataColumns, targetTable, type SubmissionImage } from '../../../../shared/submission';

const HEADER: HeaderValues = {
  shape: '(3, 512, 512)',
  dims: "('Z', 'Y', 'X')",
  sizes: "{'Z': 3, 'Y': 512, 'X': 512}",
  dtype: 'uint16',
  num_channels: 1,
  num_scenes: 1,
  date: '',
  time: '',
};

const image = (path: string, model?: string): SubmissionImage => ({
  path,
  format: 'tiff',
  header: HEADER,
  acquisition: {
    instrument: model === undefined ? {} : { manufacturer: 'Leica Microsystems', model },
    sources: ['ome'],
  },
  values: DEFAULT_FIELD_VALUES,
});

const columnsOf = (format: 'hubmap:confocal' | 'htan:imaging-level-2', images: SubmissionImage[]) =>
  Object.fromEntries(metadataColumns(format, targetTable(format, 'ds', images)).map((c) => [c.name, c]));

describe('metadataColumns', () => {
  it("HuBMAP: the dataset's value with its origin, or to fill with the to-do's reason", () => {
    const columns = columnsOf('hubmap:confocal', [image('a.tif', 'TCS SP8'), image('b.tif', 'TCS SP8')]);
    expect(columns.metadata_schema_id).toEqual({
      name: 'metadata_schema_id',
      required: true,
      value: '3829a2c4-e29b-4dca-91f2-af3d427ed57b',
      from: 'template',
    });
    expect(columns.acquisition_instrument_vendor).toEqual({
      name: 'acquisition_instrument_vendor',
      required: true,
      value: 'Leica Microsystems',
      from: 'image file',
    });
    expect(columns.parent_sample_id).toEqual({
      name: 'parent_sample_id',
      required: true,
      value: null,
      from: null,
      todo: 'no file or sidecar supplies it',
    });
  });

  it('HTAN: one row per image, so each column counts the images that still lack it', () => {
    const columns = columnsOf('htan:imaging-level-2', [image('a.tif', 'TCS SP8'), image('b.tif')]);
    expect(columns.Microscope).toMatchObject({ required: true, value: null, from: 'image file', missing: 1 });
    expect(columns.Filename).toMatchObject({ value: null, from: "image's path", missing: 0 });
    expect(columns.Filename?.todo).toBeUndefined();
    expect(columns.SizeX).toMatchObject({ from: 'image header', missing: 0 });
  });
});
