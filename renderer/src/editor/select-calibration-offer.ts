/**
 * What the editor offers about the pixel size an image file declares (pure; used with
 * `useShallow`, so the views hold primitives only).
 */
import type { CalibrationSource, ImageRow } from '../../../shared/api';
import type { FieldValues } from '../../../shared/fields/field-table';
import {
  CALIBRATION_SOURCE_NAMES,
  declaredPixelSize,
  holdsPixelSize,
  storedCalibrationText,
  usableCalibration,
} from '../../../shared/sidecar';
import { type AppState, effectiveValues, isEditable, type PathFold, slicedOverPaths } from '../store';

/** The sidecar's pixel sizes in 6 significant digits, as a sentence shows them (`1.08333`, not `1.0833333333333333`). */
function roundedSizes(values: FieldValues): FieldValues {
  const round = (n: FieldValues[string] | undefined) =>
    typeof n === 'number' ? Number(n.toPrecision(6)) : (n ?? null);
  return { ...values, physical_unit_x: round(values.physical_unit_x), physical_unit_y: round(values.physical_unit_y) };
}

/** The offer for one image. */
export interface SingleCalibrationOffer {
  /**
   * `differs`: the file declares a microscope calibration the sidecar (or the one to be
   * created) does not have; `new-sidecar`: there is no sidecar yet and a new one takes the
   * file's calibration; `print`: the file only has a print resolution (dots per inch) that the
   * sidecar does not hold; `none`: nothing to say.
   */
  kind: 'none' | 'differs' | 'new-sidecar' | 'print';
  source: CalibrationSource | null;
  x: number;
  y: number;
  label: string;
  /** The calibration the sidecar would keep, e.g. `1.0 × 1.0 Pixels`. */
  current: string;
  /** There is no sidecar yet. */
  newSidecar: boolean;
}

const NONE: SingleCalibrationOffer = {
  kind: 'none',
  source: null,
  x: 0,
  y: 0,
  label: '',
  current: '',
  newSidecar: false,
};

type Rows = Pick<AppState, 'rows' | 'edits'>;

/** Which offer an image gets. */
function offerKind(row: ImageRow, s: Rows): SingleCalibrationOffer['kind'] {
  if (!row.fileCalibration || !isEditable(row)) return 'none';
  const values = effectiveValues(row, s.edits[row.path]);
  const usable = usableCalibration(row.fileCalibration);
  if (usable !== null)
    return !holdsPixelSize(values, usable) ? 'differs' : row.sidecar === 'missing' ? 'new-sidecar' : 'none';
  const declared = declaredPixelSize(row.fileCalibration);
  return declared !== null && !holdsPixelSize(values, declared) ? 'print' : 'none';
}

/** The offer for the image at `path`. */
export function singleCalibrationOffer(s: Rows, path: string): SingleCalibrationOffer {
  const row = s.rows[path];
  const kind = row ? offerKind(row, s) : 'none';
  const size = kind === 'none' ? null : declaredPixelSize(row!.fileCalibration);
  if (size === null) return NONE;
  return {
    kind,
    source: row!.fileCalibration!.source,
    ...size,
    current: storedCalibrationText(roundedSizes(effectiveValues(row!, s.edits[path]))),
    newSidecar: row!.sidecar === 'missing',
  };
}

/** The offer for many images. */
export interface MultiCalibrationOffer {
  /** Images whose sidecar would change by taking their file's microscope calibration. */
  count: number;
  /** Where those come from: `ImageJ metadata, OME-XML`. */
  sources: string;
  /** They all declare the same pixel size (then `x`, `y`, `label` hold it). */
  same: boolean;
  x: number;
  y: number;
  label: string;
  /** Images with only a print resolution the sidecar does not hold: not offered. */
  print: number;
}

/** Paths among `paths` whose sidecar would change by taking their file's microscope calibration. */
export function calibrationOfferPaths(s: Rows, paths: readonly string[]): string[] {
  return paths.filter((path) => s.rows[path] !== undefined && offerKind(s.rows[path], s) === 'differs');
}

/** The offer for a selection of many images, one image at a time. */
export function calibrationOfferFold(s: Rows): PathFold<MultiCalibrationOffer> {
  const offer: MultiCalibrationOffer = { count: 0, sources: '', same: true, x: 0, y: 0, label: '', print: 0 };
  const sources = new Set<CalibrationSource>();
  return {
    add(path) {
      const row = s.rows[path];
      const kind = row ? offerKind(row, s) : 'none';
      if (kind === 'print') offer.print++;
      if (kind !== 'differs') return;
      const size = usableCalibration(row!.fileCalibration)!;
      if (offer.count === 0) Object.assign(offer, size);
      else if (size.x !== offer.x || size.y !== offer.y || size.label !== offer.label) offer.same = false;
      sources.add(row!.fileCalibration!.source);
      offer.count++;
    },
    result: () => ({ ...offer, sources: [...sources].map((source) => CALIBRATION_SOURCE_NAMES[source]).join(', ') }),
  };
}

/** The offer for `paths`, once per change of rows or edits; null while a long selection is read for the first time. */
export function selectCalibrationOffer(paths: readonly string[]): (s: AppState) => MultiCalibrationOffer | null {
  return slicedOverPaths(
    paths,
    'calibration-offer',
    (s) => [s.rows, s.rowsEpoch, s.edits] as const,
    (rows, _epoch, edits) => calibrationOfferFold({ rows, edits }),
  );
}
