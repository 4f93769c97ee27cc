/**
 * Edits of a file CloudScope wrote, made in its text: when the text is exactly what
 * {@link writeJson} makes of its tree (the reader says so: `canonical`), a tree with the same
 * keys and only some values replaced is written by replacing those values' text. The result is
 * the same as writing the whole tree again, for a fraction of the work (the common bulk edit:
 * one field set in thousands of files). Only the nodes that differ are visited.
 */
import type { JsonNode, JsonObject } from './json-tree';
import { writeJson } from './json-writer';

/** A value's text to replace: `[from, to)` of the source, and what goes there. */
interface Replacement {
  from: number;
  to: number;
  text: string;
}

/**
 * `writeJson(after)`, made by replacing values in `text`. `text` must be exactly
 * `writeJson(before)` with `before`'s offsets pointing into it (as `readJson` read it and found
 * it canonical); `after` shares the nodes it did not change. Null when a key was added or
 * removed or a container replaced: write the tree then.
 */
export function spliceJson(text: string, before: JsonObject, after: JsonObject): string | null {
  const replacements: Replacement[] = [];
  if (!collect(text, before, after, replacements)) return null;
  let out = '';
  let copied = 0;
  for (const { from, to, text: value } of replacements) {
    out += text.slice(copied, from) + value;
    copied = to;
  }
  return out + text.slice(copied);
}

/** Notes, in text order, the scalars of `before` that `after` replaces; false when the shapes differ. */
function collect(text: string, before: JsonNode, after: JsonNode, out: Replacement[]): boolean {
  if (before === after) return true;
  if (before.kind === 'object') {
    if (after.kind !== 'object' || after.entries.length !== before.entries.length) return false;
    return before.entries.every((entry, i) => {
      const other = after.entries[i];
      return other !== undefined && other.key === entry.key && collect(text, entry.value, other.value, out);
    });
  }
  if (before.kind === 'array') {
    if (after.kind !== 'array' || after.items.length !== before.items.length) return false;
    return before.items.every((item, i) => collect(text, item, after.items[i] as JsonNode, out));
  }
  if (after.kind === 'object' || after.kind === 'array') return false;
  out.push({ from: before.offset, to: scalarEnd(text, before), text: writeJson(after) });
  return true;
}

/** Where a scalar's text ends in the source. */
function scalarEnd(text: string, node: Exclude<JsonNode, JsonObject | { kind: 'array' }>): number {
  if (node.kind === 'number') return node.offset + node.text.length;
  if (node.kind === 'literal') return node.offset + String(node.value).length;
  let at = node.offset + 1;
  while (text.charCodeAt(at) !== 0x22) at += text.charCodeAt(at) === 0x5c ? 2 : 1;
  return at + 1;
}
