/**
 * The save path's disk work, wherever it runs: in the write worker thread (`write-worker.ts`),
 * or on the main thread of a command that writes a few files one after another and would wait
 * longer for the worker to start than for its writes (`writeOnThisThread`). Each request is
 * answered through `answer`: a sidecar's read; its replacement by a synced temp file renamed
 * over it, with the file checked just before and just after the rename (`rename-checks.ts`);
 * a removal; a journal append; and the `lstat`s that confine the backend's paths. Calls that
 * take microseconds on a local disk (reading, writing and stating an open file, closing it) are
 * synchronous; creating the temp file, syncing it and renaming it run in the thread pool, so
 * those of many files overlap.
 */
import {
  closeSync,
  constants,
  fchmodSync,
  fdatasync,
  fstatSync,
  lstatSync,
  open,
  rename,
  rmSync,
  writeSync,
  type Stats,
} from 'node:fs';
import type { SidecarVersion } from '../../../shared/api';
import { ApiFailure } from '../../../shared/errors';
import { finishJournalLine, journalLine } from '../../../shared/journal';
import { atWritePoint, stampOf, type FileStamp, type WritePoint } from '../disk';
import { appendToJournal, cancelRecord } from './journal-appender';
import { versionOf } from './opened-file';
import { readSnapshotSync } from './read-snapshot-sync';
import { removeChecked } from './remove-checked';
import { checkAfterRename, checkBeforeRename } from './rename-checks';
import { listingOfSteps } from './sidecar-path';
import type { Look, LookRequest, ReplaceRequest, WriteReply, WriteRequest } from './write-worker-protocol';

/** Where the answers go (with the buffers they hand over). */
type Answer = (reply: WriteReply, transfer?: ArrayBuffer) => void;

/** A new file, never an existing one (`wx`). */
const TEMP_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL;

function failure(id: number, error: unknown): WriteReply {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ApiFailure)
    return {
      id,
      ok: false,
      error: { message, code: error.code, api: true, ...(error.path === undefined ? {} : { path: error.path }) },
    };
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return { id, ok: false, error: typeof code === 'string' ? { message, code } : { message } };
}

/** Writes, syncs and renames (see `renameChecked`); the temp file is removed on any error. */
function replace(request: ReplaceRequest, answer: Answer): void {
  const { id, temp, target, bytes, mode } = request;
  let fd: number | null = null;
  const fail = (error: unknown): void => {
    if (fd !== null) quietly(() => closeSync(fd as number));
    quietly(() => rmSync(temp, { force: true }));
    answer(failure(id, error));
  };
  open(temp, TEMP_FLAGS, mode ?? 0o666, (openError, opened) => {
    if (openError !== null) return fail(openError);
    fd = opened;
    let version: SidecarVersion;
    let stamp: FileStamp;
    try {
      for (let done = 0; done < bytes.length;) done += writeSync(opened, bytes, done, bytes.length - done, done);
      const stat = fstatSync(opened);
      // The umask must not narrow the old file's mode.
      if (mode !== null && (stat.mode & 0o7777) !== mode) fchmodSync(opened, mode);
      version = versionOf(bytes, stat.mtimeMs);
      stamp = stampOf(stat);
    } catch (error) {
      return fail(error);
    }
    syncedWithRecord(request, opened, version, fail, (failAfter) => {
      try {
        fd = null;
        closeSync(opened);
      } catch (error) {
        return failAfter(error);
      }
      past('before-check', target, () => renameChecked(request, version, stamp, answer, failAfter, fail));
    });
  });
}

/**
 * Syncs the temp file `fd` and, at the same time, appends and syncs the write's journal record
 * (with the version written); runs `next` once both are on disk. A write that fails after its
 * record may have been synced appends a line that cancels the record; `next` gets the failure
 * that does so.
 */
function syncedWithRecord(
  request: ReplaceRequest,
  fd: number,
  written: SidecarVersion,
  fail: (error: unknown) => void,
  next: (fail: (error: unknown) => void) => void,
): void {
  const { journal } = request;
  const failAfter =
    journal === null
      ? fail
      : (failure: unknown) => {
          cancelRecord(journal.dir, journal.id, journalLine({ cancel: journal.id }));
          fail(failure);
        };
  let waiting = journal === null ? 1 : 2;
  let firstError: Error | null = null;
  const synced = (error: Error | null): void => {
    firstError ??= error;
    waiting -= 1;
    if (waiting > 0) return;
    if (firstError !== null) failAfter(firstError);
    else next(failAfter);
  };
  fdatasync(fd, synced);
  if (journal === null) return;
  const after = { size: written.size, mtime: written.mtimeMs, sha256: written.sha256 };
  appendToJournal(journal.dir, finishJournalLine(journal.lineStart, after), synced, journal.id);
}

/**
 * Renames the synced temp file over the target, checking the target just before and just
 * after. `failBefore` is for a write that did not happen (it cancels its journal record),
 * `failAfterRename` for one that did (its record stays: another program wrote after it).
 */
function renameChecked(
  request: ReplaceRequest,
  written: SidecarVersion,
  stamp: FileStamp,
  answer: Answer,
  failBefore: (error: unknown) => void,
  failAfterRename: (error: unknown) => void,
): void {
  try {
    checkBeforeRename(request);
  } catch (error) {
    return failBefore(error);
  }
  rename(request.temp, request.target, (renameError) => {
    if (renameError !== null) return failBefore(renameError);
    past('after-rename', request.target, () => {
      try {
        answer({ id: request.id, ok: true, value: checkAfterRename(request, written, stamp) });
      } catch (error) {
        failAfterRename(error);
      }
    });
  });
}

/** Runs `next` once the write gate lets the write of `file` past `point`: at once without a gate. */
function past(point: WritePoint, file: string, next: () => void): void {
  const held = atWritePoint(point, file);
  if (held === undefined) next();
  else void held.then(next, next);
}

/** `lstat` of the image and of each step to its sidecar; what cannot be seen (missing, no permission) is null or `'none'`. */
function look({ image, sidecarSteps }: LookRequest): Look {
  const seen = (file: string): Stats | null => {
    try {
      return lstatSync(file, { throwIfNoEntry: false }) ?? null;
    } catch {
      return null;
    }
  };
  const imageInfo = seen(image);
  return {
    image:
      imageInfo === null
        ? null
        : {
            link: imageInfo.isSymbolicLink(),
            file: imageInfo.isFile(),
            folder: imageInfo.isDirectory(),
            stamp: stampOf(imageInfo),
          },
    sidecar: listingOfSteps(sidecarSteps.map(seen)),
  };
}

/** Clean-up after a failure: what cannot be closed or removed now is left to the temp-file sweep. */
function quietly(cleanUp: () => void): void {
  try {
    cleanUp();
  } catch {
    // nothing more to do here
  }
}

/** Does each of `requests`, answering each through `answer` once it is done. */
export function handleWriteRequests(requests: readonly WriteRequest[], answer: Answer): void {
  for (const request of requests) {
    if (request.type === 'replace') {
      replace(request, answer);
      continue;
    }
    if (request.type === 'remove') {
      removeChecked(request, (error) =>
        answer(error === null ? { id: request.id, ok: true, value: null } : failure(request.id, error)),
      );
      continue;
    }
    if (request.type === 'look') {
      answer({ id: request.id, ok: true, value: look(request) });
      continue;
    }
    if (request.type === 'journal') {
      const { id } = request;
      appendToJournal(request.dir, request.text, (error) =>
        answer(error === null ? { id, ok: true, value: null } : failure(id, error)),
      );
      continue;
    }
    try {
      const value = readSnapshotSync(request.file, request.name, request.imagePath, request.noFollow);
      // The bytes read have a buffer of their own: handed over, not copied.
      answer(
        { id: request.id, ok: true, value },
        value === null || value === 'link' ? undefined : (value.bytes.buffer as ArrayBuffer),
      );
    } catch (error) {
      answer(failure(request.id, error));
    }
  }
}
