/**
 * `acqmeta show` and `scan --json` match an image to the lab's microscope catalogue
 * (`acqmeta.instruments/`): a vendor file against a description of its own microscope, and a
 * catalogue folder holding hostile files, each named as a problem while the rest is read.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, symlink, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliOnLab } from './cli-on-lab';

const { acqmeta, labPath, basePath } = cliOnLab();

const fixture = (name: string) => fileURLToPath(new URL(`../../../fixtures/${name}`, import.meta.url));
const CZI = 'czitools_S3_1Pos_2Mosaic_T1_Z1_CH1.czi';

/** A Micro-Meta App description of the Celldiscoverer 7 the CZI fixture was taken on, as its own metadata gives it. */
const CD7 = {
  Name: 'Facility CD7',
  Schema_ID: 'Instrument.json',
  ID: 'cd7',
  Tier: 1,
  ModelVersion: '2.01.0',
  MicroscopeStand: { Schema_ID: 'InvertedMicroscopeStand.json', Manufacturer: 'Zeiss', Model: 'Celldiscoverer 7' },
  components: [
    {
      Schema_ID: 'Objective.json',
      ID: 'obj5',
      Name: 'CD7 5x',
      Model: 'Plan-Apochromat 5x/0.35',
      Magnification: 5,
      LensNA: 0.35,
      ImmersionType: 'Air',
    },
    {
      Schema_ID: 'Objective.json',
      ID: 'obj20',
      Name: 'CD7 20x',
      Model: 'Plan-Apochromat 20x/0.7',
      Magnification: 20,
      LensNA: 0.7,
      ImmersionType: 'Air',
    },
    {
      Schema_ID: 'Fluorescence_LightSource_LightEmittingDiode.json',
      ID: 'led',
      Name: 'LED 385',
      LEDModule: [{ PeakWavelength: 385 }],
    },
    {
      Schema_ID: 'EmissionFilter.json',
      ID: 'em',
      Name: 'BP 465/70',
      TransmittanceRange: [{ Wavelength: 465, FWHMBandwidth: 70 }],
    },
    { Schema_ID: 'CMOS.json', ID: 'cam', Name: 'CD7 camera', Model: 'TestCam' },
  ],
};

async function catalogue(): Promise<void> {
  await mkdir(labPath('acqmeta.instruments'), { recursive: true });
  await writeFile(labPath('acqmeta.instruments/cd7.json'), JSON.stringify(CD7));
  await copyFile(fixture('instruments/abif_axiovert1_.json'), labPath('acqmeta.instruments/abif_axiovert1_.json'));
  await copyFile(fixture(`formats/czi/${CZI}`), labPath(CZI));
}

describe('acqmeta show: the lab’s microscope catalogue', () => {
  it('matches the microscope, objective, light source, emission filter and detector, each with its evidence', async () => {
    await catalogue();
    const { code, stdout } = await acqmeta('show', `lab/${CZI}`, '--json');
    expect(code).toBe(0);
    const shown = JSON.parse(stdout);
    expect(shown.instrument_match).toEqual({
      catalogue: ['acqmeta.instruments/abif_axiovert1_.json', 'acqmeta.instruments/cd7.json'],
      instrument: {
        ID: 'cd7',
        Name: 'Facility CD7',
        file: 'acqmeta.instruments/cd7.json',
        evidence: 'by the model the file names (Celldiscoverer 7)',
        candidates: [],
      },
      objective: {
        ID: 'obj5',
        Name: 'CD7 5x',
        file: 'acqmeta.instruments/cd7.json',
        evidence: 'by model name',
        candidates: [],
      },
      light_sources: [
        {
          channel: 0,
          ID: 'led',
          Name: 'LED 385',
          file: 'acqmeta.instruments/cd7.json',
          evidence: 'a line within 2 nm of the excitation 385 nm',
          candidates: [],
        },
      ],
      filters: [
        {
          channel: 0,
          ID: 'em',
          Name: 'BP 465/70',
          file: 'acqmeta.instruments/cd7.json',
          evidence: 'its band holds the emission 465 nm',
          candidates: [],
        },
      ],
      detectors: [
        {
          channel: 0,
          ID: 'cam',
          Name: 'CD7 camera',
          file: 'acqmeta.instruments/cd7.json',
          evidence: 'by the model the file names (TestCam)',
          candidates: [],
        },
      ],
      warnings: [],
    });
    expect(shown.instrument_catalogue.problems).toContainEqual(
      expect.objectContaining({ file: 'acqmeta.instruments/abif_axiovert1_.json', at: 'components[24].LensNA' }),
    );
  });

  it('prints the catalogue block, placeholders counted, and says when the microscope is not in it', async () => {
    await catalogue();
    await writeFile(
      labPath('acqmeta.instruments/cd7.json'),
      JSON.stringify({ ...CD7, MicroscopeStand: { Model: 'Axio Observer' } }),
    );
    const { code, stdout } = await acqmeta('show', `lab/${CZI}`);
    expect(code).toBe(0);
    expect(stdout.slice(stdout.indexOf('\nInstrument catalogue'))).toBe(
      [
        '',
        'Instrument catalogue: acqmeta.instruments/ (2 described)',
        '  Microscope                  none: not in the catalogue: no microscope is a Celldiscoverer 7',
        '  Objective                   none: not looked for: the microscope (Celldiscoverer 7) is not in the catalogue',
        '  Light source, channel 1     none: not looked for: the microscope (Celldiscoverer 7) is not in the catalogue',
        '  Emission filter, channel 1  none: not looked for: the microscope (Celldiscoverer 7) is not in the catalogue',
        '  Detector, channel 1         none: not looked for: the microscope (Celldiscoverer 7) is not in the catalogue',
        '  Problems in the catalogue:',
        '    acqmeta.instruments/abif_axiovert1_.json: 38 values look like placeholders ("999")',
        '    acqmeta.instruments/abif_axiovert1_.json components[24].LensNA: is 1.3, but the name "100X PLAN APOCHROMAT, NA=1.40, OIL, DIC" says NA 1.4',
        '',
      ].join('\n'),
    );
  });

  it("applies the lab's rule x-microscope: the microscope it names, a contradicting model as a warning", async () => {
    await catalogue();
    const profile = (microscope: string) =>
      writeFile(
        labPath('acqmeta.profile.json'),
        JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', 'x-microscope': microscope }),
      );
    await profile('abif_axiovert1_');
    const ruled = JSON.parse((await acqmeta('show', `lab/${CZI}`, '--json')).stdout).instrument_match;
    expect(ruled.instrument).toMatchObject({
      file: 'acqmeta.instruments/abif_axiovert1_.json',
      evidence: "by the lab's rule in acqmeta.profile.json",
    });
    // the first warning; the Axiovert's camera then questions the pixel size too
    expect(ruled.warnings[0]).toEqual(
      expect.stringMatching(
        /^the file names the microscope Celldiscoverer 7, but the lab's rule in acqmeta\.profile\.json says /,
      ),
    );
    await profile('Facility CD8');
    const { code, stdout } = await acqmeta('show', `lab/${CZI}`, '--json');
    expect(code).toBe(0);
    const shown = JSON.parse(stdout);
    expect(shown.instrument_match.instrument.evidence).toBe('by the model the file names (Celldiscoverer 7)');
    expect(shown.instrument_catalogue.problems).toContainEqual({
      file: 'acqmeta.profile.json',
      at: '/x-microscope',
      message: expect.stringMatching(
        /^"x-microscope" "Facility CD8" names no microscope of the catalogue \(did you mean "Facility CD7"\?\)/,
      ),
      severity: 'error',
    });
  });

  it('names each hostile file of the catalogue and reads the rest: a FIFO, a link out, an oversized file, broken JSON', async () => {
    await catalogue();
    execFileSync('mkfifo', [labPath('acqmeta.instruments/pipe.json')]);
    await writeFile(basePath('outside.json'), JSON.stringify(CD7));
    await symlink(basePath('outside.json'), labPath('acqmeta.instruments/link.json'));
    await writeFile(labPath('acqmeta.instruments/huge.json'), ' '.repeat(5 * 2 ** 20));
    await writeFile(labPath('acqmeta.instruments/broken.json'), '{"Schema_ID": "Instrument.json", ');
    const { code, stdout } = await acqmeta('show', `lab/${CZI}`, '--json');
    expect(code).toBe(0);
    const shown = JSON.parse(stdout);
    expect(shown.instrument_match.objective.Name).toBe('CD7 5x');
    const errors = shown.instrument_catalogue.problems.filter((p: { severity: string }) => p.severity === 'error');
    expect(errors.map((p: { file: string; message: string }) => `${p.file}: ${p.message}`)).toEqual([
      expect.stringMatching(/^acqmeta\.instruments\/broken\.json: not valid JSON/),
      'acqmeta.instruments/huge.json: is 5 MB; a microscope description may be at most 4 MB',
      'acqmeta.instruments/link.json: links outside the open folder, so it is not read',
      'acqmeta.instruments/pipe.json: is not a regular file',
    ]);
  });
});

describe('acqmeta scan --json: the match on every line', () => {
  it('gives each image in a catalogue’s reach the match show gives, and null where none is in force', async () => {
    await mkdir(labPath('cd7/acqmeta.instruments'), { recursive: true });
    await writeFile(labPath('cd7/acqmeta.instruments/cd7.json'), JSON.stringify(CD7));
    await copyFile(fixture(`formats/czi/${CZI}`), labPath(`cd7/${CZI}`));
    const shown = JSON.parse((await acqmeta('show', `lab/cd7/${CZI}`, '--json')).stdout);
    const { stdout } = await acqmeta('scan', 'lab', '--json', '--no-cache');
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const byPath = new Map(lines.map((line) => [line.path, line.instrument_match]));
    // show names the files from the image's folder, scan from the folder scanned
    const scanned = JSON.stringify(byPath.get(`cd7/${CZI}`)).replaceAll('"cd7/acqmeta.', '"acqmeta.');
    expect(JSON.parse(scanned)).toEqual(shown.instrument_match);
    expect(shown.instrument_match.objective.Name).toBe('CD7 5x');
    const elsewhere = lines.filter((line) => !line.path.startsWith('cd7/'));
    expect(elsewhere.length).toBeGreaterThan(0);
    expect(elsewhere.every((line) => line.instrument_match === null)).toBe(true);
  });

  it('keeps a hostile catalogue a problem: the scan lists every image, unmatched', async () => {
    await mkdir(labPath('acqmeta.instruments'), { recursive: true });
    await writeFile(labPath('acqmeta.instruments/broken.json'), '{"Schema_ID": "Instrument.json", ');
    await copyFile(fixture(`formats/czi/${CZI}`), labPath(CZI));
    const { code, stdout } = await acqmeta('scan', 'lab', '--json', '--no-cache');
    const czi = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .find((line) => line.path === CZI);
    expect(code).toBe(1);
    expect(czi.instrument_match).toMatchObject({ catalogue: [], instrument: { ID: null }, objective: { ID: null } });
  });
});
