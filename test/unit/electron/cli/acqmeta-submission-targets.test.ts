/**
 * `acqmeta submission` for the HuBMAP imaging targets besides confocal (lightsheet, imc-2d,
 * histology), from the lab folder of two CZIs whose dataset values and people
 * `acqmeta dataset --set … --contributors` keeps: the exit code, the dataset folder by the
 * target's bundled directory schema (what only the lab can add named in the to-do), and every
 * cell of the metadata and contributors files by the template's own rules.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { listDatasetPaths } from '../../../../electron/services/folder';
import { checkUploadLayout, findTarget } from '../../../../shared/submission';
import { checkedRows, hubmapRules } from './submission-rules';
import { cliInFolder } from './support/cli-in-folder';
import { DATASET_TEXT, fillUploadLab, LAB } from './upload-lab';

const { acqmeta, at, read } = cliInFolder('acqmeta-submission-', { prepare: fillUploadLab, timeoutMs: 240_000 });

/** The people list `--contributors` reads, and the `--set`s, that keep DATASET_TEXT's values and people. */
async function setDataset(...more: string[]) {
  const { values, people } = JSON.parse(DATASET_TEXT) as {
    values: Record<string, string>;
    people: Record<string, string>[];
  };
  const columns = Object.keys(people[0]!);
  await writeFile(
    at('people.tsv'),
    [columns, ...people.map((person) => columns.map((column) => person[column]))]
      .map((row) => `${row.join('\t')}\n`)
      .join(''),
  );
  const sets = [...Object.entries(values).map(([column, value]) => `${column}=${value}`), ...more];
  const run = await acqmeta('dataset', LAB, ...sets.flatMap((set) => ['--set', set]), '--contributors', 'people.tsv');
  expect(run.code, run.stderr).toBe(0);
  return values;
}

/** What the build's to-do lists as required, one line each. */
const requiredTodo = (stderr: string) =>
  stderr.split('\n').filter((line) => line.startsWith('  ') && line.includes('(required)'));

describe('acqmeta submission: the other HuBMAP imaging targets, the dataset’s values and people set', () => {
  it('builds hubmap:lightsheet: all but the antibody timings only the lab can give', async () => {
    const values = await setDataset('is_image_preprocessing_required=No');
    const run = await acqmeta('submission', LAB, '--to', 'hubmap:lightsheet', '-o', 'upload');
    expect(run.code, run.stderr).toBe(1);
    expect(requiredTodo(run.stderr)).toEqual([
      `  ${LAB}/raw\\/antibody_timings\\.tsv$: the file (required): HuBMAP's directory schema (hubmap:lightsheet-v2.3) requires it, and no image states it: put the lab's own at raw/antibody_timings.tsv in the folder, and the build takes it from there`,
    ]);
    const listed = await listDatasetPaths(at(`upload/${LAB}`));
    expect(checkUploadLayout(listed, findTarget('hubmap:lightsheet')!).problems).toEqual([
      { kind: 'directory', missing: 'raw\\/antibody_timings\\.tsv$' },
    ]);
    expect(listed).toEqual(
      expect.arrayContaining([
        'extras/microscope_hardware.json',
        'qa_qc/resolution_report/resolution.txt',
        'raw/channel_layout.tsv',
        'raw/images/a.czi',
        'lab_processed/images/b_2_Scene_2.ome.tiff',
        'lab_processed/images/b_2_Scene_2.ome-tiff.channels.csv',
      ]),
    );
    expect((await readdir(at('upload'))).sort()).toEqual([
      'antibodies.tsv',
      'contributors.tsv',
      LAB,
      'lightsheet-metadata.tsv',
    ]);
    const [row] = checkedRows(await read('upload/lightsheet-metadata.tsv'), 'tsv', hubmapRules('lightsheet'));
    expect(row).toMatchObject({
      ...values,
      is_image_preprocessing_required: 'No',
      dataset_type: 'Light Sheet',
      data_path: `./${LAB}`,
      contributors_path: './contributors.tsv',
      antibodies_path: './antibodies.tsv',
    });
    const [person] = checkedRows(await read('upload/contributors.tsv'), 'tsv', hubmapRules('contributors'));
    expect(person).toMatchObject({ orcid: '0000-0002-1825-0097', is_contact: 'Yes' });
  });

  it('builds hubmap:lightsheet with nothing required left once the lab’s antibody timings are in the folder', async () => {
    await setDataset('is_image_preprocessing_required=No');
    const timings = 'antibody\tincubation_minutes\nanti-GFP\t60\n';
    await mkdir(at(`${LAB}/raw`));
    await writeFile(at(`${LAB}/raw/antibody_timings.tsv`), timings);
    const run = await acqmeta('submission', LAB, '--to', 'hubmap:lightsheet', '-o', 'upload');
    expect(run.code, run.stderr).toBe(0);
    expect(requiredTodo(run.stderr)).toEqual([]);
    expect(await read(`upload/${LAB}/raw/antibody_timings.tsv`)).toBe(timings);
    const listed = await listDatasetPaths(at(`upload/${LAB}`));
    expect(checkUploadLayout(listed, findTarget('hubmap:lightsheet')!).problems).toEqual([]);
    expect(listed.filter((p) => /^raw\/images\/./.test(p)).sort()).toEqual(['raw/images/a.czi', 'raw/images/b.czi']);
  });

  it('builds hubmap:imc-2d: the CZIs and their copies placed, what only an imaging mass cytometer gives left to do', async () => {
    const values = await setDataset();
    const run = await acqmeta('submission', LAB, '--to', 'hubmap:imc-2d', '-o', 'upload');
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain("qa_qc/ left out: hubmap:imc-2d's directory schema has no place for it\n");
    const listed = await listDatasetPaths(at(`upload/${LAB}`));
    const verdict = checkUploadLayout(listed, findTarget('hubmap:imc-2d')!);
    // raw .mcd and .tiff files, tiles.csv and the hardware file: a CZI folder has none of them
    expect(verdict.problems).toEqual(
      [
        'extras\\/.*',
        'extras\\/.hardware\\.json$',
        'raw\\/images\\/[^\\/]+\\.mcd$',
        'raw\\/images\\/[^\\/]+\\.tiff$',
        'raw\\/images\\/tiles\\.csv$',
      ].map((missing) => ({ kind: 'directory', missing })),
    );
    expect(requiredTodo(run.stderr).filter((line) => line.startsWith(`  ${LAB}/`))).toHaveLength(5);
    expect(listed.filter((p) => p.startsWith('qa_qc') || p.startsWith('extras'))).toEqual([]);
    expect(listed).toEqual(
      expect.arrayContaining(['raw/images/b.czi', 'lab_processed/images/a_0_Scene_0.ome-tiff.channels.csv']),
    );
    const [row] = checkedRows(await read('upload/imc-2d-metadata.tsv'), 'tsv', hubmapRules('imc-2d'));
    expect(row).toMatchObject({ ...values, data_path: `./${LAB}`, contributors_path: './contributors.tsv' });
    checkedRows(await read('upload/contributors.tsv'), 'tsv', hubmapRules('contributors'));
  });

  it('builds hubmap:histology with every cell by its template', async () => {
    const values = await setDataset('is_image_preprocessing_required=No');
    const run = await acqmeta('submission', LAB, '--to', 'hubmap:histology', '-o', 'upload');
    expect(run.code, run.stderr).toBe(1);
    expect(
      checkUploadLayout(await listDatasetPaths(at(`upload/${LAB}`)), findTarget('hubmap:histology')!).problems,
    ).toEqual([]);
    const [row] = checkedRows(await read('upload/histology-metadata.tsv'), 'tsv', hubmapRules('histology'));
    expect(row).toMatchObject({ ...values, is_image_preprocessing_required: 'No', data_path: `./${LAB}` });
    checkedRows(await read('upload/contributors.tsv'), 'tsv', hubmapRules('contributors'));
  });
});
