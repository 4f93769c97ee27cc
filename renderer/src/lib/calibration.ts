/**
 * The calibration an image file declares, as the editor offers it. Whether it differs from the
 * sidecar's is the backend's rule (`shared/sidecar/calibration`), so the offer and the row's
 * warning always agree. Numbers are shown rounded; the exact values written are on hover.
 */
import type { FileCalibration } from '../../../shared/api';
import type { FieldValues } from '../../../shared/fields/field-table';
import { declaredPixelSize, pixelSizeValues, pythonFloatRepr, type PixelSize } from '../../../shared/sidecar';

/** Significant digits of a pixel size as shown (the exact value is written and shown on hover). */
const SHOWN_DIGITS = 4;

/** Micrometres per inch: a resolution in dots per inch is 25400 / µm per pixel. */
const MICROMETRES_PER_INCH = 25400;

/**
 * The four calibration values that adopt the file's pixel size, whatever its source (the offer
 * says where it comes from); null when the file declares none that is usable.
 */
export function fileCalibrationValues(cal: FileCalibration): FieldValues | null {
  const size = declaredPixelSize(cal);
  return size === null ? null : pixelSizeValues(size);
}

function rounded(n: number): string {
  return String(Number(n.toPrecision(SHOWN_DIGITS)));
}

/** A pixel size for people: `0.5 × 0.5 um`, `≈ 0.3 × 0.3 um` when rounded for display. */
export function shownPixelSize(size: PixelSize): string {
  const approximate = rounded(size.x) !== String(size.x) || rounded(size.y) !== String(size.y);
  return `${approximate ? '≈ ' : ''}${rounded(size.x)} × ${rounded(size.y)} ${size.label}`;
}

/** Exactly what adopting a pixel size writes, for the tooltip. */
export function writtenPixelSize(size: PixelSize): string {
  return `Writes Pixel size X ${pythonFloatRepr(size.x)}, Pixel size Y ${pythonFloatRepr(size.y)}, and “${size.label}” as both units.`;
}

/** A print resolution in dots per inch from a pixel size in micrometres: `300 dpi`, `300 × 150 dpi`. */
export function dotsPerInch(size: PixelSize): string {
  const x = rounded(MICROMETRES_PER_INCH / size.x);
  const y = rounded(MICROMETRES_PER_INCH / size.y);
  return x === y ? `${x} dpi` : `${x} × ${y} dpi`;
}
