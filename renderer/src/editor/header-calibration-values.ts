/**
 * The calibration an image file's own header holds, value by value with where it was read
 * (ImageJ description, OME-XML, resolution tags), and whether it disagrees with the saved
 * sidecar: what "Write calibration into image files…" would put right.
 */
import type { ImageDetail, ImageRow } from '../../../shared/api';
import {
  CALIBRATION_SOURCE_NAMES,
  calibrationMismatch,
  declaredPixelSize,
  storedCalibrationText,
  usableCalibration,
} from '../../../shared/sidecar';
import { lengthUnitOf } from '../../../shared/tiff-calibration';
import { shownPixelSize } from '../lib/calibration';
import { imageJDescriptionLines } from './description';

/** One calibration value of the header: its name, what it says, and where it was read (null: nowhere). */
export interface HeaderCalibrationValue {
  value: string;
  text: string;
  place: string | null;
}

/** Where a TIFF's pixel size was read, by the source the header reader names. */
const TIFF_PLACES: Partial<Record<NonNullable<ImageRow['fileCalibration']>['source'], string>> = {
  imagej: 'ImageJ description (unit) and resolution tags',
  ome: 'OME-XML',
  'resolution-cm': 'resolution tags, pixels per cm',
  'resolution-inch': 'resolution tags, dots per inch: a print setting',
};

/** The attributes of the first OME `Pixels` element (the image the sidecar describes). */
function omePixels(xml: string): Record<string, string> {
  const element = /<(?:\w+:)?Pixels\b([^>]*)>/.exec(xml)?.[1] ?? '';
  return Object.fromEntries([...element.matchAll(/(\w+)\s*=\s*"([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

/** The z step and frame interval the description holds, with their place. */
function stepValues(description: ImageDetail['description']): HeaderCalibrationValue[] {
  if (description.kind === 'imagej') {
    const items = new Map(imageJDescriptionLines(description.text).map((line) => [line.key, line.value]));
    const unit = items.get('unit') ?? '';
    return [
      ['z step', items.get('spacing'), unit],
      ['interval', items.get('finterval'), 's'],
    ]
      .filter(([, text]) => text !== undefined)
      .map(([value, text, suffix]) => ({
        value: value as string,
        text: `${text} ${suffix}`.trim(),
        place: 'ImageJ description',
      }));
  }
  if (description.kind !== 'ome') return [];
  const pixels = omePixels(description.text);
  const values: HeaderCalibrationValue[] = [];
  if (pixels.PhysicalSizeZ !== undefined)
    values.push({
      value: 'z step',
      text: `${pixels.PhysicalSizeZ} ${pixels.PhysicalSizeZUnit ?? 'µm'}`,
      place: 'OME-XML',
    });
  if (pixels.TimeIncrement !== undefined)
    values.push({
      value: 'interval',
      text: `${pixels.TimeIncrement} ${pixels.TimeIncrementUnit ?? 's'}`,
      place: 'OME-XML',
    });
  return values;
}

/** The pixel size, z step and interval of a TIFF's header, each with where it was read. */
export function headerCalibration(
  row: Pick<ImageRow, 'fileCalibration'>,
  description: ImageDetail['description'],
): HeaderCalibrationValue[] {
  const cal = row.fileCalibration;
  const size = declaredPixelSize(cal);
  const pixel: HeaderCalibrationValue =
    cal === null || size === null
      ? { value: 'pixel size', text: 'none', place: null }
      : {
          value: 'pixel size',
          text: shownPixelSize(size),
          place: TIFF_PLACES[cal.source] ?? CALIBRATION_SOURCE_NAMES[cal.source],
        };
  return [pixel, ...stepValues(description)];
}

/**
 * How the header's pixel size disagrees with the saved sidecar's, in words; null when they
 * agree or the sidecar holds no pixel size in length units along both X and Y.
 */
export function headerSidecarGap(row: Pick<ImageRow, 'fileCalibration' | 'values'>): string | null {
  const mismatch = calibrationMismatch(row.values, row.fileCalibration);
  if (mismatch !== null) return `${mismatch}.`;
  const { physical_unit_x: x, physical_unit_y: y, physical_label_x: labelX, physical_label_y: labelY } = row.values;
  // a line scan's Y is time: no header can hold it as a pixel size, and calibrate refuses it
  const lengths = lengthUnitOf(String(labelX)) !== null && lengthUnitOf(String(labelY)) !== null;
  const sidecarHasOne = typeof x === 'number' && typeof y === 'number' && lengths;
  if (!sidecarHasOne || usableCalibration(row.fileCalibration) !== null) return null;
  return `The header declares no microscope pixel size; the sidecar has ${storedCalibrationText(row.values)}.`;
}
