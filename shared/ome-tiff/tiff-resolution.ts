/**
 * The pixel size as TIFF's own resolution tags, for programs that read no OME-XML (ImageJ 1.x,
 * most viewers): pixels per centimetre, the unit Bio-Formats and tifffile write, each a RATIONAL
 * whose denominator is at most a million.
 */
import type { TiffTag } from './tiff-ifd';

/** The largest denominator: far finer than any pixel size is known, and the numerator stays a LONG. */
const MAX_DENOMINATOR = 1_000_000;
/** A RATIONAL's numerator and denominator are LONGs. */
const MAX_LONG = 0xffffffff;
/** ResolutionUnit: centimetre. */
const CENTIMETRE = 3;
const UM_PER_CM = 10_000;

/**
 * The fraction nearest `value` (positive) whose denominator is at most {@link MAX_DENOMINATOR},
 * as Python's `Fraction.limit_denominator` finds it (continued fractions, the better of the last
 * convergent and the best semiconvergent); null when it cannot be two LONGs or is 0.
 */
export function rationalOf(value: number): [number, number] | null {
  let [p0, q0, p1, q1] = [0, 1, 1, 0];
  let rest = value;
  for (;;) {
    const a = Math.floor(rest);
    const q2 = q0 + a * q1;
    if (q2 > MAX_DENOMINATOR) break;
    [p0, q0, p1, q1] = [p1, q1, p0 + a * p1, q2];
    const fraction = rest - a;
    if (fraction < 1e-12 || Math.abs(p1 / q1 - value) <= Number.EPSILON * value) break;
    rest = 1 / fraction;
  }
  const k = Math.floor((MAX_DENOMINATOR - q0) / q1);
  const semi: [number, number] = [p0 + k * p1, q0 + k * q1];
  const best: [number, number] =
    k > 0 && Math.abs(semi[0] / semi[1] - value) < Math.abs(p1 / q1 - value) ? semi : [p1, q1];
  return best[0] === 0 || best[0] > MAX_LONG || best[1] === 0 ? null : best;
}

/**
 * XResolution, YResolution (pixels per cm) and ResolutionUnit (centimetre) of a page whose
 * pixels are `pixelSizeUm` wide and high; none when a size is unknown or cannot be stated.
 */
export function resolutionTags(pixelSizeUm: { x: number; y: number } | null | undefined): TiffTag[] {
  if (pixelSizeUm === null || pixelSizeUm === undefined) return [];
  const { x, y } = pixelSizeUm;
  if (!(x > 0 && y > 0 && Number.isFinite(x) && Number.isFinite(y))) return [];
  const perCmX = rationalOf(UM_PER_CM / x);
  const perCmY = rationalOf(UM_PER_CM / y);
  if (perCmX === null || perCmY === null) return [];
  return [
    { code: 282, kind: 'rational', values: perCmX },
    { code: 283, kind: 'rational', values: perCmY },
    { code: 296, kind: 'short', values: [CENTIMETRE] },
  ];
}
