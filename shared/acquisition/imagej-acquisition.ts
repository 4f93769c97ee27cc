/**
 * The acquisition an ImageJ description records: the pixel size (X/YResolution in `unit`),
 * the Z step (`spacing`, in `unit`), the frame interval (`finterval`, in `tunit`, seconds
 * by default). The `ImageJ=` version is the description's format (tifffile writes `1.11a`), not
 * the software that acquired the image, and is not read.
 */
import { AcquisitionBuilder } from './acquisition-builder';
import type { Acquisition } from './acquisition-types';
import { isLengthUnit, isTimeUnit, lengthInMicrons, timeInSeconds } from './units';

/** The `key=value` items of an ImageJ description, typed as the TIFF reader parses them. */
export type ImageJItems = Record<string, string | number | boolean>;

/** Units that mean "not calibrated" in ImageJ. */
const UNCALIBRATED = new Set(['', 'pixel', 'pixels', 'inch']);

/** `\u00B5m` as ImageJ escapes it, and the other spellings of µm. */
function unitOf(value: string | number | boolean | undefined): string {
  return value === undefined
    ? ''
    : String(value)
        .trim()
        .replace(/^\\u00B5/i, 'µ');
}

/** The acquisition of an ImageJ description, with the page's X/YResolution (pixels per unit). */
export function imagejAcquisition(
  items: ImageJItems,
  resolution: { x: [number, number]; y: [number, number] } | undefined,
): Acquisition {
  const b = new AcquisitionBuilder('imagej');
  const unit = unitOf(items.unit);
  if (!UNCALIBRATED.has(unit.toLowerCase())) {
    if (!isLengthUnit(unit))
      b.problem(`ImageJ: unit "${unit.slice(0, 40)}" is not a length AcqMeta knows; the pixel size is left out`);
    else {
      const size = ([num, den]: [number, number]): number | undefined =>
        num > 0 && den > 0 ? lengthInMicrons(den / num, unit) : undefined;
      if (resolution !== undefined) {
        b.group('pixel_size_um', 'x', size(resolution.x), 'XResolution+unit');
        b.group('pixel_size_um', 'y', size(resolution.y), 'YResolution+unit');
      }
      const spacing = items.spacing;
      if (typeof spacing === 'number') b.group('pixel_size_um', 'z', lengthInMicrons(spacing, unit), 'spacing+unit');
    }
  }
  const interval = items.finterval;
  if (typeof interval === 'number') {
    const tunit = unitOf(items.tunit) || 's';
    if (!isTimeUnit(tunit))
      b.problem(`ImageJ: tunit "${tunit.slice(0, 40)}" is not a time AcqMeta knows; finterval is left out`);
    else b.top('time_increment_s', timeInSeconds(interval, tunit), 'finterval');
  }
  return b.build();
}
