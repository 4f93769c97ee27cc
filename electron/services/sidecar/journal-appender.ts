/**
 * The write worker's side of the change journal: this process's own file in each journal
 * folder, appended to by group commit. Records that arrive while a sync is under way wait for
 * the next one, so many saves in flight share each sync; each caller is answered once its line
 * is on the disk, and only then renames its sidecar.
 */
import {
  close,
  closeSync,
  fdatasync,
  fsync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  open as openFile,
  openSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { diskErrorReason } from '../disk';

/**
 * Size past which a journal file is closed, kept gzip-compressed (its records repeat the same
 * keys, action and author: about a tenth of the size) and the next line starts a new file.
 */
export const JOURNAL_ROTATE_BYTES = 1024 * 1024;

/** This process's journal files: host, process and start time, so that no two writers share one. */
const WRITER = `${os.hostname().replace(/[^A-Za-z0-9.-]/g, '_')}-${process.pid}-${Date.now().toString(36)}`;

interface OpenJournal {
  fd: number;
  size: number;
  /** Files this process has started in the folder (the number of the current one's name). */
  files: number;
  /** The file is new: its folder's entry for it is synced with its first group. */
  unsyncedEntry: boolean;
  /** The records in it a cancel may take back (a write's, by id), not taken back yet. */
  cancellable: Set<string>;
  /** Whether it holds lines no cancel takes back (an outside change's record). */
  kept: boolean;
  /** The first folder that making the file made (undefined: its folder was there). */
  madeFrom: string | undefined;
}

interface Waiting {
  text: string;
  done: (error: Error | null) => void;
  /** The id of the write whose record `text` is, which a cancel may take back (undefined: kept). */
  record?: string;
  /** The text is a cancel line: of a record of the current file, or of an earlier one. */
  cancel?: 'in-file' | 'earlier';
}

const open = new Map<string, OpenJournal>();
const waiting = new Map<string, Waiting[]>();
const syncing = new Set<string>();
/** Files started in each folder, kept when a file is given up after an error. */
const started = new Map<string, number>();

/**
 * Appends `text` (whole lines) to this process's file in `dir`; calls `done` once it is synced.
 * `record`: the id of the write whose record `text` is (one {@link cancelRecord} may take back).
 */
export function appendToJournal(dir: string, text: string, done: (error: Error | null) => void, record?: string): void {
  queue(dir, record === undefined ? { text, done } : { text, done, record });
}

/**
 * Takes back the record `id` of a write that did not happen, by a line no rename waits for
 * (synced with its group; a lost one leaves a record whose `after` never came). When the file
 * this process made holds nothing else then (every record in it taken back), the file goes
 * instead, and the folders making it made when empty: a folder whose first write failed gains
 * no journal.
 */
export function cancelRecord(dir: string, id: string, line: string): void {
  const inFile = open.get(dir)?.cancellable.delete(id) === true;
  queue(dir, { text: line, done: () => undefined, cancel: inFile ? 'in-file' : 'earlier' });
}

function queue(dir: string, entry: Waiting): void {
  const entries = waiting.get(dir);
  if (entries === undefined) waiting.set(dir, [entry]);
  else entries.push(entry);
  if (!syncing.has(dir)) setImmediate(() => commit(dir));
}

/** Removes this process's file `journal` of `dir` (all its records taken back), then the folders it made, while empty. */
function removeFile(dir: string, journal: OpenJournal): void {
  open.delete(dir);
  quietly(() => closeSync(journal.fd));
  quietly(() => unlinkSync(path.join(dir, fileName(journal.files))));
  if (journal.madeFrom === undefined) return;
  for (let folder = dir; ; folder = path.dirname(folder)) {
    try {
      rmdirSync(folder); // only an empty folder: another writer's file keeps it
    } catch {
      return;
    }
    if (folder === journal.madeFrom || path.dirname(folder) === folder) return;
  }
}

function commit(dir: string): void {
  const group = waiting.get(dir);
  if (group === undefined || group.length === 0 || syncing.has(dir)) return;
  waiting.delete(dir);
  const current = open.get(dir);
  if (
    current !== undefined &&
    current.cancellable.size === 0 &&
    !current.kept &&
    group.every((w) => w.cancel === 'in-file')
  ) {
    removeFile(dir, current);
    for (const w of group) w.done(null);
    return;
  }
  let journal: OpenJournal;
  try {
    journal = write(dir, group.map((w) => w.text).join(''));
  } catch (error) {
    for (const w of group) w.done(journalFailure(dir, error));
    return;
  }
  for (const w of group)
    if (w.record !== undefined) journal.cancellable.add(w.record);
    else if (w.cancel === undefined) journal.kept = true;
  syncing.add(dir);
  // a new file's entry, and with the process's first file here the folders above (a first write
  // may have made them), synced at the same time as its lines: one wait for the disk, not four
  const folders = journal.unsyncedEntry ? foldersAbove(dir, journal.files === 1 ? 3 : 1) : [];
  let pending = 1 + folders.length;
  let failure: NodeJS.ErrnoException | null = null;
  const synced = (): void => {
    if (--pending > 0) return;
    if (failure === null) journal.unsyncedEntry = false;
    syncing.delete(dir);
    for (const w of group) w.done(failure === null ? null : journalFailure(dir, failure));
    if (waiting.has(dir)) commit(dir);
  };
  fdatasync(journal.fd, (error) => {
    failure = error;
    synced();
  });
  for (const folder of folders) syncFolder(folder, synced);
}

/**
 * A failure to write the journal folder `dir`, naming it and the reason (a disk error alone would
 * not say which folder). A full disk is left as it is: it is no fault of the folder, and the save
 * tries a file that found no room again once the writes beside it have ended.
 */
function journalFailure(dir: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if ((code === 'ENOSPC' || code === 'EDQUOT') && error instanceof Error) return error;
  return new Error(`the change journal folder ${dir} cannot be written (${diskErrorReason(error)})`);
}

/**
 * Writes `text` at the end of this process's current file in `dir`, starting a new file past
 * the size limit. A write that fails part way is cut back to the last whole line (else the
 * next line would be glued to the fragment); a file that cannot be cut back is given up.
 */
function write(dir: string, text: string): OpenJournal {
  let journal = open.get(dir);
  if (journal !== undefined && journal.size >= JOURNAL_ROTATE_BYTES && !syncing.has(dir)) {
    open.delete(dir);
    quietly(() => fsyncSync((journal as OpenJournal).fd));
    quietly(() => closeSync((journal as OpenJournal).fd));
    compress(dir, path.join(dir, fileName(journal.files)));
    journal = undefined;
  }
  if (journal === undefined) {
    journal = startFile(dir);
    open.set(dir, journal);
  }
  const bytes = Buffer.from(text, 'utf8');
  try {
    for (let done = 0; done < bytes.length;) done += writeSync(journal.fd, bytes, done, bytes.length - done);
  } catch (error) {
    const { fd, size } = journal;
    try {
      ftruncateSync(fd, size);
    } catch {
      open.delete(dir);
      quietly(() => closeSync(fd));
    }
    throw error;
  }
  journal.size += bytes.length;
  return journal;
}

/** The name of this process's file number `number`, zero-padded so that names sort in order. */
function fileName(number: number): string {
  return `${WRITER}-${String(number).padStart(4, '0')}.jsonl`;
}

function startFile(dir: string): OpenJournal {
  const files = (started.get(dir) ?? 0) + 1;
  const madeFrom = mkdirSync(dir, { recursive: true });
  const fd = openSync(path.join(dir, fileName(files)), 'a');
  started.set(dir, files);
  return { fd, size: 0, files, unsyncedEntry: true, cancellable: new Set(), kept: false, madeFrom };
}

/**
 * The journal folder `dir` and, with `levels` 3, the two above it (`.acqmeta/` and the folder
 * journaled): those whose entries a new file needs on disk before a rename its record covers.
 */
function foldersAbove(dir: string, levels: number): string[] {
  const folders = [dir];
  while (folders.length < levels) folders.push(path.dirname(folders[folders.length - 1] as string));
  return folders;
}

/**
 * Syncs `folder` without blocking, then calls `done`. A folder that cannot be synced (Windows,
 * some network shares) keeps what the file system gives.
 */
function syncFolder(folder: string, done: () => void): void {
  openFile(folder, 'r', (error, fd) => {
    if (error !== null) return done();
    fsync(fd, () => close(fd, () => done()));
  });
}

/** Clean-up whose failure changes nothing more. */
function quietly(task: () => void): void {
  try {
    task();
  } catch {
    // nothing more to do
  }
}

/**
 * Replaces a closed journal file by `<name>.gz`: written under a temp name, synced, renamed,
 * then the plain file removed (readers take the `.gz` where both are left). On failure the
 * plain file stays, as readable.
 */
function compress(dir: string, file: string): void {
  const temp = `${file}.gz.partial`;
  try {
    const fd = openSync(temp, 'w');
    try {
      const bytes = gzipSync(readFileSync(file));
      for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, `${file}.gz`);
    quietly(() => {
      const fd = openSync(dir, 'r');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    });
    rmSync(file, { force: true });
  } catch {
    rmSync(temp, { force: true });
  }
}
