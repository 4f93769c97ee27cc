import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliOnLab } from './cli-on-lab';

const { acqmeta, acqmetaWithin, labPath, read, exists, sharedLab } = cliOnLab();
const plainTiff = fileURLToPath(new URL('../../../fixtures/tiff/generated/plain-single-u16.tif', import.meta.url));
const exampleProfile = (name: string) =>
  fileURLToPath(new URL(`../../../../profiles/${name}.profile.json`, import.meta.url));

/** Values every image of the dataset gets: all that the vascular profile asks, filled in right. */
const GOOD = [
  'species=mouse',
  'sex=female',
  'genotype=WT',
  'region=CA1',
  'date=2026-03-04',
  'physical_label_x=um',
  'physical_label_y=um',
];

/** One image per way of breaking the vascular profile, each with the value that breaks it. */
const BROKEN: Record<string, string> = {
  enum: 'species=Mouse',
  synonym: 'sex=F',
  pattern: 'genotype=wt',
  format: 'date=3/4/2026',
  range: 'depth=2000',
  required: 'region=',
  'required-if': 'treatment=KCl',
  calibration: 'physical_label_x=Pixels',
};

/** `lab/ds`: a good image and one per broken rule, with sidecars, then the vascular profile in force (made once, by nine runs). */
const dataset = sharedLab(async (acqmeta, labPath) => {
  await mkdir(labPath('ds/raw'), { recursive: true });
  for (const name of ['good', ...Object.keys(BROKEN)]) await copyFile(plainTiff, labPath(`ds/raw/${name}.tif`));
  expect((await acqmeta('set', 'lab/ds', ...GOOD.flatMap((v) => ['--set', v]))).code).toBe(0);
  for (const [name, value] of Object.entries(BROKEN))
    expect((await acqmeta('set', `lab/ds/raw/${name}.tif`, '--set', value)).code).toBe(0);
  await copyFile(exampleProfile('vascular-lab'), labPath('ds/acqmeta.profile.json'));
});

describe('acqmeta validate with a lab profile', () => {
  it('names each problem exactly once, and no good image', async () => {
    await dataset();
    const run = await acqmeta('validate', 'lab/ds');
    expect(run.code).toBe(1);
    expect(run.stdout.trimEnd().split('\n')).toEqual([
      'raw/calibration.tif.json: File declares 1.0 × 1.0 um per pixel; sidecar has 1.0 Pixels × 1.0 um',
      'raw/calibration.tif.json: Pixel size unit X "Pixels": calibrate: set µm per pixel',
      'raw/enum.tif.json: Species "Mouse" is not one of mouse, rat (did you mean "mouse"?)',
      'raw/format.tif.json: Date "3/4/2026" is not a date (YYYY-MM-DD)',
      `raw/pattern.tif.json: Genotype "wt": use one of the lab's genotype labels: WT, Thy1-GCaMP6s, Cx3cr1-GFP (did you mean "WT"?)`,
      'raw/range.tif.json: Depth 2000 is more than 1500',
      'raw/required-if.tif.json: Treatment 2 must be filled in when Treatment is filled in',
      'raw/required.tif.json: Region must be filled in',
      'raw/synonym.tif.json: Sex "F" is not one of female, male, unknown (did you mean "female"?)',
      ".: missing the dataset's readme: no file matches ^README\\.md$",
    ]);
    expect(run.stdout).not.toContain('good');
    expect(run.stderr).toBe('9 images checked, 8 with problems; 1 problem with profiles or folder layout\n');
    await writeFile(labPath('ds/README.md'), '# Dataset\n');
    for (const name of Object.keys(BROKEN))
      expect(
        (
          await acqmeta(
            'set',
            `lab/ds/raw/${name}.tif`,
            ...GOOD.flatMap((v) => ['--set', v]),
            '--set',
            'depth=',
            '--set',
            'treatment=',
          )
        ).code,
      ).toBe(0);
    expect(await acqmeta('validate', 'lab/ds')).toMatchObject({ code: 0, stdout: '' });
  });

  it('checks images without a sidecar as their defaults, lists files outside a closed layout, and takes --profile', async () => {
    await dataset();
    await copyFile(plainTiff, labPath('ds/raw/new.tif'));
    await writeFile(labPath('ds/scratch.txt'), 'x');
    const closed = { ...JSON.parse(await readFile(exampleProfile('vascular-lab'), 'utf8')), 'x-folder-closed': true };
    await writeFile(labPath('ds/acqmeta.profile.json'), JSON.stringify(closed));
    const run = await acqmeta('validate', 'lab/ds');
    expect(run.stdout).toContain('raw/new.tif (no sidecar): Species must be filled in\n');
    expect(run.stdout.match(/^raw\/new\.tif \(no sidecar\): /gm)).toHaveLength(7);
    expect(run.stdout).toContain('scratch.txt: matches none of the folder rules of the profile\n');
    expect(run.stdout).not.toMatch(/\.json: matches none/); // sidecars and the profile belong to the rules

    const other = await acqmeta('validate', 'lab/ds', '--profile', exampleProfile('confocal-deposit'));
    expect(other.code).toBe(1);
    expect(other.stdout).toContain('raw/good.tif.json: Cell type must be filled in\n');
    expect(other.stdout).toContain(
      'raw/calibration.tif.json: Pixel size unit X "Pixels": the pixel size must be in micrometres (um), not uncalibrated pixels\n',
    );
    expect((await acqmeta('validate', 'lab/ds', '--profile', 'nope.json')).code).toBe(2);
  });

  it('reports a broken profile once, with line and column, and still checks the sidecars', async () => {
    await writeFile(
      labPath('acqmeta.profile.json'),
      '{\n  "properties": {\n    "experiment_metadata": {"properties": {"genotype": {"pattern": "^(WT"}}}\n  }\n}\n',
    );
    const run = await acqmeta('validate', 'lab');
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('acqmeta.profile.json'))).toEqual([
      'acqmeta.profile.json: line 3, column 68: pattern "^(WT": not a valid regular expression: Invalid regular expression: /^(WT/u: Unterminated group',
    ]);
    expect(lines).toContain('stacks/float.tif.json: Branch order: must be a whole number (got 2.5)');
  });

  it('finds the profile of a parent folder above the one validated, and runs a catastrophic pattern in linear time', async () => {
    const profile = { properties: { experiment_metadata: { properties: { note: { pattern: '^(a+)+$' } } } } };
    expect((await acqmeta('set', 'lab/cells', '--set', `note=${'a'.repeat(20000)}!`)).code).toBe(0);
    await writeFile(labPath('acqmeta.profile.json'), JSON.stringify(profile));
    // A backtracking engine would take about 2^20000 steps here: the run would be killed.
    const run = await acqmetaWithin(20_000, 'validate', 'lab/cells');
    expect(run.stdout).toBe(
      `multi-channel.ome.tif.json: Note "${'a'.repeat(40)}…" does not match the pattern ^(a+)+$\n`,
    );
  });
});

describe('acqmeta set and import under a lab profile', () => {
  it('set refuses values that break the profile (exit 2, nothing written), never a required field left empty', async () => {
    await dataset();
    const before = await read('ds/raw/good.tif.json');
    const run = await acqmeta(
      'set',
      'lab/ds',
      '--set',
      'species=Mouse',
      '--set',
      'date=yesterday',
      '--set',
      'depth=-1',
    );
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      [
        // enum.tif stores "Mouse" already: that value is not being written.
        'lab/ds/raw/calibration.tif, lab/ds/raw/format.tif, lab/ds/raw/good.tif and 5 more: Species "Mouse" is not one of mouse, rat (did you mean "mouse"?)',
        'lab/ds/raw/calibration.tif, lab/ds/raw/enum.tif, lab/ds/raw/format.tif and 6 more: Date "yesterday" is not a date (YYYY-MM-DD)',
        'lab/ds/raw/calibration.tif, lab/ds/raw/enum.tif, lab/ds/raw/format.tif and 6 more: Depth -1 is less than 0',
        'Nothing was written.',
        '',
      ].join('\n'),
    );
    expect(await read('ds/raw/good.tif.json')).toBe(before);
    const partial = await acqmeta('set', 'lab/ds/raw/good.tif', '--set', 'region=', '--set', 'species=rat');
    expect(partial.code).toBe(0);
    expect(await read('ds/raw/good.tif.json')).toContain('"region": "",');
    // A value already stored is not being written: it does not block other changes.
    expect((await acqmeta('set', 'lab/ds/raw/enum.tif', '--set', 'depth=10')).code).toBe(0);
  });

  it('import refuses a table whose values break the profile, and writes nothing', async () => {
    await dataset();
    const before = await read('ds/raw/good.tif.json');
    await writeFile(
      labPath('ds/edits.csv'),
      'path,species,genotype,region\nraw/good.tif,rat,GFP,\nraw/enum.tif,mouse,WT,S1\n',
    );
    const run = await acqmeta('import', 'lab/ds/edits.csv');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `row 2, genotype: raw/good.tif: Genotype "GFP": use one of the lab's genotype labels: WT, Thy1-GCaMP6s, Cx3cr1-GFP\nNothing was written.\n`,
    );
    expect(await read('ds/raw/good.tif.json')).toBe(before);
    await writeFile(labPath('ds/edits.csv'), 'path,species,region\nraw/good.tif,rat,\nraw/enum.tif,mouse,S1\n');
    expect((await acqmeta('import', 'lab/ds/edits.csv')).code).toBe(0);
  });
});

describe('acqmeta profile init and report', () => {
  it('profile init writes a starter profile from the values in use, never over an existing file', async () => {
    await dataset();
    const run = await acqmeta('profile', 'init', 'lab/ds/raw', '--closed');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /^wrote lab\/ds\/raw\/acqmeta\.profile\.json: \d+ fields with values in use, from the 9 sidecars of 9 images in raw on /,
    );
    const profile = JSON.parse(await read('ds/raw/acqmeta.profile.json'));
    expect(profile.properties.experiment_metadata.properties.species).toEqual({
      description: 'Animal species (e.g., mouse, rat). In use: mouse (8), Mouse (1).',
      enum: ['mouse', 'Mouse'],
    });
    expect(profile.properties.experiment_metadata.properties.sex.enum).toEqual(['female', 'F']);
    const again = await acqmeta('profile', 'init', 'lab/ds/raw');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('exists already; nothing written');
    const printed = await acqmeta('profile', 'init', 'lab/ds/raw', '-o', '-');
    expect(JSON.parse(printed.stdout).properties.experiment_metadata.properties.species.examples).toEqual([
      'mouse',
      'Mouse',
    ]);
    expect((await acqmeta('profile', 'frobnicate', 'lab')).code).toBe(2);
    expect(await exists('ds/raw/acqmeta.profile.json')).toBe(true);
  });

  it('report counts filled, valid, invalid and empty per field, values in use, and ready images', async () => {
    await dataset();
    await writeFile(labPath('ds/README.md'), '# Dataset\n');
    const run = await acqmeta('report', 'lab/ds', '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ folder: 'lab/ds', images: 9, ready: 1, ready_images: ['raw/good.tif'] });
    expect(report.profiles).toEqual([{ source: 'acqmeta.profile.json', title: 'Vascular imaging lab', problems: [] }]);
    const species = report.fields.find((f: { field: string }) => f.field === 'species');
    expect(species).toEqual({
      field: 'species',
      display_name: 'Species',
      required: true,
      filled: 9,
      valid: 8,
      invalid: 1,
      empty: 0,
      values: [
        { value: 'mouse', images: 8 },
        { value: 'Mouse', images: 1 },
      ],
    });
    expect(report.fields.find((f: { field: string }) => f.field === 'region')).toMatchObject({
      filled: 8,
      valid: 8,
      invalid: 0,
      empty: 1,
    });
    const readable = await acqmeta('report', 'lab/ds');
    expect(readable.stdout).toContain(
      'lab/ds: 9 images, 1 ready (11%)\nLab profile: acqmeta.profile.json (Vascular imaging lab)\n',
    );
    expect(readable.stdout).toMatch(/\nSpecies \*\s+9\s+8\s+1\s+0\n/);
    expect(readable.stdout).toContain('  Species: "mouse" (8), "Mouse" (1)\n');
  });
});
