import { describe, expect, it } from 'vitest';
import { sharedSummary } from '../../../../../electron/services/scan-cache/summary-pool';
import type { TiffSummary } from '../../../../../shared/tiff';

/** A new summary object each call, with the given calibration x. */
function summary(x: number, shape = '(2, 32, 32)'): TiffSummary {
  return {
    header: {
      shape,
      dims: "('C', 'Y', 'X')",
      sizes: "{'C': 2, 'Y': 32, 'X': 32}",
      dtype: 'uint16',
      num_channels: 2,
      num_scenes: 1,
      date: '2026-11-23',
      time: '18:40:00',
    },
    fileCalibration: { x, y: 0.5, unit: 'micron', source: 'imagej' },
  };
}

describe('shared header summaries', () => {
  it('give equal summaries one frozen copy, equal to each', () => {
    const first = sharedSummary(summary(0.25));
    const second = sharedSummary(summary(0.25));
    expect(second).toBe(first);
    expect(first).toEqual(summary(0.25));
    expect(Object.isFrozen(first) && Object.isFrozen(first.header) && Object.isFrozen(first.fileCalibration)).toBe(
      true,
    );
    expect(sharedSummary(first)).toBe(first);
  });

  it('keep apart summaries that differ in any value, or only in the sign of a zero', () => {
    const plain = sharedSummary(summary(0.25));
    expect(sharedSummary(summary(0.3))).not.toBe(plain);
    expect(sharedSummary(summary(0.25, '(3, 32, 32)'))).not.toBe(plain);
    expect(sharedSummary({ ...summary(0.25), fileCalibration: null })).not.toBe(plain);
    const zero = sharedSummary(summary(0));
    const negativeZero = sharedSummary(summary(-0));
    expect(negativeZero).not.toBe(zero);
    expect(Object.is(negativeZero.fileCalibration?.x, -0)).toBe(true);
  });
});
