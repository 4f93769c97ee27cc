/**
 * A profile file's text with its lossless tree, so that every problem found in the schema can
 * name the line and column it comes from.
 */
import { positionOf } from '../sidecar/json-reader';
import { memberOf, type JsonNode } from '../sidecar/json-tree';
import { pointerSegments } from '../validation/json-path';

/** The text of a profile and its tree as read by the lossless JSON reader. */
export interface ProfileText {
  /** The file as named in messages. */
  source: string;
  text: string;
  root: JsonNode;
}

/** The node at a path of keys and indexes, or the deepest ancestor that exists. */
function nodeAt(root: JsonNode, segments: readonly string[]): JsonNode {
  let node = root;
  for (const segment of segments) {
    const next =
      node.kind === 'object'
        ? memberOf(node, segment)
        : node.kind === 'array'
          ? node.items[Number(segment)]
          : undefined;
    if (next === undefined) return node;
    node = next;
  }
  return node;
}

/** `<source>: line L, column C: <message>` for a problem at a JSON Pointer into the profile. */
export function problemAt(profile: ProfileText, pointer: string, message: string): string {
  return problemAtOffset(profile, nodeAt(profile.root, pointerSegments(pointer)).offset, message);
}

/** `<source>: line L, column C: <message>` for a problem at an offset of the text. */
export function problemAtOffset(
  profile: Pick<ProfileText, 'source' | 'text'>,
  offset: number,
  message: string,
): string {
  const { line, column } = positionOf(profile.text, Math.max(0, offset));
  return `${profile.source}: line ${line}, column ${column}: ${message}`;
}

/** The JSON Pointer of the first member named `key` (depth first), if `accept`ed, or null. */
export function pointerOfKey(
  root: JsonNode,
  key: string,
  accept: (value: JsonNode) => boolean = () => true,
): string | null {
  const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
  const visit = (node: JsonNode, pointer: string): string | null => {
    if (node.kind === 'object') {
      for (const entry of node.entries) {
        if (entry.key === key && accept(entry.value)) return `${pointer}/${escape(key)}`;
        const found = visit(entry.value, `${pointer}/${escape(entry.key)}`);
        if (found !== null) return found;
      }
    } else if (node.kind === 'array') {
      for (const [i, item] of node.items.entries()) {
        const found = visit(item, `${pointer}/${i}`);
        if (found !== null) return found;
      }
    }
    return null;
  };
  return visit(root, '');
}
