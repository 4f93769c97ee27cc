/**
 * Whether an image's recorded pixel size fits the camera it was taken with: on a camera system
 * the pixel size in the sample is the camera's pixel ÷ the total magnification. A recorded size
 * more than 5% off means the wrong objective was recorded, or the wrong calibration.
 */
import type { Acquisition } from '../acquisition/acquisition-types';
import type { InstrumentComponent, InstrumentDescription } from './instrument-types';

/** How far (as a fraction) a recorded pixel size may be from the camera's pixel ÷ magnification. */
export const PIXEL_SIZE_TOLERANCE = 0.05;

/** Detectors that image a field at once (a camera's pixel maps to the sample), by `Schema_ID`. */
const CAMERA = /^(CCD|EMCCD|CMOS|sCMOS|Camera)[^/]*\.json$/i;

const round = (value: number): number => Number(value.toPrecision(4));

/**
 * The warning for a recorded pixel size (µm) more than {@link PIXEL_SIZE_TOLERANCE} off the
 * camera pixel (µm) ÷ the total magnification; null when it fits or a value is not positive.
 */
export function pixelSizeWarning(recordedUm: number, cameraPixelUm: number, magnification: number): string | null {
  if (!(recordedUm > 0 && cameraPixelUm > 0 && magnification > 0)) return null;
  const expected = cameraPixelUm / magnification;
  const off = Math.abs(recordedUm - expected) / expected;
  if (off <= PIXEL_SIZE_TOLERANCE) return null;
  return (
    `the recorded pixel size ${round(recordedUm)} µm is ${Math.round(off * 100)}% off the ` +
    `${round(expected)} µm that the camera's ${round(cameraPixelUm)} µm pixel ÷ ${round(magnification)}× gives: ` +
    'the wrong objective recorded, or the wrong calibration?'
  );
}

/**
 * The camera pixel (µm) of the microscopes in `scope` when they are camera systems: every
 * detector a camera and all of one pixel size; undefined otherwise (a point scanner's pixel is
 * set by its zoom, and with two pixel sizes the camera used is not known).
 */
export function cameraPixelOf(scope: readonly InstrumentDescription[]): number | undefined {
  const detectors: InstrumentComponent[] = scope.flatMap((d) => d.components.filter((c) => c.kind === 'detector'));
  if (detectors.length === 0 || !detectors.every((d) => CAMERA.test(d.schemaId))) return undefined;
  const sizes = new Set(detectors.map((d) => d.pixel_size_um));
  const [only] = sizes;
  return sizes.size === 1 ? only : undefined;
}

/** The check of `acquisition`'s pixel size against the camera of `scope`, with `magnification` the objective's. */
export function pixelSizeCheck(
  acquisition: Acquisition,
  scope: readonly InstrumentDescription[],
  magnification: number | undefined,
): string[] {
  const recorded = acquisition.pixel_size_um?.x;
  const camera = cameraPixelOf(scope);
  if (recorded === undefined || camera === undefined || magnification === undefined) return [];
  const warning = pixelSizeWarning(recorded, camera, magnification);
  return warning === null ? [] : [warning];
}
