import { describe, expect, it } from 'vitest';
import {
  dotsPerInch,
  fileCalibrationValues,
  shownPixelSize,
  writtenPixelSize,
} from '../../../../renderer/src/lib/calibration';

describe('file calibration', () => {
  it('is shown rounded, marked ≈ when rounding changed it, with the label that would be stored', () => {
    expect(shownPixelSize({ x: 0.5, y: 0.25, label: 'um' })).toBe('0.5 × 0.25 um');
    expect(shownPixelSize({ x: 0.29999999988358467, y: 0.29999999988358467, label: 'um' })).toBe('≈ 0.3 × 0.3 um');
    expect(shownPixelSize({ x: 25400 / 300, y: 25400 / 300, label: 'um' })).toBe('≈ 84.67 × 84.67 um');
  });

  it('tells the exact values written', () => {
    expect(writtenPixelSize({ x: 0.29999999988358467, y: 1, label: 'um' })).toBe(
      'Writes Pixel size X 0.29999999988358467, Pixel size Y 1.0, and “um” as both units.',
    );
  });

  it('gives a pixel size in micrometres as the print resolution it came from', () => {
    expect(dotsPerInch({ x: 25400 / 300, y: 25400 / 300, label: 'um' })).toBe('300 dpi');
    expect(dotsPerInch({ x: 25400 / 300, y: 25400 / 150, label: 'um' })).toBe('300 × 150 dpi');
  });

  it('adopts any declared pixel size, a print resolution included (the offer says what it is)', () => {
    expect(fileCalibrationValues({ x: 84.5, y: 84.5, unit: 'um', source: 'resolution-inch' })).toEqual({
      physical_unit_x: 84.5,
      physical_unit_y: 84.5,
      physical_label_x: 'um',
      physical_label_y: 'um',
    });
    expect(fileCalibrationValues({ x: 0, y: 1, unit: 'um', source: 'ome' })).toBeNull();
  });
});
