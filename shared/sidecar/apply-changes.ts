/**
 * Produces sidecar text to write: edits of an existing sidecar and brand-new sidecars, both in
 * the bytes CloudScope itself writes (`json.dumps(indent=2, sort_keys=True)`).
 */
import type { FileCalibration, HeaderValues } from '../image-header';
import { ACCEPTED_FIELD, EXPERIMENT_FIELDS, HEADER_FIELDS, type FieldValues } from '../fields/field-table';
import { pixelSizeValues, usableCalibration } from './calibration';
import { applyToTree, nodeFor, removeFromTree, reshapeTopLevel, setHeaderInTree } from './edit-tree';
import type { JsonEntry, JsonNode, JsonObject } from './json-tree';
import { spliceJson } from './json-splice';
import { writeJson } from './json-writer';
import { pythonIntRepr } from './python-repr';
import { Sidecar } from './sidecar';

/**
 * The file text after applying field changes.
 *
 * Returns `sidecar.text` unchanged (byte for byte) when every value is already stored.
 * Otherwise the whole file is written as CloudScope writes it: for a file CloudScope wrote,
 * only the edited fields' lines change; numbers and keys not edited keep their text, unknown
 * keys and `_is_dirty` stay, and a field absent from the file is added only when set to
 * something other than its default; the fields in `remove` lose their keys (undo of adding
 * one). Throws `ApiFailure('INVALID_VALUE')` on invalid changes.
 */
export function applyChanges(sidecar: Sidecar, changes: FieldValues, remove: readonly string[] = []): string {
  return editSidecar(sidecar, changes, remove).text;
}

/** Like {@link applyChanges}, but the edited sidecar itself (its values need no second parse). */
export function editSidecar(sidecar: Sidecar, changes: FieldValues, remove: readonly string[] = []): Sidecar {
  const removed = removeFromTree(sidecar.root, remove);
  const { root, changed } = applyToTree(removed.root, changes);
  return rewritten(sidecar, { root, changed: changed || removed.changed });
}

/**
 * The sidecar with only the top-level keys `keep` accepts and the `missing` entries added where
 * absent, only those lines changing (a copy that must keep a schema's top level).
 */
export function withTopLevel(sidecar: Sidecar, keep: (key: string) => boolean, missing: readonly JsonEntry[]): Sidecar {
  return rewritten(sidecar, reshapeTopLevel(sidecar.root, keep, missing));
}

/** `sidecar` with `edit`'s root, its unchanged lines kept when the file is laid out as CloudScope writes. */
function rewritten(sidecar: Sidecar, edit: { root: JsonObject; changed: boolean }): Sidecar {
  if (!edit.changed) return sidecar;
  const spliced = sidecar.canonical ? spliceJson(sidecar.text, sidecar.root, edit.root) : null;
  return new Sidecar(spliced ?? writeJson(edit.root), edit.root);
}

/**
 * The sidecar with the header fields in `values` (shape, dims, sizes…) set, only their lines
 * changing: a copy that goes with pixels laid out otherwise than the image it was written for.
 */
export function withHeaderValues(sidecar: Sidecar, values: FieldValues): Sidecar {
  return rewritten(sidecar, setHeaderInTree(sidecar.root, values));
}

/**
 * A complete new sidecar: all 15 experiment fields, the image's header, the file's own
 * calibration when it declares a microscope one (else 1.0 / `Pixels`), then `changes` on top.
 */
export function createSidecarText(
  header: HeaderValues,
  calibration: FileCalibration | null,
  changes: FieldValues,
): string {
  return createSidecar(header, calibration, changes).text;
}

/**
 * What a new sidecar holds before the changes are applied, besides its empty experiment
 * fields: `accepted` (CloudScope's default, true) and the 12 values of `image_header_metadata`
 * (the image's header, the file's own calibration when it declares a microscope one, else
 * 1.0 / `Pixels`). The save review lists them; {@link createSidecar} writes them.
 */
export function newSidecarValues(header: HeaderValues, calibration: FileCalibration | null): FieldValues {
  const declared = usableCalibration(calibration);
  const measured: FieldValues = { ...header, ...(declared === null ? {} : pixelSizeValues(declared)) };
  const values: FieldValues = { accepted: ACCEPTED_FIELD.default };
  for (const spec of HEADER_FIELDS) values[spec.name] = measured[spec.name] ?? spec.default;
  return values;
}

/** Like {@link createSidecarText}, but the new sidecar itself. */
export function createSidecar(
  header: HeaderValues,
  calibration: FileCalibration | null,
  changes: FieldValues,
): Sidecar {
  const starting = newSidecarValues(header, calibration);
  const headerEntries = HEADER_FIELDS.map((spec): JsonEntry => {
    const value = starting[spec.name] ?? spec.default;
    if (spec.type === 'int') return { key: spec.name, value: intNode(value) };
    return { key: spec.name, value: nodeFor(spec, value) };
  });
  const root = object([
    { key: 'accepted', value: nodeFor(ACCEPTED_FIELD, starting.accepted ?? ACCEPTED_FIELD.default) },
    { key: 'analysis', value: { kind: 'array', items: [], offset: -1 } },
    {
      key: 'experiment_metadata',
      value: object(EXPERIMENT_FIELDS.map((s) => ({ key: s.name, value: nodeFor(s, s.default) }))),
    },
    { key: 'image_contrast', value: object([]) },
    { key: 'image_header_metadata', value: object(headerEntries) },
    { key: 'rois', value: { kind: 'array', items: [], offset: -1 } },
    { key: 'version', value: { kind: 'number', text: '2', offset: -1 } },
  ]);
  const edited = applyToTree(root, changes).root;
  return new Sidecar(writeJson(edited), edited);
}

function object(entries: JsonEntry[]): JsonObject {
  return { kind: 'object', entries, offset: -1 };
}

/** A header count; anything that is not a finite number is written as 0. */
function intNode(value: unknown): JsonNode {
  const n = typeof value === 'number' && Number.isFinite(value) ? value : 0;
  return { kind: 'number', text: pythonIntRepr(n), offset: -1 };
}
