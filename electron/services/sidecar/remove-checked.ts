/**
 * The removal of a sidecar AcqMeta created (undoing its creation), on the write worker's
 * thread: its journal record (`after` null) synced first, as a write's is before its rename;
 * then, if the file still holds the bytes the removal was decided on, the file unlinked.
 */
import { unlink } from 'node:fs';
import { finishJournalLine, journalLine } from '../../../shared/journal';
import { appendToJournal, cancelRecord } from './journal-appender';
import { checkBeforeRename } from './rename-checks';
import type { RemoveRequest } from './write-worker-protocol';

/**
 * Removes `request.target` (see {@link RemoveRequest}); calls `done` with null once it is
 * gone, or with the failure (`CONFLICT`: another program changed it, left as it is). A removal
 * that fails after its record was synced cancels the record.
 */
export function removeChecked(request: RemoveRequest, done: (error: unknown) => void): void {
  const { journal } = request;
  const fail = (error: unknown): void => {
    if (journal !== null) cancelRecord(journal.dir, journal.id, journalLine({ cancel: journal.id }));
    done(error);
  };
  const remove = (): void => {
    try {
      checkBeforeRename(request);
    } catch (error) {
      return fail(error);
    }
    unlink(request.target, (error) => (error === null ? done(null) : fail(error)));
  };
  if (journal === null) return remove();
  appendToJournal(
    journal.dir,
    finishJournalLine(journal.lineStart, null),
    (error) => (error === null ? remove() : done(error)),
    journal.id,
  );
}
