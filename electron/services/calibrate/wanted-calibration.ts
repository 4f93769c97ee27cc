/**
 * What one image's header is to hold: the pixel size the request gives or the image's sidecar
 * holds (in one length unit), with the request's z step, interval and channel names; or why
 * the image cannot be calibrated (a vendor file, no calibration to write).
 */
import { IMAGE_FORMAT_NAMES } from '../../../shared/image-format';
import {
  convertLength,
  lengthUnitOf,
  type CalibrationRequest,
  type HeaderCalibration,
} from '../../../shared/tiff-calibration';
import type { ImageEntry } from '../folder';
import { readSidecarFile } from '../sidecar';

/** A Zeiss LSM by its name (a renamed one is refused by its header's LSM tag when planned). */
const LSM_NAME = /\.lsm$/i;

/** The format names said with a vowel sound first: "an ND2 file". */
const AN = new Set(['ND2', 'OIB', 'OIR', 'LSM']);

/**
 * The calibration to write into `entry`'s header: the sidecar's, with the request's pixel size
 * and unit on top (what the save path writes into the sidecar first); or why there is none.
 */
export async function wantedCalibration(
  entry: ImageEntry,
  request: CalibrationRequest,
): Promise<HeaderCalibration | { refusal: string }> {
  if (entry.format === 'ome-zarr')
    return { refusal: 'an OME-Zarr store: writing its calibration in place is not built yet' };
  // a vendor file is refused by its name before its sidecar is read: it may have none
  const vendor =
    entry.format !== 'tiff' ? IMAGE_FORMAT_NAMES[entry.format] : LSM_NAME.test(entry.absPath) ? 'LSM' : null;
  if (vendor !== null)
    return {
      refusal: `${AN.has(vendor) ? 'an' : 'a'} ${vendor} file is a vendor file and is never modified; \`acqmeta convert\` makes an OME-TIFF copy that can be calibrated`,
    };
  const extra = {
    ...(request.zStep === undefined ? {} : { zStep: request.zStep }),
    ...(request.interval === undefined ? {} : { interval: request.interval }),
    ...(request.channels === undefined ? {} : { channels: request.channels }),
  };
  const file = await readSidecarFile(entry.absPath);
  if (file.state === 'invalid') return { refusal: `its sidecar cannot be read: ${file.problems.join('; ')}` };
  const values = file.state === 'ok' ? file.sidecar.fieldValues() : {};
  const x = request.pixelSize?.x ?? values.physical_unit_x;
  const y = request.pixelSize?.y ?? values.physical_unit_y;
  const labelX = request.unit ?? String(values.physical_label_x ?? 'Pixels');
  const labelY = request.unit ?? String(values.physical_label_y ?? 'Pixels');
  const unitX = lengthUnitOf(labelX);
  const unitY = lengthUnitOf(labelY);
  const unset =
    request.pixelSize === undefined && x === 1 && y === 1 && lengthUnitOf(String(values.physical_label_x)) === null;
  if (
    unset ||
    unitX === null ||
    unitY === null ||
    typeof x !== 'number' ||
    typeof y !== 'number' ||
    !(x > 0 && y > 0)
  ) {
    const stored = file.state === 'ok' ? `${String(x)} ${labelX} × ${String(y)} ${labelY}` : 'no sidecar';
    return {
      refusal: `its sidecar holds no calibration (${stored}); give --pixel-size, or set the sidecar's pixel size in um, nm or mm`,
    };
  }
  return { pixelX: x, pixelY: convertLength(y, unitY, unitX), unit: unitX, ...extra };
}
