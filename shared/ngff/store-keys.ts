/**
 * Keys inside a Zarr store, and reading its JSON metadata documents within bounds.
 */
import { NgffReadError, type ByteRange, type ZarrStore } from './types';

/** Most bytes of one metadata document (`zarr.json`, `.zattrs`, `.zarray`) a header read takes. */
export const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

/** Whether a key is a plain relative path: non-empty `/`-separated parts, none `.` or `..`, no backslash or NUL. */
export function isPlainKey(key: string): boolean {
  if (key === '' || key.includes('\\') || key.includes('\0')) return false;
  return key.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/** Where a range lies in a key's `size` bytes (a file's, a zip entry's); a range past its end fails. */
export function rangeIn(size: number, range: ByteRange | undefined, key: string): { start: number; length: number } {
  if (range === undefined) return { start: 0, length: size };
  const { start, length } =
    'suffixLength' in range
      ? { start: size - range.suffixLength, length: range.suffixLength }
      : { start: range.offset, length: range.length };
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(length) || start < 0 || length < 0 || start + length > size)
    throw new NgffReadError(`${key}: the range asked for lies outside its ${size} bytes`);
  return { start, length };
}

/** `prefix/name`, or `name` at the store's root. */
export function keyIn(prefix: string, name: string): string {
  return prefix === '' ? name : `${prefix}/${name}`;
}

/** A value as an error message quotes it: short, and never walking into nested JSON (which may nest past the stack). */
export function quoted(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 64 ? `${value.slice(0, 64)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return Array.isArray(value) ? 'a list' : typeof value;
}

/** Whether a value is a JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON value in a document's bytes (UTF-8); fails with an {@link NgffReadError} naming `key`. */
export function parseJson(bytes: Uint8Array, key: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new NgffReadError(`${key} is not JSON`);
  }
}

/** The JSON object stored at `key`; null when the store has no such key. Fails on anything but a JSON object. */
export async function readDocument(store: ZarrStore, key: string): Promise<Record<string, unknown> | null> {
  const bytes = await store.get(key, MAX_DOCUMENT_BYTES);
  if (bytes === null) return null;
  const value = parseJson(bytes, key);
  if (!isObject(value)) throw new NgffReadError(`${key} is not a JSON object`);
  return value;
}
