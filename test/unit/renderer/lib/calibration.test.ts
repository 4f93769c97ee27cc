import { describe, expect, it } from 'vitest';
import { describeFileCalibration, differsFromFile } from '../../../../renderer/src/lib/calibration';

describe('file calibration', () => {
  const file = { x: 0.5, y: 0.5, unit: 'micron' };

  it('is offered only when the sidecar holds something else', () => {
    expect(differsFromFile(file, { physical_unit_x: 1, physical_unit_y: 1, physical_label_x: 'Pixels', physical_label_y: 'Pixels' })).toBe(true);
    expect(differsFromFile(file, { physical_unit_x: 0.5, physical_unit_y: 0.5, physical_label_x: 'um', physical_label_y: 'um' })).toBe(false);
    expect(differsFromFile(file, { physical_unit_x: 0.5, physical_unit_y: 0.5, physical_label_x: 'nm', physical_label_y: 'um' })).toBe(true);
  });

  it('agrees with the backend: µm is um, and float noise is no difference', () => {
    expect(differsFromFile(file, { physical_unit_x: 0.5000000001, physical_unit_y: 0.5, physical_label_x: 'µm', physical_label_y: 'um' })).toBe(false);
    expect(differsFromFile({ x: 0, y: 0.5, unit: 'um' }, { physical_unit_x: 1, physical_unit_y: 1, physical_label_x: 'Pixels', physical_label_y: 'Pixels' })).toBe(
      false,
    );
  });

  it('is described as x × y and the label that would be stored', () => {
    expect(describeFileCalibration(file)).toBe('0.5 × 0.5 um');
    expect(describeFileCalibration({ x: 0.10375200000000001, y: 2, unit: 'nm' })).toBe('0.103752 × 2 nm');
  });
});
