/**
 * Calibration values as typed, read alike by `acqmeta calibrate` and the app's dialog: a
 * positive number up to 1,000,000 (spaces around it allowed), channel names separated by commas.
 */
import { describe, expect, it } from 'vitest';
import { calibrationNumber, channelNames } from '../../../../shared/tiff-calibration';

describe('calibration values as typed', () => {
  it('reads a positive number up to a million, and nothing else', () => {
    expect(['2', ' 0.5 ', '+1e-3', '.25', '1000000'].map(calibrationNumber)).toEqual([2, 0.5, 0.001, 0.25, 1e6]);
    expect(['0', '-1', '1000001', '1,5', 'abc', '', 'Infinity', '0x10'].map(calibrationNumber)).toEqual(
      Array(8).fill(null),
    );
  });

  it('reads channel names separated by commas, trimmed, none empty', () => {
    expect(channelNames(' DAPI, GFP ,mCherry')).toEqual(['DAPI', 'GFP', 'mCherry']);
    expect(channelNames('DAPI,,GFP')).toBe(null);
    expect(channelNames('DAPI,\tGFP\u0007')).toBe(null);
    expect(channelNames(' ')).toBe(null);
  });
});
