/**
 * Browser mode under attack by symbolic links: every API method is called with paths that lead
 * out of the open folder through a linked folder or a linked file, and nothing outside is read
 * (its marked content never shows in an answer or event), written, created or deleted.
 */
import { copyFile, lstat, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_METHOD_NAMES, type ApiMethodName, type ApiResult } from '../../../../../shared/api';
import {
  channelTableText,
  emptyChannelTable,
  MAX_CHANNEL_TABLE_BYTES,
  type ChannelTable,
} from '../../../../../shared/channels/channel-table';
import { newInstrumentText } from '../../../../../shared/instruments';
import { formatPresetFile } from '../../../../../shared/presets/preset-file';
import { DEFAULT_FIELD_VALUES } from '../../../../../shared/fields/field-table';
import type { LabCopy } from '../folder/lab-folder';
import { codeOf, removeTestBundles, startOnLab, stopOnLab, type Harness } from './backend-harness';

/** A channel table of one channel named `name`. */
function oneChannel(name: string): ChannelTable {
  const table = emptyChannelTable();
  table.rows.push({ 'Channel ID': '1', 'Channel Name': name });
  return table;
}

/** Written into every file outside the open folder: it must never come back in an answer. */
const MARK = 'OUTSIDE-ONLY-8c1e';

/** Every file and folder under `dir` with its bytes (or what it is), to compare before and after. */
async function snapshot(dir: string, rel = ''): Promise<string[]> {
  const lines: string[] = [];
  for (const name of (await readdir(path.join(dir, rel))).sort()) {
    const relPath = path.join(rel, name);
    const info = await lstat(path.join(dir, relPath));
    if (info.isDirectory()) lines.push(`${relPath}/`, ...(await snapshot(dir, relPath)));
    else lines.push(`${relPath}: ${(await readFile(path.join(dir, relPath))).toString('base64')}`);
  }
  return lines;
}

/** The outside folder: an image with its sidecar, a channel table, a profile, a preset, a text file, an empty folder. */
async function makeOutside(copy: LabCopy): Promise<string> {
  const outside = path.join(copy.base, 'outside');
  await mkdir(path.join(outside, 'empty'), { recursive: true });
  await copyFile(path.join(copy.lab, 'stacks', 'float.tif'), path.join(outside, 'secret.tif'));
  const sidecar = JSON.parse(await readFile(path.join(copy.lab, 'stacks', 'float.tif.json'), 'utf8'));
  sidecar.experiment_metadata.species = MARK;
  await writeFile(path.join(outside, 'secret.tif.json'), JSON.stringify(sidecar, null, 2));
  await writeFile(path.join(outside, 'acqmeta.channels.csv'), channelTableText(oneChannel(MARK)));
  await writeFile(path.join(outside, 'acqmeta.profile.json'), JSON.stringify({ title: MARK, description: MARK }));
  await writeFile(path.join(outside, 'passwd'), `root:x:0:0:${MARK}:/root:/bin/sh\n`);
  await writeFile(path.join(outside, 'preset.json'), formatPresetFile({ name: MARK, fields: DEFAULT_FIELD_VALUES }));
  return outside;
}

/** The links inside the open folder (and the settings folder) that lead to the outside folder. */
async function makeLinks(copy: LabCopy, outside: string, configDir: string): Promise<void> {
  const link = (target: string, at: string) => symlink(path.join(outside, target), path.join(copy.lab, at));
  await link('', 'lnkdir');
  await link('empty', 'emptylnk');
  await link('secret.tif', 'linked.tif');
  await link('secret.tif.json', 'plain.tiff.json');
  await link('acqmeta.profile.json', 'cells/acqmeta.profile.json');
  await link('passwd', 'stacks/acqmeta.channels.csv');
  await link('missing.csv', 'other/acqmeta.channels.csv');
  await mkdir(path.join(configDir, 'presets'), { recursive: true });
  await symlink(path.join(outside, 'preset.json'), path.join(configDir, 'presets', 'linked.json'));
}

const csv = (text: string) => Buffer.from(text).toString('base64');
/** Image paths that lead outside: through the linked folder, and a linked image. */
const LINKED_IMAGES = ['lnkdir/secret.tif', 'linked.tif'];

/** The calls made for each method; each answers what the method answered. */
type Walk = Record<ApiMethodName, (h: Harness, lab: string) => Promise<ApiResult<unknown>[]>>;

/**
 * Methods that name no path: getSession (answers the open folder), chooseFolderPath (browser mode
 * has no native dialog), cancelScan (a scan id), scanFolder (walks the open folder; its rows come
 * as events, checked with the answers).
 * Presets are named by a plain file name in the settings folder, whose `presets/` holds a link.
 */
const WALK: Walk = {
  getSession: async (h) => [await h.call('getSession', {})],
  openFolder: async (h, lab) => [
    await h.call('openFolder', { path: path.join(lab, 'lnkdir') }),
    await h.call('openFolder', { path: path.join(lab, 'emptylnk') }),
  ],
  listFolders: async (h, lab) => [
    await h.call('listFolders', { path: path.join(lab, 'lnkdir') }),
    await h.call('listFolders', { path: lab }),
  ],
  chooseFolderPath: async (h) => [await h.call('chooseFolderPath', {})],
  scanFolder: async (h) => {
    const started = await h.call('scanFolder', {});
    if (started.ok) {
      const { scanId } = started.payload;
      await h.waitFor((e) => e.type === 'scan-done' && e.scanId === scanId);
    }
    return [started];
  },
  cancelScan: async (h) => [await h.call('cancelScan', {})],
  getImageDetail: async (h) =>
    Promise.all([...LINKED_IMAGES, 'plain.tiff'].map((p) => h.call('getImageDetail', { path: p }))),
  reloadRow: async (h) => Promise.all([...LINKED_IMAGES, 'plain.tiff'].map((p) => h.call('reloadRow', { path: p }))),
  getPreview: async (h) =>
    Promise.all(LINKED_IMAGES.map((p) => h.call('getPreview', { path: p, c: 0, z: 0, t: 0, maxSize: 64 }))),
  saveSidecars: async (h) => [
    await h.call('saveSidecars', {
      saves: [...LINKED_IMAGES, 'plain.tiff'].map((p) => ({
        path: p,
        changes: { species: 'rat' },
        expected: null,
        overwrite: true,
        create: true,
      })),
    }),
  ],
  getProfiles: async (h) => [await h.call('getProfiles', {})],
  checkValues: async (h) => [
    await h.call('checkValues', {
      items: [...LINKED_IMAGES, 'cells/multi-channel.ome.tif'].map((p) => ({ path: p, values: DEFAULT_FIELD_VALUES })),
    }),
  ],
  exportTable: async (h) => [
    await h.call('exportTable', { format: 'csv', acquisition: true }),
    await h.call('exportTable', { format: 'csv', paths: LINKED_IMAGES }),
  ],
  exportReadme: async (h) => [
    await h.call('exportReadme', {}),
    await h.call('exportReadme', { paths: ['cells/multi-channel.ome.tif'] }),
    await h.call('exportReadme', { paths: LINKED_IMAGES }),
  ],
  previewImport: async (h) => [
    await h.call('previewImport', {
      fileName: 'edits.csv',
      base64: csv(`path,species\n${[...LINKED_IMAGES, 'plain.tiff'].map((p) => `${p},rat`).join('\n')}\n`),
    }),
  ],
  exportResults: async (h) => [
    await h.call('exportResults', { format: 'csv' }),
    await h.call('exportResults', { format: 'csv', paths: LINKED_IMAGES }),
  ],
  listPresets: async (h) => [await h.call('listPresets', {})],
  savePreset: async (h) => [
    await h.call('savePreset', { name: 'linked', fields: DEFAULT_FIELD_VALUES, overwrite: true }),
  ],
  renamePreset: async (h) => [await h.call('renamePreset', { id: 'linked.json', name: 'renamed' })],
  deletePreset: async (h) => [await h.call('deletePreset', { id: 'linked.json' })],
  getChannelTable: async (h) =>
    Promise.all(
      ['lnkdir', 'emptylnk', 'stacks', 'other', 'cells', ''].map((folder) => h.call('getChannelTable', { folder })),
    ),
  saveChannelTable: async (h) => {
    const answers: ApiResult<unknown>[] = [];
    for (const folder of ['lnkdir', 'emptylnk', 'stacks', 'other'])
      for (const table of [oneChannel('GFP'), null])
        answers.push(await h.call('saveChannelTable', { folder, table, expected: null }));
    return answers;
  },
  getJournal: async (h) => [await h.call('getJournal', {}), await h.call('getJournal', { paths: LINKED_IMAGES })],
  planChannelTableRestore: async (h) => [await h.call('planChannelTableRestore', { id: 'none' })],
  restoreChannelTable: async (h) => [await h.call('restoreChannelTable', { id: 'none', expected: null })],
  getInstrumentCatalogue: async (h) =>
    Promise.all(['lnkdir', 'emptylnk', 'stacks', ''].map((folder) => h.call('getInstrumentCatalogue', { folder }))),
  saveInstrumentFile: async (h) => {
    const answers: ApiResult<unknown>[] = [];
    for (const folder of ['lnkdir', 'emptylnk'])
      for (const text of [newInstrumentText('Scope', {}), null])
        answers.push(
          await h.call('saveInstrumentFile', { file: `${folder}/acqmeta.instruments/a.json`, text, expected: null }),
        );
    return answers;
  },
  draftInstrumentFromImage: async (h) =>
    Promise.all(LINKED_IMAGES.map((image) => h.call('draftInstrumentFromImage', { path: image }))),
  getDataset: async (h) => [await h.call('getDataset', {})],
  saveDataset: async (h) => [await h.call('saveDataset', { dataset: { values: {}, people: [] }, expected: null })],
  restoreDataset: async (h) => [await h.call('restoreDataset', { id: 'none' })],
  checkFolderLayout: async (h) => [await h.call('checkFolderLayout', { target: 'hubmap:confocal' })],
  exportSubmission: async (h) => [await h.call('exportSubmission', { format: 'hubmap:confocal' })],
  checkSubmissionMetadata: async (h) => [await h.call('checkSubmissionMetadata', { target: 'hubmap:confocal' })],
  startConvert: async (h, lab) => {
    const options = { compression: 'zlib', flat: false, extension: '.ome.tiff', force: false } as const;
    // linked images, and an own image into a linked folder, given relative or absolute
    const answers = [
      await h.call('startConvert', { paths: LINKED_IMAGES, outputFolder: 'archive', options }),
      await h.call('startConvert', { paths: ['plain.tiff'], outputFolder: 'lnkdir/archive', options }),
      await h.call('startConvert', { paths: ['plain.tiff'], outputFolder: path.join(lab, 'lnkdir'), options }),
    ];
    expect(answers.map(codeOf)).toEqual(['OUTSIDE_FOLDER', 'OUTSIDE_FOLDER', 'OUTSIDE_FOLDER']);
    return answers;
  },
  cancelConvert: async (h) => {
    const answer = await h.call('cancelConvert', { jobId: 'none' });
    expect(answer).toEqual({ ok: true, payload: { cancelled: false } });
    return [answer];
  },
  startCollectionExport: async (h, lab) => {
    // linked images, and an own image into a linked folder, given relative or absolute
    const answers = [
      await h.call('startCollectionExport', { paths: LINKED_IMAGES, destination: 'lab.ome.zarr', force: false }),
      await h.call('startCollectionExport', { paths: ['plain.tiff'], destination: 'lnkdir/lab.ome.zarr', force: true }),
      await h.call('startCollectionExport', {
        paths: ['plain.tiff'],
        destination: path.join(lab, 'lnkdir', 'lab.ome.zarr'),
        force: true,
      }),
    ];
    expect(answers.map(codeOf)).toEqual(['OUTSIDE_FOLDER', 'OUTSIDE_FOLDER', 'OUTSIDE_FOLDER']);
    return answers;
  },
  cancelCollectionExport: async (h) => {
    const answer = await h.call('cancelCollectionExport', { jobId: 'none' });
    expect(answer).toEqual({ ok: true, payload: { cancelled: false } });
    return [answer];
  },
  reviewCalibration: async (h) => {
    const answers = await Promise.all(LINKED_IMAGES.map((p) => h.call('reviewCalibration', { paths: [p] })));
    expect(answers.map(codeOf)).toEqual(['OUTSIDE_FOLDER', 'OUTSIDE_FOLDER']);
    return answers;
  },
  startCalibration: async (h) => {
    const answer = await h.call('startCalibration', { reviewId: 'none' });
    expect(codeOf(answer)).toBe('CONFLICT');
    return [answer];
  },
  cancelCalibration: async (h) => {
    const answer = await h.call('cancelCalibration', { jobId: 'none' });
    expect(answer).toEqual({ ok: true, payload: { cancelled: false } });
    return [answer];
  },
  undoHeaderWrite: async (h) => {
    const answer = await h.call('undoHeaderWrite', { id: 'none' });
    expect(codeOf(answer)).toBe('NOT_FOUND');
    return [answer];
  },
  reviewUpload: async (h, lab) => {
    // an upload into a linked folder, given relative or absolute
    const answers = [
      await h.call('reviewUpload', { format: 'hubmap:confocal', upload: 'lnkdir/upload', force: true }),
      await h.call('reviewUpload', { format: 'hubmap:confocal', upload: path.join(lab, 'lnkdir', 'up'), force: true }),
    ];
    expect(answers.map(codeOf)).toEqual(['OUTSIDE_FOLDER', 'OUTSIDE_FOLDER']);
    return answers;
  },
  startUpload: async (h) => {
    const answer = await h.call('startUpload', { reviewId: 'none' });
    expect(codeOf(answer)).toBe('CONFLICT');
    return [answer];
  },
  cancelUpload: async (h) => {
    const answer = await h.call('cancelUpload', { jobId: 'none' });
    expect(answer).toEqual({ ok: true, payload: { cancelled: false } });
    return [answer];
  },
  showUpload: async (h) => {
    const answer = await h.call('showUpload', { jobId: 'none' });
    expect(codeOf(answer)).toBe('BAD_REQUEST');
    return [answer];
  },
  // the open folder indexed (its links as its scan reads them), then every image of the index
  startIndexRefresh: async (h) => {
    const answer = await h.call('startIndexRefresh', {});
    await h.waitFor((e) => e.type === 'index-refresh-done' || e.type === 'index-refresh-failed');
    return [answer, await h.call('searchIndex', { filter: '', limit: 200 })];
  },
  cancelIndexRefresh: async (h) => [await h.call('cancelIndexRefresh', { jobId: 'none' })],
  getIndexStatus: async (h) => [await h.call('getIndexStatus', {})],
  searchIndex: async (h) => [await h.call('searchIndex', { filter: '', limit: 200 })],
  getSearchPage: async (h) => [await h.call('getSearchPage', { searchId: 'none', offset: 0, limit: 200 })],
};

describe('backend with links leading out of the open folder', () => {
  let copy: LabCopy;
  let h: Harness;
  let outside: string;
  beforeEach(async () => {
    ({ copy, h } = await startOnLab((lab) => ({
      allowedRoots: [lab],
      configDir: path.join(path.dirname(lab), 'config'),
    })));
    outside = await makeOutside(copy);
    await makeLinks(copy, outside, path.join(copy.base, 'config'));
  });
  afterEach(() => stopOnLab(copy, h));
  afterAll(removeTestBundles);

  it('walks every method: nothing outside is read, written, created or deleted', async () => {
    expect(Object.keys(WALK).sort()).toEqual([...API_METHOD_NAMES].sort());
    const before = await snapshot(outside);
    for (const method of API_METHOD_NAMES) {
      const answers = await WALK[method](h, copy.lab);
      expect(JSON.stringify(answers), method).not.toContain(MARK);
    }
    expect(JSON.stringify(h.events)).not.toContain(MARK);
    expect(await snapshot(outside)).toEqual(before);
  });

  it('refuses a channel table of a linked folder or through a linked file, in words', async () => {
    for (const folder of ['lnkdir', 'emptylnk']) {
      const read = await h.call('getChannelTable', { folder });
      expect(read).toMatchObject({
        ok: false,
        error: { code: 'OUTSIDE_FOLDER', message: `${folder} links outside the open folder.` },
      });
      const saved = await h.call('saveChannelTable', { folder, table: oneChannel('GFP'), expected: null });
      expect(codeOf(saved)).toBe('OUTSIDE_FOLDER');
    }
    const own = await h.ok('getChannelTable', { folder: 'stacks' });
    expect(own).toMatchObject({
      file: 'stacks/acqmeta.channels.csv',
      inForce: 'stacks/acqmeta.channels.csv',
      table: null,
      version: null,
      problem: 'stacks/acqmeta.channels.csv links outside the open folder; it is not read or written.',
    });
    for (const folder of ['stacks', 'other']) {
      const removed = await h.call('saveChannelTable', { folder, table: null, expected: null });
      expect(removed).toMatchObject({
        ok: false,
        error: { code: 'OUTSIDE_FOLDER', path: `${folder}/acqmeta.channels.csv` },
      });
    }
    expect(await readdir(path.join(outside, 'empty'))).toEqual([]);
    expect((await lstat(path.join(copy.lab, 'other', 'acqmeta.channels.csv'))).isSymbolicLink()).toBe(true);
  });

  it('shows a table that cannot be read (a FIFO, one too large) as the folder’s table with its problem', async () => {
    execFileSync('mkfifo', [path.join(copy.lab, 'cells', 'acqmeta.channels.csv')]);
    const fifo = await h.ok('getChannelTable', { folder: 'cells' });
    expect(fifo).toMatchObject({ inForce: 'cells/acqmeta.channels.csv', table: null, version: null });
    expect(fifo.problem).toMatch(/not a regular file/);
    await writeFile(path.join(copy.lab, 'acqmeta.channels.csv'), Buffer.alloc(MAX_CHANNEL_TABLE_BYTES + 1, 0x20));
    const large = await h.ok('getChannelTable', { folder: '' });
    expect(large.problem).toMatch(/a channel table may be at most/);
  });

  it('reports a linked lab profile as a problem and applies nothing from it', async () => {
    const profiles = await h.ok('getProfiles', {});
    expect(profiles.find((p) => p.source === 'cells/acqmeta.profile.json')).toMatchObject({
      applied: false,
      problems: ['cells/acqmeta.profile.json: links outside the open folder, so it is not read'],
    });
    const row = await h.ok('reloadRow', { path: 'stacks/float.tif' });
    expect(row.errors.join(' ')).toContain(
      'The channel table stacks/acqmeta.channels.csv cannot be read: links outside the open folder, so it is not read',
    );
  });

  it('lists a preset file that links outside its folder as broken, unread', async () => {
    const { presets } = await h.ok('listPresets', {});
    expect(presets).toEqual([
      { ok: false, id: 'linked.json', message: 'the file links outside the presets folder, so it is not read' },
    ]);
  });
});
