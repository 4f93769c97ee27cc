/**
 * The dialog's z step, frame interval and channel names (issue 79): read as `acqmeta calibrate`
 * reads its options, sent with the review, and a review read with other values than those typed
 * is never written (the dialog asks to review again first).
 */
import { describe, expect, it } from 'vitest';
import { readExtras } from '../../../../renderer/src/calibrate/calibrate-extras';
import { makeRow, storeWithRows } from '../store/fake-client';

describe('the calibrate dialog’s extra values', () => {
  it('reads blank fields as nothing, and names what cannot be read', () => {
    expect(readExtras({ zStep: '', interval: ' ', channels: '' })).toEqual({ ok: true, asked: {} });
    expect(readExtras({ zStep: '0.5', interval: '2', channels: 'DAPI, GFP' })).toEqual({
      ok: true,
      asked: { zStep: 0.5, interval: 2, channels: ['DAPI', 'GFP'] },
    });
    expect(readExtras({ zStep: '-1', interval: 'soon', channels: 'DAPI,,GFP' })).toEqual({
      ok: false,
      problems: {
        zStep: 'A number greater than 0 and at most 1,000,000.',
        interval: 'A number greater than 0 and at most 1,000,000.',
        channels: 'Names separated by commas, none empty.',
      },
    });
  });

  it('reviews again with the values typed, and writes only a review of what is typed', async () => {
    const { store, backend } = storeWithRows(['a.tif'].map((path) => makeRow(path)));
    backend.calibrationReview = (path) => ({
      path,
      kind: 'ome',
      changes: [{ value: 'pixel size X', place: 'OME-XML', old: '(none)', new: '0.5 µm' }],
      refusal: null,
    });
    await store.getState().openCalibrate();
    store.getState().setCalibrateExtras({ channels: 'DAPI, GFP', zStep: '2' });
    // typed but not reviewed: nothing is written
    await store.getState().startCalibration();
    expect(backend.calibrations).toEqual([]);

    await store.getState().reviewCalibrateAgain();
    expect(backend.calibrationAsked).toEqual([{}, { zStep: 2, channels: ['DAPI', 'GFP'] }]);
    await store.getState().startCalibration();
    expect(backend.calibrations).toEqual(['review-2']);

    // a field that cannot be read is not sent
    await store.getState().openCalibrate();
    store.getState().setCalibrateExtras({ interval: '0' });
    await store.getState().reviewCalibrateAgain();
    expect(backend.calibrationAsked).toHaveLength(3);
  });
});
