/**
 * Units as each reader of a header spells them, and resolutions as TIFF rationals: ImageJ reads
 * its own `unit=` words, OME-XML the UnitsLength symbols, Bio-Formats and tifffile a plain
 * TIFF's resolution in pixels per centimetre.
 */
import { unitLabel } from '../sidecar/calibration';
import type { LengthUnit } from './calibration-model';

/** How ImageJ's own description spells each unit (it reads `micron` as µm; `um` only when escaped). */
export const IMAGEJ_UNIT: Readonly<Record<LengthUnit, string>> = { um: 'micron', nm: 'nm', mm: 'mm' };

/** OME's UnitsLength symbol of each unit. */
export const OME_UNIT: Readonly<Record<LengthUnit, string>> = { um: 'µm', nm: 'nm', mm: 'mm' };

/** Centimetres in one of each unit. */
const CENTIMETRES: Readonly<Record<LengthUnit, number>> = { um: 1e-4, nm: 1e-7, mm: 0.1 };

/** The length unit a sidecar label (`um`, `µm`, `micron`, `nm`, `mm`) names; null for any other (`Pixels`, `seconds`). */
export function lengthUnitOf(label: string): LengthUnit | null {
  const canonical = unitLabel(label);
  return canonical === 'um' || canonical === 'nm' || canonical === 'mm' ? canonical : null;
}

/** `size` in `from` expressed in `to`. */
export function convertLength(size: number, from: LengthUnit, to: LengthUnit): number {
  return (size * CENTIMETRES[from]) / CENTIMETRES[to];
}

/** Pixels per centimetre of a pixel `size` long in `unit`. */
export function pixelsPerCentimetre(size: number, unit: LengthUnit): number {
  return 1 / (size * CENTIMETRES[unit]);
}

const UINT32_MAX = 0xffffffff;

/**
 * The TIFF RATIONAL (numerator, denominator, each a uint32) nearest `value` > 0: the last
 * convergent of its continued fraction that fits, so 2 is 2/1 and 1/0.325 is 40/13 exactly.
 */
export function rational(value: number): [number, number] {
  let [h0, h1, k0, k1] = [0, 1, 1, 0];
  let rest = value;
  for (let step = 0; step < 64; step++) {
    const whole = Math.floor(rest);
    const h = whole * h1 + h0;
    const k = whole * k1 + k0;
    if (h > UINT32_MAX || k > UINT32_MAX) break;
    [h0, h1, k0, k1] = [h1, h, k1, k];
    const fraction = rest - whole;
    if (fraction < 1e-12 || Math.abs(h / k - value) <= Number.EPSILON * value) break;
    rest = 1 / fraction;
  }
  return k1 === 0 ? [UINT32_MAX, 1] : [Math.max(h1, 1), k1];
}
