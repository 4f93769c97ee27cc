/**
 * What a save would do, worked out before anything is written (pure): the requests for the
 * images whose edits are all valid, the files created and updated, each field's old → new
 * values with counts, the values that cannot be saved as typed, and those the lab profile
 * refuses (as `acqmeta set` does: a closed vocabulary, a pattern, a format, a range).
 */
import type { ImageRow, SaveRequest } from '../../../../shared/api';
import { EDITABLE_FIELDS, editableField, type FieldValue } from '../../../../shared/fields/field-table';
import { changesOf, rowHasChanges, type EditMap } from './edit-logic';
import { problemsNow, savingRefusals, type LiveProblems } from './problem-logic';

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
  /** Fields in field-table order, each value change most frequent first. */
  fields: FieldChanges[];
  invalid: InvalidValue[];
  /** Images left unsaved because one of their values is invalid. */
  held: number;
  /** Images saved that still lack fields the lab profile requires (saving a partial annotation is allowed). */
  incomplete: number;
}

const FIELD_INDEX = new Map(EDITABLE_FIELDS.map((f, i) => [f.name, i]));

/**
 * Plans the save of `paths` (all images with edits when omitted). An image with an invalid
 * value, or a value the lab profile refuses (`live`: the profile's problems with the values
 * being edited), is held back whole, so what is written is always a state the user saw as valid.
 */
export function planSave(
  rows: Readonly<Record<string, ImageRow>>,
  edits: EditMap,
  paths?: readonly string[],
  live: LiveProblems = {},
): SavePlan {
  const plan: SavePlan = { saves: [], created: 0, updated: 0, fields: [], invalid: [], held: 0, incomplete: 0 };
  const tallies = new Map<string, Map<string, ValueChange>>();
  for (const path of paths ?? Object.keys(edits)) {
    const row = rows[path];
    const pathEdits = edits[path];
    if (!row || !pathEdits || !rowHasChanges(row, pathEdits)) continue;
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
    plan.saves.push({ path, changes: written, expected: row.version, ...(remove.length > 0 ? { remove } : {}) });
    if (row.sidecar === 'missing') plan.created++;
    else plan.updated++;
    for (const [name, after] of Object.entries(changes)) {
      const before = row.values[name] ?? null;
      const byValue = tallies.get(name) ?? new Map<string, ValueChange>();
      tallies.set(name, byValue);
      const key = JSON.stringify([before, after]);
      const tally = byValue.get(key);
      if (tally) tally.count++;
      else byValue.set(key, { before, after, count: 1 });
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
  return plan;
}
