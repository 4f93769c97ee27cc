/**
 * What the filter compares as spans: a typed number is itself give or take the rounding of a
 * double's last binary digits (so a recorded 1.4000000000000001 is 1.4, and 1.45 is not), a
 * date is the days of the period it names (`2013` is all of 2013). A row's value passes a
 * comparison when all of it does.
 */

/** A comparison of numbers, or of dates. */
export type Comparison = '<' | '<=' | '>' | '>=' | '=';

/** From `first` to `last`, both included: numbers, or a period's days as `YYYYMMDD` numbers. */
export interface Span {
  first: number;
  last: number;
}

/** How far, relative to itself, a recorded value may lie from what it stands for: rounding, not a difference (the app keeps 12 significant digits of a converted value). */
const ROUNDING = 1e-12;

/** The recorded values a typed number finds: those equal to it but for rounding. */
export function typedNumberSpan(value: number): Span {
  const rounding = Math.abs(value) * ROUNDING;
  return { first: value - rounding, last: value + rounding };
}

/** `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (or with `/` or `.`, or `YYYYMMDD`), then a time or nothing. */
const DATE = /^\s*(\d{4})(?:([-/.]?)(\d{2})(?:\2(\d{2}))?)?(?:[T\s].*)?$/is;

/** The days of the period a date names (`2013`, `2013-05`, `2013-05-06`, a time after it ignored); null when it is not a date. */
export function dateSpan(text: string): Span | null {
  const match = DATE.exec(text);
  if (match === null) return null;
  const year = Number(match[1]) * 10_000;
  const month = match[3] === undefined ? null : Number(match[3]);
  const day = match[4] === undefined ? null : Number(match[4]);
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && (day < 1 || day > 31)) return null;
  return {
    first: year + (month ?? 1) * 100 + (day ?? 1),
    last: year + (month ?? 12) * 100 + (day ?? 31),
  };
}

/** Whether the values from `first` to `last` pass `op` against `wanted`: after, from, before, until, or within it. */
export function spanPasses(first: number, last: number, op: Comparison, wanted: Span): boolean {
  switch (op) {
    case '>':
      return first > wanted.last;
    case '>=':
      return first >= wanted.first;
    case '<':
      return last < wanted.first;
    case '<=':
      return last <= wanted.last;
    case '=':
      return first >= wanted.first && last <= wanted.last;
  }
}
