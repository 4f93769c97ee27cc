import { describe, expect, it } from 'vitest';
import type { ImageRow, ProfileInfo } from '../../../../shared/api';
import { EDITABLE_FIELDS, type FieldValues } from '../../../../shared/fields/field-table';
import { datasetReadme } from '../../../../shared/sheets/dataset-readme';
import { markdownText, TODO } from '../../../../shared/sheets/markdown-text';
import { readmeFacts } from '../../../../shared/sheets/readme-facts';

const DEFAULTS: FieldValues = Object.fromEntries(EDITABLE_FIELDS.map((f) => [f.name, f.default]));
const UM = { physical_unit_x: 0.31, physical_unit_y: 0.31, physical_label_x: 'um', physical_label_y: 'um' };

function row(path: string, values: FieldValues = {}, extra: Partial<ImageRow> = {}): ImageRow {
  return {
    path,
    format: 'tiff',
    header: {
      shape: '(2, 512, 512)',
      dims: "('C', 'Y', 'X')",
      sizes: '',
      dtype: 'uint16',
      num_channels: 2,
      num_scenes: 1,
      date: '20240502',
      time: '',
    },
    fileCalibration: null,
    sidecar: 'ok',
    version: null,
    values: { ...DEFAULTS, ...values },
    errors: [],
    profile: null,
    profileProblems: [],
    ...extra,
  };
}

const PROFILE: ProfileInfo = {
  source: 'acqmeta.profile.json',
  folder: '',
  title: 'Vascular imaging lab',
  description: null,
  applied: true,
  problems: [],
  fields: [{ field: 'species', displayName: 'Species', required: true, requiredWhen: [] }],
  folderRules: [],
  folderClosed: false,
  folderProblems: [{ path: '.', message: "missing the dataset's readme: no file matches ^README\\.md$" }],
};

const ROWS = [
  row('raw/day1/m1.tif', { species: 'mouse', depth: 120.5, ...UM }, { profile: PROFILE.source }),
  row(
    'raw/day1/m2.tif',
    { species: 'mouse', depth: 80, ...UM },
    {
      profile: PROFILE.source,
      header: {
        shape: '(10, 256, 256)',
        dims: "('Z', 'Y', 'X')",
        sizes: '',
        dtype: 'uint8',
        num_channels: 1,
        num_scenes: 1,
        date: '20240509',
        time: '',
      },
    },
  ),
  row(
    'raw/day2/m3.ome.tif',
    { species: 'Mouse' },
    {
      profile: PROFILE.source,
      profileProblems: [{ field: 'species', rule: 'enum', message: 'Species "Mouse" is not one of mouse, rat' }],
    },
  ),
  row(
    'raw/new.tif',
    {},
    {
      sidecar: 'missing',
      profile: PROFILE.source,
      profileProblems: [{ field: 'species', rule: 'required', message: 'Species must be filled in' }],
      fileCalibration: { x: 0.5, y: 0.5, unit: 'micron', source: 'imagej' },
    },
  ),
  row('other/scan.oir', { note: 'Probe | Alexa *488*' }, { format: 'oir', header: null }),
];

describe('readmeFacts', () => {
  it('counts formats, shapes, data types, channels, pixel sizes, dates and folders', () => {
    const facts = readmeFacts(ROWS);
    expect(facts.images).toBe(5);
    expect(facts.sidecars).toEqual({ ok: 4, missing: 1, invalid: 0 });
    expect(facts.formats).toEqual([
      { value: 'TIFF', images: 3 },
      { value: 'Olympus OIR', images: 1 },
      { value: 'OME-TIFF', images: 1 },
    ]);
    expect(facts.shapes).toEqual([
      { value: 'CYX 2 × 512 × 512', images: 3 },
      { value: 'ZYX 10 × 256 × 256', images: 1 },
    ]);
    expect(facts.dtypes).toEqual([
      { value: 'uint16', images: 3 },
      { value: 'uint8', images: 1 },
    ]);
    expect(facts.channels).toEqual([
      { value: '2', images: 3 },
      { value: '1', images: 1 },
    ]);
    // An image without a sidecar has the pixel size its file declares (a new sidecar takes it).
    expect(facts.pixelSizes).toEqual([
      { value: '0.31 × 0.31 µm', images: 2 },
      { value: '0.5 × 0.5 µm', images: 1 },
    ]);
    expect(facts.uncalibrated).toEqual(['raw/day2/m3.ome.tif', 'other/scan.oir']);
    expect(facts.unreadable).toEqual([]);
    expect(facts.acquired).toEqual({ first: '2024-05-02', last: '2024-05-09', images: 4 });
    expect(facts.layout).toEqual([
      { folder: 'other', images: 1, endings: ['.oir'], example: 'scan.oir' },
      { folder: 'raw', images: 1, endings: ['.tif'], example: 'new.tif' },
      { folder: 'raw/day1', images: 2, endings: ['.tif'], example: 'm1.tif' },
      { folder: 'raw/day2', images: 1, endings: ['.ome.tif'], example: 'm3.ome.tif' },
    ]);
  });

  it('names a pixel size with different units per axis (a line scan) and a header that cannot be read', () => {
    const linescan = row('ls.tif', {
      physical_unit_x: 0.3107,
      physical_unit_y: 0.00095,
      physical_label_x: 'um',
      physical_label_y: 'seconds',
    });
    const broken = row('broken.tif', {}, { header: null, sidecar: 'missing' });
    const facts = readmeFacts([linescan, broken]);
    expect(facts.pixelSizes).toEqual([{ value: 'X 0.3107 µm, Y 0.00095 seconds', images: 1 }]);
    expect(facts.unreadable).toEqual(['broken.tif']);
  });
});

describe('datasetReadme', () => {
  const text = datasetReadme({ folderName: 'vessels-2024', rows: ROWS, profiles: [PROFILE], today: '2026-11-22' });

  it('starts with a title to fill in and says where the draft comes from', () => {
    expect(text.split('\n').slice(0, 3)).toEqual([
      `# ${TODO} title of the dataset`,
      '',
      `> Draft made by AcqMeta on 2026-11-22 from the folder \`vessels-2024\`. Fill in every place marked ${TODO} and check the rest.`,
    ]);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('describes the images, with the uncalibrated ones named', () => {
    expect(text).toContain(
      "- **Images:** 5 (4 with a JSON sidecar in CloudScope's AcqImage format, 1 without one yet).",
    );
    expect(text).toContain('- **Pixel size:** 0.31 × 0.31 µm (2), 0.5 × 0.5 µm (1).');
    expect(text).toContain(
      `- **Uncalibrated** (pixel size in pixels, no physical unit): 2 images: \`raw/day2/m3.ome.tif\`, \`other/scan.oir\`. ${TODO} give their pixel size in µm.`,
    );
    expect(text).toContain('- **Acquired** (image files): 2024-05-02 to 2024-05-09 (4 of 5 images).');
  });

  it('lists the values of each field with counts, from the sidecars only, escaping Markdown', () => {
    expect(text).toContain('- **Species**: mouse (2), Mouse (1).');
    expect(text).toContain('- **Depth**: 80 to 120.5 µm (2 of 4 images, 2 values).');
    expect(text).toContain('- **Note**: written on 1 of 4 images.');
    expect(text).not.toContain('Alexa');
    expect(markdownText('a | b *c*\nd')).toBe('a \\| b \\*c\\* d');
  });

  it('gives pixel sizes per unit, the uncalibrated counted apart, numbers as recorded, and one other value', () => {
    const pixels = {
      physical_unit_x: 1.0,
      physical_unit_y: 1.0,
      physical_label_x: 'Pixels',
      physical_label_y: 'Pixels',
    };
    const rows = [
      row('a.tif', { ...UM, physical_unit_x: 0.0439, genotype: 'g0' }),
      row('b.tif', { ...UM, physical_unit_x: 0.10481442857142857, genotype: 'g1' }),
      ...Array.from({ length: 11 }, (_, i) => row(`p${i}.tif`, { ...pixels, genotype: `g${i + 2}` })),
    ];
    const lines = datasetReadme({ folderName: 'x', rows, profiles: [], today: '2026-11-22' }).split('\n');
    expect(lines).toContain(
      '- **Pixel size X**: 0.0439 to 0.1048 µm (2 of 13 images); not calibrated (Pixels): 11 of 13 images.',
    );
    expect(lines).toContain('- **Pixel size Y**: 0.31 µm (2 of 13 images); not calibrated (Pixels): 11 of 13 images.');
    expect(lines.find((line) => line.startsWith('- **Genotype**'))).toMatch(/, and 1 other value\.$/);
  });

  it('gives the completeness against the profile and its folder problems', () => {
    expect(text).toContain('- `acqmeta.profile.json` (Vascular imaging lab)');
    expect(text).toContain('**3 of 5 images ready** (a sidecar with no problem, and nothing the profile flags).');
    expect(text).toContain('| Species | yes | 3 | 2 | 1 | 2 |');
    expect(text).toContain("- `.`: missing the dataset's readme: no file matches ^README\\\\.md$");
  });

  it('shows the layout and marks what only a person can say, the licence with CC0 recommended', () => {
    expect(text).toContain('| `vessels-2024/raw/day1/` | 2 | .tif | `m1.tif` |');
    for (const what of ['Instrument', 'Objective', 'Probes and labels', 'Licence'])
      expect(text).toContain(`- **${what}:** ${TODO}`);
    expect(text).toMatch(/CC0 1\.0 .* common recommendation for data/);
  });

  it('says where sidecars are: beside each image, inside CloudScope’s own stores', () => {
    expect(text).toContain('Every image has its metadata in a JSON sidecar beside it (`<image>.json`).');
    const stores = [
      row('z/a.cs.ome.zarr', {}, { format: 'ome-zarr' }),
      row('z/b.ome.zarr', {}, { format: 'ome-zarr' }),
    ];
    const inside = datasetReadme({ folderName: 'x', rows: stores, profiles: [], today: '2026-11-22' });
    expect(inside).toContain(
      "beside it (`<image>.json`), but for the 1 of CloudScope's own OME-Zarr stores (`*.cs.ome.zarr`): theirs is inside (`acqstore/acq_image.json`).",
    );
  });

  it('says where a collection’s images keep their sidecars, and names only the kinds the folder has', () => {
    const images = [
      row('z/lab.ome.zarr/acq_images/acq_image_000', {}, { format: 'ome-zarr' }),
      row('z/lab.ome.zarr/acq_images/acq_image_001', {}, { format: 'ome-zarr' }),
    ];
    const collection = datasetReadme({ folderName: 'x', rows: images, profiles: [], today: '2026-11-22' });
    expect(collection).toContain(
      'beside it (`<image>.json`), but for the 2 images of acqstore collections (`*.ome.zarr/acq_images/<image>`): theirs is inside (`acqstore/acq_image.json`).',
    );
    expect(collection).not.toContain('cs.ome.zarr');
    expect(collection).toContain(
      '| `x/z/lab.ome.zarr/acq_images/` | 2 | acqstore collection image | `acq_image_000` |',
    );
    const both = datasetReadme({
      folderName: 'x',
      rows: [...images, row('z/a.cs.ome.zarr', {}, { format: 'ome-zarr' })],
      profiles: [],
      today: '2026-11-22',
    });
    expect(both).toContain(
      "but for the 1 of CloudScope's own OME-Zarr stores (`*.cs.ome.zarr`) and the 2 images of acqstore collections",
    );
  });

  it('says when no profile is in force', () => {
    const plain = datasetReadme({ folderName: 'x', rows: ROWS.slice(0, 1), profiles: [], today: '2026-11-22' });
    expect(plain).toContain('No lab profile (`acqmeta.profile.json`) is in force');
    expect(plain).toContain('**1 of 1 image ready**');
  });
});
