/**
 * `acqmeta export --format hubmap:…|htan:…` writes the companion files beside the metadata
 * file, from a real CZI of two channels and a channel table with an antibody row, a row
 * without one and a lab's own `HGNC symbol` column, in a folder and file of non-ASCII names:
 * every written cell checked by the bundled rules, the path columns, the to-do, refusals.
 */
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliInFolder } from './support/cli-in-folder';
import { checkedRows, htanRules, hubmapRules, template } from './submission-rules';

const CZI = fileURLToPath(new URL('../../../fixtures/formats/czi/czitools_DAPI_GFP.czi', import.meta.url));
const DATASET = 'échantillon';
const IMAGE = 'coupe é.czi';
const TABLE = [
  'Channel ID,Channel Name,Target Name,Antibody Name,RRID identifier,Lot,HGNC symbol',
  'Channel:0:0,DAPI,DNA,,,,',
  'Channel:0:1,GFP,CD3,anti-CD3,RRID:AB_2313768,LOT42,CD3E',
];

const folder = cliInFolder('acqmeta-companions-', {
  prepare: async (base) => {
    await mkdir(path.join(base, DATASET));
    await copyFile(CZI, path.join(base, DATASET, IMAGE));
    await writeTable(TABLE);
  },
  timeoutMs: 120_000,
});
const { acqmeta, at, read } = folder;

const writeTable = (lines: string[]) =>
  writeFile(at(DATASET, 'acqmeta.channels.csv'), lines.map((line) => `${line}\r\n`).join(''));

const todoOf = async (file: string) => (await read(file)).trimEnd().split('\n');

describe('acqmeta export: HuBMAP companions', () => {
  it('antibodies.tsv: the antibody row only, its RRID bare, Lot and the lab HGNC column; paths filled', async () => {
    const run = await acqmeta('export', DATASET, '--format', 'hubmap:confocal', '-o', 'upload.tsv');
    expect(run.code).toBe(1);
    expect((await readdir(folder.base)).sort()).toEqual(
      ['antibodies.tsv', 'contributors.tsv', 'upload.tsv', 'upload.tsv.todo.txt', DATASET].sort(),
    );
    const [row] = checkedRows(await read('upload.tsv'), 'tsv', hubmapRules('confocal'));
    expect([row!.contributors_path, row!.data_path, row!.antibodies_path]).toEqual([
      './contributors.tsv',
      `./${DATASET}`,
      './antibodies.tsv',
    ]);
    const antibodies = checkedRows(await read('antibodies.tsv'), 'tsv', hubmapRules('antibodies'));
    expect(antibodies).toEqual([
      expect.objectContaining({
        channel_id: 'Channel:0:1',
        hgnc_symbol: 'CD3E',
        antibody_rrid: 'AB_2313768',
        lot_number: 'LOT42',
        uniprot_accession_number: '',
        metadata_schema_id: template('antibodies').metadataSchemaId,
      }),
    ]);
    expect(checkedRows(await read('contributors.tsv'), 'tsv', hubmapRules('contributors'))).toEqual([]);
    const todo = await todoOf('upload.tsv.todo.txt');
    expect(todo.filter((line) => !line.startsWith('dataset: '))).toEqual([
      'raw/channel_layout.tsv: the file (required): not written: HuBMAP publishes no column names for it (its directory schema says only "a dictionary for channel to moiety"); write it in the dataset folder yourself',
      "extras/microscope_hardware.json: the file (required): not written: no lab catalogue of microscopes (an acqmeta.instruments/ folder of Micro-Meta App descriptions) is in force for the images; put the microscope's description there, or write the file in the dataset folder yourself",
      'contributors.tsv row 1: first_name, last_name, display_name, affiliation, orcid, is_contact, is_principal_investigator, is_operator, metadata_schema_id (required): no people are kept for the dataset (acqmeta dataset --contributors): add one row per contributor with these columns filled, metadata_schema_id 94dae6f8-0756-4ab0-a47b-138e446a9501; is_contact "Yes" on at least one row (HuBMAP refuses an upload without a contact)',
      'antibodies.tsv Channel:0:1: uniprot_accession_number (required): the channel table has no column for it (add one named "Uniprot accession number")',
    ]);
    expect(todo.some((line) => /path/.test(line))).toBe(false);
    expect(run.stderr).toContain(`  ${todo.at(-1)}\n`);
  });

  it('data_path is a to-do unless the metadata file is in the folder that holds the dataset', async () => {
    await mkdir(at('out'));
    const run = await acqmeta('export', DATASET, '--format', 'hubmap:lightsheet', '-o', 'out/meta.tsv');
    expect(run.code).toBe(1);
    const [row] = checkedRows(await read('out/meta.tsv'), 'tsv', hubmapRules('lightsheet'));
    expect(row!.dataset_type).toBe('Light Sheet');
    expect([row!.contributors_path, row!.data_path]).toEqual(['./contributors.tsv', '']);
    expect(await todoOf('out/meta.tsv.todo.txt')).toContain(
      `dataset: data_path (required): where the metadata file is saved decides it: ./${path.basename(DATASET)} when it is saved in the folder that holds the dataset, as HuBMAP's upload layout has it (the metadata TSV at the upload's top, each dataset a folder in it); acqmeta export -o into that folder fills it in`,
    );
    expect((await readdir(at('out'))).sort()).toEqual(
      ['antibodies.tsv', 'contributors.tsv', 'meta.tsv', 'meta.tsv.todo.txt'].sort(),
    );
  });

  it('histology has no antibodies file; without -o only the metadata file goes to stdout', async () => {
    const run = await acqmeta('export', DATASET, '--format', 'hubmap:histology');
    expect(run.code).toBe(1);
    const [row] = checkedRows(run.stdout, 'tsv', hubmapRules('histology'));
    expect([row!.dataset_type, row!.contributors_path]).toEqual(['Histology', './contributors.tsv']);
    expect(run.stderr).toContain('contributors.tsv not written: they go beside the metadata file (give -o <file>)\n');
    expect((await readdir(folder.base)).sort()).toEqual([DATASET]);
  });

  it('an existing companion is refused before anything is written, its bytes kept; --force replaces it', async () => {
    await writeFile(at('antibodies.tsv'), 'mine\n');
    const run = await acqmeta('export', DATASET, '--format', 'hubmap:confocal', '-o', 'upload.tsv');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'acqmeta export: antibodies.tsv exists already; nothing written (--force replaces it) (see acqmeta export --help)\n',
    );
    expect((await readdir(folder.base)).sort()).toEqual(['antibodies.tsv', DATASET].sort());
    expect(await read('antibodies.tsv')).toBe('mine\n');
    const dry = await acqmeta('export', DATASET, '--format', 'hubmap:confocal', '-o', 'upload.tsv', '--dry-run');
    expect(dry.code).toBe(2);
    const forced = await acqmeta('export', DATASET, '--format', 'hubmap:confocal', '-o', 'upload.tsv', '--force');
    expect(forced.code).toBe(1);
    expect(await read('antibodies.tsv')).toMatch(/^channel_id\t/);
  });

  it('--dry-run lists every file it would write and writes none', async () => {
    const run = await acqmeta('export', DATASET, '--format', 'hubmap:imc-2d', '-o', 'imc.tsv', '--dry-run');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'dry run: hubmap:imc-2d metadata of 1 image for imc.tsv, contributors.tsv, antibodies.tsv, imc.tsv.todo.txt; nothing written\n',
    );
    expect((await readdir(folder.base)).sort()).toEqual([DATASET]);
  });

  it('a channel table that does not fit the images: the channel file has its header only, the to-do names both', async () => {
    await writeTable([...TABLE, 'Channel:0:2,Cy5,CD8,anti-CD8,RRID:AB_1,,']);
    const run = await acqmeta('export', DATASET, '--format', 'hubmap:confocal', '-o', 'upload.tsv');
    expect(run.code).toBe(1);
    expect(checkedRows(await read('antibodies.tsv'), 'tsv', hubmapRules('antibodies'))).toEqual([]);
    expect(await todoOf('upload.tsv.todo.txt')).toContain(
      `antibodies.tsv: every row (required): the channel table does not fit the images, so nothing is taken from it: The channel table acqmeta.channels.csv lists 3 channels; the image has 2 (1 image: ${IMAGE})`,
    );
  });
});

describe('acqmeta export: HTAN channel metadata', () => {
  it('one row per channel with MITI attributes, RRIDs bare; the manifest names the file', async () => {
    const run = await acqmeta('export', DATASET, '--format', 'htan:imaging-level-2', '-o', 'level2.csv');
    expect(run.code).toBe(1);
    const [image] = checkedRows(await read('level2.csv'), 'csv', htanRules('Imaging Level 2'));
    expect(image!['Channel Metadata Filename']).toBe('imaging-level-3-channels.csv');
    const channels = checkedRows(
      await read('imaging-level-3-channels.csv'),
      'csv',
      htanRules('Imaging Level 3 Channels'),
    );
    const pick = (keys: string[]) => channels.map((row) => keys.map((key) => row[key]));
    expect(pick(['Channel ID', 'Channel Name', 'Target Name', 'Antibody Name', 'RRID identifier', 'Lot'])).toEqual([
      ['Channel:0:0', 'DAPI', 'DNA', '', '', ''],
      ['Channel:0:1', 'GFP', 'CD3', 'anti-CD3', 'AB_2313768', 'LOT42'],
    ]);
    const todo = (await todoOf('level2.csv.todo.txt')).filter((line) => line.startsWith('imaging-level-3'));
    const noColumn = (id: string, name: string) =>
      `imaging-level-3-channels.csv ${id}: ${name} (required): the channel table has no column for it (add one named "${name}")`;
    const empty = (name: string) =>
      `imaging-level-3-channels.csv Channel:0:0: ${name} (required): the channel table's ${name} is empty`;
    expect(todo).toEqual([
      ...['HTAN Channel Metadata ID', 'Channel Passed QC', 'Antibody Role'].map((n) => noColumn('Channel:0:0', n)),
      empty('Antibody Name'),
      empty('RRID identifier'),
      ...['HTAN Channel Metadata ID', 'Channel Passed QC', 'Antibody Role'].map((n) => noColumn('Channel:0:1', n)),
    ]);
  });
});
