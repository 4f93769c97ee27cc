import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiEvent, ImageRow } from '../../../../../shared/api';
import type { LabCopy } from '../folder/lab-folder';
import { codeOf, removeTestBundles, startOnLab, stopOnLab, type Harness } from './backend-harness';

const VASCULAR = fileURLToPath(new URL('../../../../../profiles/vascular-lab.profile.json', import.meta.url));

describe('backend lab profiles', () => {
  let copy: LabCopy;
  let h: Harness;
  beforeEach(async () => {
    ({ copy, h } = await startOnLab());
    await copyFile(VASCULAR, path.join(copy.lab, 'acqmeta.profile.json'));
  });
  afterEach(() => stopOnLab(copy, h));
  afterAll(removeTestBundles);

  const scan = async (): Promise<ImageRow[]> => {
    const { scanId } = await h.ok('scanFolder', {});
    await h.waitFor((e) => e.type === 'scan-done' && e.scanId === scanId);
    return h.events
      .filter((e): e is Extract<ApiEvent, { type: 'scan-rows' }> => e.type === 'scan-rows' && e.scanId === scanId)
      .flatMap((e) => e.rows);
  };

  it('gives each scanned row the profile in force and its problems, by field', async () => {
    const rows = await scan();
    const ome = rows.find((r) => r.path === 'cells/multi-channel.ome.tif');
    expect(ome?.profile).toBe('acqmeta.profile.json');
    expect(ome?.profileProblems).toContainEqual({ field: 'sex', rule: 'required', message: 'Sex must be filled in' });
    expect(ome?.profileProblems.map((p) => p.field)).toEqual([
      'sex',
      'genotype',
      'region',
      'date',
      'physical_label_x',
      'physical_label_y',
    ]);
    const corrupt = rows.find((r) => r.path === 'stacks/multipage.tif');
    expect(corrupt).toMatchObject({ profile: 'acqmeta.profile.json', profileProblems: [] });
    const reloaded = await h.ok('reloadRow', { path: 'cells/multi-channel.ome.tif' });
    expect(reloaded.profileProblems).toEqual(ome?.profileProblems);
  });

  it('getProfiles: the profile in force, its rules per field and its folder problems; reloaded when the file changes', async () => {
    const [profile, ...others] = await h.ok('getProfiles', {});
    expect(others).toEqual([]);
    expect(profile).toMatchObject({
      source: 'acqmeta.profile.json',
      folder: '',
      title: 'Vascular imaging lab',
      applied: true,
      problems: [],
      folderClosed: false,
    });
    expect(profile?.fields.find((f) => f.field === 'date')).toMatchObject({
      displayName: 'Date',
      required: true,
      format: 'date',
      formatExample: 'YYYY-MM-DD',
    });
    expect(profile?.folderRules[0]).toEqual({
      pattern: '^raw/.+\\.tiff?$',
      required: true,
      description: 'the acquired images (raw/)',
    });
    expect(profile?.folderProblems).toEqual([
      {
        path: '.',
        message: 'missing the acquired images (raw/): no file matches ^raw/.+\\.tiff?$',
        rule: '^raw/.+\\.tiff?$',
      },
      { path: '.', message: "missing the dataset's readme: no file matches ^README\\.md$", rule: '^README\\.md$' },
    ]);
    expect(profile?.target).toBeUndefined();
    await writeFile(path.join(copy.lab, 'acqmeta.profile.json'), '{"x-target": "hubmap:confocal"}');
    const [targeted] = await h.ok('getProfiles', {});
    expect(targeted?.target).toEqual({
      name: 'hubmap:confocal',
      layout: 'hubmap:confocal-v2.3',
      format: 'hubmap:confocal',
    });
    await writeFile(
      path.join(copy.lab, 'acqmeta.profile.json'),
      '{"title": "Changed", "properties": {"x": {"pattern": "("}}}',
    );
    const [changed] = await h.ok('getProfiles', {});
    expect(changed).toMatchObject({ title: 'Changed', applied: false, fields: [] });
    expect(changed?.problems[0]).toMatch(
      /^acqmeta\.profile\.json: line 1, column \d+: pattern "\(": not a valid regular expression/,
    );
  });

  it('checkValues: format and profile problems of values as typed, over the stored sidecar', async () => {
    const [ome, corrupt] = await h.ok('checkValues', {
      items: [
        { path: 'cells/multi-channel.ome.tif', values: { species: 'Mouse', depth: 'x' as never, sex: 'female' } },
        { path: 'stacks/multipage.tif', values: { species: 'rat' } },
      ],
    });
    expect(ome?.problems[0]).toEqual({
      field: 'depth',
      rule: 'field-table',
      message: 'Depth: must be a number in µm (got "x")',
    });
    expect(ome?.problems).toContainEqual({
      field: 'species',
      rule: 'enum',
      message: 'Species "Mouse" is not one of mouse, rat (did you mean "mouse"?)',
      suggestion: 'mouse',
    });
    expect(ome?.problems).toContainEqual({
      field: 'genotype',
      rule: 'required',
      message: 'Genotype must be filled in',
    });
    expect(ome?.problems.map((p) => p.field)).not.toContain('sex');
    expect(corrupt?.problems[0]).toMatchObject({ field: null, rule: 'sidecar' });
    expect([ome?.profile, corrupt?.profile]).toEqual(['acqmeta.profile.json', 'acqmeta.profile.json']);
    expect(
      codeOf(await h.call('checkValues', { items: [{ path: 'plain.tiff', values: { colour: 'red' } as never }] })),
    ).toBe('BAD_REQUEST');
    expect(codeOf(await h.call('checkValues', { items: [{ path: '../x.tif', values: {} }] }))).toBe('OUTSIDE_FOLDER');
  });

  it('saveSidecars refuses a change that breaks the profile (as acqmeta set does), never a required field left empty', async () => {
    const file = path.join(copy.lab, 'cells/multi-channel.ome.tif.json');
    const before = await readFile(file, 'utf8');
    const [row] = (await scan()).filter((r) => r.path === 'cells/multi-channel.ome.tif');
    const save = (changes: Record<string, string>) =>
      h.ok('saveSidecars', { saves: [{ path: 'cells/multi-channel.ome.tif', changes, expected: row!.version }] });
    const [refused] = await save({ species: 'Mouse', note: 'x' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'INVALID_VALUE', message: 'Species "Mouse" is not one of mouse, rat (did you mean "mouse"?)' },
    });
    expect(await readFile(file, 'utf8')).toBe(before);
    const [saved] = await save({ species: 'rat', region: '' });
    expect(saved).toMatchObject({ ok: true, row: { values: { species: 'rat', region: '' } } });
    if (saved?.ok)
      expect(saved.row.profileProblems).toContainEqual({
        field: 'region',
        rule: 'required',
        message: 'Region must be filled in',
      });
  });

  it('exportReadme: a Markdown draft with the images, the values and the completeness against the profile', async () => {
    const file = await h.ok('exportReadme', {});
    expect(file).toMatchObject({
      fileName: `${path.basename(copy.lab)}-README.md`,
      mimeType: 'text/markdown',
      skipped: [],
      notes: [],
    });
    const text = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(text).toContain('- `acqmeta.profile.json` (Vascular imaging lab)');
    expect(text).toMatch(/\| Sex \| yes \| 0 \| 0 \| 0 \| \d+ \|/);
    expect(text).toContain('**Licence:** **TODO**');
    const one = Buffer.from(
      (await h.ok('exportReadme', { paths: ['cells/multi-channel.ome.tif'] })).base64,
      'base64',
    ).toString('utf8');
    expect(one).toContain('- **Images:** 1 (1 with a JSON sidecar');
    expect(codeOf(await h.call('exportReadme', { paths: ['../x.tif'] }))).toBe('OUTSIDE_FOLDER');
  });

  it('previewImport: a table whose values break the profile has errors by row and column; required may stay empty', async () => {
    const csv = 'path,Species,region\ncells/multi-channel.ome.tif,Mouse,\n';
    const preview = await h.ok('previewImport', { fileName: 'edits.csv', base64: Buffer.from(csv).toString('base64') });
    expect(preview.errors).toEqual([
      {
        row: 2,
        column: 'Species',
        message: 'cells/multi-channel.ome.tif: Species "Mouse" is not one of mouse, rat (did you mean "mouse"?)',
      },
    ]);
  });

  it("checkSubmissionMetadata: the folder profile's x-target when none is asked for, and says so", async () => {
    // the vascular lab's profile names no target
    expect(await h.ok('checkSubmissionMetadata', {})).toMatchObject({ target: null, columns: [] });
    await writeFile(path.join(copy.lab, 'acqmeta.profile.json'), '{"x-target": "htan:imaging-level-2"}');
    const check = await h.ok('checkSubmissionMetadata', {});
    expect(check).toMatchObject({
      target: 'htan:imaging-level-2',
      title: 'HTAN Imaging Level 2 (CSV manifest)',
      profile: 'acqmeta.profile.json',
      format: 'htan:imaging-level-2',
      rows: 'image',
    });
    expect(check.images).toBeGreaterThan(1);
    const filename = check.columns.find((c) => c.name === 'Filename');
    expect(filename).toMatchObject({ required: true, from: "image's path", missing: 0 });
  });

  it('checkSubmissionMetadata: a target asked for: its columns and their values, INVALID_VALUE for an unknown one', async () => {
    const confocal = await h.ok('checkSubmissionMetadata', { target: 'hubmap:confocal' });
    expect(confocal).toMatchObject({ profile: null, rows: 'dataset', format: 'hubmap:confocal' });
    expect(confocal.columns.find((c) => c.name === 'metadata_schema_id')).toMatchObject({ from: 'template' });
    const histology = await h.ok('checkSubmissionMetadata', { target: 'hubmap:histology' });
    expect(histology).toMatchObject({ target: 'hubmap:histology', format: 'hubmap:histology' });
    expect(histology.columns.find((c) => c.name === 'dataset_type')).toMatchObject({ value: 'Histology' });
    const htan = await h.ok('checkSubmissionMetadata', { target: 'htan:imaging-level-2' });
    expect(htan).toMatchObject({ target: 'htan:imaging-level-2', format: 'htan:imaging-level-2' });
    expect(codeOf(await h.call('checkSubmissionMetadata', { target: 'hubmap:nope' }))).toBe('INVALID_VALUE');
  });
});
