/**
 * The lab's microscope catalogue in the submission files, against a real facility's description
 * (test/fixtures/instruments/abif_axiovert1_.json): what the file does not record of the
 * objective and stand filled from it, each cell naming it as its source; the immersion medium as
 * HTAN's term; HuBMAP's extras/microscope_hardware.json written only for one microscope.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HeaderValues } from '../../../../shared/api';
import { DEFAULT_FIELD_VALUES } from '../../../../shared/fields/field-table';
import {
  matchedHardware,
  matchInstrument,
  readInstrumentDescription,
  type InstrumentDescription,
} from '../../../../shared/instruments';
import {
  HARDWARE_FILE,
  metadataColumns,
  soleDescription,
  submissionParts,
  type SubmissionImage,
} from '../../../../shared/submission';

const FILE = 'acqmeta.instruments/abif_axiovert1_.json';
const TEXT = readFileSync(new URL('../../../fixtures/instruments/abif_axiovert1_.json', import.meta.url), 'utf8');
const ABIF = readInstrumentDescription(TEXT, FILE).description!;

const HEADER: HeaderValues = {
  shape: '(512, 512)',
  dims: "('Y', 'X')",
  sizes: "{'Y': 512, 'X': 512}",
  dtype: 'uint16',
  num_channels: 1,
  num_scenes: 1,
  date: '',
  time: '',
};

/** A TIFF whose file names the stand's model and the objective's optics only, matched to `catalogue`. */
function image(path: string, immersion: string, catalogue: InstrumentDescription[] = [ABIF]): SubmissionImage {
  const acquisition = {
    instrument: { model: 'Axio Observer Z1' },
    objective: { magnification: 63, na: 1.4, immersion },
    sources: ['ome' as const],
  };
  return {
    path,
    format: 'tiff',
    header: HEADER,
    acquisition,
    values: DEFAULT_FIELD_VALUES,
    hardware: matchedHardware(matchInstrument(acquisition, catalogue), catalogue),
  };
}

const htan = (images: SubmissionImage[]) =>
  submissionParts('htan:imaging-level-2', { folderName: 'ds', images, channels: null })[0]!.table;
const cells = (table: ReturnType<typeof htan>, row: number, names: string[]) =>
  names.map((name) => table.rows[row]![table.columns.indexOf(name)]);
const source = (table: ReturnType<typeof htan>, name: string) => table.sources![0]![table.columns.indexOf(name)];

describe('HTAN Imaging Level 2 with the lab’s catalogue', () => {
  it('fills the objective and its working distance from the objective matched, naming the description', () => {
    const table = htan([image('a.tif', 'Oil')]);
    expect(
      cells(table, 0, [
        'Microscope',
        'Objective',
        'NominalMagnification',
        'LensNA',
        'WorkingDistance',
        'WorkingDistanceUnit',
        'Immersion',
      ]),
    ).toEqual(['Zeiss Axio Observer Z1', '63X PLAN APOCHROMAT, NA=1.40, OIL, DIC', '63', '1.4', '0.19', 'mm', 'Oil']);
    expect(source(table, 'Objective')).toBe(`microscope description ${FILE}`);
    expect(source(table, 'WorkingDistance')).toBe(`microscope description ${FILE}`);
    expect(source(table, 'NominalMagnification')).toBe('image file');
    const objective = metadataColumns('htan:imaging-level-2', table).find((c) => c.name === 'Objective');
    expect(objective?.from).toBe(`microscope description ${FILE}`);
  });

  it('gives the immersion as HTAN’s term, and leaves a to-do for a medium HTAN has no term for', () => {
    const objective = (immersion: string) => ({
      ...image('b.tif', immersion),
      hardware: undefined,
    });
    const table = htan([objective('Glycerol'), objective('Water Dipping'), objective('Mineral Oil'), objective('Gel')]);
    expect([0, 1, 2, 3].map((row) => cells(table, row, ['Immersion'])[0])).toEqual(['Other', 'Water', 'Oil', '']);
    expect(table.todo.find((item) => item.column === 'Immersion')?.reason).toBe(
      `"Gel" (from the image file) is not in the template's list: choose one of the list, or ask HTAN to add it`,
    );
  });
});

describe('HuBMAP with the lab’s catalogue', () => {
  const confocal = (images: SubmissionImage[], text?: string) =>
    submissionParts('hubmap:confocal', {
      folderName: 'ds',
      images,
      channels: null,
      ...(text === undefined ? {} : { description: { file: FILE, text } }),
    });

  it('writes the microscope’s description as it is, in the dataset, when every image matched it', () => {
    const images = [image('a.tif', 'Oil'), image('b.tif', 'Oil')];
    expect(soleDescription(images)).toBe(FILE);
    const parts = confocal(images, TEXT);
    const hardware = parts.find((part) => part.name === HARDWARE_FILE);
    expect(hardware).toMatchObject({ text: TEXT, inDataset: true });
    expect(parts[0]!.table.todo.some((item) => item.row === HARDWARE_FILE)).toBe(false);
    // a preview that reads no files (the Completeness view, the readme's target) asks for nothing
    const preview = confocal(images);
    expect(preview.map((part) => part.name)).not.toContain(HARDWARE_FILE);
    expect(preview[0]!.table.todo.some((item) => item.row === HARDWARE_FILE)).toBe(false);
  });

  it('takes the vendor from the stand the file does not name the maker of, and offers HuBMAP’s term', () => {
    const [metadata] = confocal([image('a.tif', 'Oil')], TEXT);
    expect(metadata!.table.todo.find((item) => item.column === 'acquisition_instrument_vendor')?.reason).toBe(
      `"Zeiss" (from the microscope description ${FILE}) is not in the template's list; did you mean "Zeiss Microscopy"? Choose one of the list, or ask HuBMAP to add it`,
    );
  });

  it('names the microscopes when the images matched several, and writes none', () => {
    const other: InstrumentDescription = { ...ABIF, file: 'acqmeta.instruments/second.json', name: 'ABIF Axiovert2' };
    const images = [image('a.tif', 'Oil'), image('b.tif', 'Oil', [other])];
    expect(soleDescription(images)).toBeNull();
    const parts = confocal(images);
    expect(parts.map((part) => part.name)).not.toContain(HARDWARE_FILE);
    expect(parts[0]!.table.todo.find((item) => item.row === HARDWARE_FILE)).toEqual({
      row: HARDWARE_FILE,
      column: 'the file',
      required: true,
      reason: `not written: the images did not all match one microscope of the lab's catalogue (ABIF Axiovert1 (${FILE}): 1 image; ABIF Axiovert2 (acqmeta.instruments/second.json): 1 image); a dataset's file describes the one microscope it was taken on: write it in the dataset folder yourself`,
    });
  });
});
