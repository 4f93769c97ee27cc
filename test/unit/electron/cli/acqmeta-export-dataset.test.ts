/**
 * `acqmeta export --format hubmap:…|htan:…` with what `acqmeta dataset` keeps (values and
 * people, used before what the images state, so a re-export keeps them), with images whose
 * channels differ in subfolders each with its channel table (each image's table in force), and
 * with -o elsewhere (nothing written into the lab's folder).
 */
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliInFolder } from './support/cli-in-folder';
import { checkedRows, htanRules, hubmapRules } from './submission-rules';

const fixture = (name: string) => fileURLToPath(new URL(`../../../fixtures/formats/czi/${name}`, import.meta.url));
const TWO_CHANNELS = 'czitools_DAPI_GFP.czi';
const ONE_CHANNEL = 'czitools_S3_1Pos_2Mosaic_T1_Z1_CH1.czi';
const DATASET = 'dataset';
const PEOPLE = [
  'first_name\tlast_name\tdisplay_name\taffiliation\torcid\tis_contact\tis_principal_investigator\tis_operator',
  'Josiah\tCarberry\tJosiah Carberry\tBrown University\t0000-0002-1825-0097\tYes\tYes\tYes',
  '',
].join('\n');

const folder = cliInFolder('acqmeta-export-dataset-', {
  prepare: async (base) => {
    await mkdir(path.join(base, DATASET));
  },
  timeoutMs: 120_000,
});
const { acqmeta, at, read } = folder;

const todoOf = async (file: string) => (await read(file)).trimEnd().split('\n');

/** The channel table drafted from the images of `folder`, each row named as an antibody's. */
async function tableFor(folder: string): Promise<void> {
  const draft = await acqmeta('export', folder, '--format', 'channels');
  expect(draft.code).toBe(0);
  const [header, ...rows] = draft.stdout.trimEnd().split(/\r?\n/);
  const columns = (header as string).split(',');
  const named = columns.indexOf('Antibody Name');
  const lines = rows.map((row, i) => {
    const cells = row.split(',');
    cells[named] = `anti-${folder.replace(/\W/g, '')}-${i}`;
    return cells.join(',');
  });
  await writeFile(at(folder, 'acqmeta.channels.csv'), [header, ...lines].map((l) => `${l}\r\n`).join(''));
}

describe('acqmeta export with the dataset’s values and people', () => {
  it('fills the columns and contributors.tsv from them, before what the image files state', async () => {
    await copyFile(fixture(TWO_CHANNELS), at(DATASET, TWO_CHANNELS));
    await writeFile(at('people.tsv'), PEOPLE);
    const set = await acqmeta(
      'dataset',
      DATASET,
      '--set',
      'parent_sample_id=HBM123.ABCD.456',
      '--set',
      'acquisition_instrument_vendor=zeiss microscopy',
      '--set',
      'HTAN Participant ID=HTA1_1',
      '--contributors',
      'people.tsv',
    );
    expect(set.code).toBe(0);
    for (const run of [0, 1]) {
      const force = run === 0 ? [] : ['--force'];
      const hubmap = await acqmeta('export', DATASET, '--format', 'hubmap:confocal', '-o', 'upload.tsv', ...force);
      expect(hubmap.code).toBe(1);
      const [row] = checkedRows(await read('upload.tsv'), 'tsv', hubmapRules('confocal'));
      expect([row!.parent_sample_id, row!.acquisition_instrument_vendor]).toEqual([
        'HBM123.ABCD.456',
        'Zeiss Microscopy',
      ]);
      expect(checkedRows(await read('contributors.tsv'), 'tsv', hubmapRules('contributors'))).toEqual([
        expect.objectContaining({ orcid: '0000-0002-1825-0097', display_name: 'Josiah Carberry', is_contact: 'Yes' }),
      ]);
      const todo = await todoOf('upload.tsv.todo.txt');
      expect(todo.filter((line) => /parent_sample_id|instrument_vendor|^contributors/.test(line))).toEqual([]);
    }
    const htan = await acqmeta('export', DATASET, '--format', 'htan:imaging-level-2', '-o', 'manifest.csv');
    const rows = checkedRows(await read('manifest.csv'), 'csv', htanRules('Imaging Level 2'));
    expect(rows.map((r) => r['HTAN Participant ID'])).toEqual(['HTA1_1']);
    expect(htan.stderr).not.toContain('HTAN Participant ID');
  });
});

describe('acqmeta export of images whose channels differ, in subfolders with a table each', () => {
  it('takes each image’s channel table in force', async () => {
    await mkdir(at(DATASET, 'two'));
    await mkdir(at(DATASET, 'one'));
    await copyFile(fixture(TWO_CHANNELS), at(DATASET, 'two', TWO_CHANNELS));
    await copyFile(fixture(ONE_CHANNEL), at(DATASET, 'one', ONE_CHANNEL));
    await tableFor(`${DATASET}/two`);
    await tableFor(`${DATASET}/one`);
    const run = await acqmeta('export', DATASET, '--format', 'hubmap:confocal', '-o', 'upload.tsv');
    const todo = await todoOf('upload.tsv.todo.txt');
    expect(todo.filter((line) => line.startsWith('antibodies.tsv') && /in force|does not fit/.test(line))).toEqual([]);
    const antibodies = checkedRows(await read('antibodies.tsv'), 'tsv', hubmapRules('antibodies'));
    // each table's rows, checked against its own images; rows alike in the file written once
    expect(antibodies.map((r) => r.channel_id)).toEqual(['Channel:0:0', 'Channel:0:1']);
    expect(todo).toContain(
      "antibodies.tsv Channel:0:1 (two/acqmeta.channels.csv): antibody_rrid (required): the channel table's RRID identifier is empty",
    );
    expect(run.stderr).not.toContain('is in force for the folder');
    const htan = await acqmeta('export', DATASET, '--format', 'htan:imaging-level-2', '-o', 'manifest.csv');
    expect(htan.stderr).not.toMatch(/in force for the folder|does not fit/);
    expect(
      checkedRows(await read('imaging-level-3-channels.csv'), 'csv', htanRules('Imaging Level 3 Channels')),
    ).toHaveLength(3);
  });
});

describe('acqmeta export -o elsewhere', () => {
  it('writes nothing into the lab’s folder: the microscope’s description goes in a folder of its name beside the metadata file', async () => {
    await copyFile(fixture(ONE_CHANNEL), at(DATASET, ONE_CHANNEL));
    await mkdir(at('acqmeta.instruments'));
    const description = {
      Name: 'Facility CD7',
      Schema_ID: 'Instrument.json',
      ID: 'cd7',
      MicroscopeStand: { Schema_ID: 'InvertedMicroscopeStand.json', Manufacturer: 'Zeiss', Model: 'Celldiscoverer 7' },
      components: [],
    };
    const text = `${JSON.stringify(description, null, 2)}\n`;
    await writeFile(at('acqmeta.instruments', 'cd7.json'), text);
    await mkdir(at('out'));
    const run = await acqmeta('export', DATASET, '--format', 'hubmap:confocal', '-o', 'out/upload.tsv');
    expect(run.code).toBe(1);
    expect(await readdir(at(DATASET))).toEqual([ONE_CHANNEL]);
    expect(await read(`out/${DATASET}/extras/microscope_hardware.json`)).toBe(text);
    expect(run.stderr).toContain(`out/${DATASET}/extras/microscope_hardware.json`);
  });
});
