/**
 * Going back with the change journal: the field values that put an image back to its state
 * before one of its records, undoing that record and every later one of the same image.
 */
import type { FieldValue } from '../fields/field-table';
import type { JournalRecord } from './journal-record';

/** The changes that put one image back: values to write, and keys to take out of the file. */
export interface RestoreChanges {
  path: string;
  values: Record<string, FieldValue>;
  /** Fields whose key the file lacked before (taken out again). */
  remove: string[];
  /** The image's latest record: a file no longer at its `after` version was changed since. */
  latest: JournalRecord;
  /** Going back before the sidecar's creation: the file is removed (`values` and `remove` are empty). */
  removeSidecar?: true;
}

/**
 * What puts `path` back to its state just before `record` (one of `records`, all of that image,
 * oldest first): for each field that record or a later one changed, its value before the first
 * of them; before a creation (a record whose `before` is null), no sidecar. `field` limits it to
 * one field. Null when nothing would change.
 */
export function restoreBefore(
  records: readonly JournalRecord[],
  record: JournalRecord,
  field?: string,
): RestoreChanges | null {
  const from = records.indexOf(record);
  if (from < 0) return null;
  const latest = records.at(-1) as JournalRecord;
  if (record.before === null && field === undefined) {
    return {
      path: record.path,
      values: Object.create(null) as Record<string, FieldValue>,
      remove: [],
      latest,
      removeSidecar: true,
    };
  }
  // null prototype: a field named `__proto__` is a value like any other (and refused as unknown)
  const values: Record<string, FieldValue> = Object.create(null) as Record<string, FieldValue>;
  const remove: string[] = [];
  for (const later of records.slice(from)) {
    for (const change of later.changes) {
      if ((field !== undefined && change.field !== field) || Object.hasOwn(values, change.field)) continue;
      if (remove.includes(change.field)) continue;
      if (change.added === true) remove.push(change.field);
      else values[change.field] = change.old;
    }
  }
  if (Object.keys(values).length === 0 && remove.length === 0) return null;
  return { path: record.path, values, remove, latest };
}

/**
 * The restores that take back a record or a whole batch (`id` is either) over `records` (of
 * many images, oldest first): one per image the record or batch wrote, in path order.
 */
export function restoresOf(records: readonly JournalRecord[], id: string, field?: string): RestoreChanges[] | null {
  const targets = firstRecordsOf(records, id);
  if (targets === null) return null;
  const byPath = recordsByPath(records);
  return targets.flatMap((target) => restoreBefore(byPath.get(target.path) ?? [], target, field) ?? []);
}

/** `records` by image, each image's oldest first. */
export function recordsByPath(records: readonly JournalRecord[]): Map<string, JournalRecord[]> {
  const byPath = new Map<string, JournalRecord[]>();
  for (const r of records) {
    const list = byPath.get(r.path);
    if (list === undefined) byPath.set(r.path, [r]);
    else list.push(r);
  }
  return byPath;
}

/** The first record of `id` (a record or a batch) of each image, in path order; null: none. */
export function firstRecordsOf(records: readonly JournalRecord[], id: string): JournalRecord[] | null {
  const firstOfEach = new Map<string, JournalRecord>();
  for (const r of records) if ((r.id === id || r.batch === id) && !firstOfEach.has(r.path)) firstOfEach.set(r.path, r);
  if (firstOfEach.size === 0) return null;
  return [...firstOfEach.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
