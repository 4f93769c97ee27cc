/**
 * What another program changed in a sidecar I am editing, field by field, and what a save
 * keeps of each side: the conflict note and dialog show it, and a save honours the choices.
 */
import type { ImageRow } from '../../../../shared/api';
import { EDITABLE_FIELDS, type FieldValues } from '../../../../shared/fields/field-table';
import { changesOf, type PathEdits } from './edit-logic';

/** One field either side changed since the version both started from. */
export interface FieldDifference {
  name: string;
  label: string;
  /** The value both started from. */
  base: FieldValues[string];
  /** Their value; absent when they did not change the field. */
  theirs?: FieldValues[string];
  /** My value; absent when I did not change the field. */
  mine?: FieldValues[string];
}

/**
 * The fields I edited or they changed, in field-table order: `row` is the version I started
 * from, `theirs` what is on disk now (null: not known yet, or not readable).
 */
export function fieldDifferences(
  row: ImageRow,
  edits: PathEdits | undefined,
  theirs: ImageRow | null,
): FieldDifference[] {
  const mine = changesOf(row, edits);
  const readable = theirs !== null && theirs.sidecar === 'ok' ? theirs : null;
  const result: FieldDifference[] = [];
  for (const spec of EDITABLE_FIELDS) {
    const base = row.values[spec.name] ?? null;
    const their = readable?.values[spec.name] ?? null;
    const theyChanged = readable !== null && their !== base;
    const iChanged = spec.name in mine;
    if (!theyChanged && !iChanged) continue;
    result.push({
      name: spec.name,
      label: spec.displayName,
      base,
      ...(theyChanged ? { theirs: their } : {}),
      ...(iChanged ? { mine: mine[spec.name] ?? null } : {}),
    });
  }
  return result;
}

/**
 * The changes a save writes over their file when the user keeps theirs for the fields in
 * `keepTheirs`: my changes to every other field.
 */
export function changesKeeping(
  row: ImageRow,
  edits: PathEdits | undefined,
  keepTheirs: ReadonlySet<string>,
): FieldValues {
  const mine = changesOf(row, edits);
  return Object.fromEntries(Object.entries(mine).filter(([name]) => !keepTheirs.has(name)));
}
