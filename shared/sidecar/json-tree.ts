/**
 * A lossless JSON tree: object key order, duplicate keys and the exact text of every number
 * are kept, so a file can be written back byte for byte.
 */

/** An object; `entries` keep the file's order (and any duplicate keys). */
export interface JsonObject {
  readonly kind: 'object';
  readonly entries: readonly JsonEntry[];
  /** Offset of the opening brace in the source text (-1 for nodes the editor made). */
  readonly offset: number;
}

/** One `"key": value` member of an object. */
export interface JsonEntry {
  readonly key: string;
  readonly value: JsonNode;
}

/** An array. */
export interface JsonArray {
  readonly kind: 'array';
  readonly items: readonly JsonNode[];
  readonly offset: number;
}

/** A string, decoded. */
export interface JsonString {
  readonly kind: 'string';
  readonly value: string;
  readonly offset: number;
}

/** A number as written: `1.0`, `1e-05`, `NaN`, `-Infinity` stay exactly as they were. */
export interface JsonNumber {
  readonly kind: 'number';
  readonly text: string;
  readonly offset: number;
}

/** `true`, `false` or `null`. */
export interface JsonLiteral {
  readonly kind: 'literal';
  readonly value: boolean | null;
  readonly offset: number;
}

/** Any JSON value. */
export type JsonNode = JsonObject | JsonArray | JsonString | JsonNumber | JsonLiteral;

/** The value of an object's key; the last one wins when a key repeats (as in Python). */
export function memberOf(object: JsonObject, key: string): JsonNode | undefined {
  for (let i = object.entries.length - 1; i >= 0; i--) {
    const entry = object.entries[i];
    if (entry?.key === key) return entry.value;
  }
  return undefined;
}

/** The number a number node stands for (`NaN` and `Infinity` included). */
export function numberValue(node: JsonNumber): number {
  return Number(node.text);
}

/** Converts a node to plain JavaScript values, e.g. for schema validation. */
export function toPlain(node: JsonNode): unknown {
  switch (node.kind) {
    case 'object': {
      const plain: Record<string, unknown> = {};
      for (const entry of node.entries) {
        // Defined, not assigned, so that even a "__proto__" key stays data.
        if (entry.key === '__proto__')
          Object.defineProperty(plain, entry.key, {
            value: toPlain(entry.value),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        else plain[entry.key] = toPlain(entry.value);
      }
      return plain;
    }
    case 'array':
      return node.items.map(toPlain);
    case 'string':
      return node.value;
    case 'number':
      return numberValue(node);
    case 'literal':
      return node.value;
  }
}

/** A short phrase naming what kind of value a node is, for messages. */
export function describeNodeKind(node: JsonNode): string {
  switch (node.kind) {
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'literal':
      return node.value === null ? 'null' : 'true or false';
  }
}
