/**
 * Pixel calibration declared by an image file versus the one stored in its sidecar.
 */
import type { FileCalibration } from '../api';
import type { FieldValue, FieldValues } from '../fields/field-table';
import { describeValue } from '../validation';
import { pythonFloatRepr } from './python-repr';

const MICROMETRE = new Set(['um', 'µm', 'μm', 'micron', 'microns', 'micrometer', 'micrometers', 'micrometre', 'micrometres', '\\u00b5m']);

/** Relative difference below which two pixel sizes count as equal (float noise). */
const TOLERANCE = 1e-6;

/** The sidecar label for a unit: `um` for every spelling of micrometre, `Pixels` when empty. */
function unitLabel(unit: string): string {
  const trimmed = unit.trim();
  if (MICROMETRE.has(trimmed.toLowerCase())) return 'um';
  return trimmed === '' ? 'Pixels' : trimmed;
}

/** A file calibration the sidecar can take: positive finite sizes; null otherwise. */
export function usableCalibration(file: FileCalibration | null): { x: number; y: number; label: string } | null {
  if (file === null) return null;
  const ok = (v: number): boolean => Number.isFinite(v) && v > 0;
  return ok(file.x) && ok(file.y) ? { x: file.x, y: file.y, label: unitLabel(file.unit) } : null;
}

/**
 * Says how the sidecar's calibration differs from the file's, e.g. `File declares 0.5 × 0.5 um
 * per pixel; sidecar has 1.0 × 1.0 Pixels`; null when they agree or the file declares none.
 */
export function calibrationMismatch(values: FieldValues, file: FileCalibration | null): string | null {
  const declared = usableCalibration(file);
  if (declared === null) return null;
  const { physical_unit_x: x, physical_unit_y: y, physical_label_x: lx, physical_label_y: ly } = values;
  const labelX = typeof lx === 'string' ? unitLabel(lx) : lx;
  const labelY = typeof ly === 'string' ? unitLabel(ly) : ly;
  const agree = close(x, declared.x) && close(y, declared.y) && labelX === declared.label && labelY === declared.label;
  if (agree) return null;
  const stored =
    labelX === labelY
      ? `${show(x)} × ${show(y)} ${show(labelX)}`
      : `${show(x)} ${show(labelX)} × ${show(y)} ${show(labelY)}`;
  return `File declares ${pythonFloatRepr(declared.x)} × ${pythonFloatRepr(declared.y)} ${declared.label} per pixel; sidecar has ${stored}`;
}

function close(stored: FieldValue | undefined, declared: number): boolean {
  return typeof stored === 'number' && Math.abs(stored - declared) <= TOLERANCE * Math.max(Math.abs(stored), Math.abs(declared));
}

function show(value: FieldValue | undefined): string {
  if (typeof value === 'number') return pythonFloatRepr(value);
  return typeof value === 'string' ? value : describeValue(value);
}
