/**
 * Nikon's "CLX Lite" variant encoding, in which ND2 files of version 3 store their metadata
 * chunks: each item is a type byte, a name length (UTF-16 units, NUL included), the name, then
 * the value; a LEVEL item holds `count` nested items followed by `count` 8-byte offsets; items
 * with an empty name form a list. Decoded into plain objects under caps on depth and items.
 */
import { fail, u64, utf16, view } from './bytes';

/** A decoded value: numbers, strings, byte arrays and nested records. */
export type LiteValue = number | boolean | string | Uint8Array | LiteRecord | LiteValue[];
/** A decoded LEVEL: names to values. */
export interface LiteRecord {
  [name: string]: LiteValue;
}

const MAX_DEPTH = 64;
const MAX_ITEMS = 1_000_000;

class Cursor {
  pos = 0;
  constructor(
    readonly bytes: Uint8Array,
    readonly what: string,
    /** Items decoded so far in the whole chunk, shared by nested cursors. */
    readonly count: { items: number },
  ) {}

  need(n: number): void {
    if (n < 0 || this.pos + n > this.bytes.length)
      fail(`${this.what}: item at ${this.pos} runs past the end of its ${this.bytes.length} bytes`);
  }
}

/** A NUL-terminated UTF-16 string starting at the cursor. */
function readString(c: Cursor): string {
  let end = c.pos;
  while (end + 1 < c.bytes.length && (c.bytes[end] !== 0 || c.bytes[end + 1] !== 0)) end += 2;
  const text = utf16(c.bytes.subarray(c.pos, end));
  c.pos = Math.min(end + 2, c.bytes.length);
  return text;
}

const FIXED_SIZES: Readonly<Record<number, number>> = { 1: 1, 2: 4, 3: 4, 4: 8, 5: 8, 6: 8, 7: 8 };

/** The value of an item of `type` at the cursor; `itemStart` is where the item's type byte is. */
function readValue(c: Cursor, type: number, itemStart: number, depth: number): LiteValue {
  const v = view(c.bytes);
  const size = FIXED_SIZES[type];
  if (size !== undefined) c.need(size);
  const at = c.pos;
  if (size !== undefined) c.pos += size;
  switch (type) {
    case 1:
      return c.bytes[at] !== 0;
    case 2:
      return v.getInt32(at, true);
    case 3:
      return v.getUint32(at, true);
    case 4:
      return v.getInt32(at + 4, true) * 2 ** 32 + v.getUint32(at, true);
    case 5:
    case 7:
      return u64(c.bytes, at);
    case 6:
      return v.getFloat64(at, true);
    case 8:
      return readString(c);
    case 9: {
      c.need(8);
      const length = u64(c.bytes, c.pos);
      c.pos += 8;
      c.need(length);
      const bytes = c.bytes.subarray(c.pos, c.pos + length);
      c.pos += length;
      return bytes;
    }
    case 11:
      return readLevel(c, itemStart, depth);
    default:
      return fail(`${c.what}: unknown item type ${type} at ${itemStart}`);
  }
}

/** A LEVEL value: item count and length (from the item's type byte), nested items, then their offsets. */
function readLevel(c: Cursor, itemStart: number, depth: number): LiteValue {
  if (depth >= MAX_DEPTH) fail(`${c.what} nests deeper than ${MAX_DEPTH} levels`);
  c.need(12);
  const count = view(c.bytes).getUint32(c.pos, true);
  const length = u64(c.bytes, c.pos + 4);
  c.pos += 12;
  const nestedEnd = itemStart + length;
  if (nestedEnd < c.pos || nestedEnd > c.bytes.length)
    fail(`${c.what}: the level at ${itemStart} claims ${length} bytes`);
  const record = readItems(new Cursor(c.bytes.subarray(c.pos, nestedEnd), c.what, c.count), count, depth + 1);
  c.pos = nestedEnd;
  c.need(count * 8);
  c.pos += count * 8;
  const list = record[''];
  if (Object.keys(record).length === 1 && list !== undefined) return Array.isArray(list) ? list : [list];
  return record;
}

function readItems(c: Cursor, count: number, depth: number): LiteRecord {
  const out: LiteRecord = {};
  for (let i = 0; i < count && c.pos < c.bytes.length; i++) {
    if (++c.count.items > MAX_ITEMS) fail(`${c.what} has more than ${MAX_ITEMS} items`);
    const itemStart = c.pos;
    c.need(2);
    const type = c.bytes[c.pos] as number;
    const nameUnits = c.bytes[c.pos + 1] as number;
    c.pos += 2;
    if (type === 76) fail(`${c.what} is zlib-compressed, which a header read does not decompress`);
    c.need(nameUnits * 2);
    const name = utf16(c.bytes.subarray(c.pos, c.pos + nameUnits * 2));
    c.pos += nameUnits * 2;
    const value = readValue(c, type, itemStart, depth);
    const existing = out[name];
    if (name === '' && existing !== undefined)
      out[''] = Array.isArray(existing) ? [...existing, value] : [existing, value];
    else out[name] = value;
  }
  return out;
}

/** Decodes one metadata chunk. */
export function decodeLite(bytes: Uint8Array, what: string): LiteRecord {
  return readItems(new Cursor(bytes, what, { items: 0 }), 1, 0);
}

/** The values of a decoded list or record (lists of records appear as either). */
export function liteValues(value: LiteValue | undefined): LiteValue[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  if (typeof value === 'object' && !(value instanceof Uint8Array)) return Object.values(value);
  return [];
}

/** The record at a path of names, or undefined when any step is not a record. */
export function liteAt(value: LiteValue | undefined, ...path: string[]): LiteValue | undefined {
  let current = value;
  for (const name of path) {
    if (current === undefined || typeof current !== 'object' || current instanceof Uint8Array || Array.isArray(current))
      return undefined;
    current = current[name];
  }
  return current;
}

/** A number at a path, or undefined. */
export function liteNumber(value: LiteValue | undefined, ...path: string[]): number | undefined {
  const found = liteAt(value, ...path);
  if (typeof found === 'boolean') return found ? 1 : 0;
  return typeof found === 'number' && Number.isFinite(found) ? found : undefined;
}

/** A string at a path, or undefined. */
export function liteString(value: LiteValue | undefined, ...path: string[]): string | undefined {
  const found = liteAt(value, ...path);
  return typeof found === 'string' ? found : undefined;
}
