/**
 * Field edits on a sidecar tree, without mutating it: a value equal to the stored one leaves
 * the node (and its text) alone; a new value is written as CloudScope would write it.
 */
import { ApiFailure } from '../errors';
import { editableField, HEADER_FIELDS, type FieldSpec, type FieldValue, type FieldValues } from '../fields/field-table';
import { unknownFieldMessage, validateChanges } from '../validation';
import { memberOf, numberValue, type JsonEntry, type JsonNode, type JsonObject } from './json-tree';
import { pythonFloatRepr, pythonIntRepr } from './python-repr';
import { sectionOf } from './sidecar';

/** Applies changes to a root; `changed` is false when every value was already stored. */
export function applyToTree(root: JsonObject, changes: FieldValues): { root: JsonObject; changed: boolean } {
  const problems = validateChanges(changes);
  if (problems.length > 0) throw new ApiFailure('INVALID_VALUE', problems.join('; '));
  let next = root;
  let changed = false;
  for (const [name, value] of Object.entries(changes)) {
    const spec = editableField(name);
    if (spec === undefined) continue; // validateChanges has rejected unknown names
    const section = sectionOf(next, spec.section);
    if (isStored(memberOf(section, name), spec, value)) continue;
    const edited = withMember(section, name, nodeFor(spec, value));
    next = spec.section === 'top' ? edited : withMember(next, spec.section, edited);
    changed = true;
  }
  return { root: next, changed };
}

/**
 * Sets header fields read from an image (`shape`, `dims`…, which no edit may change) in a root:
 * for a copy of a sidecar beside pixels laid out otherwise than its source's.
 */
export function setHeaderInTree(root: JsonObject, values: FieldValues): { root: JsonObject; changed: boolean } {
  let section = sectionOf(root, 'image_header_metadata');
  let changed = false;
  for (const spec of HEADER_FIELDS) {
    const value = values[spec.name];
    if (value === undefined || isStored(memberOf(section, spec.name), spec, value)) continue;
    section = withMember(section, spec.name, nodeFor(spec, value));
    changed = true;
  }
  return { root: changed ? withMember(root, 'image_header_metadata', section) : root, changed };
}

/**
 * A root with only the top-level keys `keep` accepts, and `missing` entries added where their key
 * is absent (a copy reshaped to a schema's top level; the other nodes and their text stay).
 */
export function reshapeTopLevel(
  root: JsonObject,
  keep: (key: string) => boolean,
  missing: readonly JsonEntry[],
): { root: JsonObject; changed: boolean } {
  const kept = root.entries.filter((entry) => keep(entry.key));
  const added = missing.filter((entry) => !kept.some((k) => k.key === entry.key));
  if (kept.length === root.entries.length && added.length === 0) return { root, changed: false };
  return { root: { ...root, entries: [...kept, ...added] }, changed: true };
}

/**
 * Removes the keys of editable fields from a root (undo of setting a field an older file
 * lacked, so the file returns to its own bytes); `changed` is false when none was there.
 */
export function removeFromTree(root: JsonObject, names: readonly string[]): { root: JsonObject; changed: boolean } {
  let next = root;
  let changed = false;
  for (const name of names) {
    const spec = editableField(name);
    if (spec === undefined) throw new ApiFailure('INVALID_VALUE', unknownFieldMessage(name));
    const section = sectionOf(next, spec.section);
    if (memberOf(section, name) === undefined) continue;
    const without: JsonObject = { ...section, entries: section.entries.filter((e) => e.key !== name) };
    next = spec.section === 'top' ? without : withMember(next, spec.section, without);
    changed = true;
  }
  return { root: next, changed };
}

/** The node CloudScope would write for a valid value: trimmed text, `75.0`, `3`, `null`, `false`. */
export function nodeFor(spec: FieldSpec, value: FieldValue): JsonNode {
  if (value === null || typeof value === 'boolean') return { kind: 'literal', value, offset: -1 };
  if (typeof value === 'string') return { kind: 'string', value: value.trim(), offset: -1 };
  const text = spec.type === 'int' ? pythonIntRepr(value) : pythonFloatRepr(value);
  return { kind: 'number', text, offset: -1 };
}

/** An object with `key` set to `value` (every occurrence replaced; appended when absent). */
function withMember(object: JsonObject, key: string, value: JsonNode): JsonObject {
  const found = object.entries.some((e) => e.key === key);
  const entries = found
    ? object.entries.map((e) => (e.key === key ? { key, value } : e))
    : [...object.entries, { key, value }];
  return { ...object, entries };
}

/** Whether `value` is what the node already holds (an absent key holds the default). */
function isStored(node: JsonNode | undefined, spec: FieldSpec, value: FieldValue): boolean {
  if (node === undefined) return value === spec.default || (typeof value === 'string' && value.trim() === spec.default);
  if (value === null || typeof value === 'boolean') return node.kind === 'literal' && node.value === value;
  if (typeof value === 'string') return node.kind === 'string' && (node.value === value || node.value === value.trim());
  if (node.kind !== 'number') return false;
  if (spec.type === 'int' && !/^-?\d+$/.test(node.text)) return false;
  return numberValue(node) === value;
}
