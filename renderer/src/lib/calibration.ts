/**
 * The calibration an image file declares, as the editor offers it. Whether it differs from the
 * sidecar's is the backend's rule (`calibrationMismatch` in shared/sidecar/calibration), so the
 * offer and the row's warning always agree.
 */
import type { FileCalibration } from '../../../shared/api';
import type { FieldValues } from '../../../shared/fields/field-table';
import { usableCalibration } from '../../../shared/sidecar/calibration';
import { formatMeasure } from './format';

/** The four calibration values that adopt the file's own calibration; null when it is unusable. */
export function fileCalibrationValues(cal: FileCalibration): FieldValues | null {
  const usable = usableCalibration(cal);
  if (usable === null) return null;
  return { physical_unit_x: usable.x, physical_unit_y: usable.y, physical_label_x: usable.label, physical_label_y: usable.label };
}

/** `0.5 × 0.5 um` (x × y and the label that would be stored). */
export function describeFileCalibration(cal: FileCalibration): string {
  const usable = usableCalibration(cal);
  return usable === null ? '' : `${formatMeasure(usable.x)} × ${formatMeasure(usable.y)} ${usable.label}`;
}
