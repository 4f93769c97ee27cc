/**
 * Reads the ROIs and analysis records of a sidecar from its lossless tree. Read-only: the tree
 * is never changed, so ROIs and analyses stay exactly as CloudScope wrote them.
 */
import { writeJson } from '../sidecar/json-writer';
import { memberOf, type JsonNode, type JsonObject } from '../sidecar/json-tree';
import type { Sidecar } from '../sidecar/sidecar';
import type { AnalysisEntry, LineBounds, NamedValue, RectBounds, RoiEntry, StoredValue } from './analysis-types';

/** A node as JSON-safe data; numbers keep their text. */
export function storedValue(node: JsonNode): StoredValue {
  switch (node.kind) {
    case 'number':
      return { kind: 'number', text: node.text };
    case 'string':
      return { kind: 'string', value: node.value };
    case 'literal':
      return node.value === null ? { kind: 'null' } : { kind: 'boolean', value: node.value };
    default:
      return { kind: 'json', text: oneLineJson(node) };
  }
}

/** A stored value as text: numbers exactly as written (`NaN`, `1e-05`), `true`, `null`, JSON. */
export function storedValueText(value: StoredValue): string {
  switch (value.kind) {
    case 'number':
    case 'json':
      return value.text;
    case 'string':
      return value.value;
    case 'boolean':
      return value.value ? 'true' : 'false';
    case 'null':
      return 'null';
  }
}

/** Python's `json.dumps(node, sort_keys=True)` on one line (`{"a": 1, "b": [2, 3]}`). */
export function oneLineJson(node: JsonNode): string {
  return writeJson(node).replace(/,\n */g, ', ').replace(/\n */g, '');
}

/** The members of an object node as named values; a non-object becomes one value named `value`. */
function namedValues(node: JsonNode | undefined): NamedValue[] {
  if (node === undefined) return [];
  if (node.kind !== 'object') return [{ key: 'value', value: storedValue(node) }];
  return node.entries.map((entry) => ({ key: entry.key, value: storedValue(entry.value) }));
}

function arrayItems(root: JsonObject, key: string): readonly JsonNode[] {
  const node = memberOf(root, key);
  return node?.kind === 'array' ? node.items : [];
}

function numberOf(object: JsonObject, key: string): number | null {
  const node = memberOf(object, key);
  if (node?.kind !== 'number') return null;
  const value = Number(node.text);
  return Number.isFinite(value) ? value : null;
}

function textOf(object: JsonObject, key: string): string {
  const node = memberOf(object, key);
  return node?.kind === 'string' ? node.value : '';
}

/** The numbers of `keys` in `data`, or null when one is missing or not finite. */
function numbersOf<K extends string>(data: JsonNode | undefined, keys: readonly K[]): Record<K, number> | null {
  if (data?.kind !== 'object') return null;
  const values = {} as Record<K, number>;
  for (const key of keys) {
    const value = numberOf(data, key);
    if (value === null) return null;
    values[key] = value;
  }
  return values;
}

function roiBounds(type: string, data: JsonNode | undefined): RectBounds | LineBounds | null {
  if (type === 'rectroi') {
    const n = numbersOf(data, ['row_start', 'row_stop', 'col_start', 'col_stop']);
    return (
      n && { kind: 'rect', rowStart: n.row_start, rowStop: n.row_stop, colStart: n.col_start, colStop: n.col_stop }
    );
  }
  if (type === 'linesegmentroi') {
    const n = numbersOf(data, ['row0', 'col0', 'row1', 'col1']);
    return n && { kind: 'line', row0: n.row0, col0: n.col0, row1: n.row1, col1: n.col1 };
  }
  return null;
}

/** Every ROI of the sidecar, in order; items that are not objects are kept as unknown ROIs. */
export function readRois(sidecar: Sidecar): RoiEntry[] {
  return arrayItems(sidecar.root, 'rois').map((node, index) => {
    const raw = writeJson(node);
    if (node.kind !== 'object') return { index, id: null, type: '', name: '', note: '', bounds: null, raw };
    const type = textOf(node, 'roi_type');
    return {
      index,
      id: numberOf(node, 'roi_id'),
      type,
      name: textOf(node, 'name'),
      note: textOf(node, 'note'),
      bounds: roiBounds(type, memberOf(node, 'data')),
      raw,
    };
  });
}

/** Every analysis record of the sidecar, in order (items that are not objects are skipped). */
export function readAnalyses(sidecar: Sidecar): AnalysisEntry[] {
  const records: AnalysisEntry[] = [];
  arrayItems(sidecar.root, 'analysis').forEach((node, index) => {
    if (node.kind !== 'object') return;
    records.push({
      index,
      name: textOf(node, 'analysis_name'),
      roiId: numberOf(node, 'roi_id'),
      channel: numberOf(node, 'channel'),
      summary: namedValues(memberOf(node, 'summary')),
      params: namedValues(memberOf(node, 'detection_params')),
    });
  });
  return records;
}
