/**
 * Images whose files declare a pixel size, added to a test's folder before the app opens it:
 * tifffile-written fixtures of test/fixtures/tiff/generated/ (see test/fixtures/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cloudscopeSidecar } from './calibrated-image';

const GENERATED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/tiff/generated');

/** ImageJ, 2 × 32 × 24 uint16, `unit=um` with a resolution of 1/0.29999999988358467: a sidecar with 1.0 / Pixels. */
export const IMAGEJ_IMAGE = 'calibration/imagej-0.3um.tif';
/** The same image without a sidecar. */
export const IMAGEJ_NO_SIDECAR = 'calibration/imagej-no-sidecar.tif';
/** A plain RGB "photo" at 300 dots per inch (84.67 µm per pixel as printed): a sidecar with 1.0 / Pixels. */
export const PHOTO_IMAGE = 'calibration/photo-300dpi.tif';
/** The exact pixel size the ImageJ image declares, as Python writes it. */
export const IMAGEJ_PIXEL_SIZE = '0.29999999988358467';

/** The images and sidecars, for the `extraFiles` option of the app fixture. */
export function calibrationImageFiles(): Record<string, string | Uint8Array> {
  const imagej = readFileSync(path.join(GENERATED, 'imagej-2ch-u16.tif'));
  const photo = readFileSync(path.join(GENERATED, 'plain-dpi-rgb.tif'));
  return {
    [IMAGEJ_IMAGE]: imagej,
    [`${IMAGEJ_IMAGE}.json`]: cloudscopeSidecar({
      dims: "('C', 'Y', 'X')",
      dtype: 'uint16',
      num_channels: 2,
      shape: '(2, 32, 24)',
      sizes: "{'C': 2, 'Y': 32, 'X': 24}",
    }),
    [IMAGEJ_NO_SIDECAR]: imagej,
    [PHOTO_IMAGE]: photo,
    [`${PHOTO_IMAGE}.json`]: cloudscopeSidecar({
      dims: "('Y', 'X', 'C')",
      dtype: 'uint8',
      num_channels: 3,
      shape: '(10, 12, 3)',
      sizes: "{'Y': 10, 'X': 12, 'C': 3}",
    }),
  };
}
