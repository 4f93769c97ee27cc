import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import { cliOnLab } from './cli-on-lab';

const { acqmeta, labPath, read, exists } = cliOnLab();

const NAMES = ['2026-03-14_Thy1-GFP_m3_CA1.tif', '2026-03-15_WT_m4_V1.TIF', 'overview.tif'];

beforeEach(async () => {
  await mkdir(labPath('names'));
  for (const name of NAMES) await copyFile(labPath('plain.tiff'), labPath(`names/${name}`));
});

describe('acqmeta set --from-name', () => {
  it('fills fields from each file name, with --set, and leaves a name that does not match (exit 1)', async () => {
    const pattern = '{date}_{genotype}_m{*}_{region}.tif';
    const dry = await acqmeta('set', 'lab/names', '--from-name', pattern, '--set', 'species=mouse', '--dry-run');
    expect(dry.code).toBe(1);
    const lines = [
      'names/2026-03-14_Thy1-GFP_m3_CA1.tif.json: Date: "" → "2026-03-14"; Genotype: "" → "Thy1-GFP"; Region: "" → "CA1"; Species: "" → "mouse"',
      'names/2026-03-15_WT_m4_V1.TIF.json: Date: "" → "2026-03-15"; Genotype: "" → "WT"; Region: "" → "V1"; Species: "" → "mouse"',
    ];
    expect(dry.stdout).toBe(
      `${lines.map((l) => `would create lab/${l}`).join('\n')}\nDry run: 0 sidecars to update, 2 to create, 0 unchanged, 1 skipped; nothing written.\n`,
    );
    expect(dry.stderr).toBe('lab/names/overview.tif: the file name does not match --from-name; left as it is\n');
    expect(await exists('names/2026-03-14_Thy1-GFP_m3_CA1.tif.json')).toBe(false);
    const run = await acqmeta('set', 'lab/names', '--from-name', pattern, '--set', 'species=mouse');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      `${lines.map((l) => `created lab/${l}`).join('\n')}\n0 sidecars updated, 2 created, 0 unchanged, 1 skipped.\n`,
    );
    expect(await read('names/2026-03-15_WT_m4_V1.TIF.json')).toContain('\n    "genotype": "WT",\n');
    expect(await exists('names/overview.tif.json')).toBe(false);
  });

  it('takes named groups of a regular expression', async () => {
    const run = await acqmeta(
      'set',
      'lab/names/2026-03-15_WT_m4_V1.TIF',
      '--from-name',
      're:_(?<genotype>[A-Za-z0-9-]+)_m(?<branch_order>\\d+)_',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      'created lab/names/2026-03-15_WT_m4_V1.TIF.json: Genotype: "" → "WT"; Branch order: (none) → 4\n0 sidecars updated, 1 created, 0 unchanged.\n',
    );
  });

  it('writes nothing when a taken value is invalid (exit 2), and refuses a bad pattern as usage (exit 2)', async () => {
    const invalid = await acqmeta('set', 'lab/names', '--from-name', '{date}_{depth}_m{*}_{region}.tif');
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toBe(
      'lab/names/2026-03-14_Thy1-GFP_m3_CA1.tif: Depth: must be a number in µm (got "Thy1-GFP")\n' +
        'lab/names/2026-03-15_WT_m4_V1.TIF: Depth: must be a number in µm (got "WT")\nNothing was written.\n',
    );
    expect(await exists('names/2026-03-14_Thy1-GFP_m3_CA1.tif.json')).toBe(false);
    const bad = await acqmeta('set', 'lab/names', '--from-name', '{genotype}{region}');
    expect([bad.code, bad.stderr]).toEqual([
      2,
      'acqmeta set: --from-name: {region} follows another placeholder: put text between them (see acqmeta set --help)\n',
    ]);
    const both = await acqmeta('set', 'lab/names', '--from-name', '{genotype}_{*}', '--set', 'genotype=x');
    expect([both.code, both.stderr]).toEqual([
      2,
      'acqmeta set: genotype is given by --set and by --from-name (see acqmeta set --help)\n',
    ]);
  });

  it('takes a compact date as YYYY-MM-DD where the lab profile gives the field the date format', async () => {
    await mkdir(labPath('dated'));
    await copyFile(labPath('plain.tiff'), labPath('dated/20240502_WT.tif'));
    await copyFile(labPath('plain.tiff'), labPath('names/20240503_WT.tif'));
    const profile = {
      type: 'object',
      properties: { experiment_metadata: { properties: { date: { format: 'date' } } } },
    };
    await writeFile(labPath('dated/acqmeta.profile.json'), JSON.stringify(profile));
    const dated = await acqmeta(
      'set',
      'lab/dated/20240502_WT.tif',
      '--from-name',
      '{date}_{genotype}.tif',
      '--dry-run',
    );
    expect(dated.stdout).toContain('Date: "" → "2024-05-02"');
    const free = await acqmeta('set', 'lab/names/20240503_WT.tif', '--from-name', '{date}_{genotype}.tif', '--dry-run');
    expect(free.stdout).toContain('Date: "" → "20240503"');
  });
});
