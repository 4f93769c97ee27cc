/**
 * Edits of a file CloudScope wrote, made in its text: when the text is exactly what
 * {@link writeJson} makes of its tree, a tree with the same keys and only some values replaced
 * is written by replacing those values' text. The result is the same as writing the whole tree
 * again, for a fraction of the work (the common bulk edit: one field set in thousands of files).
 */
import type { JsonArray, JsonNode, JsonObject } from './json-tree';
import { writeJson } from './json-writer';
import { compareCodePoints, pythonJsonString } from './python-repr';

/** A walk gave up: the text is not in CloudScope's layout, or the trees differ in shape. */
const NO = -1;

class Splicer {
  /** Text pieces of the result, up to `copied` in the source. */
  private readonly pieces: string[] = [];
  private copied = 0;

  constructor(private readonly text: string) {}

  /** Checks `before` at `pos` (layout only where `after` is the same node) and notes where `after` differs; the position after it, or NO. */
  node(pos: number, before: JsonNode, after: JsonNode, indent: string): number {
    if (before.kind === 'object') return after.kind === 'object' ? this.object(pos, before, after, indent) : NO;
    if (before.kind === 'array') {
      if (after.kind !== 'array' || after.items.length !== before.items.length) return NO;
      return this.list(pos, '[', ']', before.items.length, indent, (i, at, inner) => this.node(at, before.items[i] as JsonNode, after.items[i] as JsonNode, inner));
    }
    const end = this.scalar(pos, before);
    if (end === NO || after === before) return end;
    if (after.kind === 'object' || after.kind === 'array') return NO;
    this.pieces.push(this.text.slice(this.copied, pos), writeJson(after));
    this.copied = end;
    return end;
  }

  /** The rest of the source after the last replacement. */
  result(): string {
    return this.pieces.join('') + this.text.slice(this.copied);
  }

  private object(pos: number, before: JsonObject, after: JsonObject, indent: string): number {
    const { entries } = before;
    if (after.entries.length !== entries.length) return NO;
    return this.list(pos, '{', '}', entries.length, indent, (i, at, inner) => {
      const entry = entries[i] as JsonObject['entries'][number];
      const other = after.entries[i] as JsonObject['entries'][number];
      if (other.key !== entry.key) return NO;
      if (i > 0 && compareCodePoints((entries[i - 1] as typeof entry).key, entry.key) > 0) return NO; // the writer would sort
      const colon = this.string(at, entry.key);
      if (colon === NO || !this.text.startsWith(': ', colon)) return NO;
      return this.node(colon + 2, entry.value, other.value, inner);
    });
  }

  /** `{…}` or `[…]` with one member per line, indented two spaces a level, as the writer lays them out. */
  private list(pos: number, open: string, close: string, count: number, indent: string, member: (i: number, pos: number, inner: string) => number): number {
    const { text } = this;
    if (text[pos] !== open) return NO;
    if (count === 0) return text[pos + 1] === close ? pos + 2 : NO;
    const inner = `${indent}  `;
    let at = pos + 1;
    for (let i = 0; i < count; i++) {
      if (!text.startsWith(i === 0 ? '\n' : ',\n', at)) return NO;
      at += i === 0 ? 1 : 2;
      if (!text.startsWith(inner, at)) return NO;
      at = member(i, at + inner.length, inner);
      if (at === NO) return NO;
    }
    return text.startsWith(`\n${indent}${close}`, at) ? at + indent.length + 2 : NO;
  }

  private scalar(pos: number, node: Exclude<JsonNode, JsonObject | JsonArray>): number {
    switch (node.kind) {
      case 'string':
        return this.string(pos, node.value);
      case 'number':
        return this.text.startsWith(node.text, pos) ? pos + node.text.length : NO;
      case 'literal': {
        const word = String(node.value);
        return this.text.startsWith(word, pos) ? pos + word.length : NO;
      }
    }
  }

  /** A string as the writer escapes it (printable ASCII stays as it is); the position after it. */
  private string(pos: number, value: string): number {
    const { text } = this;
    if (text.charCodeAt(pos) !== 0x22) return NO;
    let plain = text.charCodeAt(pos + 1 + value.length) === 0x22;
    for (let i = 0; plain && i < value.length; i++) {
      const c = value.charCodeAt(i);
      plain = c >= 0x20 && c <= 0x7e && c !== 0x22 && c !== 0x5c && text.charCodeAt(pos + 1 + i) === c;
    }
    if (plain) return pos + value.length + 2;
    const written = pythonJsonString(value);
    return text.startsWith(written, pos) ? pos + written.length : NO;
  }
}

/**
 * `writeJson(after)`, made by replacing values in `text` when `text` is exactly
 * `writeJson(before)` and `after` has the same keys and items (shared nodes where unchanged);
 * null when that does not hold (another layout, a key added or removed): write the tree then.
 */
export function spliceJson(text: string, before: JsonObject, after: JsonObject): string | null {
  const splicer = new Splicer(text);
  const end = splicer.node(0, before, after, '');
  return end === text.length ? splicer.result() : null;
}
