/**
 * Writes a {@link JsonNode} tree exactly as Python's
 * `json.dumps(obj, indent=2, sort_keys=True)` would (the bytes CloudScope writes).
 */
import type { JsonEntry, JsonNode } from './json-tree';
import { compareCodePoints, pythonJsonString } from './python-repr';

/** Serializes a tree; numbers are written with the text they carry, no trailing newline. */
export function writeJson(node: JsonNode): string {
  return write(node, '');
}

function write(node: JsonNode, indent: string): string {
  switch (node.kind) {
    case 'object': {
      if (node.entries.length === 0) return '{}';
      const inner = `${indent}  `;
      let out = '{';
      let separator = '\n';
      for (const entry of sortedByKey(node.entries)) {
        out += `${separator}${inner}${pythonJsonString(entry.key)}: ${write(entry.value, inner)}`;
        separator = ',\n';
      }
      return `${out}\n${indent}}`;
    }
    case 'array': {
      if (node.items.length === 0) return '[]';
      const inner = `${indent}  `;
      let out = '[';
      let separator = '\n';
      for (const item of node.items) {
        out += `${separator}${inner}${write(item, inner)}`;
        separator = ',\n';
      }
      return `${out}\n${indent}]`;
    }
    case 'string':
      return pythonJsonString(node.value);
    case 'number':
      return node.text;
    case 'literal':
      return String(node.value);
  }
}

/** The entries in code-point order of their keys (stable: repeated keys keep their order). */
function sortedByKey(entries: readonly JsonEntry[]): readonly JsonEntry[] {
  for (let i = 1; i < entries.length; i++) {
    if (compareCodePoints((entries[i - 1] as JsonEntry).key, (entries[i] as JsonEntry).key) > 0) {
      return [...entries].sort((a, b) => compareCodePoints(a.key, b.key));
    }
  }
  return entries; // already sorted, as in every file CloudScope wrote
}
