import { describe, expect, it } from 'vitest';
import type { CalibrationSummary, ImageReview } from '../../../../shared/api';
import type { HeaderWriteRecord } from '../../../../shared/journal';
import { connectBackendEvents } from '../../../../renderer/src/backend-events';
import { imageJournalKey } from '../../../../renderer/src/journal';
import { makeRow, storeWithRows } from '../store/fake-client';

const ROWS = ['a.tif', 'b.czi', 'c.tif'].map((path) => makeRow(path));

const written = (path: string): ImageReview => ({
  path,
  kind: 'imagej',
  changes: [{ value: 'unit', place: 'ImageJ description', old: '(none)', new: 'micron' }],
  refusal: null,
});

const summary = (paths: string[], cancelled = false): CalibrationSummary => ({
  images: paths.map((path) => ({ path, outcome: { kind: 'written' } })),
  cancelled,
});

/** A store with three rows whose backend events reach it as the app's do. */
function setup() {
  const { store, backend } = storeWithRows(ROWS);
  backend.calibrationReview = (path) =>
    path.endsWith('.czi')
      ? { path, kind: null, changes: [], refusal: 'a CZI file is a vendor file and is never modified' }
      : written(path);
  connectBackendEvents(store);
  return { store, backend };
}

describe('the calibrate slice', () => {
  it('reviews the selected images in table order, else every image, else the ones given', async () => {
    const { store, backend } = setup();
    await store.getState().openCalibrate();
    store.getState().toggleSelected('c.tif');
    store.getState().toggleSelected('a.tif');
    await store.getState().openCalibrate();
    await store.getState().openCalibrate(['b.czi']);
    expect(backend.calibrationReviews).toEqual([['a.tif', 'b.czi', 'c.tif'], ['a.tif', 'c.tif'], ['b.czi']]);
    expect(store.getState().calibrateDialog).toMatchObject({
      paths: ['b.czi'],
      review: { status: 'ready', reviewId: 'review-3', images: [{ path: 'b.czi', refusal: expect.any(String) }] },
      job: null,
    });
  });

  it('writes the review shown and follows its job to the summary, ignoring other jobs', async () => {
    const { store, backend } = setup();
    await store.getState().openCalibrate();
    await store.getState().startCalibration();
    expect(backend.calibrations).toEqual(['review-1']);
    expect(store.getState().calibrateDialog?.job).toMatchObject({ jobId: 'calibrate-1', images: 3, progress: null });
    backend.emit({ type: 'calibrate-progress', jobId: 'calibrate-1', done: 1, total: 3, current: 'b.czi' });
    backend.emit({ type: 'calibrate-progress', jobId: 'other', done: 2, total: 9, current: 'x.tif' });
    expect(store.getState().calibrateDialog?.job?.progress).toEqual({ done: 1, total: 3, current: 'b.czi' });
    // the dialog stays while the job runs
    store.getState().closeCalibrate();
    expect(store.getState().calibrateDialog).not.toBe(null);
    backend.emit({ type: 'calibrate-done', jobId: 'other', summary: summary([]) });
    expect(store.getState().calibrateDialog?.job?.summary).toBe(null);
    backend.emit({ type: 'calibrate-done', jobId: 'calibrate-1', summary: summary(['a.tif', 'c.tif']) });
    expect(store.getState().calibrateDialog?.job?.summary?.images).toHaveLength(2);
    store.getState().closeCalibrate();
    expect(store.getState().calibrateDialog).toBe(null);
  });

  it('cancels its own job, once', async () => {
    const { store, backend } = setup();
    await store.getState().openCalibrate();
    await store.getState().startCalibration();
    await store.getState().cancelCalibration();
    expect(store.getState().calibrateDialog?.job?.cancelling).toBe(true);
    backend.emit({ type: 'calibrate-done', jobId: 'calibrate-1', summary: summary(['a.tif'], true) });
    await store.getState().cancelCalibration();
    expect(backend.calibrationCancels).toEqual(['calibrate-1']);
    expect(store.getState().calibrateDialog?.job?.summary?.cancelled).toBe(true);
  });

  it('shows a review that could not be read, and a job that could not start', async () => {
    const { store, backend } = setup();
    backend.client.reviewCalibration = () =>
      Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: 'a.tif does not exist.' } });
    await store.getState().openCalibrate(['a.tif']);
    expect(store.getState().calibrateDialog?.review).toEqual({ status: 'failed', error: 'a.tif does not exist.' });
    await store.getState().startCalibration();
    expect(backend.calibrations).toEqual([]);

    const fresh = setup();
    fresh.backend.client.startCalibration = () =>
      Promise.resolve({ ok: false, error: { code: 'CONFLICT', message: 'That review is no longer the latest.' } });
    await fresh.store.getState().openCalibrate();
    await fresh.store.getState().startCalibration();
    expect(fresh.store.getState().calibrateDialog?.job?.failure).toBe('That review is no longer the latest.');
  });

  it('undoes a header write, says so, and has the History read the journal again', async () => {
    const { store, backend } = setup();
    const record = { id: 'h1', path: 'a.tif', action: 'Write calibration into image files' } as HeaderWriteRecord;
    backend.headerWrites.push(record);
    const key = imageJournalKey(store.getState(), 'a.tif');
    await store.getState().undoHeaderWrite(record);
    expect(backend.headerUndos).toEqual(['h1']);
    expect(imageJournalKey(store.getState(), 'a.tif')).not.toBe(key);
    expect(store.getState().notices.at(-1)).toMatchObject({
      tone: 'success',
      text: 'The header of a.tif is back as it was before “Write calibration into image files”.',
    });
    await store.getState().undoHeaderWrite({ ...record, id: 'gone' });
    expect(store.getState().notices.at(-1)).toMatchObject({
      tone: 'error',
      text: 'The header was not put back: No header write gone.',
    });
  });

  it('has the History read the journal again once a job ends', async () => {
    const { store, backend } = setup();
    await store.getState().openCalibrate();
    await store.getState().startCalibration();
    const key = imageJournalKey(store.getState(), 'a.tif');
    backend.emit({ type: 'calibrate-done', jobId: 'calibrate-1', summary: summary(['a.tif']) });
    expect(imageJournalKey(store.getState(), 'a.tif')).not.toBe(key);
  });
});
