/**
 * The change journal's records: one JSON object per line, one line per sidecar written. The
 * format is documented in docs/journal.md; this is its one reader and writer of lines.
 */
import { isChannelTableRecord, type ChannelTableRecord } from './channel-table-record';
import { HEADER_WRITE_KIND, isHeaderWriteRecord, type HeaderWriteRecord } from './header-write-record';
import { INSTRUMENT_FILE_KIND, isInstrumentFileRecord, type InstrumentFileRecord } from './instrument-file-record';
import { isJournalPath, isVersionOrNull } from './journal-checks';
import type { FieldValue } from '../fields/field-table';
import type { JournalChange, JournalRecord, JournalVersion } from './journal-types';

export type { JournalChange, JournalRecord, JournalVersion } from './journal-types';

/** The tool and action of a record of a change another program made, which AcqMeta saw. */
export const OUTSIDE_TOOL = 'another program';
export const OUTSIDE_ACTION = 'changed outside AcqMeta';

/** Whether `record` is of a change another program made (its user@host is whose AcqMeta saw it). */
export function isOutsideChange(record: JournalRecord): boolean {
  return record.tool === OUTSIDE_TOOL && record.action === OUTSIDE_ACTION;
}

/**
 * What an image's sidecar (its SHA-256; null: no file) is against its latest journal record:
 * what the record wrote, what it found (the write was cut short by a crash between its record
 * and its rename), or anything else (changed since, by another program).
 */
export function sinceLatest(latest: JournalRecord, sha256: string | null): 'written' | 'cut-short' | 'changed' {
  if (sha256 === (latest.after?.sha256 ?? null)) return 'written';
  return sha256 === (latest.before?.sha256 ?? null) ? 'cut-short' : 'changed';
}

/** A line that takes back a record whose write did not happen (the rename was refused). */
export interface JournalCancel {
  cancel: string;
}

/** What a journal file held: its records, and the lines that could not be read. */
export interface ParsedJournal {
  records: JournalRecord[];
  /** 1-based numbers of lines that are not records; a last line cut short by a crash is `torn`. */
  unreadable: number[];
  /** Whether the file ends in a line cut short (a write the crash interrupted). */
  torn: boolean;
  /** The ids its cancel lines take back (a record in an earlier file may be among them). */
  cancelled: string[];
  /** Its records of channel table writes (docs/journal.md), those taken back left out. */
  tables: ChannelTableRecord[];
  /** Its records of microscope description writes, those taken back left out. */
  instruments: InstrumentFileRecord[];
  /** Its records of calibrations written into image headers, those taken back left out. */
  headers: HeaderWriteRecord[];
}

/** The line of `entry`, with its newline. */
export function journalLine(entry: JournalRecord | JournalCancel | HeaderWriteRecord): string {
  return `${JSON.stringify(entry)}\n`;
}

/**
 * A record's line up to its `after`, which the write worker adds once it knows the version it
 * wrote ({@link finishJournalLine}): one string to hand over instead of an object graph.
 */
export function journalLineStart(record: Omit<JournalRecord, 'after'>): string {
  return JSON.stringify(record).slice(0, -1);
}

/** The whole line of a record begun by {@link journalLineStart}, with its newline. */
export function finishJournalLine(start: string, after: JournalVersion | null): string {
  return `${start},"after":${JSON.stringify(after)}}\n`;
}

/**
 * Reads a journal file's text. Records later taken back by a cancel line are left out; lines
 * that are not records are counted, never thrown on: a journal is read whatever happened to it.
 */
export function parseJournal(text: string): ParsedJournal {
  const lines = text.split('\n');
  const last = lines.pop() ?? '';
  const records: JournalRecord[] = [];
  const tables: ChannelTableRecord[] = [];
  const instruments: InstrumentFileRecord[] = [];
  const headers: HeaderWriteRecord[] = [];
  const cancelled = new Set<string>();
  const unreadable: number[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const entry = parsedLine(line);
    if (entry === null) unreadable.push(index + 1);
    else if ('cancel' in entry) cancelled.add(entry.cancel);
    else if ('kind' in entry && entry.kind === INSTRUMENT_FILE_KIND) instruments.push(entry);
    else if ('kind' in entry && entry.kind === HEADER_WRITE_KIND) headers.push(entry);
    else if ('kind' in entry) tables.push(entry);
    else records.push(entry);
  });
  const torn = last.trim() !== '';
  if (torn) unreadable.push(lines.length + 1);
  const kept = <T extends { id: string }>(entries: T[]) => entries.filter((r) => !cancelled.has(r.id));
  return {
    records: kept(records),
    unreadable,
    torn,
    cancelled: [...cancelled],
    tables: kept(tables),
    instruments: kept(instruments),
    headers: kept(headers),
  };
}

function parsedLine(
  line: string,
): JournalRecord | JournalCancel | ChannelTableRecord | InstrumentFileRecord | HeaderWriteRecord | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const entry = value as Record<string, unknown>;
  if (typeof entry.cancel === 'string') return { cancel: entry.cancel };
  if (entry.kind === INSTRUMENT_FILE_KIND)
    return isInstrumentFileRecord(entry) ? (entry as unknown as InstrumentFileRecord) : null;
  if (entry.kind === HEADER_WRITE_KIND)
    return isHeaderWriteRecord(entry) ? (entry as unknown as HeaderWriteRecord) : null;
  if (entry.kind !== undefined) return isChannelTableRecord(entry) ? (entry as unknown as ChannelTableRecord) : null;
  return isRecord(entry) ? (entry as unknown as JournalRecord) : null;
}

const TEXT_KEYS = ['id', 'batch', 'time', 'user', 'host', 'tool', 'action', 'path'] as const;

function isRecord(entry: Record<string, unknown>): boolean {
  return (
    TEXT_KEYS.every((key) => typeof entry[key] === 'string') &&
    isJournalPath(entry.path as string) &&
    Array.isArray(entry.changes) &&
    entry.changes.every(isChange) &&
    isVersionOrNull(entry.before) &&
    isVersionOrNull(entry.after) &&
    (entry.damaged === undefined || typeof entry.damaged === 'string') &&
    (entry.deleted === undefined || entry.deleted === true)
  );
}

function isChange(change: unknown): boolean {
  return typeof change === 'object' && change !== null && typeof (change as JournalChange).field === 'string';
}

/**
 * The fields whose values differ between a write's values before and after it, in the order
 * of `after`'s fields; `absentBefore`: the fields whose key the file lacked.
 */
export function journalChanges(
  before: Readonly<Record<string, FieldValue>>,
  after: Readonly<Record<string, FieldValue>>,
  absentBefore: readonly string[] = [],
): JournalChange[] {
  const changes: JournalChange[] = [];
  for (const field of Object.keys(after)) {
    const from = before[field] ?? null;
    const to = after[field] ?? null;
    if (from === to) continue;
    changes.push(
      absentBefore.includes(field) ? { field, old: from, new: to, added: true } : { field, old: from, new: to },
    );
  }
  return changes;
}
