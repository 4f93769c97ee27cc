/**
 * Olympus settings text (the OIF main file, `.pty` files, `OibInfo.txt`): UTF-16 with a BOM or
 * UTF-8, `[Section]` headers and `key=value` lines, a binary `[ColorLUTData]` section last.
 * Values keep their text, enclosing quotes (single or double) removed; numbers are parsed by
 * whoever reads them.
 */
import { fail, utf16, utf8 } from './bytes';

/** Sections by name, each a map of keys to values. */
export type Settings = Map<string, Map<string, string>>;

/** Most lines and sections read from one settings text. */
const MAX_LINES = 200_000;

/** Parses settings bytes; fails unless they are UTF-16 with BOM or start with `[`. */
export function parseSettings(bytes: Uint8Array, what: string): Settings {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = utf16(bytes.subarray(2));
  else if (bytes[0] === 0x5b) text = utf8(bytes);
  else return fail(`${what} is not an Olympus settings text`);
  const lut = text.indexOf('[ColorLUTData]');
  if (lut >= 0) text = text.slice(0, lut);
  const out: Settings = new Map();
  let section: Map<string, string> | undefined;
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length > MAX_LINES) fail(`${what} has more than ${MAX_LINES} lines`);
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || line.startsWith(';')) continue;
    if (line.startsWith('[') && line.endsWith(']')) {
      section = new Map();
      out.set(line.slice(1, -1), section);
    } else if (section !== undefined && line.includes('=')) {
      const at = line.indexOf('=');
      const value = line.slice(at + 1);
      const quoted = value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0] as string);
      section.set(line.slice(0, at), quoted ? value.slice(1, -1) : value);
    }
  }
  return out;
}

/** A value, or undefined. */
export function setting(settings: Settings | undefined, section: string, key: string): string | undefined {
  return settings?.get(section)?.get(key);
}
