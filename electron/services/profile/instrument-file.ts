/**
 * One microscope description file on disk (`acqmeta.instruments/<name>.json`): read with its
 * version, bounded (a regular file of at most 4 MiB), and written atomically through the same
 * temp-file-and-rename as sidecars, or removed, journaled like a channel table.
 */
import type { InstrumentFileInfo } from '../../../shared/api-instruments';
import type { SidecarVersion } from '../../../shared/api';
import { ApiFailure } from '../../../shared/errors';
import { MAX_INSTRUMENT_BYTES, readInstrumentDescription } from '../../../shared/instruments';
import { instrumentFileEntry, type FileWriteJournal } from '../journal';
import { ioFailure, readSnapshotSync, writeWholeFile, type SizeLimit } from '../sidecar';

/** A description file as read: its text, version and description (see {@link InstrumentFileInfo}), and where it is. */
export interface InstrumentFileRead extends InstrumentFileInfo {
  absPath: string;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const LIMIT: SizeLimit = { bytes: MAX_INSTRUMENT_BYTES, of: 'a microscope description' };

/** The file found (null: none) with its text, or null text when it is not UTF-8. */
function readText(absPath: string, label: string) {
  const snapshot = readSnapshotSync(absPath, label, absPath, false, LIMIT);
  if (snapshot === null || snapshot === 'link') return null;
  try {
    return { snapshot, version: snapshot.version, text: UTF8.decode(snapshot.bytes) as string | null };
  } catch {
    return { snapshot, version: snapshot.version, text: null };
  }
}

/**
 * Reads the description at `absPath` (named `file` in problems); null when there is no such
 * file. Never throws: a file that cannot be read (not a regular file, too large) is one with no
 * text and the reason as its problem.
 */
export function readInstrumentFile(absPath: string, file: string): InstrumentFileRead | null {
  let found;
  try {
    found = readText(absPath, file);
  } catch (error) {
    // the bounds' messages name the file, which the problem names already
    const message = (error instanceof Error ? error.message : String(error)).replace(`${file} `, '');
    return { absPath, file, text: null, version: null, description: null, problems: [failure(file, message)] };
  }
  if (found === null) return null;
  if (found.text === null)
    return {
      absPath,
      file,
      text: null,
      version: found.version,
      description: null,
      problems: [failure(file, 'is not UTF-8 text')],
    };
  const { description, problems } = readInstrumentDescription(found.text, file);
  return { absPath, file, text: found.text, version: found.version, description, problems };
}

const failure = (file: string, message: string) => ({ file, at: '', message, severity: 'error' as const });

/**
 * Writes `text` at `absPath` (null: removes the file) if the file is still the version
 * `expected` (null: no file); CONFLICT otherwise, and INVALID_VALUE naming the first error and
 * its JSON path when `text` is not a description that can be used. With `journal`, the write's
 * record (the text before and after) is synced before the file is replaced or removed. Returns
 * the version written, null once removed.
 */
export async function writeInstrumentFile(
  absPath: string,
  label: string,
  text: string | null,
  expected: SidecarVersion | null,
  journal: FileWriteJournal | null = null,
): Promise<SidecarVersion | null> {
  if (text !== null) {
    const error = readInstrumentDescription(text, label).problems.find((p) => p.severity === 'error');
    if (error !== undefined)
      throw new ApiFailure(
        'INVALID_VALUE',
        `${label} was not written: ${error.at === '' ? '' : `${error.at} `}${error.message}`,
        absPath,
      );
  }
  let found;
  try {
    found = readText(absPath, label);
  } catch (error) {
    throw ioFailure(error, `${label} could not be read`, absPath);
  }
  if (found === null ? expected !== null : expected === null || found.version.sha256 !== expected.sha256)
    throw new ApiFailure(
      'CONFLICT',
      `${label} was changed by another program since it was read: reload it to see that version.`,
      absPath,
    );
  if (text === null && found === null) return null;
  const before = { text: found?.text ?? null, version: found?.version ?? null };
  const entry = journal === null ? null : await instrumentFileEntry(journal, absPath, before, text);
  const bytes = text === null ? null : new TextEncoder().encode(text);
  const stamped =
    found === null ? null : { version: found.version, stamp: found.snapshot.stamp, mode: found.snapshot.mode };
  return writeWholeFile(absPath, label, bytes, stamped, entry);
}
