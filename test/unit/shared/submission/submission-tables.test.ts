/**
 * The pure mapping of images to HuBMAP and HTAN metadata: what is written, what is refused
 * with "did you mean", and what the to-do says.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_FIELD_VALUES } from '../../../../shared/fields/field-table';
import type { HeaderValues } from '../../../../shared/api';
import {
  checkCell,
  hubmapTemplates,
  matchTerm,
  metadataColumns,
  ruleOfField,
  submissionParts,
  targetTable,
  type SubmissionFormat,
  type SubmissionImage,
} from '../../../../shared/submission';

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

const image = (path: string, manufacturer: string, model: string, values = DEFAULT_FIELD_VALUES): SubmissionImage => ({
  path,
  format: 'tiff',
  header: HEADER,
  acquisition: { instrument: { manufacturer, model }, sources: ['ome'] },
  values,
});

/** The metadata file of `format` for `images` of the folder `folderName`, without a channel table. */
const submissionFile = (format: SubmissionFormat, folderName: string, images: SubmissionImage[]) =>
  submissionParts(format, { folderName, images, channels: null })[0]!;

const confocal = hubmapTemplates().items.find((t) => t.name === 'confocal')!;
const field = (key: string) => ruleOfField(confocal.fields.find((f) => f.key === key)!);

describe('matchTerm', () => {
  it('accepts a term whatever its case and punctuation, as the template labels it', () => {
    expect(matchTerm('leica  microsystems', ['Leica Microsystems'])).toEqual({ accepted: 'Leica Microsystems' });
  });
  it('suggests, never accepts, a near miss: a shared distinctive word, company words aside', () => {
    const vendors = confocal.fields.find((f) => f.key === 'acquisition_instrument_vendor')!.terms!.map((t) => t.label);
    expect(matchTerm('Carl Zeiss', vendors)).toEqual({ accepted: null, suggestions: ['Zeiss Microscopy'] });
    expect(matchTerm('Olympus', vendors)).toEqual({ accepted: null, suggestions: ['Evident Scientific (Olympus)'] });
    expect(matchTerm('Nikon', vendors)).toEqual({ accepted: null, suggestions: [] });
    expect(matchTerm('Leica Microsystems CMS GmbH', vendors)).toEqual({
      accepted: null,
      suggestions: ['Leica Microsystems', 'Leica Biosystems'],
    });
    expect(matchTerm('Carl Zeiss Microscopy GmbH', vendors)).toEqual({
      accepted: null,
      suggestions: ['Zeiss Microscopy'],
    });
  });
});

describe('checkCell', () => {
  it("applies the template's regex, number type and bounds", () => {
    expect(checkCell(field('parent_sample_id'), 'HBM123.ABCD.456')).toEqual({ text: 'HBM123.ABCD.456' });
    expect(checkCell(field('parent_sample_id'), 'sample 1')).toMatchObject({ text: null });
    expect(checkCell(field('tiled_image_count'), 2.5)).toEqual({
      text: null,
      problem: 'is not a whole number',
      suggestions: [],
    });
    expect(checkCell(field('tiled_image_count'), 0)).toMatchObject({ problem: 'is below the least value, 1' });
    expect(checkCell(field('slide_id'), 'a\tb')).toMatchObject({ problem: 'holds a tab or a line break' });
  });
});

describe('submissionParts: the metadata file', () => {
  it('writes a vendor the template lists; refuses a near miss with did-you-mean; leaves the rest to do', () => {
    const accepted = submissionFile('hubmap:confocal', 'd', [image('a.tif', 'Leica Microsystems', 'STELLARIS 5')]);
    const row = accepted.table.rows[0]!;
    const at = (column: string) => row[confocal.columns.indexOf(column)];
    expect([at('acquisition_instrument_vendor'), at('acquisition_instrument_model')]).toEqual([
      'Leica Microsystems',
      'STELLARIS 5',
    ]);
    expect(accepted.table.todo.map((item) => item.column)).not.toContain('acquisition_instrument_vendor');
    const refused = submissionFile('hubmap:confocal', 'd', [image('a.tif', 'Carl Zeiss', 'LSM 710')]);
    expect(refused.table.todo.filter((item) => item.column.startsWith('acquisition_instrument'))).toEqual([
      {
        row: 'dataset',
        column: 'acquisition_instrument_vendor',
        required: true,
        reason:
          '"Carl Zeiss" (from the image file) is not in the template\'s list; did you mean "Zeiss Microscopy"? Choose one of the list, or ask HuBMAP to add it',
      },
      {
        row: 'dataset',
        column: 'acquisition_instrument_model',
        required: true,
        reason:
          '"LSM 710" (from the image file) is not in the template\'s list; did you mean "LSM 710 Confocal Microscope"? Choose one of the list, or ask HuBMAP to add it',
      },
    ]);
  });

  it('names the groups when the images differ, and takes a pixel size from the sidecar where the file has none', () => {
    const calibrated = { ...DEFAULT_FIELD_VALUES, physical_unit_x: 200, physical_label_x: 'nm' };
    const file = submissionFile('hubmap:confocal', 'd', [
      image('a.tif', 'Leica Microsystems', 'STELLARIS 5'),
      image('b.tif', 'Leica Microsystems', 'DMi8', calibrated),
    ]);
    expect(file.table.todo.find((item) => item.column === 'acquisition_instrument_model')?.reason).toBe(
      'the images differ: "DMi8" (1 image), "STELLARIS 5" (1 image); the dataset\'s value is left to you',
    );
    const htan = submissionFile('htan:imaging-level-2', 'd', [image('b.tif', 'Leica', 'DMi8', calibrated)]);
    const [header, row] = [htan.table.columns, htan.table.rows[0]!];
    const at = (column: string) => row[header.indexOf(column)];
    expect([at('PhysicalSizeX'), at('PhysicalSizeXUnit'), at('PhysicalSizeY'), at('Zstack'), at('Microscope')]).toEqual(
      ['0.2', 'µm', '', 'Yes', 'Leica DMi8'],
    );
  });
  it("takes a vendor format's maker only for a file that names its microscope (a converter may write the format)", () => {
    const czi = (model?: string): SubmissionImage => ({
      path: 'a.czi',
      format: 'czi',
      header: HEADER,
      acquisition: { ...(model === undefined ? {} : { instrument: { model } }), sources: ['czi'] },
      values: DEFAULT_FIELD_VALUES,
    });
    const reason = (img: SubmissionImage) =>
      submissionFile('hubmap:confocal', 'd', [img]).table.todo.find(
        (item) => item.column === 'acquisition_instrument_vendor',
      )?.reason;
    expect(reason(czi('Celldiscoverer 7'))).toMatch(/"Zeiss" \(from the CZI format, made by Zeiss\)/);
    expect(reason(czi())).not.toMatch(/Zeiss/);
  });
});

const columnsOf = (format: 'hubmap:confocal' | 'htan:imaging-level-2', images: SubmissionImage[]) =>
  Object.fromEntries(metadataColumns(format, targetTable(format, 'ds', images)).map((c) => [c.name, c]));

describe('metadataColumns', () => {
  it("HuBMAP: the dataset's value with its origin, or to fill with the to-do's reason", () => {
    const columns = columnsOf('hubmap:confocal', [
      image('a.tif', 'Leica Microsystems', 'TCS SP8'),
      image('b.tif', 'Leica Microsystems', 'TCS SP8'),
    ]);
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
    const columns = columnsOf('htan:imaging-level-2', [
      image('a.tif', 'Leica Microsystems', 'TCS SP8'),
      image('b.tif', '', ''),
    ]);
    expect(columns.Microscope).toMatchObject({ required: true, value: null, from: 'image file', missing: 1 });
    expect(columns.Filename).toMatchObject({ value: null, from: "image's path", missing: 0 });
    expect(columns.Filename?.todo).toBeUndefined();
    expect(columns.SizeX).toMatchObject({ from: 'image header', missing: 0 });
  });
});
