import { describe, expect, it } from 'vitest';
import { describeFileCalibration } from '../../../../renderer/src/lib/calibration';

describe('file calibration', () => {
  const file = { x: 0.5, y: 0.5, unit: 'micron' };

  it('is described as x × y and the label that would be stored', () => {
    expect(describeFileCalibration(file)).toBe('0.5 × 0.5 um');
    expect(describeFileCalibration({ x: 0.10375200000000001, y: 2, unit: 'nm' })).toBe('0.103752 × 2 nm');
  });
});
