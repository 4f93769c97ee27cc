/**
 * Header writes cut short (the process killed between its journal record and its last byte)
 * finished or reverted by the next command on the image, and a header write undone byte for
 * byte, its length included, as a journaled write of its own.
 */
import { headerWriteState, type HeaderWriteRecord } from '../../../shared/journal';
import { cancelLine, journalHeaderWrite, type HeaderJournal } from '../journal';
import { appendJournalInWorker, withSidecarLock } from '../sidecar';
import { bytesNow, putBack, sha256Of } from './header-bytes';

/** What became of an interrupted write: reverted (its record taken back) or finished. */
export type Recovered = 'reverted' | 'finished';

/** Whether the file at `absPath` holds a write of `record` cut short: one to finish or revert. */
async function cutShort(absPath: string, record: HeaderWriteRecord): Promise<boolean> {
  const state = headerWriteState(record, await bytesNow(absPath, record));
  return state === 'unfinished' || state === 'not-written';
}

/**
 * Finishes or reverts the latest header write of the image at `absPath` (`latest`, its record)
 * when it was cut short; null when it was not (written, or the file changed since). The image's
 * lock is taken only for a write cut short, and the file looked at again under it: a write
 * that was finished stays finished, and the lock's folder changes are no cost of every command.
 */
export async function recoverHeaderWrite(
  absPath: string,
  latest: HeaderWriteRecord,
  journalDir: string,
): Promise<Recovered | null> {
  if (!(await cutShort(absPath, latest))) return null;
  return withSidecarLock(absPath, true, async () => {
    const state = headerWriteState(latest, await bytesNow(absPath, latest));
    if (state === 'unfinished') {
      await putBack(absPath, [], latest.after.size, latest.after.mtime);
      return 'finished';
    }
    if (state !== 'not-written') return null;
    await putBack(absPath, [], latest.before.size);
    await appendJournalInWorker(journalDir, cancelLine(latest.id));
    return 'reverted';
  });
}

/**
 * Why a header write cannot be undone now; null when the file still holds exactly what it wrote
 * and has not been modified since (its modification time still the one the write set: a change
 * anywhere, a pixel's too, shows there without a pixel being read).
 */
export async function undoRefusal(absPath: string, record: HeaderWriteRecord): Promise<string | null> {
  const now = await bytesNow(absPath, record);
  if (headerWriteState(record, now) !== 'written')
    return 'its header is no longer what that write left (another program changed it); nothing written';
  if (now.mtime !== record.after.mtime)
    return `it was modified since that write (at ${new Date(now.mtime).toISOString()}); nothing written`;
  return null;
}

/**
 * Undoes the header write `record` at `absPath`: the old bytes of its ranges put back and the
 * file cut to its old size and given its old modification time, journaled first (as `journal`
 * says) as a write of its own, whose own undo writes the header back.
 */
export async function undoHeaderWrite(
  absPath: string,
  record: HeaderWriteRecord,
  journal: HeaderJournal,
): Promise<void> {
  await withSidecarLock(absPath, true, async () => {
    const refusal = await undoRefusal(absPath, record);
    if (refusal !== null) throw Object.assign(new Error(refusal), { code: 'CHANGED' });
    const bytes = (hex: string) => Uint8Array.from(Buffer.from(hex, 'hex'));
    // the file gets back its modification time too (whole milliseconds, as a Date keeps it): a
    // write undone before it then still finds the time it set, and a cache the file as it was
    const mtime = Math.trunc(record.before.mtime);
    await journalHeaderWrite(journal, absPath, {
      values: record.values.map((v) => ({ ...v, old: v.new, new: v.old })),
      ranges: record.ranges.map((r) => ({ offset: r.offset, old: r.new, new: r.old })),
      appended: { offset: record.before.size, length: 0 },
      before: {
        size: record.after.size,
        mtime: record.after.mtime,
        sha256: sha256Of(record.ranges.map((r) => bytes(r.new))),
      },
      after: { size: record.before.size, mtime, sha256: sha256Of(record.ranges.map((r) => bytes(r.old))) },
    });
    await putBack(
      absPath,
      record.ranges.map((r) => ({ offset: r.offset, bytes: bytes(r.old) })),
      record.before.size,
      mtime,
    );
  });
}
