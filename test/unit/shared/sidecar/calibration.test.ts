import { describe, expect, it } from 'vitest';
import { EDITABLE_FIELDS, type FieldValues } from '../../../../shared/fields/field-table';
import { calibrationMismatch } from '../../../../shared/sidecar';

const DEFAULTS: FieldValues = Object.fromEntries(EDITABLE_FIELDS.map((f) => [f.name, f.default]));

function stored(x: number, y: number, label: string, labelY = label): FieldValues {
  return { ...DEFAULTS, physical_unit_x: x, physical_unit_y: y, physical_label_x: label, physical_label_y: labelY };
}

describe('calibrationMismatch', () => {
  it('says what the file declares and what the sidecar has', () => {
    expect(calibrationMismatch(DEFAULTS, { x: 0.5, y: 0.5, unit: 'um', source: 'imagej' })).toBe(
      'File declares 0.5 × 0.5 um per pixel; sidecar has 1.0 × 1.0 Pixels',
    );
  });

  it('names each label when the sidecar mixes them', () => {
    expect(
      calibrationMismatch(stored(0.5, 0.001, 'um', 'seconds'), { x: 0.5, y: 0.5, unit: 'micron', source: 'imagej' }),
    ).toBe('File declares 0.5 × 0.5 um per pixel; sidecar has 0.5 um × 0.001 seconds');
  });

  it('is null when they agree, up to float noise and unit spelling', () => {
    expect(
      calibrationMismatch(stored(0.3107, 0.3107, 'µm'), {
        x: 1 / (1 / 0.3107),
        y: 0.31070000001,
        unit: 'micron',
        source: 'imagej',
      }),
    ).toBeNull();
  });

  it('is null when the file declares nothing usable', () => {
    expect(calibrationMismatch(DEFAULTS, null)).toBeNull();
    expect(calibrationMismatch(DEFAULTS, { x: 0, y: 0, unit: 'um', source: 'imagej' })).toBeNull();
  });

  it('is null for a print resolution in dots per inch, which is no microscope calibration', () => {
    expect(
      calibrationMismatch(DEFAULTS, { x: 25400 / 300, y: 25400 / 300, unit: 'um', source: 'resolution-inch' }),
    ).toBeNull();
    expect(calibrationMismatch(DEFAULTS, { x: 1, y: 2, unit: 'um', source: 'resolution-cm' })).toBe(
      'File declares 1.0 × 2.0 um per pixel; sidecar has 1.0 × 1.0 Pixels',
    );
  });

  it('notices a different unit with the same numbers', () => {
    expect(calibrationMismatch(stored(0.5, 0.5, 'nm'), { x: 0.5, y: 0.5, unit: 'um', source: 'imagej' })).toBe(
      'File declares 0.5 × 0.5 um per pixel; sidecar has 0.5 × 0.5 nm',
    );
  });
});
