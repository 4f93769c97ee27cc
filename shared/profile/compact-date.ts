/**
 * Compact dates: `20240502` as instruments and file names write a day, and the `YYYY-MM-DD` a
 * profile's `date` format asks for. A compact date is eight digits that make a calendar day.
 */
import type { ProfileFieldRules } from '../api';

const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/** `20240502` → `2024-05-02`; null unless the text is eight digits making a real day (`20240230` is not). */
export function compactDateAsIso(text: string): string | null {
  const match = COMPACT_DATE.exec(text.trim());
  if (match === null) return null;
  const [, year, month, day] = match as unknown as [string, string, string, string];
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const real =
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day);
  return real ? `${year}-${month}-${day}` : null;
}

/** The fields a profile's rules give the `date` format: their values are written `YYYY-MM-DD`. */
export function dateFieldsOf(rules: readonly ProfileFieldRules[]): ReadonlySet<string> {
  return new Set(rules.filter((r) => r.format === 'date').map((r) => r.field));
}

/** Text for `field` in the form its profile asks: a compact date in a date field as `YYYY-MM-DD`, other text as it is. */
export function inDateFormat(text: string, field: string, dateFields: ReadonlySet<string>): string {
  return dateFields.has(field) ? (compactDateAsIso(text) ?? text) : text;
}
