/**
 * A lab file that is not a sidecar (a channel table, a microscope description) written whole or
 * removed, with its journal record: the one way such files change on disk.
 */
import { unlink } from 'node:fs/promises';
import type { SidecarVersion } from '../../../shared/api';
import { finishJournalLine, journalLine } from '../../../shared/journal';
import { ioFailure } from './file-snapshot';
import type { Found } from './write-worker-protocol';
import { replaceFile } from './replace-file';
import { appendJournalInWorker } from './write-worker-client';
import type { JournalEntry } from './write-worker-protocol';

/** The file as read before the write: its version and stamp (the rename's check) and permission bits. */
export interface WholeFileFound extends Found {
  mode: number | undefined;
}

/**
 * Replaces `absPath` with `bytes` atomically (see {@link replaceFile}), or removes it when `bytes`
 * is null; `entry`, the write's journal record, is synced first, and cancelled when a removal
 * fails. Returns the version written, null once removed.
 */
export async function writeWholeFile(
  absPath: string,
  label: string,
  bytes: Uint8Array | null,
  found: WholeFileFound | null,
  entry: JournalEntry | null,
): Promise<SidecarVersion | null> {
  if (bytes === null) {
    if (entry !== null) await appendJournalInWorker(entry.dir, finishJournalLine(entry.lineStart, null));
    try {
      await unlink(absPath);
    } catch (error) {
      if (entry !== null) await appendJournalInWorker(entry.dir, journalLine({ cancel: entry.id }));
      throw ioFailure(error, `${label} could not be removed`, absPath);
    }
    return null;
  }
  return replaceFile(absPath, bytes, {
    mode: found?.mode,
    found: found === null ? null : { version: found.version, stamp: found.stamp },
    name: label,
    imagePath: absPath,
    ...(entry === null ? {} : { journal: entry }),
  });
}
