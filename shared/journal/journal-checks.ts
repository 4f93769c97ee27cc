/** Checks shared by the journal's line readers: a journaled path, a file version. */
import type { JournalVersion } from './journal-types';

/**
 * Whether a record's path names a file below its journal's folder: relative, `/`-separated,
 * normalised (no empty, `.` or `..` segment), without a backslash, a drive letter or a NUL.
 */
export function isJournalPath(relPath: string): boolean {
  if (/[\\\0]|^[A-Za-z]:/.test(relPath)) return false;
  return relPath.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/** Whether `version` is a {@link JournalVersion} or null. */
export function isVersionOrNull(version: unknown): boolean {
  if (version === null) return true;
  if (typeof version !== 'object' || version === undefined) return false;
  const v = version as JournalVersion;
  return typeof v.size === 'number' && typeof v.mtime === 'number' && typeof v.sha256 === 'string';
}
