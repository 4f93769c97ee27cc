/**
 * Pixel calibration declared by an image file versus the one stored in its sidecar.
 *
 * A file's pixel size from ImageJ metadata, OME-XML or resolution tags in centimetres is a
 * microscope calibration: a new sidecar takes it and a sidecar that differs is flagged. A
 * resolution in dots per inch is a print setting (a 300-dpi photo is 84.67 µm per pixel on
 * paper), so it is neither taken nor flagged; the editor only offers it, saying what it is.
 */
import type { CalibrationSource, FileCalibration } from '../image-header';
import type { FieldValue, FieldValues } from '../fields/field-table';
import { describeValue } from '../validation';
import { pythonFloatRepr } from './python-repr';

/** A pixel size as a sidecar stores it: sizes along X and Y and the label of their unit. */
export interface PixelSize {
  x: number;
  y: number;
  label: string;
}

/** Where a declared pixel size comes from, for people. */
export const CALIBRATION_SOURCE_NAMES: Readonly<Record<CalibrationSource, string>> = {
  imagej: 'ImageJ metadata',
  ome: 'OME-XML',
  lsm: 'Zeiss LSM metadata (CZ_LSMINFO)',
  'resolution-cm': 'TIFF resolution tags in pixels per cm',
  'resolution-inch': 'TIFF resolution tags in dots per inch',
  czi: 'Zeiss CZI metadata',
  nd2: 'Nikon ND2 metadata',
  lif: 'Leica LIF metadata',
  oib: 'Olympus OIB metadata',
  ngff: 'OME-Zarr (NGFF) multiscales metadata',
};

const MICROMETRE = new Set([
  'um',
  'µm',
  'μm',
  'micron',
  'microns',
  'micrometer',
  'micrometers',
  'micrometre',
  'micrometres',
  '\\u00b5m',
]);

/** Relative difference below which two pixel sizes count as equal (float noise). */
const TOLERANCE = 1e-6;

/** The sidecar label for a unit: `um` for every spelling of micrometre, `Pixels` when empty. */
export function unitLabel(unit: string): string {
  const trimmed = unit.trim();
  if (MICROMETRE.has(trimmed.toLowerCase())) return 'um';
  return trimmed === '' ? 'Pixels' : trimmed;
}

/** The pixel size a file declares, whatever its source; null unless both sizes are positive and finite. */
export function declaredPixelSize(file: FileCalibration | null): PixelSize | null {
  if (file === null) return null;
  const ok = (v: number): boolean => Number.isFinite(v) && v > 0;
  return ok(file.x) && ok(file.y) ? { x: file.x, y: file.y, label: unitLabel(file.unit) } : null;
}

/** A file calibration a sidecar takes on its own: a microscope's, not a print resolution in inches; null otherwise. */
export function usableCalibration(file: FileCalibration | null): PixelSize | null {
  return file?.source === 'resolution-inch' ? null : declaredPixelSize(file);
}

/** The four calibration fields holding a pixel size. */
export function pixelSizeValues(size: PixelSize): FieldValues {
  return {
    physical_unit_x: size.x,
    physical_unit_y: size.y,
    physical_label_x: size.label,
    physical_label_y: size.label,
  };
}

/** Whether the calibration fields of `values` already hold `size` (up to float noise). */
export function holdsPixelSize(values: FieldValues, size: PixelSize): boolean {
  const { physical_unit_x: x, physical_unit_y: y, physical_label_x: lx, physical_label_y: ly } = values;
  return close(x, size.x) && close(y, size.y) && labelOf(lx) === size.label && labelOf(ly) === size.label;
}

/** The calibration fields of `values` as text: `1.0 × 1.0 Pixels`, or `0.5 um × 2.0 seconds` when the labels differ. */
export function storedCalibrationText(values: FieldValues): string {
  const { physical_unit_x: x, physical_unit_y: y } = values;
  const lx = labelOf(values.physical_label_x);
  const ly = labelOf(values.physical_label_y);
  return lx === ly ? `${show(x)} × ${show(y)} ${show(lx)}` : `${show(x)} ${show(lx)} × ${show(y)} ${show(ly)}`;
}

/**
 * Says how the sidecar's calibration differs from the file's, e.g. `File declares 0.5 × 0.5 um
 * per pixel; sidecar has 1.0 × 1.0 Pixels`; null when they agree or the file declares none (or
 * only a print resolution).
 */
export function calibrationMismatch(values: FieldValues, file: FileCalibration | null): string | null {
  const declared = usableCalibration(file);
  if (declared === null || holdsPixelSize(values, declared)) return null;
  return `File declares ${pythonFloatRepr(declared.x)} × ${pythonFloatRepr(declared.y)} ${declared.label} per pixel; sidecar has ${storedCalibrationText(values)}`;
}

/** A stored label in its canonical spelling (`um` for `µm`); other values as they are. */
function labelOf(value: FieldValue | undefined): FieldValue | undefined {
  return typeof value === 'string' ? unitLabel(value) : value;
}

function close(stored: FieldValue | undefined, declared: number): boolean {
  return (
    typeof stored === 'number' &&
    Math.abs(stored - declared) <= TOLERANCE * Math.max(Math.abs(stored), Math.abs(declared))
  );
}

function show(value: FieldValue | undefined): string {
  if (typeof value === 'number') return pythonFloatRepr(value);
  return typeof value === 'string' ? value : describeValue(value);
}
