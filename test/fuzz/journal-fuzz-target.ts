/**
 * The journal's fuzz rule: a journal folder holding the mutant file is read as `acqmeta log`
 * and the app read it, and the reading resolves (never throws, never hangs), names what it
 * leaves out, and gives only records of images inside the folder, with the record's keys.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readFolderJournal } from '../../electron/services/journal';
import { FuzzFailure } from './fuzz-targets';

let folder: string | null = null;

/** The fuzz run's folder (one per process, removed at exit). */
function fuzzFolder(): string {
  if (folder === null) {
    const made = mkdtempSync(path.join(tmpdir(), 'acqmeta-fuzz-journal-'));
    process.on('exit', () => rmSync(made, { recursive: true, force: true }));
    folder = made;
  }
  return folder;
}

/** Reads a folder whose journal holds `bytes` (as `.jsonl.gz` when they start as gzip does): `ok`, `rejected` (a problem named), or throws a {@link FuzzFailure}. */
export async function fuzzJournal(bytes: Uint8Array): Promise<'ok' | 'rejected'> {
  const root = fuzzFolder();
  const dir = path.join(root, 'exp', '.acqmeta', 'journal');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  writeFileSync(path.join(dir, `fuzz-1-a-0001.jsonl${gzipped ? '.gz' : ''}`), bytes);
  let journal;
  try {
    journal = await readFolderJournal(path.join(root, 'exp'), path.join(root, 'config'));
  } catch (error) {
    throw new FuzzFailure(`reading threw ${(error as Error)?.name}: ${(error as Error)?.message}`);
  }
  for (const record of journal.records) {
    if (record.path.startsWith('../') || record.path === '..' || path.isAbsolute(record.path))
      throw new FuzzFailure(`a record of an image outside the folder: ${JSON.stringify(record.path)}`);
    if (typeof record.id !== 'string' || !Array.isArray(record.changes))
      throw new FuzzFailure(`a record without its keys: ${JSON.stringify(record).slice(0, 200)}`);
  }
  if (!journal.problems.every((p) => typeof p === 'string' && p !== ''))
    throw new FuzzFailure('a problem that is not in words');
  return journal.problems.length > 0 ? 'rejected' : 'ok';
}
