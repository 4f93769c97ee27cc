/** Comparing the calibration a file declares with the one its sidecar holds. */
import type { FileCalibration } from '../../../shared/api';
import type { FieldValue, FieldValues } from '../../../shared/fields/field-table';
import { formatMeasure } from './format';

/** Spellings of micrometres that CloudScope's label `um` stands for. */
const MICRON = new Set(['um', 'µm', '\u00b5m', '\u03bcm', 'micron', 'microns', 'micrometer', 'micrometre']);

/** The label to store for a file's unit: micrometre spellings become `um`. */
function calibrationLabel(unit: string): string {
  return MICRON.has(unit.trim().toLowerCase()) ? 'um' : unit.trim();
}

/** The four calibration values that adopt the file's own calibration. */
export function fileCalibrationValues(cal: FileCalibration): FieldValues {
  const label = calibrationLabel(cal.unit);
  return { physical_unit_x: cal.x, physical_unit_y: cal.y, physical_label_x: label, physical_label_y: label };
}

function close(a: number, b: FieldValue): boolean {
  return typeof b === 'number' && Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/** Whether the values differ from the file's calibration (so offering it is useful). */
export function differsFromFile(cal: FileCalibration, values: FieldValues): boolean {
  const wanted = fileCalibrationValues(cal);
  return (
    !close(cal.x, values.physical_unit_x ?? null) ||
    !close(cal.y, values.physical_unit_y ?? null) ||
    values.physical_label_x !== wanted.physical_label_x ||
    values.physical_label_y !== wanted.physical_label_y
  );
}

/** `0.5 × 0.5 um` (x × y and the label that would be stored). */
export function describeFileCalibration(cal: FileCalibration): string {
  return `${formatMeasure(cal.x)} × ${formatMeasure(cal.y)} ${calibrationLabel(cal.unit)}`;
}
