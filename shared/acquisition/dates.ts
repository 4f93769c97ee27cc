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
  return isoDateTime(`${match[1]}-${match[2]}-${match[3]}T${match[4]}`);
}

/** A date and time as days since 1899-12-30 (the OLE automation date LSM files use), in ISO 8601 without an offset. */
export function oleDateTime(days: number): string | undefined {
  if (!Number.isFinite(days) || days <= 1 || days > 2_958_465) return undefined;
  const ms = Math.round((days - 25569) * 86_400_000);
  return new Date(ms).toISOString().slice(0, 19);
}

function validDate(day: string, time: string): boolean {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [hh, mm, ss] = time.split(':').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d && hh < 24 && mm < 60 && ss < 61;
}

/**
 * The calendar day of an acquisition (`2019-06-27`), as the file wrote it: a time in UTC stays
 * on its UTC day. Null when the file records no acquisition date.
 */
export function acquisitionDay(acquiredAt: string | undefined): string | null {
  return acquiredAt === undefined ? null : (/^\d{4}-\d{2}-\d{2}/.exec(acquiredAt)?.[0] ?? null);
}
