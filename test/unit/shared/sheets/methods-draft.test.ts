import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Acquisition } from '../../../../shared/acquisition/acquisition-types';
import type { ImageRow, ProfileInfo } from '../../../../shared/api';
import { EDITABLE_FIELDS, type FieldValues } from '../../../../shared/fields/field-table';
import { matchedHardware, matchInstrument, readInstrumentDescription } from '../../../../shared/instruments';
import { datasetReadme, type DraftRow } from '../../../../shared/sheets/dataset-readme';
import { methodsDraft } from '../../../../shared/sheets/methods-draft';

/** Acquisitions read by independent readers from real vendor files (see test/fixtures/SOURCES.md). */
const expected = JSON.parse(
  readFileSync(new URL('../../../fixtures/formats/expected.json', import.meta.url), 'utf8'),
) as Record<string, { acquisition: Acquisition }>;
const NIKON = expected['nd2/pims_nd2_cluster.nd2']!.acquisition;
const LEICA = expected['lif/readlif_testdata_2channel_xz.lif']!.acquisition;

const DEFAULTS: FieldValues = Object.fromEntries(EDITABLE_FIELDS.map((f) => [f.name, f.default]));

function row(path: string, values: FieldValues, acquisition?: Acquisition): ImageRow {
  return {
    path,
    format: 'tiff',
    header: null,
    fileCalibration: null,
    ...(acquisition === undefined ? {} : { acquisition }),
    sidecar: 'ok',
    version: null,
    values: { ...DEFAULTS, ...values },
    errors: [],
    profile: null,
    profileProblems: [],
  };
}

const ROWS = [
  row('a.nd2', { genotype: 'WT', species: 'mouse' }, NIKON),
  row('b.nd2', { genotype: 'WT', species: 'mouse' }, NIKON),
  row('c.lif', { genotype: 'KO', species: 'mouse' }, LEICA),
  row('d.tif', { species: 'mouse' }),
];
const INPUT = { folderName: 'cohort3', rows: ROWS, profiles: [], today: '2026-11-24' };

describe('the methods draft', () => {
  it('names the microscopes, objectives and channels the files recorded, each with its count', () => {
    const text = methodsDraft(INPUT);
    expect(text).toContain(
      'Images were acquired on Nikon Ti (2 of 4 images) and TCS SP8 (1 of 4 images) with the objectives Plan Apo λ 60x (NA 0.95) (2 of 4 images) and HC PL APO CS2 63x/1.30 GLYC (1 of 4 images).',
    );
    expect(text).toContain(
      'Channels (name, excitation/emission in nm): 5-FAM/pH 9.0 488/525, FM 4-64/2% CHAPS 561/700 (2 of 4 images) and Leica/FITC, Leica/TRITC (1 of 4 images).',
    );
    expect(text).toContain('Frame interval: 530 ms (1 of 4 images).');
  });

  it('counts images per group of the usual grouping fields, and says what no sidecar tells', () => {
    const text = methodsDraft(INPUT);
    expect(text).toContain('The dataset comprises 4 images.');
    expect(text).toContain('Species: mouse (n = 4 images).');
    expect(text).toContain('Genotype: WT (n = 2 images), KO (n = 1 image); not given for 1 image.');
    expect(text).toContain('**TODO** the number of animals per group');
  });

  it("groups by the lab profile's required fields when one is in force", () => {
    const profile = {
      source: 'acqmeta.profile.json',
      fields: [{ field: 'genotype', displayName: 'Genotype', required: true, requiredWhen: [] }],
    } as unknown as ProfileInfo;
    const text = methodsDraft({ ...INPUT, profiles: [profile] });
    expect(text).toContain('Genotype: WT');
    expect(text).not.toContain('Species: mouse');
  });

  it('marks every acquisition fact as TODO when no file recorded one', () => {
    const text = methodsDraft({ ...INPUT, rows: [row('d.tif', {})] });
    expect(text).toContain('Images were acquired on **TODO** (microscope, manufacturer) with **TODO** (objective');
    expect(text).toContain('Pixel size: **TODO**.');
  });
});

/** A lab's description of the Nikon the ND2 fixture was taken on: the stand's catalogue number a placeholder. */
const TI2 = readInstrumentDescription(
  JSON.stringify({
    Name: 'Facility Ti2',
    Schema_ID: 'Instrument.json',
    ID: 'ti2',
    MicroscopeStand: {
      Schema_ID: 'InvertedMicroscopeStand.json',
      Manufacturer: 'Nikon',
      Model: 'Nikon Ti',
      CatalogNumber: '999',
    },
    components: [
      {
        Schema_ID: 'Objective.json',
        ID: 'o60',
        Name: 'Ti 60x',
        Model: 'Plan Apo λ 60x',
        Manufacturer: 'Nikon',
        CatalogNumber: 'MRD00605',
        Magnification: 60,
        LensNA: 0.95,
      },
      {
        Schema_ID: 'Fluorescence_LightSource_Laser.json',
        ID: 'l488',
        Name: 'Laser 488',
        Model: 'OBIS 488',
        Manufacturer: 'Coherent',
        CatalogNumber: '99999',
        Wavelength: 488,
      },
      {
        Schema_ID: 'Fluorescence_LightSource_Laser.json',
        ID: 'l561',
        Name: 'Laser 561',
        Model: 'OBIS 561',
        Manufacturer: 'Coherent',
        Wavelength: 561,
      },
      {
        Schema_ID: 'EmissionFilter.json',
        ID: 'em',
        Name: 'ET525/50',
        Manufacturer: 'Chroma',
        TransmittanceRange: [{ Wavelength: 525, FWHMBandwidth: 50 }],
      },
    ],
  }),
  'acqmeta.instruments/ti2.json',
).description!;

/** The rows as the backend gives them with the catalogue `[TI2]` in force. */
const matched = (rows: readonly ImageRow[]): DraftRow[] =>
  rows.map((r) => ({
    ...r,
    hardware:
      r.acquisition === undefined
        ? { microscope: null, objective: null, lightSources: [], filters: [] }
        : matchedHardware(matchInstrument(r.acquisition, [TI2]), [TI2]),
  }));

describe('the methods draft and the lab’s microscope catalogue', () => {
  it('names the matched microscope, objective, light sources and filter with maker and catalogue number, never a placeholder', () => {
    const text = methodsDraft({ ...INPUT, rows: matched(ROWS) });
    expect(text).toContain(
      'Images were acquired on Nikon Ti (Facility Ti2) (2 of 4 images) and TCS SP8 (1 of 4 images) with the objectives Plan Apo λ 60x (NA 0.95, Nikon MRD00605) (2 of 4 images) and HC PL APO CS2 63x/1.30 GLYC (1 of 4 images).',
    );
    expect(text).toContain('Light sources: OBIS 488 (Coherent), OBIS 561 (Coherent) (2 of 4 images).');
    expect(text).toContain('Emission filters: ET525/50 (Chroma) (2 of 4 images).');
    expect(text).not.toMatch(/999/);
    expect(text).toContain(
      "what the microscope recorded in its image files, and the lab's microscope description `acqmeta.instruments/ti2.json`.",
    );
  });

  it("names the objective as the file does, not by the lab's name for it, and no path of the lab's share", () => {
    const [objective] = TI2.components;
    const nicknamed = { ...objective!, name: 'CD7 5x', model: undefined };
    const hardware = {
      microscope: { ...TI2, file: '/mnt/share/acqmeta.instruments/ti2.json' },
      objective: { component: nicknamed, file: '/mnt/share/acqmeta.instruments/ti2.json' },
      lightSources: [],
      filters: [],
    };
    const recorded = { ...NIKON, objective: { name: 'Plan-Apochromat 5x/0.35', magnification: 5, na: 0.35 } };
    const unnamed = { ...NIKON, objective: { magnification: 5, na: 0.35 } };
    const text = methodsDraft({
      ...INPUT,
      rows: [
        { ...row('a.nd2', {}, recorded), hardware },
        { ...row('b.nd2', {}, unnamed), hardware },
      ],
    });
    expect(text).toContain(
      'with the objectives 5×/0.35 (Nikon MRD00605) (1 of 2 images) and Plan-Apochromat 5x/0.35 (Nikon MRD00605) (1 of 2 images).',
    );
    expect(text).not.toContain('CD7');
    expect(text).toContain("and the lab's microscope description `acqmeta.instruments/ti2.json`.");
    expect(text).not.toContain('/mnt/share');
  });

  it('writes no floating-point noise of the numbers the files recorded', () => {
    const noisy: Acquisition = {
      sources: ['czi'],
      objective: { magnification: 63.00000000000001, na: 1.399999976158142, immersion: 'Oil' },
      channels: [{ name: 'GFP', excitation_nm: 488.00000000000006, emission_nm: 509.99999999999994 }],
      pixel_size_um: { x: 0.10000000000000002, y: 0.10000000000000002, z: 0.30000000000000004 },
      time_increment_s: 0.30000000000000004,
    };
    const text = methodsDraft({ ...INPUT, rows: [row('a.czi', {}, noisy)] });
    expect(text).toContain('63×/1.40 Oil');
    expect(text).toContain('GFP 488/510');
    expect(text).not.toMatch(/0000|9999/);
  });

  it('is byte for byte the draft of before when no catalogue is in force, or none of its parts matched', () => {
    expect(methodsDraft(INPUT)).toContain(
      '> Drafted by AcqMeta on 2026-11-24 from the folder `cohort3` and what the microscope recorded in its image files. Check every value',
    );
    const unmatched = matched(ROWS.filter((r) => r.path !== 'a.nd2' && r.path !== 'b.nd2'));
    expect(methodsDraft({ ...INPUT, rows: unmatched })).toBe(
      methodsDraft({ ...INPUT, rows: ROWS.filter((r) => r.path !== 'a.nd2' && r.path !== 'b.nd2') }),
    );
  });
});

describe('the dataset readme and the acquisition', () => {
  it('fills instrument, objective and channels from the files and keeps TODO only for the rest', () => {
    const text = datasetReadme(INPUT);
    expect(text).toContain('## How the images were taken');
    expect(text).toContain(
      '- **Objective:** Plan Apo λ 60x (NA 0.95): 2 of 4 images; HC PL APO CS2 63x/1.30 GLYC: 1 of 4 images; not recorded: 1 of 4 images.',
    );
    expect(text).not.toMatch(/\*\*Instrument:\*\* \*\*TODO\*\*/);
    expect(text).not.toMatch(/\*\*Probes and labels:\*\* \*\*TODO\*\*/);
    expect(text).toContain('**Acquisition settings:** **TODO** laser power, pinhole, averaging.');
  });

  it('asks for them when no file recorded any', () => {
    const text = datasetReadme({ ...INPUT, rows: [row('d.tif', {})] });
    expect(text).not.toContain('## How the images were taken');
    expect(text).toContain('- **Instrument:** **TODO** microscope manufacturer and model');
    expect(text).toContain('- **Probes and labels:** **TODO** per channel');
    expect(text).toContain('laser power, pinhole, z step, frame rate or time interval, averaging');
  });
});
