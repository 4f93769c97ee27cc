/**
 * Outside-change records that say the same: two apps watching one share may both see one
 * change another program made. Such a record names the versions it saw (before and after);
 * a writer skips one the journal already holds, and readers keep the first of the same.
 */
import { isOutsideChange, type JournalRecord } from './journal-record';

/** What makes two outside-change records the same change: the image and the versions' SHA-256 (null: not one). */
export function outsideChangeKey(record: JournalRecord, path = record.path): string | null {
  if (!isOutsideChange(record)) return null;
  return `${path}\0${record.before?.sha256 ?? ''}\0${record.after?.sha256 ?? ''}`;
}

/** `records` (paths relative to one folder) with each outside change recorded again left out. */
export function withoutRepeatedOutsideChanges<T extends JournalRecord>(records: readonly T[]): T[] {
  const seen = new Set<string>();
  return records.filter((record) => {
    const key = outsideChangeKey(record);
    if (key === null) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
