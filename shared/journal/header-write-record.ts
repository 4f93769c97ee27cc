/**
 * The journal's record of a calibration written into an image file's own header: a line of
 * its own kind, synced before the first byte of the image is written, holding the old bytes of
 * every range the write replaces, so that an interrupted write can be finished or reverted and
 * a done one undone byte for byte (docs/journal.md).
 */
import type { HeaderValueChange } from '../tiff-calibration/calibration-model';
import { isJournalPath } from './journal-checks';
import type { JournalRecord } from './journal-types';

/** The `kind` of a header write record. */
export const HEADER_WRITE_KIND = 'image-header';

/** One range the write replaces: its offset and its bytes before and after, in hex. */
export interface JournaledRange {
  offset: number;
  old: string;
  new: string;
}

/**
 * One header write: a sidecar record's keys but `changes` and the versions, and its own. `path`
 * is the image; `before.sha256` is the SHA-256 of the replaced ranges' old bytes, `after.sha256`
 * of their new bytes followed by the appended ones (never of the whole file: nothing reads the pixels).
 */
export interface HeaderWriteRecord extends Omit<JournalRecord, 'changes' | 'before' | 'after'> {
  kind: typeof HEADER_WRITE_KIND;
  /** Each header value the write changed: where, old and new, as the review showed it. */
  values: HeaderValueChange[];
  ranges: JournaledRange[];
  /** Where the appended bytes start, and how many. */
  appended: { offset: number; length: number };
  before: { size: number; mtime: number; sha256: string };
  /** `mtime` is the modification time the write sets on the file, so that a later change shows. */
  after: { size: number; mtime: number; sha256: string };
}

/** What the image file holds now where a header write record touched it. */
export interface HeaderBytesNow {
  size: number;
  /** The file's modification time, in whole milliseconds. */
  mtime: number;
  /** The bytes at each of the record's ranges, in hex. */
  ranges: string[];
  /** The SHA-256 of the ranges' bytes followed by the appended bytes (null: the file is too short to hold them). */
  sha256: string | null;
  /**
   * The SHA-256 of the record's new range bytes followed by the bytes now where it appends: its
   * `after.sha256` when the file's tail is what the write appended (null: the file is too short).
   */
  linkedSha256: string | null;
}

/**
 * Where the file stands against a header write: `written` (its new bytes, its new size);
 * `unfinished` (a write that shortens the file, an undo, cut short after its new bytes and
 * before the cut: finished by cutting); `not-written` (its old bytes, its old size or longer by no
 * more than what it appended: cut short before readers could see it, or never begun: reverted by
 * cutting back to the old size);
 * or `changed` (anything else: another program, a later write).
 */
export function headerWriteState(
  record: HeaderWriteRecord,
  now: HeaderBytesNow,
): 'written' | 'unfinished' | 'not-written' | 'changed' {
  if (now.sha256 === record.after.sha256) {
    if (now.size === record.after.size) return 'written';
    if (record.after.size < record.before.size && now.size > record.after.size) return 'unfinished';
  }
  const old = record.ranges.every((range, i) => now.ranges[i] === range.old);
  // Cutting back to the old size is safe only over bytes this write appended (all, or part of
  // them when cut short mid-append), never over a longer or other tail another program wrote.
  const end = record.appended.offset + record.appended.length;
  const ownTail =
    now.size === record.before.size || now.size < end || (now.size === end && now.linkedSha256 === record.after.sha256);
  return old && now.size >= record.before.size && ownTail ? 'not-written' : 'changed';
}

const TEXT_KEYS = ['id', 'batch', 'time', 'user', 'host', 'tool', 'action', 'path'] as const;
const isHex = (value: unknown): boolean => typeof value === 'string' && /^(?:[0-9a-f]{2})*$/.test(value);
const isCount = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;

/** Whether a parsed line is a header write record. */
export function isHeaderWriteRecord(entry: Record<string, unknown>): boolean {
  const ranges = entry.ranges as JournaledRange[] | undefined;
  const appended = entry.appended as HeaderWriteRecord['appended'] | undefined;
  const before = entry.before as HeaderWriteRecord['before'] | undefined;
  const after = entry.after as HeaderWriteRecord['after'] | undefined;
  return (
    entry.kind === HEADER_WRITE_KIND &&
    TEXT_KEYS.every((key) => typeof entry[key] === 'string') &&
    isJournalPath(entry.path as string) &&
    Array.isArray(entry.values) &&
    Array.isArray(ranges) &&
    ranges.every((r) => isCount(r?.offset) && isHex(r.old) && isHex(r.new) && r.old.length === r.new.length) &&
    isCount(appended?.offset) &&
    isCount(appended?.length) &&
    isCount(before?.size) &&
    typeof before?.mtime === 'number' &&
    typeof before.sha256 === 'string' &&
    isCount(after?.size) &&
    typeof after?.mtime === 'number' &&
    typeof after.sha256 === 'string'
  );
}
