/**
 * What a save would do, worked out before anything is written (pure): the requests for the
 * images whose edits are all valid, the files created and updated, each field's old → new
 * values with counts, every value the created sidecars get without being typed, the values
 * that cannot be saved as typed, and those the lab profile refuses (as `acqmeta set` does: a
 * closed vocabulary, a pattern, a format, a range).
 */
import type { ImageRow, SaveRequest } from '../../../../shared/api';
import {
  ACCEPTED_FIELD,
  EDITABLE_FIELDS,
  HEADER_FIELDS,
  editableField,
  type FieldValue,
  type FieldValues,
} from '../../../../shared/fields/field-table';
import { newSidecarValues } from '../../../../shared/sidecar';
import { plural } from '../../lib/format';
import { changesOf, isEditable, rowHasChanges, type EditMap } from './edit-logic';
import { problemsNow, savingRefusals, type LiveProblems } from './problem-logic';
import type { RemovalMap } from './sidecar-removals';

/** One old → new value of a field and how many images it concerns. */
export interface ValueChange {
  before: FieldValue;
  after: FieldValue;
  count: number;
}

/** A field's changes over the files saved. */
export interface FieldChanges {
  name: string;
  displayName: string;
  changes: ValueChange[];
}

/** The values of one group a created sidecar gets without their being typed, and how many files get them. */
export interface CreatedCount {
  /** By sidecar key, in sidecar order. */
  values: FieldValues;
  count: number;
}

/**
 * A group of values the created sidecars get that nobody typed: `accepted`, the calibration
 * (the file's own, or 1.0 / `Pixels`), the header read from the image. Most frequent first.
 */
export interface CreatedGroup {
  group: 'accepted' | 'calibration' | 'header';
  counts: CreatedCount[];
}

/** A value that cannot be saved as typed, or that the lab profile refuses. */
export interface InvalidValue {
  path: string;
  name: string;
  message: string;
  /** The lab profile refuses it (else it cannot be stored in the field at all). */
  profile?: true;
  /** A value the profile suggests instead. */
  suggestion?: string;
}

/** Everything the review before writing shows, and what it sends. */
export interface SavePlan {
  /** One request per image to save, all its edits valid. */
  saves: SaveRequest[];
  created: number;
  updated: number;
  /** Sidecars removed (undoing their creation), by image path: the review names them apart from field changes. */
  removed: string[];
  /** Fields in field-table order, each value change most frequent first. */
  fields: FieldChanges[];
  /**
   * What the created sidecars hold besides the changes: `accepted`, calibration and header
   * values, fields typed left out (experiment fields not changed are empty).
   */
  createdValues: CreatedGroup[];
  invalid: InvalidValue[];
  /** Images left unsaved because one of their values is invalid. */
  held: number;
  /** Images saved that still lack fields the lab profile requires (saving a partial annotation is allowed). */
  incomplete: number;
}

const FIELD_INDEX = new Map(EDITABLE_FIELDS.map((f, i) => [f.name, i]));
/** The groups of values a new sidecar gets that nobody types, each its fields in sidecar order. */
const CREATED_GROUPS: readonly (readonly [CreatedGroup['group'], readonly string[]])[] = [
  ['accepted', [ACCEPTED_FIELD.name]],
  ['calibration', HEADER_FIELDS.filter((f) => f.editable).map((f) => f.name)],
  ['header', HEADER_FIELDS.filter((f) => !f.editable).map((f) => f.name)],
];

/** Counts one value of a field in a tally by field name, then by value. */
function countValue<T extends { count: number }>(
  tallies: Map<string, Map<string, T>>,
  name: string,
  key: unknown,
  fresh: () => T,
): void {
  const byValue = tallies.get(name) ?? new Map<string, T>();
  tallies.set(name, byValue);
  const text = JSON.stringify(key);
  const tally = byValue.get(text);
  if (tally) tally.count++;
  else byValue.set(text, fresh());
}

/**
 * Plans the save of `paths` (all images with edits when omitted). An image with an invalid
 * value, or a value the lab profile refuses (`live`: the profile's problems with the values
 * being edited), is held back whole, so what is written is always a state the user saw as valid.
 * With `create`, an image of `paths` without a sidecar gets one even with no edit (“Create sidecar”).
 * An image in `removals` has its sidecar removed, at the version given, and its edits are not sent.
 */
export function planSave(
  rows: Readonly<Record<string, ImageRow>>,
  edits: EditMap,
  paths?: readonly string[],
  live: LiveProblems = {},
  create = false,
  removals: RemovalMap = {},
): SavePlan {
  const plan: SavePlan = {
    saves: [],
    created: 0,
    updated: 0,
    removed: [],
    fields: [],
    createdValues: [],
    invalid: [],
    held: 0,
    incomplete: 0,
  };
  const tallies = new Map<string, Map<string, ValueChange>>();
  const createdTallies = new Map<string, Map<string, CreatedCount>>();
  for (const path of paths ?? [...new Set([...Object.keys(removals), ...Object.keys(edits)])]) {
    const row = rows[path];
    if (!row) continue;
    const removal = Object.hasOwn(removals, path) ? removals[path] : undefined;
    if (removal !== undefined) {
      plan.saves.push({ path, changes: {}, expected: removal, removeSidecar: true });
      plan.removed.push(path);
      continue;
    }
    const creating = create && row.sidecar === 'missing' && isEditable(row);
    const pathEdits = edits[path] ?? {};
    if (!creating && !rowHasChanges(row, pathEdits)) continue;
    const invalid = Object.entries(pathEdits).filter(([, edit]) => edit.error !== null);
    if (invalid.length > 0) {
      plan.held++;
      for (const [name, edit] of invalid) plan.invalid.push({ path, name, message: edit.error ?? '' });
      continue;
    }
    const refused = savingRefusals(row, pathEdits, live);
    if (refused.length > 0) {
      plan.held++;
      for (const p of refused)
        plan.invalid.push({
          path,
          name: p.field ?? '',
          message: p.message,
          profile: true,
          ...(p.suggestion === undefined ? {} : { suggestion: p.suggestion }),
        });
      continue;
    }
    if (problemsNow(row, live).some((p) => p.rule === 'required')) plan.incomplete++;
    const changes = changesOf(row, pathEdits);
    // A field the file lacked, brought back by undo: its key is taken out rather than written.
    const remove = Object.keys(changes).filter((name) => pathEdits[name]?.absent === true);
    const written = Object.fromEntries(Object.entries(changes).filter(([name]) => !remove.includes(name)));
    plan.saves.push({
      path,
      changes: written,
      expected: row.version,
      ...(remove.length > 0 ? { remove } : {}),
      ...(creating ? { create: true } : {}),
    });
    if (row.sidecar === 'missing') {
      plan.created++;
      // a created sidecar needs the header (isEditable): every value it gets besides the changes
      const starting = row.header === null ? {} : newSidecarValues(row.header, row.fileCalibration);
      for (const [group, names] of CREATED_GROUPS) {
        const values: FieldValues = {};
        for (const name of names) if (!(name in changes) && name in starting) values[name] = starting[name] ?? null;
        if (Object.keys(values).length === 0) continue;
        countValue(createdTallies, group, values, () => ({ values, count: 1 }));
      }
    } else plan.updated++;
    for (const [name, after] of Object.entries(changes)) {
      const before = row.values[name] ?? null;
      countValue(tallies, name, [before, after], () => ({ before, after, count: 1 }));
    }
  }
  const order = (name: string): number => FIELD_INDEX.get(name) ?? FIELD_INDEX.size;
  plan.fields = [...tallies.entries()]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([name, byValue]) => ({
      name,
      displayName: editableField(name)?.displayName ?? name,
      changes: [...byValue.values()].sort((a, b) => b.count - a.count),
    }));
  plan.createdValues = CREATED_GROUPS.flatMap(([group]) => {
    const byValues = createdTallies.get(group);
    return byValues === undefined ? [] : [{ group, counts: [...byValues.values()].sort((a, b) => b.count - a.count) }];
  });
  return plan;
}

/** What a plan will write, said before writing: `2 sidecars will be updated, 1 sidecar will be created.` */
export function planSummary(plan: Pick<SavePlan, 'updated' | 'created' | 'removed'>): string {
  const parts = [
    plan.updated > 0 ? `${plural(plan.updated, 'sidecar')} will be updated` : null,
    plan.created > 0 ? `${plural(plan.created, 'sidecar')} will be created` : null,
    plan.removed.length > 0 ? `${plural(plan.removed.length, 'sidecar')} will be removed` : null,
  ];
  return `${parts.filter((part) => part !== null).join(', ')}.`;
}
