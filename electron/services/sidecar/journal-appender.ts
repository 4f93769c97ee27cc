/**
 * The write worker's side of the change journal: this process's own file in each journal
 * folder, appended to by group commit. Records that arrive while a sync is under way wait for
 * the next one, so many saves in flight share each sync; each caller is answered once its line
 * is on the disk, and only then renames its sidecar.
 */
import {
  closeSync,
  fdatasync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

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
  /** Files this process has started in the folder (the number of the next one's name). */
  files: number;
}

interface Waiting {
  text: string;
  done: (error: Error | null) => void;
}

const open = new Map<string, OpenJournal>();
const waiting = new Map<string, Waiting[]>();
const syncing = new Set<string>();

/** Appends `text` (whole lines) to this process's file in `dir`; calls `done` once it is synced. */
export function appendToJournal(dir: string, text: string, done: (error: Error | null) => void): void {
  const queue = waiting.get(dir);
  if (queue === undefined) waiting.set(dir, [{ text, done }]);
  else queue.push({ text, done });
  if (!syncing.has(dir)) setImmediate(() => commit(dir));
}

/** Appends a line no rename waits for (a cancel): written at once, synced with the next group. */
export function appendUnsynced(dir: string, text: string): void {
  try {
    write(dir, text);
  } catch {
    // a lost cancel leaves a record of a write that did not happen: readers see its `after` never came
  }
}

function commit(dir: string): void {
  const group = waiting.get(dir);
  if (group === undefined || group.length === 0 || syncing.has(dir)) return;
  waiting.delete(dir);
  let journal: OpenJournal;
  try {
    journal = write(dir, group.map((w) => w.text).join(''));
  } catch (error) {
    for (const w of group) w.done(error as Error);
    return;
  }
  syncing.add(dir);
  fdatasync(journal.fd, (error) => {
    syncing.delete(dir);
    for (const w of group) w.done(error);
    if (waiting.has(dir)) commit(dir);
  });
}

/** Writes `text` at the end of this process's current file in `dir`, starting a new file past the size limit. */
function write(dir: string, text: string): OpenJournal {
  let journal = open.get(dir);
  if (journal !== undefined && journal.size >= JOURNAL_ROTATE_BYTES && !syncing.has(dir)) {
    fsyncSync(journal.fd);
    closeSync(journal.fd);
    compress(path.join(dir, fileName(journal.files)));
    journal = { ...startFile(dir, journal.files + 1), files: journal.files + 1 };
    open.set(dir, journal);
  }
  if (journal === undefined) {
    journal = { ...startFile(dir, 1), files: 1 };
    open.set(dir, journal);
  }
  const bytes = Buffer.from(text, 'utf8');
  for (let done = 0; done < bytes.length;) done += writeSync(journal.fd, bytes, done, bytes.length - done);
  journal.size += bytes.length;
  return journal;
}

function fileName(number: number): string {
  return `${WRITER}-${number}.jsonl`;
}

function startFile(dir: string, number: number): { fd: number; size: number } {
  mkdirSync(dir, { recursive: true });
  const fd = openSync(path.join(dir, fileName(number)), 'a');
  return { fd, size: 0 };
}

/**
 * Replaces a closed journal file by `<name>.gz`: written under a temp name, synced, renamed,
 * then the plain file removed (readers take the `.gz` where both are left). On failure the
 * plain file stays, as readable.
 */
function compress(file: string): void {
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
    rmSync(file, { force: true });
  } catch {
    rmSync(temp, { force: true });
  }
}
