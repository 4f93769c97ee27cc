/**
 * Acquisition dates as the flavours write them, in ISO 8601 (`2019-06-27T18:33:40.619`, an
 * offset kept where the file gave one). A date that does not parse is absent, never guessed.
 */

/** An ISO 8601 date and time (`T` or a space between them), as written; undefined otherwise. */
export function isoDateTime(text: string): string | undefined {
  const match = /^\s*(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:?\d{2})?\s*$/.exec(text);
  if (match === null || !validDate(match[1] as string, match[2] as string)) return undefined;
  return `${match[1]}T${match[2]}${match[3] ?? ''}`;
}

/** The TIFF DateTime tag (`YYYY:MM:DD HH:MM:SS`) in ISO 8601; undefined when it is not one. */
export function tiffDateTime(text: string): string | undefined {
  const match = /^\s*(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}:\d{2}:\d{2})/.exec(text);
  if (match === null) return undefined;
  const day = `${match[1]}-${match[2]}-${match[3]}`;
  return validDate(day, match[4] as string) ? `${day}T${match[4]}` : undefined;
}

/** A date and time as days since 1899-12-30 (the OLE automation date LSM files use), in ISO 8601 without an offset. */
export function oleDateTime(days: number): string | undefined {
  if (!Number.isFinite(days) || days <= 1 || days > 2_958_465) return undefined;
  const ms = Math.round((days - 25569) * 86_400_000);
  return new Date(ms).toISOString().slice(0, 19);
}

/** Days in month `m` (1–12) of year `y` of the Gregorian calendar. */
function daysInMonth(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Whether `YYYY-MM-DD` and `HH:MM:SS(.f)` name a real day and time (a leap second allowed). */
function validDate(day: string, time: string): boolean {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const d = Number(day.slice(8, 10));
  const hh = Number(time.slice(0, 2));
  const mm = Number(time.slice(3, 5));
  const ss = Number(time.slice(6, 8));
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) && hh < 24 && mm < 60 && ss < 61;
}

/**
 * The calendar day of an acquisition (`2019-06-27`), as the file wrote it: a time in UTC stays
 * on its UTC day. Null when the file records no acquisition date.
 */
export function acquisitionDay(acquiredAt: string | undefined): string | null {
  return acquiredAt === undefined ? null : (/^\d{4}-\d{2}-\d{2}/.exec(acquiredAt)?.[0] ?? null);
}
