/**
 * Undoing one action with the change journal: only the fields a record (or a batch) changed go
 * back, later edits of other fields stay; a field a later record of the same image changed
 * again is contested, and goes back only when asked. Also what a restore to a point in time
 * takes back, change by change, for its review.
 */
import type { FieldValue } from '../fields/field-table';
import type { JournalRecord } from './journal-record';
import { firstRecordsOf, recordsByPath, type RestoreChanges } from './journal-restore';

/** A field a later record of the same image changed again after the record undone. */
export interface ContestedField {
  field: string;
  /** The value before the record undone (what undoing writes back). */
  before: FieldValue;
  /** The file lacked the key before the record undone (undoing takes it out). */
  added: boolean;
  /** The value the latest later record wrote (what the sidecar holds now). */
  now: FieldValue;
  /** That later record's action, and its id. */
  laterAction: string;
  laterId: string;
}

/** What undoes one image's record: the uncontested changes, and the contested fields left as they are. */
export interface UndoChanges extends RestoreChanges {
  contested: ContestedField[];
}

/** One change a restore to a point in time takes back. */
export interface TakenBack {
  path: string;
  field: string;
  action: string;
  time: string;
  old: FieldValue;
  new: FieldValue;
}

/**
 * What undoes `record` alone (one of `records`, all of its image, oldest first): each field it
 * changed gets its value before it, unless a later record changed that field again (then it is
 * contested). Undoing a creation removes the sidecar; every later change is then contested
 * (removing the file takes them back). `field` limits it to one field. Null when nothing changes.
 */
export function undoRecord(
  records: readonly JournalRecord[],
  record: JournalRecord,
  field?: string,
): UndoChanges | null {
  const from = records.indexOf(record);
  if (from < 0) return null;
  const later = records.slice(from + 1);
  const latest = records.at(-1) as JournalRecord;
  if (record.before === null && field === undefined) {
    const contested = later.flatMap((r) =>
      r.changes.map((c) => ({
        field: c.field,
        before: c.old,
        added: false,
        now: c.new,
        laterAction: r.action,
        laterId: r.id,
      })),
    );
    return { path: record.path, values: emptyValues(), remove: [], latest, removeSidecar: true, contested };
  }
  const undo: UndoChanges = { path: record.path, values: emptyValues(), remove: [], latest, contested: [] };
  for (const change of record.changes) {
    if (field !== undefined && change.field !== field) continue;
    const again = later.filter((r) => r.changes.some((c) => c.field === change.field)).at(-1);
    const now = again?.changes.find((c) => c.field === change.field);
    if (again !== undefined && now !== undefined) {
      const { field: name, old: before } = change;
      undo.contested.push({
        field: name,
        before,
        added: change.added === true,
        now: now.new,
        laterAction: again.action,
        laterId: again.id,
      });
    } else if (change.added === true) undo.remove.push(change.field);
    else undo.values[change.field] = change.old;
  }
  const nothing = Object.keys(undo.values).length === 0 && undo.remove.length === 0;
  return nothing && undo.contested.length === 0 ? null : undo;
}

/**
 * The undos of a record or a whole batch (`id` is either) over `records` (of many images,
 * oldest first): one per image it wrote, in path order; null when the id is not there.
 */
export function undoOf(records: readonly JournalRecord[], id: string, field?: string): UndoChanges[] | null {
  const byPath = recordsByPath(records);
  const targets = firstRecordsOf(records, id);
  if (targets === null) return null;
  return targets.flatMap((target) => undoRecord(byPath.get(target.path) ?? [], target, field) ?? []);
}

/**
 * `undo` with the contested fields in `fields` taken back too (their values before the record
 * undone written over the later ones); the others stay contested.
 */
export function takingBack(undo: UndoChanges, fields: ReadonlySet<string>): UndoChanges {
  const taken = undo.contested.filter((c) => fields.has(c.field));
  if (taken.length === 0) return undo;
  const values = Object.assign(emptyValues(), undo.values);
  const remove = [...undo.remove];
  if (undo.removeSidecar !== true)
    for (const c of taken)
      if (c.added) remove.push(c.field);
      else values[c.field] = c.before;
  const contested = undo.removeSidecar === true ? [] : undo.contested.filter((c) => !fields.has(c.field));
  return { ...undo, values, remove, contested };
}

/**
 * The later changes a restore to before `id` (a record or a batch) takes back: for each image
 * it wrote, every change of a later record (`field`: of that field only), oldest first.
 */
export function takenBackBy(records: readonly JournalRecord[], id: string, field?: string): TakenBack[] {
  const byPath = recordsByPath(records);
  return (firstRecordsOf(records, id) ?? []).flatMap((target) => {
    const own = byPath.get(target.path) ?? [];
    return own
      .slice(own.indexOf(target) + 1)
      .filter((r) => r.id !== id && r.batch !== id)
      .flatMap((r) =>
        r.changes
          .filter((c) => field === undefined || c.field === field)
          .map((c) => ({ path: r.path, field: c.field, action: r.action, time: r.time, old: c.old, new: c.new })),
      );
  });
}

/** A null-prototype record of values: a field named `__proto__` is a value like any other (refused as unknown). */
function emptyValues(): Record<string, FieldValue> {
  return Object.create(null) as Record<string, FieldValue>;
}
