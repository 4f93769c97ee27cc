import { describe, expect, it } from 'vitest';
import type { FileCalibration } from '../../../../shared/api';
import {
  calibrationOfferFold,
  calibrationOfferPaths,
  singleCalibrationOffer,
} from '../../../../renderer/src/editor/select-calibration-offer';
import { makeRow, storeWithRows } from '../store/fake-client';

const IMAGEJ: FileCalibration = { x: 0.29999999988358467, y: 0.29999999988358467, unit: 'micron', source: 'imagej' };
const PHOTO: FileCalibration = { x: 25400 / 300, y: 25400 / 300, unit: 'um', source: 'resolution-inch' };
const ADOPTED = {
  physical_unit_x: IMAGEJ.x,
  physical_unit_y: IMAGEJ.y,
  physical_label_x: 'um',
  physical_label_y: 'um',
};

describe('the calibration offer', () => {
  const { store } = storeWithRows([
    makeRow('differs.tif', {}, { fileCalibration: IMAGEJ }),
    makeRow('agrees.tif', ADOPTED, { fileCalibration: IMAGEJ }),
    makeRow('new.tif', ADOPTED, { fileCalibration: IMAGEJ, sidecar: 'missing', version: null }),
    makeRow('photo.tif', {}, { fileCalibration: PHOTO }),
    makeRow('plain.tif'),
  ]);
  const s = () => store.getState();
  const offerOver = (paths: string[]) => {
    const fold = calibrationOfferFold(s());
    for (const path of paths) fold.add(path);
    return fold.result();
  };

  it('offers a microscope calibration the sidecar does not have, saying where it comes from and what the sidecar has', () => {
    expect(singleCalibrationOffer(s(), 'differs.tif')).toEqual({
      kind: 'differs',
      source: 'imagej',
      x: IMAGEJ.x,
      y: IMAGEJ.y,
      label: 'um',
      current: '1.0 × 1.0 Pixels',
      newSidecar: false,
    });
    expect(singleCalibrationOffer(s(), 'agrees.tif').kind).toBe('none');
    expect(singleCalibrationOffer(s(), 'plain.tif').kind).toBe('none');
  });

  it('says that a new sidecar takes the file’s calibration, and offers it again when edits change it', () => {
    expect(singleCalibrationOffer(s(), 'new.tif')).toMatchObject({ kind: 'new-sidecar', newSidecar: true });
    s().setFieldText(['new.tif'], 'physical_unit_x', '2');
    expect(singleCalibrationOffer(s(), 'new.tif')).toMatchObject({
      kind: 'differs',
      newSidecar: true,
      current: '2.0 × 0.3 um',
    });
    s().revertField(['new.tif'], 'physical_unit_x');
  });

  it('names a print resolution as such, and leaves it out of the offer for many images', () => {
    expect(singleCalibrationOffer(s(), 'photo.tif')).toMatchObject({ kind: 'print', source: 'resolution-inch' });
    const all = ['differs.tif', 'agrees.tif', 'new.tif', 'photo.tif', 'plain.tif'];
    expect(offerOver(all)).toEqual({
      count: 1,
      sources: 'ImageJ metadata',
      same: true,
      x: IMAGEJ.x,
      y: IMAGEJ.y,
      label: 'um',
      print: 1,
    });
    expect(calibrationOfferPaths(s(), all)).toEqual(['differs.tif']);
  });
});
