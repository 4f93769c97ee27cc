/**
 * `acqmeta export --format hubmap:confocal|hubmap:imc-2d|htan:imaging-level-2` on folders of
 * real vendor files: the files on disk, every written cell checked by the bundled rules, the
 * to-do on stderr and beside the export, exit codes, --dry-run and --force.
 */
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HTAN_CHANNELS_FILE, NO_CHANNEL_TABLE, type ColumnRule } from '../../../../shared/submission';
import { cliInFolder } from './support/cli-in-folder';
import { checkedRows, htanRules, hubmapRules } from './submission-rules';

const fixture = (rel: string) => fileURLToPath(new URL(`../../../fixtures/${rel}`, import.meta.url));

/** Two CZIs from one Zeiss Celldiscoverer 7. */
const CD7 = ['formats/czi/czitools_S3_1Pos_2Mosaic_T1_Z1_CH1.czi', 'formats/czi/czitools_WellD6_S1.czi'];
/** One file of each vendor format and two TIFFs: six instruments (or none recorded). */
const MIXED = [
  'formats/czi/czitools_LLS7_small.czi',
  'formats/nd2/pims_nd2_cluster.nd2',
  'formats/lif/readlif_testdata_2channel_xz.lif',
  'formats/oib/oiffile_test.oib',
  'tiff/zeiss/jimpipeline_test.lsm',
  'tiff/bioformats/multi-channel.ome.tif',
];

const folder = cliInFolder('acqmeta-submission-', {
  prepare: async (base) => {
    for (const [folder, files] of [
      ['cd7', CD7],
      ['mixed', MIXED],
    ] as const) {
      await mkdir(path.join(base, folder));
      for (const rel of files) await copyFile(fixture(rel), path.join(base, folder, path.basename(rel)));
    }
  },
  timeoutMs: 120_000,
});
const { acqmeta, at, read } = folder;

/** The to-do of a confocal export's layout file and companions, without a channel table. */
const COMPANION_TODO = [
  'raw/channel_layout.tsv: the file (required): not written: HuBMAP publishes no column names for it (its directory schema says only "a dictionary for channel to moiety"); write it in the dataset folder yourself',
  "extras/microscope_hardware.json: the file (required): not written: no lab catalogue of microscopes (an acqmeta.instruments/ folder of Micro-Meta App descriptions) is in force for the images; put the microscope's description there, or write the file in the dataset folder yourself",
  'contributors.tsv row 1: first_name, last_name, display_name, affiliation, orcid, is_contact, is_principal_investigator, is_operator, metadata_schema_id (required): no people are kept for the dataset (acqmeta dataset --contributors): add one row per contributor with these columns filled, metadata_schema_id 94dae6f8-0756-4ab0-a47b-138e446a9501; is_contact "Yes" on at least one row (HuBMAP refuses an upload without a contact)',
  `antibodies.tsv: every row (required): ${NO_CHANNEL_TABLE}; the file has its header only`,
];

/** The to-do lines of `row`'s required cells that are empty and not explained otherwise. */
const nothingSupplies = (row: string, record: Record<string, string>, rules: readonly ColumnRule[], but: string[]) =>
  rules
    .filter((rule) => rule.required && record[rule.name] === '' && !but.includes(rule.name))
    .map((rule) => `${row}: ${rule.name} (required): no file or sidecar supplies it`);

describe('acqmeta export --format hubmap:…', () => {
  it('confocal: one row, the template columns, the schema id and default; vendor and model as to-do with did-you-mean', async () => {
    const run = await acqmeta('export', 'cd7', '--format', 'hubmap:confocal', '-o', 'metadata.tsv');
    expect(run.code).toBe(1);
    const rules = hubmapRules('confocal');
    const [row, ...more] = checkedRows(await read('metadata.tsv'), 'tsv', rules);
    expect(more).toEqual([]);
    expect(row!.metadata_schema_id).toBe('3829a2c4-e29b-4dca-91f2-af3d427ed57b');
    expect(row!.dataset_type).toBe('Confocal');
    expect([row!.acquisition_instrument_vendor, row!.acquisition_instrument_model]).toEqual(['', '']);
    const vendor =
      'dataset: acquisition_instrument_vendor (required): "Zeiss" (from the CZI format, made by Zeiss) is not in the template\'s list; did you mean "Zeiss Microscopy"? Choose one of the list, or ask HuBMAP to add it';
    const model =
      'dataset: acquisition_instrument_model (required): "Celldiscoverer 7" (from the image file) is not in the template\'s list: choose one of the list, or ask HuBMAP to add it';
    const missing = nothingSupplies('dataset', row!, rules, [
      'acquisition_instrument_vendor',
      'acquisition_instrument_model',
    ]);
    expect(missing.map((line) => line.split(':')[1]!.trim().split(' ')[0])).toEqual([
      'parent_sample_id',
      'preparation_protocol_doi',
      'analyte_class',
      'is_targeted',
      'source_storage_duration_value',
      'source_storage_duration_unit',
    ]);
    expect([row!.contributors_path, row!.data_path, row!.antibodies_path]).toEqual([
      './contributors.tsv',
      './cd7',
      './antibodies.tsv',
    ]);
    const todo = [...missing.slice(0, 4), vendor, model, ...missing.slice(4), ...COMPANION_TODO];
    expect(await read('metadata.tsv.todo.txt')).toBe(todo.map((line) => `${line}\n`).join(''));
    expect(run.stderr).toBe(
      [
        'hubmap:confocal metadata of 2 images written to metadata.tsv, contributors.tsv, antibodies.tsv, metadata.tsv.todo.txt',
        '12 cells to fill (12 required):',
        ...todo.map((line) => `  ${line}`),
        '',
      ].join('\n'),
    );
  });

  it('imc-2d: the channel count and bytes per pixel the images agree on are written', async () => {
    const run = await acqmeta('export', 'cd7', '--format', 'hubmap:imc-2d', '-o', 'imc.tsv');
    expect(run.code).toBe(1);
    const rules = hubmapRules('imc-2d');
    const [row] = checkedRows(await read('imc.tsv'), 'tsv', rules);
    expect(row!.metadata_schema_id).toBe('ce5524be-dab6-4668-97c1-8a5a09325e5f');
    expect(row!.dataset_type).toBe('2D Imaging Mass Cytometry');
    expect([row!.number_of_channels, row!.data_precision_bytes]).toEqual(['1', '2']);
    const todo = (await read('imc.tsv.todo.txt')).trimEnd().split('\n');
    const missing = nothingSupplies('dataset', row!, rules, [
      'acquisition_instrument_vendor',
      'acquisition_instrument_model',
    ]);
    expect(todo.filter((line) => line.endsWith('no file or sidecar supplies it'))).toEqual(missing);
    expect(todo.filter((line) => line.startsWith('dataset: '))).toHaveLength(missing.length + 2);
    expect(todo.filter((line) => !line.startsWith('dataset: '))).toEqual(COMPANION_TODO.slice(2));
  });

  it('images of different instruments: vendor and model stay empty, the to-do names the groups', async () => {
    const run = await acqmeta('export', 'mixed', '--format', 'hubmap:confocal', '-o', 'mixed.tsv');
    expect(run.code).toBe(1);
    const [row] = checkedRows(await read('mixed.tsv'), 'tsv', hubmapRules('confocal'));
    expect([row!.acquisition_instrument_vendor, row!.acquisition_instrument_model]).toEqual(['', '']);
    expect(run.stderr).toContain(
      '  dataset: acquisition_instrument_model (required): the images differ: not recorded (2 images), "FV1000" (1 image), "Lattice Lightsheet" (1 image), "Nikon Ti" (1 image), "TCS SP8" (1 image); the dataset\'s value is left to you\n',
    );
  });

  it('--dry-run prints the file and its to-do and writes nothing; an existing file or to-do needs --force', async () => {
    const dry = await acqmeta('export', 'cd7', '--format', 'hubmap:confocal', '-o', 'metadata.tsv', '--dry-run');
    expect(dry.code).toBe(1);
    expect(dry.stderr).toContain(
      'dry run: hubmap:confocal metadata of 2 images for metadata.tsv, contributors.tsv, antibodies.tsv, metadata.tsv.todo.txt; nothing written\n',
    );
    expect((await readdir(folder.base)).sort()).toEqual(['cd7', 'mixed']);
    await acqmeta('export', 'cd7', '--format', 'hubmap:confocal', '-o', 'metadata.tsv');
    expect(dry.stdout).toBe(await read('metadata.tsv'));
    await writeFile(at('other.tsv.todo.txt'), 'mine');
    const refused = await acqmeta('export', 'cd7', '--format', 'hubmap:confocal', '-o', 'other.tsv');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'acqmeta export: contributors.tsv, antibodies.tsv, other.tsv.todo.txt exist already; nothing written (--force replaces them) (see acqmeta export --help)\n',
    );
    expect((await readdir(folder.base)).includes('other.tsv')).toBe(false);
    const again = await acqmeta('export', 'cd7', '--format', 'hubmap:confocal', '-o', 'metadata.tsv');
    expect(again.code).toBe(2);
    const forced = await acqmeta('export', 'cd7', '--format', 'hubmap:confocal', '-o', 'other.tsv', '--force');
    expect(forced.code).toBe(1);
    expect(await read('other.tsv.todo.txt')).toBe(await read('metadata.tsv.todo.txt'));
  });

  it('names an image file it cannot read and an invalid sidecar, whose values are left out', async () => {
    await writeFile(at('cd7/czitools_WellD6_S1.czi.json'), '{');
    await writeFile(at('cd7/broken.czi'), (await readFile(fixture(CD7[0]!))).subarray(0, 100));
    const run = await acqmeta('export', 'cd7', '--format', 'hubmap:confocal', '--dry-run');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'broken.czi: CZI: truncated file: the CZI file header at 32 (80 bytes) runs past the end (size 100) (what it would give is left out)\n',
    );
    expect(run.stderr).toContain('czitools_WellD6_S1.czi.json: not valid JSON: ');
    expect(run.stderr).toContain(
      'dataset: acquisition_instrument_model (required): the images differ: "Celldiscoverer 7" (2 images), not recorded (1 image);',
    );
  });

  it('names each problem by the image path in the folder, also when the problem does not name the file', async () => {
    await mkdir(at('cd7/stacks'));
    for (const name of ['ls_01.tif', 'ls_01.tif.json'])
      await copyFile(fixture(`e2e-folder/linescans/${name}`), at('cd7/stacks', name));
    await copyFile(fixture(CD7[1]!), at('cd7/stacks/copy.czi'));
    await writeFile(at('cd7/stacks/copy.czi.json'), '{');
    const run = await acqmeta('export', 'cd7', '--format', 'hubmap:confocal', '--dry-run');
    expect(run.stderr).toMatch(/^stacks\/ls_01\.tif: ROI 6, type: must be one of /m);
    expect(run.stderr).toMatch(/^stacks\/copy\.czi\.json: not valid JSON: /m);
  });
});

describe('acqmeta export --format htan:imaging-level-2', () => {
  it('one row per image with its microscope, objective, NA, immersion, pixel sizes and Z/T flags', async () => {
    const run = await acqmeta('export', 'mixed', '--format', 'htan:imaging-level-2', '-o', 'level2.csv');
    expect(run.code).toBe(1);
    const rules = htanRules('Imaging Level 2');
    const rows = checkedRows(await read('level2.csv'), 'csv', rules);
    const byName = new Map(rows.map((row) => [row.Filename!, row]));
    expect([...byName.keys()]).toEqual(MIXED.map((rel) => `mixed/${path.basename(rel)}`).sort());
    const pick = (name: string, keys: string[]) => keys.map((key) => byName.get(`mixed/${name}`)![key]);
    const keys = [
      'Microscope',
      'Objective',
      'NominalMagnification',
      'LensNA',
      'Immersion',
      'PhysicalSizeX',
      'PhysicalSizeXUnit',
      'PhysicalSizeZ',
      'Zstack',
      'Tseries',
    ];
    expect(pick('czitools_LLS7_small.czi', keys)).toEqual([
      'Zeiss Lattice Lightsheet',
      'Objective Observation',
      '44.83',
      '1',
      'Water',
      '0.144992',
      'µm',
      '0.144992',
      'Yes',
      'Yes',
    ]);
    expect(pick('pims_nd2_cluster.nd2', keys)).toEqual([
      'Nikon Ti',
      'Plan Apo λ 60x',
      '60',
      '0.95',
      '',
      '0.167808983232682',
      'µm',
      '0.5',
      'Yes',
      'Yes',
    ]);
    expect(pick('jimpipeline_test.lsm', keys)).toEqual([
      '',
      'EC Plan-Neofluar 40x/1.30 Oil DIC M27',
      '40',
      '1.3',
      'Oil',
      '0.691888184137',
      'µm',
      '',
      'No',
      'No',
    ]);
    expect(pick('oiffile_test.oib', ['Microscope', 'Software and Version'])).toEqual([
      'Olympus FV1000',
      'FLUOVIEW FV1000 2.1.2.5',
    ]);
    expect(pick('multi-channel.ome.tif', ['File Format', 'SizeC', 'PixelType'])).toEqual(['OME-TIFF', '3', 'int8']);
    expect(pick('pims_nd2_cluster.nd2', ['DimensionOrder', 'PlaneCount', 'SizeZ', 'SizeT'])).toEqual([
      'XYCZT',
      '60',
      '10',
      '3',
    ]);
    const todo = (await read('level2.csv.todo.txt'))
      .trimEnd()
      .split('\n')
      .filter((line) => !line.startsWith(HTAN_CHANNELS_FILE));
    const refused = [
      'pims_nd2_cluster.nd2: File Format',
      'readlif_testdata_2channel_xz.lif: File Format',
      'oiffile_test.oib: File Format',
      'jimpipeline_test.lsm: File Format',
    ];
    const missing = rows.flatMap((row) =>
      nothingSupplies(row.Filename!.slice('mixed/'.length), row, rules, ['File Format']),
    );
    expect(todo.filter((line) => line.endsWith('no file or sidecar supplies it')).sort()).toEqual(missing.sort());
    expect(
      todo
        .filter((line) => !line.endsWith('no file or sidecar supplies it'))
        .map((line) => line.split(' (')[0])
        .sort(),
    ).toEqual(refused.sort());
    // glycerol immersion has no term of its own in HTAN's list
    expect(pick('readlif_testdata_2channel_xz.lif', ['Immersion'])).toEqual(['Other']);
  });
});
