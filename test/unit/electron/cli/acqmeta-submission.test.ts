/**
 * `acqmeta submission`: a lab folder of two CZIs from one microscope, with a channel table, a
 * catalogue entry and its qa_qc/ files, built into a HuBMAP upload on the command line: raw
 * files byte for byte, OME-TIFF copies with the source's pixels, the channel files, the layout
 * HuBMAP's directory schema asks for, every cell by the template's own rules; built again with
 * --force, the same bytes; a failure leaves nothing.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDatasetPaths } from '../../../../electron/services/folder';
import { checkUploadLayout, findTarget } from '../../../../shared/submission';
import { checkedRows, hubmapRules } from './submission-rules';
import type { CliRun } from './built-cli';
import { cliInFolder } from './support/cli-in-folder';
import { CD7_CZI, CD7_TEXT, DATASET_TEXT, fillUploadLab, LAB, RESOLUTION, sameBytes } from './upload-lab';

const FORMATS = fileURLToPath(new URL('../../../fixtures/formats/', import.meta.url));
const folder = cliInFolder('acqmeta-submission-', { prepare: fillUploadLab, timeoutMs: 240_000 });
const { acqmeta, at, read } = folder;

/** Every file of the folder `rel` by its path, with its SHA-256. */
async function digests(rel: string): Promise<Record<string, string>> {
  const files = (await listDatasetPaths(at(rel))).filter((p) => !p.endsWith('/')).sort();
  const out: Record<string, string> = {};
  for (const file of files)
    out[file] = createHash('sha256')
      .update(await readFile(at(`${rel}/${file}`)))
      .digest('hex');
  return out;
}

/**
 * The SHA-256 of the full-resolution samples of each OME-TIFF's first plane, as tifffile reads
 * them, in the order of `files` (one Python for all: its start and imports cost more than a read).
 */
function planeDigests(files: readonly string[]): string[] {
  const script = [
    'import sys, hashlib, numpy, tifffile',
    'for f in sys.argv[1:]:',
    '    a = tifffile.TiffFile(f).series[0].levels[0].asarray()',
    "    print(hashlib.sha256(numpy.ascontiguousarray(a.reshape(-1, a.shape[-2], a.shape[-1])[0]).astype('<u2').tobytes()).hexdigest())",
  ].join('\n');
  return execFileSync('/usr/bin/python3', ['-c', script, ...files], { encoding: 'utf8' })
    .trim()
    .split('\n');
}

const SCENES = ['0_Scene_0', '1_Scene_1', '2_Scene_2'];

/**
 * Registers the hooks that build the lab folder's hubmap:confocal upload once, in a folder of its
 * own, for the tests that only read it or copy it; returns that build's run and paths.
 */
function builtOnce(): { readonly run: CliRun; at(rel: string): string; read(rel: string): Promise<string> } {
  let base: string | undefined;
  let run: CliRun | undefined;
  beforeAll(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'acqmeta-submission-built-'));
    await fillUploadLab(base);
    run = await folder.cli.run(['submission', LAB, '--to', 'hubmap:confocal', '-o', 'upload'], base, {
      timeoutMs: 240_000,
    });
  });
  afterAll(() => (base === undefined ? undefined : rm(base, { recursive: true, force: true })));
  const at = (rel: string) => {
    if (base === undefined) throw new Error('builtOnce: the upload is built in beforeAll');
    return path.join(base, rel);
  };
  return {
    get run() {
      if (run === undefined) throw new Error('builtOnce: the upload is built in beforeAll');
      return run;
    },
    at,
    read: (rel) => readFile(at(rel), 'utf8'),
  };
}

describe('acqmeta submission --to hubmap:confocal', () => {
  const built = builtOnce();

  it('builds an upload HuBMAP’s directory schema and the template checks pass', async () => {
    const { run } = built;
    // what is left is only what no image file, sidecar or catalogue knows: the dataset's values and its people
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(
      'upload built in upload: 3 files linked, 0 files copied and verified, 6 OME-TIFF copies converted and verified',
    );
    const todo = run.stderr.split('\n').filter((line) => line.startsWith('  '));
    expect(todo.length).toBeGreaterThan(0);
    for (const line of todo) expect(line).toMatch(/^ {2}(dataset|contributors\.tsv row 1|antibodies\.tsv): /);

    const dataset = `upload/${LAB}`;
    const listed = await listDatasetPaths(built.at(dataset));
    const verdict = checkUploadLayout(listed, findTarget('hubmap:confocal')!);
    expect(verdict.problems).toEqual([]);
    expect(verdict.leftOut).toEqual([]);
    expect((await readdir(built.at('upload'))).sort()).toEqual([
      'antibodies.tsv',
      'confocal-metadata.tsv',
      'contributors.tsv',
      LAB,
    ]);
    const [row] = checkedRows(await built.read('upload/confocal-metadata.tsv'), 'tsv', hubmapRules('confocal'));
    expect(row).toMatchObject({
      data_path: `./${LAB}`,
      contributors_path: './contributors.tsv',
      antibodies_path: './antibodies.tsv',
    });
    checkedRows(await built.read('upload/contributors.tsv'), 'tsv', hubmapRules('contributors'));
    checkedRows(await built.read('upload/antibodies.tsv'), 'tsv', hubmapRules('antibodies'));

    // the vendor files byte for byte; the lab's own files (channel table, sidecars) never in
    for (const name of ['a.czi', 'b.czi']) {
      const raw = built.at(`${dataset}/raw/images/${name}`);
      expect(await sameBytes(raw, built.at(`${LAB}/${name}`))).toEqual([raw, true]);
    }
    expect(listed.filter((p) => p.includes('acqmeta') || (p.endsWith('.json') && !p.startsWith('extras/')))).toEqual(
      [],
    );
    expect(await built.read(`${dataset}/extras/microscope_hardware.json`)).toBe(CD7_TEXT);
    expect(await built.read(`${dataset}/qa_qc/resolution_report/resolution.txt`)).toBe(RESOLUTION);
    expect(listed).toContain('qa_qc/illumination_report/');

    expect(await built.read(`${dataset}/raw/channel_layout.tsv`)).toBe(
      'file\tchannel_id\tchannel_name\tmoiety\r\na.czi\tChannel:0:0\tDAPI\tDNA\r\nb.czi\tChannel:0:0\tDAPI\tDNA\r\n',
    );
    const planes = JSON.parse(await readFile(path.join(FORMATS, 'expected-planes.json'), 'utf8'));
    const scene0 = planes[`czi/${CD7_CZI}`][0].sha256 as string;
    const firsts = ['a', 'b'].map((stem) => built.at(`${dataset}/lab_processed/images/${stem}_0_Scene_0.ome.tiff`));
    expect(planeDigests(firsts)).toEqual([scene0, scene0]);
    for (const stem of ['a', 'b']) {
      for (const scene of SCENES)
        expect(await built.read(`${dataset}/lab_processed/images/${stem}_${scene}.ome-tiff.channels.csv`)).toBe(
          'channel id,is channel used for nuclei segmentation,is channel used for cell segmentation,is antibody\r\n' +
            'Channel:0:0,Yes,No,No\r\n',
        );
    }
  });

  it('exits 0, nothing required left, once the dataset’s values and people are set', async () => {
    const sets = [
      'parent_sample_id=HBM123.ABCD.456',
      'preparation_protocol_doi=https://dx.doi.org/10.17504/protocols.io.abc123',
      'analyte_class=Protein',
      'is_targeted=Yes',
      'acquisition_instrument_vendor=Zeiss Microscopy',
      'acquisition_instrument_model=Lightsheet 7',
      'source_storage_duration_value=3',
      'source_storage_duration_unit=day',
    ].flatMap((set) => ['--set', set]);
    await writeFile(
      at('people.tsv'),
      'first_name\tlast_name\tdisplay_name\taffiliation\torcid\temail\tis_contact\tis_principal_investigator\tis_operator\n' +
        'Ada\tLovelace\tAda Lovelace\tAnalytical Engine Lab\t0000-0002-1825-0097\tada@example.org\tYes\tYes\tYes\n',
    );
    const dataset = await acqmeta('dataset', LAB, ...sets, '--contributors', 'people.tsv');
    expect(dataset.code, dataset.stderr).toBe(0);
    // the file the app's tests put in place of this command
    expect(await read(`${LAB}/acqmeta.dataset.json`)).toBe(DATASET_TEXT);
    const run = await acqmeta('submission', LAB, '--to', 'hubmap:confocal', '-o', 'upload');
    expect(run.code, run.stderr).toBe(0);
    // only the optional antibodies table is left: the channel table names none
    expect(run.stderr).toContain(
      'Nothing required is left. 1 optional item:\n  antibodies.tsv: every row (optional): ',
    );
    const [person] = checkedRows(await read('upload/contributors.tsv'), 'tsv', hubmapRules('contributors'));
    expect(person).toMatchObject({ orcid: '0000-0002-1825-0097', is_contact: 'Yes' });
    const [row] = checkedRows(await read('upload/confocal-metadata.tsv'), 'tsv', hubmapRules('confocal'));
    expect(row).toMatchObject({ parent_sample_id: 'HBM123.ABCD.456', acquisition_instrument_model: 'Lightsheet 7' });
    expect(
      checkUploadLayout(await listDatasetPaths(at(`upload/${LAB}`)), findTarget('hubmap:confocal')!).problems,
    ).toEqual([]);
    // the lab's dataset file is its own: never in the upload
    expect(await readdir(at(`upload/${LAB}`))).not.toContain('acqmeta.dataset.json');
  });

  it('writes the same bytes when built again with --force, and refuses to replace without it', async () => {
    expect(built.run.code, built.run.stderr).toBe(1);
    await cp(built.at('upload'), at('upload'), { recursive: true });
    const before = await digests('upload');
    const again = await acqmeta('submission', LAB, '--to', 'hubmap:confocal', '-o', 'upload');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists (--force replaces an upload built before)');
    const forced = await acqmeta('submission', LAB, '--to', 'hubmap:confocal', '-o', 'upload', '--force');
    expect(forced.code, forced.stderr).toBe(1);
    expect(await digests('upload')).toEqual(before);
    expect((await readdir(folder.base)).sort()).toEqual(['acqmeta.instruments', LAB, 'upload']);
  });

  it('lists what it would do with --dry-run, and writes nothing', async () => {
    const run = await acqmeta('submission', LAB, '--to', 'hubmap:confocal', '-o', 'upload', '--dry-run');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`link     ${LAB}/raw/images/a.czi  776.5 kB  (from a.czi)\n`);
    // b.czi holds three scenes: a copy of each, named as the build names it, and its channels file
    const copies = run.stdout.split('\n').filter((line) => line.startsWith('convert') && line.endsWith('(from b.czi)'));
    expect(copies).toHaveLength(3);
    for (const line of copies) {
      const copy = /^convert {2}(\S+\/b_\d_[^/\s]+)\.ome\.tiff {2}776\.5 kB {2}\(from b\.czi\)$/.exec(line);
      expect(copy, line).not.toBeNull();
      expect(run.stdout).toContain(`write    ${copy?.[1]}.ome-tiff.channels.csv\n`);
    }
    expect(run.stdout).toContain(`write    ${LAB}/extras/microscope_hardware.json\n`);
    expect(run.stderr).toContain('dry run: the upload of 2 image files for upload; nothing written');
    expect((await readdir(folder.base)).sort()).toEqual(['acqmeta.instruments', LAB]);
  });

  it('tells with --dry-run the to-do the build then tells: here the qa_qc/ folders the folder lacks', async () => {
    await rm(at(`${LAB}/qa_qc`), { recursive: true });
    const todoOf = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('  '));
    const dry = await acqmeta('submission', LAB, '--to', 'hubmap:confocal', '-o', 'upload', '--dry-run');
    expect(todoOf(dry.stderr)).toContain(
      `  ${LAB}/qa_qc\\/resolution_report\\/.*: the file (required): HuBMAP's directory schema (hubmap:confocal-v2.3) requires a path matching it, and nothing in the folder supplies one (qa_qc/ and extras/ are taken from the folder's own)`,
    );
    const built = await acqmeta('submission', LAB, '--to', 'hubmap:confocal', '-o', 'upload');
    expect(built.code).toBe(1);
    expect(todoOf(built.stderr)).toEqual(todoOf(dry.stderr));
  });

  it('makes each image’s channel files from the channel table in force for it', async () => {
    await mkdir(at(`${LAB}/two-channels`));
    await copyFile(path.join(FORMATS, 'czi', 'czitools_DAPI_GFP.czi'), at(`${LAB}/two-channels/d.czi`));
    await writeFile(
      at(`${LAB}/two-channels/acqmeta.channels.csv`),
      'Channel ID,Channel Name,Target Name,Antibody Name,is channel used for nuclei segmentation,is channel used for cell segmentation\n' +
        'Channel:0:0,DAPI,DNA,,Yes,No\nChannel:0:1,GFP,Histone H2B,anti-GFP,No,Yes\n',
    );
    const run = await acqmeta('submission', LAB, '--to', 'hubmap:confocal', '-o', 'upload');
    expect(run.stderr).toContain('7 OME-TIFF copies converted and verified');
    // both tables fit their images: neither channel file is left to complete
    expect(run.stderr).not.toMatch(/ome-tiff\.channels\.csv|channel_layout/);
    expect(await read(`upload/${LAB}/raw/channel_layout.tsv`)).toBe(
      'file\tchannel_id\tchannel_name\tmoiety\r\n' +
        'a.czi\tChannel:0:0\tDAPI\tDNA\r\nb.czi\tChannel:0:0\tDAPI\tDNA\r\n' +
        'd.czi\tChannel:0:0\tDAPI\tDNA\r\nd.czi\tChannel:0:1\tGFP\tHistone H2B\r\n',
    );
    expect(await read(`upload/${LAB}/lab_processed/images/d.ome-tiff.channels.csv`)).toBe(
      'channel id,is channel used for nuclei segmentation,is channel used for cell segmentation,is antibody\r\n' +
        'Channel:0:0,Yes,No,No\r\nChannel:0:1,No,Yes,Yes\r\n',
    );
  });

  it('never builds into the lab folder, nor replaces a folder that is not an upload', async () => {
    const inside = await acqmeta('submission', LAB, '--to', 'hubmap:confocal', '-o', `${LAB}/upload`);
    expect(inside.code).toBe(2);
    expect(inside.stderr).toContain(`lies in the lab folder ${at(LAB)}: an upload goes outside it`);
    const dry = await acqmeta('submission', LAB, '--to', 'hubmap:confocal', '-o', `${LAB}/upload`, '--dry-run');
    expect(dry.code).toBe(2);
    expect(dry.stderr).toContain(`lies in the lab folder ${at(LAB)}: an upload goes outside it`);
    await mkdir(at('notes'));
    await writeFile(at('notes/mine.txt'), 'keep\n');
    const other = await acqmeta('submission', LAB, '--to', 'hubmap:confocal', '-o', 'notes', '--force');
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(
      'is not an upload built before (no confocal-metadata.tsv at its top): it is not replaced',
    );
    expect(await readdir(at('notes'))).toEqual(['mine.txt']);
    expect((await readdir(folder.base)).sort()).toEqual(['acqmeta.instruments', LAB, 'notes']);
    expect(await readdir(at(LAB))).not.toContain('upload');
  });

  it('refuses a dataset file that is not one, naming it, and writes nothing', async () => {
    await writeFile(at(`${LAB}/acqmeta.dataset.json`), '{');
    const run = await acqmeta('submission', LAB, '--to', 'hubmap:confocal', '-o', 'upload');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`nothing built: ${at(`${LAB}/acqmeta.dataset.json`)} is not valid JSON`);
    expect((await readdir(folder.base)).sort()).toEqual(['acqmeta.instruments', LAB]);
  });

  it('leaves nothing when an image cannot be converted', async () => {
    await writeFile(at(`${LAB}/c.czi`), Buffer.alloc(4096, 7));
    const run = await acqmeta('submission', LAB, '--to', 'hubmap:confocal', '-o', 'upload');
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      /^acqmeta submission: nothing built: not converted to OME-TIFF: c\.czi: not a CZI file/m,
    );
    expect((await readdir(folder.base)).sort()).toEqual(['acqmeta.instruments', LAB]);
  });

  it('refuses two raw files that would share a name in raw/images/, naming both', async () => {
    await mkdir(at(`${LAB}/day2`));
    await copyFile(path.join(FORMATS, 'czi', CD7_CZI), at(`${LAB}/day2/A.czi`));
    const run = await acqmeta('submission', LAB, '--to', 'hubmap:confocal', '-o', 'upload');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`a.czi: would be ${LAB}/raw/images/a.czi, as would day2/A.czi`);
    expect((await readdir(folder.base)).sort()).toEqual(['acqmeta.instruments', LAB]);
  });
});

describe('acqmeta submission: each assay’s own directory schema', () => {
  it('builds hubmap:histology without the qa_qc/ and channel layout its schema has no place for', async () => {
    const run = await acqmeta('submission', LAB, '--to', 'hubmap:histology', '-o', 'upload');
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain("qa_qc/ left out: hubmap:histology's directory schema has no place for it\n");
    const listed = await listDatasetPaths(at(`upload/${LAB}`));
    expect(listed.filter((p) => p.startsWith('qa_qc') || p === 'raw/channel_layout.tsv')).toEqual([]);
    expect(checkUploadLayout(listed, findTarget('hubmap:histology')!).problems).toEqual([]);
    expect(listed).toContain('lab_processed/images/a_0_Scene_0.ome-tiff.channels.csv');
  });

  it('refuses hubmap:segmentation-mask, whose datasets hold no raw images, and writes nothing', async () => {
    const run = await acqmeta('submission', LAB, '--to', 'hubmap:segmentation-mask', '-o', 'upload');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('hubmap:segmentation-mask: its directory schema has no place for raw images');
    expect((await readdir(folder.base)).sort()).toEqual(['acqmeta.instruments', LAB]);
  });
});

describe('acqmeta submission --to htan:imaging-level-2', () => {
  it('builds the manifest, its channel file and the images it names, byte for byte, making the folders above', async () => {
    const run = await acqmeta('submission', LAB, '--to', 'htan:imaging-level-2', '-o', 'nested/upload');
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain('upload built in nested/upload: 2 files linked');
    expect((await readdir(at('nested/upload'))).sort()).toEqual([
      'imaging-level-2.csv',
      'imaging-level-3-channels.csv',
      LAB,
    ]);
    expect(await read('nested/upload/imaging-level-2.csv')).toContain(`${LAB}/a.czi`);
    expect(await listDatasetPaths(at(`nested/upload/${LAB}`))).toEqual(expect.arrayContaining(['a.czi', 'b.czi']));
    expect(await listDatasetPaths(at(`nested/upload/${LAB}`))).toHaveLength(2);
    const raw = at(`nested/upload/${LAB}/b.czi`);
    expect(await sameBytes(raw, at(`${LAB}/b.czi`))).toEqual([raw, true]);
  });
});
