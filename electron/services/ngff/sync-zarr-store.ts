/**
 * What the stores of this machine share: reads made synchronously in the worker thread that
 * runs them (see tiff/file-source.ts for why), each key checked to be a plain path first.
 */
import { isPlainKey, rangeIn } from '../../../shared/ngff/store-keys';
import { NgffReadError, type ByteRange, type ZarrStore } from '../../../shared/ngff/types';

/** A {@link ZarrStore} over synchronous reads of plain keys. */
export abstract class SyncZarrStore implements ZarrStore {
  /** The bytes of `key`, or null when the store has no such key; fails past `maxBytes`. */
  async get(key: string, maxBytes: number): Promise<Uint8Array | null> {
    return this.readKey(plainKey(key), maxBytes);
  }

  /** Part of `key`, checked as {@link get} checks it. */
  async getRange(key: string, range: ByteRange, maxBytes: number): Promise<Uint8Array | null> {
    return this.readKey(plainKey(key), maxBytes, range);
  }

  /** The bytes of a plain key, the `range` of them when given; null when absent. */
  protected abstract readKey(key: string, maxBytes: number, range?: ByteRange): Uint8Array | null;
}

function plainKey(key: string): string {
  if (!isPlainKey(key)) throw new NgffReadError(`"${key}" is not a plain path inside the store`);
  return key;
}

/** The part of a key of `size` bytes to read (all of it without `range`); fails past `maxBytes`. */
export function boundedRange(
  size: number,
  range: ByteRange | undefined,
  key: string,
  maxBytes: number,
): { start: number; length: number } {
  const part = rangeIn(size, range, key);
  if (part.length > maxBytes)
    throw new NgffReadError(`${key}: ${part.length} bytes to read, more than the ${maxBytes} allowed`);
  return part;
}
