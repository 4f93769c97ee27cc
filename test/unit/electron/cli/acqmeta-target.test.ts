import { execFileSync } from 'node:child_process';
import { mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliInFolder } from './support/cli-in-folder';

/** A confocal dataset that meets every required pattern of hubmap:confocal-v2.3. */
const CONFOCAL = [
  'extras/microscope_hardware.json',
  'raw/channel_layout.tsv',
  'raw/images/scan.czi',
  'lab_processed/images/HBM892.MDXS.293.ome.tiff',
  'lab_processed/images/HBM892.MDXS.293.ome-tiff.channels.csv',
  'qa_qc/resolution_report/resolution.txt',
  'qa_qc/illumination_report/illumination.txt',
];
const HARDWARE = 'extras\\/microscope_hardware\\.json$';

const folder = cliInFolder('acqmeta-target-', {
  prepare: async (base) => {
    for (const rel of CONFOCAL) await put(rel, base);
  },
  timeoutMs: 60_000,
});
const { acqmeta } = folder;
const dataset = (...rel: string[]) => folder.at('dataset', ...rel);

/** An empty file at `rel` in the dataset folder of `base` (the test's folder), in the folders it needs. */
async function put(rel: string, base = folder.base): Promise<void> {
  const file = path.join(base, 'dataset', rel);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, '');
}

const jsonLines = (stdout: string): unknown[] =>
  stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line));

describe('acqmeta validate --target', () => {
  it('passes a folder laid out as hubmap:confocal needs (the latest version bundled)', async () => {
    const run = await acqmeta('validate', 'dataset', '--target', 'hubmap:confocal');
    expect(run).toEqual({
      code: 0,
      stdout: '',
      stderr: 'hubmap:confocal-v2.3: the folder layout matches (9 paths checked)\n',
    });
  });

  it('names each missing pattern and each file not allowed, exit 1; --json one object each', async () => {
    await rm(dataset('extras/microscope_hardware.json'));
    await put('extras/notes.txt');
    await put('notes.txt');
    await put('.DS_Store');
    const run = await acqmeta('validate', 'dataset', '--target', 'hubmap:confocal-v2.3');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        '.DS_Store: not allowed by hubmap:confocal-v2.3',
        'notes.txt: not allowed by hubmap:confocal-v2.3',
        `.: missing ${HARDWARE} (required by hubmap:confocal-v2.3)`,
        '',
      ].join('\n'),
    );
    expect(run.stderr).toBe(
      'hubmap:confocal-v2.3: 1 required pattern missing, 2 paths not allowed (11 paths checked)\n',
    );
    const json = await acqmeta('validate', 'dataset', '--target', 'hubmap:confocal', '--json', '--ignore', 'n*.txt');
    expect(json.code).toBe(1);
    expect(jsonLines(json.stdout)).toEqual([
      { kind: 'directory', not_allowed: '.DS_Store' },
      { kind: 'directory', missing: HARDWARE },
    ]);
  });

  it("lists AcqMeta's own files as left out of an upload, wherever they lie; says nothing of what HuBMAP's upload ignores", async () => {
    const own = [
      '.acqmeta-lock',
      '.acqmeta/journal/2026-05-01.jsonl',
      'acqmeta.channels.csv',
      'acqmeta.instruments/axiovert.json',
      'acqmeta.profile.json',
      'lab_processed/images/.acqmeta/journal/2026-05-01.jsonl',
    ];
    for (const rel of [...own, 'confocal-metadata.tsv', 'raw/scan-metadata.tsv', 'validation_report.txt'])
      await put(rel);
    // a folder holding only folders is listed too
    const listed = [...own, '.acqmeta/', 'lab_processed/images/.acqmeta/'].sort();
    const run = await acqmeta('validate', 'dataset', '--target', 'hubmap:confocal');
    expect(run).toEqual({
      code: 0,
      stdout: '',
      stderr: [
        ...listed.map((rel) => `${rel}: AcqMeta's own, left out of an upload`),
        'hubmap:confocal-v2.3: the folder layout matches (12 paths checked)',
        '',
      ].join('\n'),
    });
  });

  it('an empty folder is listed, a folder with only folders too; older versions by name', async () => {
    await mkdir(dataset('empty'));
    await mkdir(dataset('scratch/inner'), { recursive: true });
    const run = await acqmeta('validate', 'dataset', '--target', 'hubmap:confocal-v2.0', '--json');
    expect(jsonLines(run.stdout)).toEqual([
      { kind: 'directory', not_allowed: 'empty/' },
      { kind: 'directory', not_allowed: 'scratch/' },
      { kind: 'directory', not_allowed: 'scratch/inner/' },
    ]);
  });

  it('prints names with control characters escaped, keeps non-ASCII names; JSON holds them as they are', async () => {
    await put('raw/images/été\x1b[2J.czi\nx');
    const run = await acqmeta('validate', 'dataset', '--target', 'hubmap:confocal');
    expect(run.stdout).toBe('raw/images/été\\x1b[2J.czi\\nx: not allowed by hubmap:confocal-v2.3\n');
    const json = await acqmeta('validate', 'dataset', '--target', 'hubmap:confocal', '--json');
    expect(JSON.parse(json.stdout)).toEqual({ kind: 'directory', not_allowed: 'raw/images/été\x1b[2J.czi\nx' });
  });

  it('does not follow a link to a folder outside, lists a FIFO by name without opening it', async () => {
    await mkdir(folder.at('outside'));
    await writeFile(folder.at('outside', 'secret.txt'), '');
    await symlink(folder.at('outside'), dataset('extras', 'linked'));
    execFileSync('mkfifo', [dataset('raw', 'images', 'pipe.tiff')]);
    const run = await acqmeta('validate', 'dataset', '--target', 'hubmap:confocal', '--json');
    expect(run).toEqual({ code: 0, stdout: '', stderr: expect.stringContaining('(10 paths checked)') });
  });

  it('checks 10,000 images', async () => {
    const images = dataset('lab_processed', 'images');
    for (let i = 0; i < 10_000; i += 500) {
      await Promise.all(Array.from({ length: 500 }, (_, j) => writeFile(path.join(images, `t${i + j}.ome.tiff`), '')));
    }
    await writeFile(dataset('t1.tif'), '');
    expect((await readdir(images)).length).toBe(10_002);
    const run = await acqmeta('validate', 'dataset', '--target', 'hubmap:confocal');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('t1.tif: not allowed by hubmap:confocal-v2.3\n');
    expect(run.stderr).toContain('(10010 paths checked)');
  });

  it('an unknown target is a usage error (exit 2) naming the known ones; --list-targets lists them', async () => {
    const run = await acqmeta('validate', 'dataset', '--target', 'hubmap:confocal-v9.9');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      'unknown target "hubmap:confocal-v9.9"; known: hubmap:confocal, hubmap:histology, hubmap:imc-2d, hubmap:lightsheet, hubmap:segmentation-mask',
    );
    const list = await acqmeta('validate', '--list-targets');
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(
      'hubmap:confocal       (hubmap:confocal-v2.3, the latest bundled)\nhubmap:confocal-v2.0\n',
    );
  });

  it('--json and --ignore need --target; --profile does not go with it; a bad glob is refused', async () => {
    expect((await acqmeta('validate', 'dataset', '--json')).code).toBe(2);
    expect((await acqmeta('validate', 'dataset', '--ignore', '*')).code).toBe(2);
    expect((await acqmeta('validate', 'dataset', '--target', 'hubmap:confocal', '--profile', 'p.json')).code).toBe(2);
    const glob = await acqmeta('validate', 'dataset', '--target', 'hubmap:confocal', '--ignore', '[z-a]');
    expect(glob.code).toBe(2);
    expect(glob.stderr).toContain('ignore pattern "[z-a]" cannot be used');
  });
});

describe("acqmeta validate with the profile's x-target", () => {
  /** A lab profile above the dataset (a file inside it would be a path the schema does not allow). */
  const profileAbove = (target: string) =>
    writeFile(folder.at('acqmeta.profile.json'), JSON.stringify({ 'x-target': target }));
  const from = (name: string) =>
    `the target ${name} comes from the lab profile ${folder.at('acqmeta.profile.json')} (x-target); --target checks another\n`;

  it('checks the layout against the target of the profile in force, and says so', async () => {
    await profileAbove('hubmap:confocal');
    expect(await acqmeta('validate', 'dataset')).toEqual({
      code: 0,
      stdout: '',
      stderr: `${from('hubmap:confocal')}hubmap:confocal-v2.3: the folder layout matches (9 paths checked)\n2 images checked, 0 with problems\n`,
    });
    await rm(dataset('extras/microscope_hardware.json'));
    await put('notes.txt');
    const run = await acqmeta('validate', 'dataset');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      `notes.txt: not allowed by hubmap:confocal-v2.3\n.: missing ${HARDWARE} (required by hubmap:confocal-v2.3)\n`,
    );
    expect(run.stderr).toContain(
      'hubmap:confocal-v2.3: 1 required pattern missing, 1 path not allowed (10 paths checked)\n2 images checked, 0 with problems; 2 problems with profiles or folder layout\n',
    );
  });

  it('--target overrides it; a target without a directory schema is said, not checked', async () => {
    await profileAbove('hubmap:confocal');
    await put('notes.txt');
    const run = await acqmeta('validate', 'dataset', '--target', 'hubmap:confocal-v2.0');
    expect(run.stderr).not.toContain('x-target');
    expect(run.stdout).toBe('notes.txt: not allowed by hubmap:confocal-v2.0\n');
    await writeFile(folder.at('htan.json'), JSON.stringify({ 'x-target': 'htan:imaging-level-2' }));
    const htan = await acqmeta('validate', 'dataset', '--profile', 'htan.json');
    expect(htan).toEqual({
      code: 0,
      stdout: '',
      stderr:
        'the target htan:imaging-level-2 comes from the lab profile htan.json (x-target); it has no directory schema, so the folder layout is not checked against it\n2 images checked, 0 with problems\n',
    });
  });
});
