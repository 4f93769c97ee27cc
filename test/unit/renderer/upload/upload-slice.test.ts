/**
 * The upload slice: the form's choice reviewed, the review built, its events followed to the
 * outcome (the dialog stays while the build runs), a cancel reaching the backend even when asked
 * before the start was answered, and the words the dialog says of a review.
 */
import { describe, expect, it } from 'vitest';
import type { UploadOutcome, UploadReview } from '../../../../shared/api';
import { connectBackendEvents } from '../../../../renderer/src/backend-events';
import { defaultUploadFolder } from '../../../../shared/api-upload';
import {
  builtCounts,
  countsText,
  progressText,
  spaceText,
  stepCounts,
  tooLittleSpace,
} from '../../../../renderer/src/upload/upload-text';
import { makeRow, storeWithRows } from '../store/fake-client';

/** A store with one row whose backend events reach it as the app's do. */
function setup() {
  const { store, backend } = storeWithRows([makeRow('a.czi')]);
  connectBackendEvents(store);
  return { store, backend };
}

const ASKED = { format: 'hubmap:confocal', upload: '/data/lab-upload', force: false };

describe('the upload slice', () => {
  it('reviews what was asked, builds that review, and follows the build to its outcome', async () => {
    const { store, backend } = setup();
    store.getState().openUpload();
    await store.getState().reviewUpload(ASKED);
    expect(backend.uploadReviews).toEqual([ASKED]);
    expect(store.getState().uploadDialog?.review?.reviewId).toBe('upload-review-1');
    await store.getState().startUpload();
    expect(backend.uploads).toEqual(['upload-review-1']);
    backend.emit({ type: 'upload-progress', jobId: 'upload-1', done: 1024, total: 2048, current: 'a.czi' });
    backend.emit({ type: 'upload-done', jobId: 'other', outcome: { kind: 'cancelled' } });
    expect(store.getState().uploadDialog?.job).toMatchObject({ progress: { done: 1024 }, outcome: null });
    store.getState().closeUpload();
    expect(store.getState().uploadDialog).not.toBeNull();
    const outcome: UploadOutcome = {
      kind: 'built',
      upload: '/data/lab-upload',
      linked: 1,
      copied: 0,
      converted: 3,
      todo: [],
    };
    backend.emit({ type: 'upload-done', jobId: 'upload-1', outcome });
    expect(store.getState().uploadDialog?.job?.outcome).toEqual(outcome);
    store.getState().closeUpload();
    expect(store.getState().uploadDialog).toBeNull();
    // the form opens again on what was asked last
    expect(store.getState().uploadAsked).toEqual(ASKED);
  });

  it('sends a cancel asked before the backend answered the start, once the build is known', async () => {
    const { store, backend } = setup();
    store.getState().openUpload();
    await store.getState().reviewUpload(ASKED);
    const started = store.getState().startUpload();
    void store.getState().cancelUpload();
    expect(backend.uploadCancels).toEqual([]);
    await started;
    await Promise.resolve();
    expect(backend.uploadCancels).toEqual(['upload-1']);
    await store.getState().cancelUpload();
    expect(backend.uploadCancels).toEqual(['upload-1']);
    backend.emit({ type: 'upload-done', jobId: 'upload-1', outcome: { kind: 'cancelled' } });
    expect(store.getState().uploadDialog?.job?.outcome).toEqual({ kind: 'cancelled' });
  });

  it('says why a review was refused, and goes back to the form', async () => {
    const { store, backend } = setup();
    backend.client.reviewUpload = () =>
      Promise.resolve({
        ok: false,
        error: { code: 'INVALID_VALUE', message: 'nothing built: it lies in the lab folder' },
      });
    store.getState().openUpload();
    await store.getState().reviewUpload(ASKED);
    expect(store.getState().uploadDialog).toMatchObject({
      review: null,
      failure: 'nothing built: it lies in the lab folder',
    });
    store.getState().editUpload();
    expect(store.getState().uploadDialog).toMatchObject({ asked: null, failure: null });
  });

  it('shows the file manager’s refusal to open the built upload as an error message', async () => {
    const { store, backend } = setup();
    const message = 'The file manager could not open the upload folder /data/lab-upload: no file manager';
    backend.client.showUpload = () => Promise.resolve({ ok: false, error: { code: 'IO', message } });
    store.getState().openUpload();
    await store.getState().reviewUpload(ASKED);
    await store.getState().startUpload();
    backend.emit({
      type: 'upload-done',
      jobId: 'upload-1',
      outcome: { kind: 'built', upload: '/data/lab-upload', linked: 1, copied: 0, converted: 1, todo: [] },
    });
    await store.getState().showUpload();
    expect(store.getState().notices.map((notice) => [notice.tone, notice.text])).toEqual([['error', message]]);
  });
});

describe('the words of the upload dialog', () => {
  const review = (change: Partial<UploadReview>): UploadReview => ({
    reviewId: 'r',
    format: 'hubmap:confocal',
    upload: '/u',
    replaces: false,
    steps: [],
    todo: [],
    notes: [],
    bytes: 0,
    needed: 0,
    free: null,
    ...change,
  });

  it('counts the steps by action, and weighs the space needed against the free space', () => {
    const step = (action: 'link' | 'convert' | 'write', source: string | null = null) => ({
      action,
      path: 'p',
      source,
      bytes: null,
    });
    // two CZIs of three scenes each: a convert step per copy
    const scenes = ['a.czi', 'a.czi', 'a.czi', 'b.czi', 'b.czi', 'b.czi'].map((czi) => step('convert', czi));
    expect(countsText(stepCounts([step('write'), step('link'), step('link'), ...scenes]))).toBe(
      '2 files linked, 2 images converted to 6 OME-TIFF copies, 1 metadata file written',
    );
    expect(countsText(stepCounts([step('convert', 'a.czi'), step('convert', 'b.czi')]))).toBe(
      '2 images converted to OME-TIFF',
    );
    expect(spaceText(review({ needed: 3 * 1024 * 1024, free: 40 * 1024 ** 3 }))).toBe(
      'Needs about 3 MiB; 40 GiB free there.',
    );
    expect(tooLittleSpace(review({ needed: 2048, free: 1024 }))).toBe(true);
    expect(tooLittleSpace(review({ needed: 2048, free: null }))).toBe(false);
    expect(spaceText(review({}))).toBe(
      'Takes next to no space (the files are linked); the disk does not say how much is free.',
    );
  });

  it('counts a build as its review did: the images converted and their copies, no zero count', () => {
    const step = (action: 'link' | 'convert' | 'write', source: string | null = null) => ({
      action,
      path: 'p',
      source,
      bytes: null,
    });
    const steps = [step('write'), step('link'), step('link'), step('convert', 'a.czi'), step('convert', 'b.czi')];
    // two CZIs of three scenes each: six copies, none copied across disks
    expect(countsText(builtCounts(steps, { linked: 2, copied: 0, converted: 6 }))).toBe(
      '2 files linked, 2 images converted to 6 OME-TIFF copies, 1 metadata file written',
    );
    // a link that fell back to a copy is told as one
    expect(countsText(builtCounts(steps, { linked: 1, copied: 1, converted: 2 }))).toBe(
      '1 file linked, 1 file copied and read back, 2 images converted to OME-TIFF, 1 metadata file written',
    );
  });

  it('tells the progress in bytes, and offers the upload beside the open folder', () => {
    expect(progressText(null)).toBe('Starting the build…');
    expect(progressText({ done: 1024, total: 4096, current: 'a.czi' })).toBe('1 KiB of 4 KiB');
    expect(progressText({ done: 4096, total: 4096, current: '' })).toBe('Checking the upload and putting it in place…');
    expect(defaultUploadFolder('/data/day 3/')).toBe('/data/day 3-upload');
  });
});
