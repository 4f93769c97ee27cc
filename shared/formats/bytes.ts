/**
 * Small helpers every vendor reader shares: a bounded reader with the vendor budget, numbers
 * and text from little-endian bytes, and CloudScope's date and time strings.
 */
import { BoundedReader } from '../tiff/bounded-reader';
import type { ByteSource } from '../tiff/types';
import { VendorReadError, type VendorReadOptions } from './types';

/** Default byte budget of one header read: directories and metadata, never pixel data. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/** The bounded, cached reader of one vendor file. */
export function vendorReader(source: ByteSource, options: VendorReadOptions = {}): BoundedReader {
  return new BoundedReader(source, options.maxBytes ?? DEFAULT_MAX_BYTES);
}

/** Throws a {@link VendorReadError}. */
export function fail(message: string): never {
  throw new VendorReadError(message);
}

/** Fails unless `value` is an integer in [min, max]; `what` names it in the message. */
export function checkRange(value: number, min: number, max: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) fail(`${what} is ${value}, outside ${min}..${max}`);
  return value;
}

/** A little-endian view of `bytes`. */
export function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A signed 32-bit integer, little-endian, at `offset` of `bytes`. */
export function i32(bytes: Uint8Array, offset: number): number {
  return view(bytes).getInt32(offset, true);
}

/** An unsigned 64-bit integer, little-endian; values past 2^53 fail later bounds checks. */
export function u64(bytes: Uint8Array, offset: number): number {
  const v = view(bytes);
  return v.getUint32(offset + 4, true) * 2 ** 32 + v.getUint32(offset, true);
}

/** A signed 64-bit integer, little-endian (as a number: exact up to 2^53). */
export function i64(bytes: Uint8Array, offset: number): number {
  const v = view(bytes);
  return v.getInt32(offset + 4, true) * 2 ** 32 + v.getUint32(offset, true);
}

const LATIN1 = new TextDecoder('latin1');
const UTF8 = new TextDecoder('utf-8');
const UTF16 = new TextDecoder('utf-16le');

/** Bytes as Latin-1 text up to the first NUL. */
export function asciiz(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  return LATIN1.decode(end < 0 ? bytes : bytes.subarray(0, end));
}

/** UTF-8 text (replacing bad bytes), trailing NULs dropped. */
export function utf8(bytes: Uint8Array): string {
  return UTF8.decode(bytes).replace(/\0+$/, '');
}

/** UTF-16LE text (replacing bad units), trailing NULs dropped. */
export function utf16(bytes: Uint8Array): string {
  return UTF16.decode(bytes.length % 2 === 0 ? bytes : bytes.subarray(0, bytes.length - 1)).replace(/\0+$/, '');
}

/** Whether `bytes` starts with `prefix`. */
export function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

/** The bytes of an ASCII string. */
export function asciiBytes(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * CloudScope's `date` (YYYYMMDD) and `time` (HH:MM:SS) of a wall-clock time given as its
 * fields, or empty strings when there is none.
 */
export function headerDateTime(
  parts: { year: number; month: number; day: number; hour: number; minute: number; second: number } | null,
): { date: string; time: string } {
  if (parts === null) return { date: '', time: '' };
  return {
    date: `${pad(parts.year, 4)}${pad(parts.month)}${pad(parts.day)}`,
    time: `${pad(parts.hour)}:${pad(parts.minute)}:${pad(parts.second)}`,
  };
}

/** The fields of an ISO 8601 date-time as written (its offset ignored); null when it is not one. */
export function isoFields(
  text: string,
): { year: number; month: number; day: number; hour: number; minute: number; second: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})/.exec(text.trim());
  if (m === null) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  return { year, month, day, hour, minute, second };
}

/** The UTC fields of a Unix time in milliseconds; null outside years 1601..9999. */
export function utcFields(
  ms: number,
): { year: number; month: number; day: number; hour: number; minute: number; second: number } | null {
  if (!Number.isFinite(ms) || ms < -11644473600000 || ms > 253402300799000) return null;
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** ISO 8601 of a Unix time in milliseconds, in UTC with a `Z`, whole seconds kept as written. */
export function isoUtc(ms: number): string | undefined {
  if (utcFields(ms) === null) return undefined;
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}
