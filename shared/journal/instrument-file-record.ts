/**
 * The journal's record of a microscope description write (`acqmeta.instruments/<name>.json`):
 * a line of its own kind, beside the sidecar and channel table records, with the file's text
 * before and after, so that History can list it and the text be recovered from the journal.
 */
import { isJournalPath, isVersionOrNull } from './journal-checks';
import type { JournalRecord } from './journal-types';

/** The `kind` of a description write record. */
export const INSTRUMENT_FILE_KIND = 'instrument-file';

/** Longest text a record keeps of each side, as JSON text (escapes included); a longer one is journaled without it. */
export const MAX_KEPT_INSTRUMENT_JSON = 256 * 1024;

/** One description write (or removal, `after: null`): a sidecar record's keys but `path` and `changes`, and its own. */
export interface InstrumentFileRecord extends Omit<JournalRecord, 'path' | 'changes'> {
  kind: typeof INSTRUMENT_FILE_KIND;
  /** The description file, relative to the folder that holds the journal, `/`-separated. */
  file: string;
  /** The file's text before the write; absent when there was none or it was too long to keep. */
  beforeText?: string;
  /** The text written; absent for a removal or when too long to keep. */
  afterText?: string;
}

/** `{ [key]: text }` when the text is small enough to keep, else nothing. */
export function keptInstrumentText<K extends 'beforeText' | 'afterText'>(
  key: K,
  text: string | null,
): { [k in K]?: string } {
  return (text !== null && JSON.stringify(text).length <= MAX_KEPT_INSTRUMENT_JSON ? { [key]: text } : {}) as {
    [k in K]?: string;
  };
}

const TEXT_KEYS = ['id', 'batch', 'time', 'user', 'host', 'tool', 'action', 'file'] as const;
const isTextOrAbsent = (value: unknown): boolean => value === undefined || typeof value === 'string';

/** Whether a parsed line is a description write record. */
export function isInstrumentFileRecord(entry: Record<string, unknown>): boolean {
  return (
    entry.kind === INSTRUMENT_FILE_KIND &&
    TEXT_KEYS.every((key) => typeof entry[key] === 'string') &&
    isJournalPath(entry.file as string) &&
    isTextOrAbsent(entry.beforeText) &&
    isTextOrAbsent(entry.afterText) &&
    isVersionOrNull(entry.before) &&
    isVersionOrNull(entry.after)
  );
}
