/**
 * "Build upload…" as the app drives it: the review of the lab folder (each file linked or
 * converted, the to-do, the sizes), the build through the command line's upload service with
 * its progress in bytes, the upload's raw files byte for byte, a cancel that leaves nothing in
 * the upload folder, and the built upload shown in the file manager.
 */
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../../../../shared/api';
import { LAB, sameBytes, uploadLabFiles, writeFiles } from '../../cli/upload-lab';
import { removeTestBundles, startBackend, type Harness } from './backend-harness';

let base: string;
let h: Harness;
let shown: string[];

beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'acqmeta-upload-app-'));
  await writeFiles(base, uploadLabFiles());
  shown = [];
  h = await startBackend({
    door: 'electron',
    showFolder: async (folder) => {
      shown.push(folder);
      return '';
    },
  });
  await h.ok('openFolder', { path: path.join(base, LAB) });
});
afterEach(async () => {
  await h.backend.close();
  await rm(base, { recursive: true, force: true });
});
afterAll(removeTestBundles);

/** The end of the build `jobId`. */
const ended = (jobId: string) =>
  h.waitFor((e) => (e.type === 'upload-done' || e.type === 'upload-failed') && e.jobId === jobId) as Promise<
    Extract<ApiEvent, { type: 'upload-done' | 'upload-failed' }>
  >;

describe('reviewUpload, startUpload', () => {
  it('reviews, then builds what was reviewed: raw files byte for byte, progress in bytes, shown when asked', async () => {
    const upload = path.join(base, 'upload');
    const review = await h.ok('reviewUpload', { format: 'hubmap:confocal', upload, force: false });
    const czi = (await readFile(path.join(base, LAB, 'a.czi'))).length;
    expect(review.steps.filter((step) => step.action === 'link')).toEqual([
      { action: 'link', path: `${LAB}/raw/images/a.czi`, source: 'a.czi', bytes: czi },
      { action: 'link', path: `${LAB}/raw/images/b.czi`, source: 'b.czi', bytes: czi },
      expect.objectContaining({ path: `${LAB}/qa_qc/resolution_report/resolution.txt` }),
    ]);
    // each CZI holds three scenes: the review names the six copies the build writes
    const reviewed = review.steps.filter((step) => step.action === 'convert').map((step) => step.path);
    expect(reviewed).toHaveLength(6);
    expect(reviewed.every((copy) => copy.startsWith(`${LAB}/lab_processed/images/`))).toBe(true);
    expect(review.steps).toContainEqual({
      action: 'write',
      path: 'confocal-metadata.tsv',
      source: null,
      bytes: null,
    });
    expect(review.todo.some((item) => item.row === 'dataset' && item.required)).toBe(true);
    expect(review.needed).toBe(2 * czi);
    expect(review.free).toBeGreaterThan(0);
    expect(await readdir(base)).not.toContain('upload');

    const { jobId } = await h.ok('startUpload', { reviewId: review.reviewId });
    const done = await ended(jobId);
    expect(done).toMatchObject({ type: 'upload-done', outcome: { kind: 'built', upload, linked: 3, converted: 6 } });
    const last = h.events.filter((e) => e.type === 'upload-progress' && e.jobId === jobId).pop();
    expect(last).toMatchObject({ done: review.bytes, total: review.bytes });
    const copies = (await readdir(path.join(upload, LAB, 'lab_processed', 'images'))).filter((name) =>
      name.endsWith('.ome.tiff'),
    );
    expect(reviewed.map((copy) => copy.slice(copy.lastIndexOf('/') + 1)).sort()).toEqual(copies.sort());
    for (const name of ['a.czi', 'b.czi']) {
      const raw = path.join(upload, LAB, 'raw', 'images', name);
      expect(await sameBytes(raw, path.join(base, LAB, name))).toEqual([raw, true]);
    }
    // a review is built once
    expect((await h.call('startUpload', { reviewId: review.reviewId })).ok).toBe(false);
    expect(await h.ok('showUpload', { jobId })).toEqual({ shown: true });
    expect(shown).toEqual([upload]);
  });

  it('refuses, naming why, an upload folder inside the lab folder or one already there', async () => {
    const inside = await h.call('reviewUpload', {
      format: 'hubmap:confocal',
      upload: path.join(base, LAB, 'up'),
      force: false,
    });
    expect(inside).toMatchObject({ ok: false, error: { code: 'INVALID_VALUE' } });
    expect(inside.ok ? '' : inside.error.message).toContain('an upload goes outside it');
    await mkdir(path.join(base, 'there'));
    const there = await h.call('reviewUpload', {
      format: 'hubmap:confocal',
      upload: path.join(base, 'there'),
      force: false,
    });
    expect(there.ok ? '' : there.error.message).toContain('already exists');
  });

  it('in browser mode, builds the served folder’s upload beside it, the one place outside it it writes', async () => {
    const lab = path.join(base, LAB);
    const served = await startBackend({ allowedRoots: [lab] });
    try {
      await served.ok('openFolder', { path: lab });
      const elsewhere = await served.call('reviewUpload', {
        format: 'hubmap:confocal',
        upload: path.join(base, 'upload'),
        force: false,
      });
      expect(elsewhere).toMatchObject({ ok: false, error: { code: 'OUTSIDE_FOLDER' } });
      const within = await served.call('reviewUpload', {
        format: 'hubmap:confocal',
        upload: `${lab}-upload/inner`,
        force: false,
      });
      expect(within).toMatchObject({ ok: false, error: { code: 'OUTSIDE_FOLDER' } });
      const review = await served.ok('reviewUpload', {
        format: 'hubmap:confocal',
        upload: `${lab}-upload`,
        force: false,
      });
      const { jobId } = await served.ok('startUpload', { reviewId: review.reviewId });
      const done = await served.waitFor((e) => e.type === 'upload-done' || e.type === 'upload-failed');
      expect(done).toMatchObject({ type: 'upload-done', jobId, outcome: { kind: 'built', upload: `${lab}-upload` } });
      const raw = path.join(`${lab}-upload`, LAB, 'raw', 'images', 'a.czi');
      expect(await sameBytes(raw, path.join(lab, 'a.czi'))).toEqual([raw, true]);
      expect((await readdir(base)).sort()).toEqual(['acqmeta.instruments', LAB, `${LAB}-upload`]);
    } finally {
      await served.backend.close();
    }
  });

  it('leaves nothing in or beside the upload folder when cancelled', async () => {
    const upload = path.join(base, 'upload');
    const review = await h.ok('reviewUpload', { format: 'hubmap:confocal', upload, force: false });
    const { jobId } = await h.ok('startUpload', { reviewId: review.reviewId });
    await h.waitFor((e) => e.type === 'upload-progress' && e.jobId === jobId);
    expect(await h.ok('cancelUpload', { jobId })).toEqual({ cancelled: true });
    expect(await ended(jobId)).toMatchObject({ type: 'upload-done', outcome: { kind: 'cancelled' } });
    expect((await readdir(base)).sort()).toEqual(['acqmeta.instruments', LAB]);
  });
});
