/**
 * Auto-contrast for previews: maps the 0.5th..99.5th percentile of a plane onto 0..255, so
 * 12-bit data in a 16-bit container, float images and dim fluorescence all look right.
 */

/** Pixel values of any numeric TIFF sample type. */
export type NumericArray = ArrayLike<number>;

const LOW_PERCENTILE = 0.5;
const HIGH_PERCENTILE = 99.5;

/** The low and high percentile of the finite values, or null when there are none. */
export function percentileRange(
  values: NumericArray,
  low = LOW_PERCENTILE,
  high = HIGH_PERCENTILE,
): [number, number] | null {
  const finite = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) finite[n++] = v;
  }
  if (n === 0) return null;
  const sorted = finite.subarray(0, n).sort();
  const at = (p: number): number => sorted[Math.min(n - 1, Math.max(0, Math.round((p / 100) * (n - 1))))] as number;
  return [at(low), at(high)];
}

/**
 * Scales values into 8 bits with one range for all of them (keeps RGB colour balance). A
 * flat range (a constant plane) is widened to include 0 and 255, so flat gray stays gray.
 */
function toUint8(values: NumericArray, range: [number, number] | null, invert = false): Uint8Array {
  const out = new Uint8Array(values.length);
  if (range === null) return out;
  let [lo, hi] = range;
  if (hi <= lo) [lo, hi] = [Math.min(0, lo), Math.max(255, hi)];
  const scale = 255 / (hi - lo);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    let byte = Number.isFinite(v) ? Math.round((v - lo) * scale) : 0;
    byte = byte < 0 ? 0 : byte > 255 ? 255 : byte;
    out[i] = invert ? 255 - byte : byte;
  }
  return out;
}

/** Auto-contrasted 8-bit copy of a plane (or of interleaved RGB, stretched jointly); `range` overrides the percentiles. */
export function autoContrast(values: NumericArray, invert = false, range?: [number, number]): Uint8Array {
  return toUint8(values, range ?? percentileRange(values), invert);
}

/** Pixels a preview keeps on the short side of a long, thin image (line scans: every column). */
const MIN_SHORT_SIDE = 64;

/** Long side over short side from which an image counts as long and thin. */
const LONG_AND_THIN = 4;

/**
 * Output size that fits `maxSize` on the longer side, never larger than the source. A long,
 * thin image keeps up to {@link MIN_SHORT_SIDE} pixels on its short side (never more than
 * `maxSize`), so a (3000, 24) line scan previews as 24 × 512, not 4 × 512.
 */
export function fitSize(width: number, height: number, maxSize: number): { width: number; height: number } {
  const scale = Math.min(1, maxSize / Math.max(width, height, 1));
  const fit = (n: number): number => Math.max(1, Math.round(n * scale));
  const keep = (n: number): number => Math.max(fit(n), Math.min(n, MIN_SHORT_SIDE, maxSize));
  return {
    width: height > LONG_AND_THIN * width ? keep(width) : fit(width),
    height: width > LONG_AND_THIN * height ? keep(height) : fit(height),
  };
}
