/** Text formatting shared by the table and the editor panel; what a cell shows of a row is `shared/columns`'. */
import type { HeaderValues, ImageDetail } from '../../../shared/api';
import { recordedNumber } from '../../../shared/acquisition/acquisition-text';
import { formatFieldValue, formatMeasure } from '../../../shared/columns';
import type { FieldType, FieldValue } from '../../../shared/fields/field-table';

/** A stored value in a sentence or a review: `(empty)` for nothing, `yes`/`no` for a flag. */
export function displayValue(value: FieldValue | undefined): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return formatFieldValue(value);
}

/**
 * A field's text among the different values of a selection (its chips, what an edit replaces):
 * `(empty)` for nothing, a decimal field's number as recorded (`0.1048` for
 * `0.10481442857142857`), any other text as it is.
 */
export function valueChipText(text: string, type: FieldType): string {
  if (text.trim() === '') return '(empty)';
  const n = Number(text);
  return type === 'float' && Number.isFinite(n) ? recordedNumber(n) : text;
}

/** Number of pixels described by `sizes`, for sorting by dimensions; null when unknown. */
export function pixelCount(header: HeaderValues | null): number | null {
  if (!header) return null;
  const sizes = [...header.sizes.matchAll(/:\s*(\d+)/g)].map((m) => Number(m[1]));
  return sizes.length === 0 ? null : sizes.reduce((a, b) => a * b, 1);
}

/**
 * A count with thousands separators: `12,480`. Grouped by hand: creating the page's first
 * `Intl.NumberFormat` loads its locale data, about 25 ms of the page's start before the first rows.
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) return String(n);
  const digits = String(Math.abs(n));
  let grouped = digits.slice(0, digits.length % 3 || 3);
  for (let at = grouped.length; at < digits.length; at += 3) grouped += `,${digits.slice(at, at + 3)}`;
  return n < 0 ? `-${grouped}` : grouped;
}

/** `1 image` / `3 images`. */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${formatCount(n)} ${n === 1 ? word : pluralWord}`;
}

/**
 * A number field's text as it is shown at rest: `1.08333` for `1.0833333333333333`; null when
 * rounding to 6 significant digits would change nothing (or the text is not a number).
 */
export function roundedNumberText(text: string): string | null {
  const n = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(n)) return null;
  const rounded = formatMeasure(n);
  return Number(rounded) === n ? null : rounded;
}

/**
 * The header's date (`YYYYMMDD`) and time (`HH:MM:SS`) in the panel's one date style, year
 * first: `2023-11-05 14:22:07`; a date that is not in that form is shown as stored.
 */
export function formatAcquired(date: string, time: string): string {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(date);
  const month = Number(match?.[2]);
  const dayOfMonth = Number(match?.[3]);
  const day =
    match && month >= 1 && month <= 12 && dayOfMonth >= 1 && dayOfMonth <= 31
      ? `${match[1]}-${match[2]}-${match[3]}`
      : date;
  return [day, time].filter(Boolean).join(' ');
}

/** The last component of an absolute folder path on the backend's disk (either separator): `/data/run1` → `run1`. */
export function folderName(folder: string): string {
  return (
    folder
      .split(/[\\/]/)
      .filter((p) => p !== '')
      .pop() ?? folder
  );
}

/** The folder part of a relative path with its trailing `/`, or `''` at the top level. */
export function dirName(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i + 1);
}

/** How the file is stored, part by part: `3 pages`, `ADOBE_DEFLATE`, `strips`, `little-endian`. */
export function fileFacts(detail: ImageDetail): string[] {
  return [
    detail.pageCount === null ? null : plural(detail.pageCount, 'page'),
    !detail.compression ? null : detail.compression === 'NONE' ? 'uncompressed' : detail.compression,
    detail.tiled ? 'tiles' : 'strips',
    detail.byteOrder === null ? null : `${detail.byteOrder}-endian`,
    detail.bigTiff ? 'BigTIFF' : null,
  ].filter((part) => part !== null);
}

/** A file's size for people, in powers of 1,024 with at most 3 significant digits: `812 bytes`, `4.1 MiB`, `12.3 GiB`. */
export function formatBytes(bytes: number): string {
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  if (bytes < 1024) return plural(bytes, 'byte');
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number(value.toPrecision(3))} ${units[unit]}`;
}

/** How a dialog names a folder of the open folder: `raw/day1`, or `the open folder`. */
export function folderLabel(folder: string): string {
  return folder === '' ? 'the open folder' : folder;
}
