/**
 * `acqmeta export` with the lab's microscope catalogue (`acqmeta.instruments/`) above a dataset
 * folder of real CZI files: HuBMAP's extras/microscope_hardware.json is the catalogue file's
 * bytes when every image matched its microscope (and `validate --target` then finds it), with
 * extras/microscope_settings.json naming the objective matched, a to-do
 * naming what matched when they did not; HTAN's manifest and HuBMAP's vendor take what the files
 * do not record from the catalogue, each cell naming it as its source; the Methods draft names
 * the parts matched.
 */
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliInFolder } from './support/cli-in-folder';
import { checkedRows, htanRules } from './submission-rules';

const fixture = (name: string) => fileURLToPath(new URL(`../../../fixtures/formats/czi/${name}`, import.meta.url));
/** Taken on a Celldiscoverer 7 with a Plan-Apochromat 5x/0.35 (the file names both). */
const CD7_CZI = 'czitools_S3_1Pos_2Mosaic_T1_Z1_CH1.czi';
/** Names its microscope (an LSM 880) and its objective, but no working distance. */
const TILES_CZI = 'aicspylibczi_tiles.czi';
const DATASET = 'dataset';

/** The facility's description of its Celldiscoverer 7, as the Micro-Meta App writes one (placeholders and all). */
const CD7 = {
  Name: 'Facility CD7',
  Schema_ID: 'Instrument.json',
  ID: 'cd7',
  ModelVersion: '2.01.0',
  MicroscopeStand: {
    Schema_ID: 'InvertedMicroscopeStand.json',
    Manufacturer: 'Zeiss',
    Model: 'Celldiscoverer 7',
    CatalogNumber: '999',
  },
  components: [
    {
      Schema_ID: 'Objective.json',
      ID: 'obj5',
      Name: 'CD7 5x',
      Manufacturer: 'Zeiss',
      Model: 'Plan-Apochromat 5x/0.35',
      CatalogNumber: '421020-9900',
      Magnification: 5,
      LensNA: 0.35,
      ImmersionType: 'Air',
      WorkingDistance: 5.1,
      WorkingDistanceUnit: 'mm',
    },
    {
      Schema_ID: 'Objective.json',
      ID: 'obj40',
      Name: 'CD7 40x water',
      Manufacturer: 'Zeiss',
      Model: 'C-Apochromat 40x/1.2 W',
      CatalogNumber: '99999',
      Magnification: 40,
      LensNA: 1.2,
      ImmersionType: 'Water Dipping',
      WorkingDistance: 280,
      WorkingDistanceUnit: 'um',
    },
  ],
};
/** The file's own bytes: indented, CRLF line ends, a final line end; written back as they are. */
const CD7_TEXT = `${JSON.stringify(CD7, null, 4).replace(/\n/g, '\r\n')}\r\n`;
const DESCRIPTION = 'acqmeta.instruments/cd7.json';

const folder = cliInFolder('acqmeta-catalogue-export-', {
  prepare: async (base) => {
    await mkdir(path.join(base, DATASET));
    await copyFile(fixture(CD7_CZI), path.join(base, DATASET, CD7_CZI));
  },
  timeoutMs: 120_000,
});
const { acqmeta, at, read } = folder;

const catalogue = async () => {
  await mkdir(at('acqmeta.instruments'));
  await writeFile(at(DESCRIPTION), CD7_TEXT);
};
const todoOf = async (file: string) => (await read(file)).trimEnd().split('\n');
const HARDWARE = `${DATASET}/extras/microscope_hardware.json`;
const SETTINGS = `${DATASET}/extras/microscope_settings.json`;

describe('acqmeta export: the lab’s microscope catalogue in a HuBMAP submission', () => {
  it('writes the one microscope’s description, its bytes as they are, in the dataset; validate counts it', async () => {
    await catalogue();
    const run = await acqmeta('export', DATASET, '--format', 'hubmap:confocal', '-o', 'upload.tsv');
    expect(run.code).toBe(1);
    expect(await readFile(at(HARDWARE))).toEqual(Buffer.from(CD7_TEXT));
    // the objective matched: the acquisition's settings name it beside the description
    expect(run.stderr).toContain(`${HARDWARE}, ${SETTINGS}, upload.tsv.todo.txt\n`);
    expect(JSON.parse(await read(SETTINGS)).ObjectiveSettings.Component_ID).toBe('obj5');
    const todo = await todoOf('upload.tsv.todo.txt');
    expect(todo.filter((line) => line.startsWith('extras/'))).toEqual([]);
    // the file names the model, not its maker: the description does, and HuBMAP's term is offered
    expect(todo).toContain(
      `dataset: acquisition_instrument_vendor (required): "Zeiss" (from the microscope description ${at(DESCRIPTION)}) is not in the template's list; did you mean "Zeiss Microscopy"? Choose one of the list, or ask HuBMAP to add it`,
    );
    const validate = await acqmeta('validate', DATASET, '--target', 'hubmap:confocal', '--json');
    // the layout check finds it where HuBMAP's directory schema wants it: not among the missing
    const missing = validate.stdout.split('\n').filter((line) => line.includes('"missing"'));
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.filter((line) => line.includes('microscope_hardware'))).toEqual([]);
  });

  it('leaves a description the dataset holds already as it is, and asks for nothing', async () => {
    await catalogue();
    await mkdir(at(DATASET, 'extras'));
    await writeFile(at(HARDWARE), '{"mine": true}\n');
    const run = await acqmeta('export', DATASET, '--format', 'hubmap:confocal', '-o', 'upload.tsv');
    expect(run.code).toBe(1);
    expect(await read(HARDWARE)).toBe('{"mine": true}\n');
    expect((await todoOf('upload.tsv.todo.txt')).filter((line) => line.startsWith('extras/'))).toEqual([]);
    expect(run.stderr).toContain('written to upload.tsv, contributors.tsv, antibodies.tsv, upload.tsv.todo.txt\n');
  });

  it('writes none when the images did not all match one microscope, and says which matched', async () => {
    await catalogue();
    await copyFile(fixture(TILES_CZI), at(DATASET, TILES_CZI));
    const run = await acqmeta('export', DATASET, '--format', 'hubmap:lightsheet', '-o', 'upload.tsv');
    expect(run.code).toBe(1);
    expect(await readdir(at(DATASET))).not.toContain('extras');
    expect(await todoOf('upload.tsv.todo.txt')).toContain(
      `extras/microscope_hardware.json: the file (optional): not written: the images did not all match one microscope of the lab's catalogue (Facility CD7 (${at(DESCRIPTION)}): 1 image; no microscope of the catalogue: 1 image); a dataset's file describes the one microscope it was taken on: write it in the dataset folder yourself`,
    );
  });

  it('without a catalogue, says none is in force and writes none', async () => {
    const run = await acqmeta('export', DATASET, '--format', 'hubmap:confocal', '-o', 'upload.tsv');
    expect(run.code).toBe(1);
    expect(await readdir(at(DATASET))).toEqual([CD7_CZI]);
    const validate = await acqmeta('validate', DATASET, '--target', 'hubmap:confocal', '--json');
    expect(validate.stdout).toContain('{"kind":"directory","missing":"extras\\\\/microscope_hardware\\\\.json$"}');
    expect((await todoOf('upload.tsv.todo.txt')).find((line) => line.startsWith('extras/'))).toMatch(
      /^extras\/microscope_hardware\.json: the file \(required\): not written: no lab catalogue of microscopes/,
    );
  });
});

describe('acqmeta export: the lab’s microscope catalogue in an HTAN manifest and the Methods draft', () => {
  it('fills what the files do not record from the objective matched, with HTAN’s terms', async () => {
    await catalogue();
    // the tiles file was taken on an LSM 880, which the lab describes with the same 40x objective
    const lsm880 = {
      ...CD7,
      Name: 'Facility LSM 880',
      ID: 'lsm880',
      MicroscopeStand: { ...CD7.MicroscopeStand, Model: 'LSM 880 IndiMo, AxioObserver' },
      components: CD7.components.filter((component) => component.ID === 'obj40'),
    };
    await writeFile(at('acqmeta.instruments/lsm880.json'), JSON.stringify(lsm880, null, 2));
    await copyFile(fixture(TILES_CZI), at(DATASET, TILES_CZI));
    const run = await acqmeta('export', DATASET, '--format', 'htan:imaging-level-2', '-o', 'level2.csv');
    expect(run.code).toBe(1);
    const rows = checkedRows(await read('level2.csv'), 'csv', htanRules('Imaging Level 2'));
    const columns = [
      'Objective',
      'NominalMagnification',
      'LensNA',
      'WorkingDistance',
      'WorkingDistanceUnit',
      'Immersion',
    ];
    const of = (file: string) => {
      const row = rows.find((r) => r.Filename === `${DATASET}/${file}`)!;
      return columns.map((column) => row[column]);
    };
    // the CD7 file records its objective and its working distance (5000 µm): the file's value, not the description's 5.1 mm
    expect(of(CD7_CZI)).toEqual(['Plan-Apochromat 5x/0.35', '5', '0.35', '5000', 'µm', 'Air']);
    // the tiles file records its objective but no working distance: the distance (µm) comes from the description
    expect(of(TILES_CZI)).toEqual(['C-Apochromat 40x/1.2 W Korr FCS M27', '40', '1.2', '280', 'µm', 'Water']);
  });

  it('names the microscope and objective matched in the Methods draft, and the description as its source', async () => {
    await catalogue();
    const run = await acqmeta('export', DATASET, '--format', 'methods', '-o', 'methods.md');
    expect(run.code).toBe(0);
    const text = await read('methods.md');
    expect(text).toContain(
      'Images were acquired on Zeiss Celldiscoverer 7 (Facility CD7) (1 of 1 image) with the objective Plan-Apochromat 5x/0.35 (Air, Zeiss 421020-9900) (1 of 1 image).',
    );
    // the description above the folder exported is named in its catalogue, not by where the share is
    expect(text).toContain(`and the lab's microscope description \`${DESCRIPTION}\`.`);
    expect(text).not.toContain(folder.base);
    expect(text).not.toMatch(/999\b/);
  });
});
