/**
 * Units as the metadata flavours spell them, normalised to the model's: µm for lengths, nm for
 * wavelengths, s for times. An unknown unit gives no value (never a guess at what was meant).
 */

/** Powers of ten of a metre, by the spellings OME (UnitsLength), NGFF (UDUNITS names), ImageJ and vendors use. */
const LENGTH_EXPONENTS: Readonly<Record<string, number>> = {
  m: 0,
  meter: 0,
  metre: 0,
  dm: -1,
  decimeter: -1,
  cm: -2,
  centimeter: -2,
  mm: -3,
  millimeter: -3,
  µm: -6,
  μm: -6,
  um: -6,
  micron: -6,
  microns: -6,
  micrometer: -6,
  micrometre: -6,
  '\\u00B5m': -6,
  nm: -9,
  nanometer: -9,
  Å: -10,
  angstrom: -10,
  pm: -12,
  picometer: -12,
};

/** Seconds per unit, by OME's UnitsTime spellings, NGFF's (UDUNITS names) and ImageJ's. */
const TIME_FACTORS: Readonly<Record<string, number>> = {
  s: 1,
  sec: 1,
  second: 1,
  seconds: 1,
  ms: 1e-3,
  msec: 1e-3,
  millisecond: 1e-3,
  µs: 1e-6,
  μs: 1e-6,
  us: 1e-6,
  microsecond: 1e-6,
  ns: 1e-9,
  nanosecond: 1e-9,
  min: 60,
  minute: 60,
  h: 3600,
  hr: 3600,
  hour: 3600,
};

/** Significant digits kept after a conversion, so 0.1 mm is 100 µm and not 100.00000000000001. */
const DIGITS = 12;

/** `value` in {@link DIGITS} significant digits; a value that was not converted is kept as written. */
function tidy(value: number, converted: boolean): number {
  return converted ? Number(value.toPrecision(DIGITS)) : value;
}

/** A number from a text or number; undefined unless finite. */
export function finiteNumber(value: string | number | undefined | null): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const text = value.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return undefined;
  return Number(text);
}

/** `table`'s entry for a unit; undefined for a unit it lacks (never an inherited `constructor` or `__proto__`). */
function lookUp(table: Readonly<Record<string, number>>, unit: string): number | undefined {
  const key = unit.trim();
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Whether a unit is a length the model knows. */
export function isLengthUnit(unit: string): boolean {
  return lookUp(LENGTH_EXPONENTS, unit) !== undefined;
}

/** Whether a unit is a time the model knows. */
export function isTimeUnit(unit: string): boolean {
  return lookUp(TIME_FACTORS, unit) !== undefined;
}

/** A length in `unit`, in µm; undefined when the value is not a positive number or the unit unknown. */
export function lengthInMicrons(value: string | number | undefined, unit: string): number | undefined {
  return lengthIn(value, unit, -6);
}

/** A wavelength in `unit`, in nm; undefined when the value is not a positive number or the unit unknown. */
export function wavelengthInNm(value: string | number | undefined, unit: string): number | undefined {
  return lengthIn(value, unit, -9);
}

function lengthIn(value: string | number | undefined, unit: string, exponent: number): number | undefined {
  const number = finiteNumber(value);
  const from = lookUp(LENGTH_EXPONENTS, unit);
  if (number === undefined || number <= 0 || from === undefined) return undefined;
  const shift = from - exponent;
  return tidy(shift >= 0 ? number * 10 ** shift : number / 10 ** -shift, shift !== 0);
}

/** A time in `unit`, in s; undefined when the value is not a positive number or the unit unknown. */
export function timeInSeconds(value: string | number | undefined, unit: string): number | undefined {
  const number = finiteNumber(value);
  const factor = lookUp(TIME_FACTORS, unit);
  if (number === undefined || number <= 0 || factor === undefined) return undefined;
  return tidy(number * factor, factor !== 1);
}
