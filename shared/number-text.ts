/**
 * Numbers as people and repositories read them: the one formatter every writer of text for people
 * uses (HuBMAP and HTAN files, drafts, methods, OME-XML, OME-Zarr metadata). Sidecars are not
 * written through it: they keep CloudScope's exact text.
 */

/** The most significant digits a number for people is written with: a double's noise lies past them. */
const PEOPLE_DIGITS = 15;
/** The most significant digits that tell a single-precision float apart. */
const FLOAT32_DIGITS = 9;

/** How many significant digits a number's text has (`0.0120` → 3, `1.5e-7` → 2). */
function significantDigits(text: string): number {
  return text
    .replace(/[eE].*$/, '')
    .replace(/[^0-9]/g, '')
    .replace(/^0+/, '')
    .replace(/0+$/, '').length;
}

/**
 * The shortest decimal that gives back the float32 `value` was widened from (a float32 1.4 read
 * as a double is 1.399999976158142); undefined when `value` is not a float32 with a short form.
 */
function float32Form(value: number): number | undefined {
  if (Math.fround(value) !== value) return undefined;
  for (let digits = 1; digits < FLOAT32_DIGITS; digits++) {
    const short = Number(value.toPrecision(digits));
    if (Math.fround(short) === value) return short;
  }
  return undefined;
}

/**
 * `value` without floating-point noise, as a number JSON writes cleanly: at most 15 significant
 * digits (`1.4000000000000001` → 1.4, `0.09999999999999999` → 0.1, `488.00000000000006` → 488),
 * and a float32 widened to a double as the float32 was written (`1.399999976158142` → 1.4).
 * A value already short is kept as it is; -0 is 0; NaN and ±Infinity stay as they are.
 */
export function cleanNumber(value: number): number {
  if (!Number.isFinite(value)) return value;
  if (value === 0) return 0;
  if (significantDigits(String(value)) <= PEOPLE_DIGITS) return value;
  return float32Form(value) ?? Number(value.toPrecision(PEOPLE_DIGITS));
}

/** `value` as text for people: {@link cleanNumber}'s digits (`1.4`, `488`, `0.1`, `1e-7`). */
export function numberText(value: number): string {
  return String(cleanNumber(value));
}

/** A plain decimal number as text: `-12`, `1.4000000000000001`, `2.5e-7`; nothing else. */
const NUMERIC_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Text that holds a number, as written for people: a number read as text from a vendor's XML
 * (`1.4000000000000001`) is written as {@link numberText} writes it; any other text is kept.
 * A number whose text has 15 significant digits or fewer is kept as written (`1.40`, `0488`).
 */
export function numericText(text: string): string {
  const trimmed = text.trim();
  if (!NUMERIC_TEXT.test(trimmed)) return text;
  if (significantDigits(trimmed) <= PEOPLE_DIGITS) return text;
  return numberText(Number(trimmed));
}
