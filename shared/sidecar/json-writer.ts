/**
 * Writes a {@link JsonNode} tree exactly as Python's
 * `json.dumps(obj, indent=2, sort_keys=True)` would (the bytes CloudScope writes).
 */
import type { JsonNode } from './json-tree';
import { compareCodePoints, pythonJsonString } from './python-repr';

/** Serializes a tree; numbers are written with the text they carry, no trailing newline. */
export function writeJson(node: JsonNode): string {
  const out: string[] = [];
  write(node, '', out);
  return out.join('');
}

function write(node: JsonNode, indent: string, out: string[]): void {
  switch (node.kind) {
    case 'object': {
      if (node.entries.length === 0) {
        out.push('{}');
        return;
      }
      const inner = `${indent}  `;
      const sorted = [...node.entries].sort((a, b) => compareCodePoints(a.key, b.key));
      out.push('{');
      sorted.forEach((entry, i) => {
        out.push(i === 0 ? '\n' : ',\n', inner, pythonJsonString(entry.key), ': ');
        write(entry.value, inner, out);
      });
      out.push('\n', indent, '}');
      return;
    }
    case 'array': {
      if (node.items.length === 0) {
        out.push('[]');
        return;
      }
      const inner = `${indent}  `;
      out.push('[');
      node.items.forEach((item, i) => {
        out.push(i === 0 ? '\n' : ',\n', inner);
        write(item, inner, out);
      });
      out.push('\n', indent, ']');
      return;
    }
    case 'string':
      out.push(pythonJsonString(node.value));
      return;
    case 'number':
      out.push(node.text);
      return;
    case 'literal':
      out.push(String(node.value));
      return;
  }
}
