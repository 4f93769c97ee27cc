/**
 * The calibration an image file's own header holds, value by value with where it was read
 * (ImageJ description, OME-XML, resolution tags), and whether it disagrees with the saved
 * sidecar: what "Write calibration into image files…" would put right.
 */
import type { ImageRow } from '../../../shared/api';
import { FLAVOUR_LABELS } from '../../../shared/acquisition/acquisition-details';
import type { Acquisition } from '../../../shared/acquisition/acquisition-types';
import { numberText } from '../../../shared/number-text';
import {
  CALIBRATION_SOURCE_NAMES,
  calibrationMismatch,
  declaredPixelSize,
  storedCalibrationText,
  usableCalibration,
} from '../../../shared/sidecar';
import { lengthUnitOf } from '../../../shared/tiff-calibration';
import { shownPixelSize } from '../lib/calibration';

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

/** Where a z step or interval was read, by the metadata flavour that held it. */
function placeOf(acquisition: Acquisition, key: string): string | null {
  const flavour = acquisition.origins?.[key]?.flavour;
  if (flavour === undefined) return null;
  return flavour === 'imagej' ? 'ImageJ description' : FLAVOUR_LABELS[flavour];
}

/** The z step and frame interval the header holds (as the acquisition model read them), with their place. */
function stepValues(acquisition: Acquisition | undefined): HeaderCalibrationValue[] {
  if (acquisition === undefined) return [];
  const steps: [string, number | undefined, string, string][] = [
    ['z step', acquisition.pixel_size_um?.z, 'µm', 'pixel_size_um.z'],
    ['interval', acquisition.time_increment_s, 's', 'time_increment_s'],
  ];
  return steps.flatMap(([value, size, unit, key]) =>
    size === undefined ? [] : [{ value, text: `${numberText(size)} ${unit}`, place: placeOf(acquisition, key) }],
  );
}

/** The pixel size, z step and interval of a TIFF's header, each with where it was read. */
export function headerCalibration(row: Pick<ImageRow, 'fileCalibration' | 'acquisition'>): HeaderCalibrationValue[] {
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
  return [pixel, ...stepValues(row.acquisition)];
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
