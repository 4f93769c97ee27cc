/**
 * Human-readable tag values for the "All tags" view: long arrays and texts are shortened,
 * enumerations named, and a value that cannot be read says so instead of failing the file.
 */
import type { TagEntry } from '../api';
import { decodeAscii, readEntryBytes, TYPE_SIZES, type IfdEntry } from './ifd';
import { tagNumbers, type TiffPage } from './page';
import { tagLabel, tagName, typeName, valueName } from './tag-names';
import type { TiffFile } from './tiff-file';

const MAX_VALUES = 16;
const SHOWN_VALUES = 8;
const MAX_TEXT = 200;

/** A number as Python would print it, with at most 10 significant digits for fractions. */
function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
}

function formatValue(file: TiffFile, entry: IfdEntry): string {
  const what = tagLabel(entry.code);
  if (TYPE_SIZES[entry.type] === undefined) return '';
  if (entry.type === 2) {
    const text = decodeAscii(readEntryBytes(file.reader, entry, what, 4 * MAX_TEXT));
    return text.length > MAX_TEXT || entry.count > 4 * MAX_TEXT
      ? `${text.slice(0, MAX_TEXT)}… (${entry.count} bytes)`
      : text;
  }
  if (entry.type === 7 || (entry.type === 1 && entry.count > MAX_VALUES)) {
    if (entry.count > MAX_VALUES) return `(${entry.count} bytes)`;
    const bytes = readEntryBytes(file.reader, entry, what);
    return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  }
  const raw = tagNumbers(file.reader, file.format, entry, MAX_VALUES + 1);
  const rational = entry.type === 5 || entry.type === 10;
  const values: number[] = [];
  for (let i = 0; i < raw.length; i += rational ? 2 : 1) {
    values.push(rational ? (raw[i] ?? 0) / (raw[i + 1] ?? 1) : (raw[i] ?? 0));
  }
  if (entry.count === 1 && values[0] !== undefined) {
    const name = valueName(entry.code, values[0]);
    return name === undefined ? formatNumber(values[0]) : `${values[0]} (${name})`;
  }
  if (entry.count > MAX_VALUES) {
    return `${values.slice(0, SHOWN_VALUES).map(formatNumber).join(', ')}, … (${entry.count} values)`;
  }
  return values.map(formatNumber).join(', ');
}

/** All tags of a page with names, types, counts and shortened values. */
export function formatTags(file: TiffFile, page: TiffPage): TagEntry[] {
  const tags: TagEntry[] = [];
  for (const entry of page.entries) {
    let value: string;
    try {
      value = formatValue(file, entry);
    } catch (error) {
      value = `(unreadable: ${error instanceof Error ? error.message : String(error)})`;
    }
    tags.push({ code: entry.code, name: tagName(entry.code), type: typeName(entry.type), count: entry.count, value });
  }
  return tags;
}
