/** How ROIs read in the editor: bounds in pixels, and in the image's units when it is calibrated. */
import type { LineBounds, RectBounds, RoiEntry } from '../../../shared/analysis';
import type { FieldValues } from '../../../shared/fields/field-table';
import { formatMeasure } from '../../../shared/columns';
import { formatCount } from '../lib/format';

/** One axis's calibration: size of a pixel and its unit as shown (`µm`, `s`). */
export interface AxisCalibration {
  size: number;
  unit: string;
}

/** The calibration of the image's axes; an axis is null while it is in pixels. */
export interface ImageCalibration {
  x: AxisCalibration | null;
  y: AxisCalibration | null;
}

/** A unit label as shown: `um` is `µm`, `seconds` is `s`. */
export function unitLabel(label: string): string {
  const trimmed = label.trim();
  if (/^(um|micron|microns|micrometers?|micrometres?)$/i.test(trimmed)) return 'µm';
  if (/^(s|sec|secs|seconds?)$/i.test(trimmed)) return 's';
  return trimmed;
}

function axis(size: unknown, label: unknown): AxisCalibration | null {
  if (typeof size !== 'number' || !(size > 0) || typeof label !== 'string') return null;
  if (label.trim() === '' || label.trim().toLowerCase() === 'pixels') return null;
  return { size, unit: unitLabel(label) };
}

/** The calibration stored in a sidecar's values (X: columns, Y: rows). */
export function imageCalibration(values: FieldValues): ImageCalibration {
  return {
    x: axis(values.physical_unit_x, values.physical_label_x),
    y: axis(values.physical_unit_y, values.physical_label_y),
  };
}

/** `2.85 s`: a length in pixels in the axis's unit. */
function physical(pixels: number, calibration: AxisCalibration): string {
  return `${formatMeasure(pixels * calibration.size)} ${calibration.unit}`;
}

/** `0–3000 (3,000 px = 2.85 s)`: a half-open pixel range and its extent. */
function rangeText(start: number, stop: number, calibration: AxisCalibration | null): string {
  const extent = stop - start;
  const inUnits = calibration === null ? '' : ` = ${physical(extent, calibration)}`;
  return `${formatMeasure(start)}–${formatMeasure(stop)} (${formatCount(extent)} px${inUnits})`;
}

/** The lines describing an ROI's bounds, each as a label and a text. */
export function boundsLines(bounds: RectBounds | LineBounds, calibration: ImageCalibration): [string, string][] {
  if (bounds.kind === 'rect') {
    return [
      ['Rows', rangeText(bounds.rowStart, bounds.rowStop, calibration.y)],
      ['Columns', rangeText(bounds.colStart, bounds.colStop, calibration.x)],
    ];
  }
  const rows = bounds.row1 - bounds.row0;
  const cols = bounds.col1 - bounds.col0;
  const { x, y } = calibration;
  const sameUnit = x !== null && y !== null && x.unit === y.unit;
  const length = sameUnit ? ` = ${formatMeasure(Math.hypot(rows * y.size, cols * x.size))} ${x.unit}` : '';
  return [
    ['From', `row ${formatMeasure(bounds.row0)}, column ${formatMeasure(bounds.col0)}`],
    ['To', `row ${formatMeasure(bounds.row1)}, column ${formatMeasure(bounds.col1)}`],
    ['Length', `${formatMeasure(Math.hypot(rows, cols))} px${length}`],
  ];
}

/** `ROI 3`, or `ROI #2 in the list` when the ROI has no numeric id. */
export function roiTitle(roi: Pick<RoiEntry, 'id' | 'index'>): string {
  return roi.id === null ? `ROI #${roi.index + 1} in the list` : `ROI ${roi.id}`;
}

/** Colours of the ROIs on the preview, by position (bright on the dark preview frame). */
const ROI_COLORS = ['#ffd43b', '#4dabf7', '#ff8787', '#69db7c', '#da77f2', '#ffa94d', '#3bc9db', '#f783ac'];

/** The colour of the ROI at `index` of the list. */
export function roiColor(index: number): string {
  return ROI_COLORS[index % ROI_COLORS.length] as string;
}
