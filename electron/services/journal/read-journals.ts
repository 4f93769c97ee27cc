/**
 * Reading a folder's change journal back: every journal that holds records of its images (at
 * the folder or above it, in its subfolders, and their stand-ins in the settings folder), the
 * records' paths made relative to the folder asked about, oldest first.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { FolderJournal } from '../../../shared/api';
import { parseJournal, type JournalRecord } from '../../../shared/journal';
import { isInside } from '../disk';
import { defaultConfigDir } from '../folder';
import { JOURNAL_DIR, settingsJournalDir } from './journal-places';

/** The journal records of the images under `folder` (absolute), from every journal that holds them. */
export async function readFolderJournal(folder: string, configDir = defaultConfigDir()): Promise<FolderJournal> {
  const roots = [...ancestorsOf(folder), ...(await subfoldersWithJournals(folder, configDir))];
  const records: { record: JournalRecord; order: number }[] = [];
  const problems: string[] = [];
  const cancelled = new Set<string>();
  for (const root of roots) {
    for (const dir of [path.join(root, JOURNAL_DIR), settingsJournalDir(configDir, root)]) {
      for (const file of await journalFiles(dir)) {
        const parsed = parseJournal(await readJournalFile(file));
        for (const id of parsed.cancelled) cancelled.add(id);
        for (const line of parsed.unreadable) {
          const torn = parsed.torn && line === parsed.unreadable.at(-1);
          problems.push(`${file}: line ${line} ${torn ? 'was cut short (a write interrupted)' : 'could not be read'}`);
        }
        for (const record of parsed.records) {
          const image = path.join(root, ...record.path.split('/'));
          if (!isInside(folder, image)) continue;
          const relative = path.relative(folder, image).split(path.sep).join('/');
          records.push({ record: { ...record, path: relative }, order: records.length });
        }
      }
    }
  }
  records.sort((a, b) => (a.record.time < b.record.time ? -1 : a.record.time > b.record.time ? 1 : a.order - b.order));
  return { records: records.map((r) => r.record).filter((r) => !cancelled.has(r.id)), problems };
}

/** `folder` and every folder above it. */
export function ancestorsOf(folder: string): string[] {
  const all: string[] = [];
  for (let dir = path.resolve(folder); ; dir = path.dirname(dir)) {
    all.push(dir);
    if (path.dirname(dir) === dir) return all;
  }
}

/** The folders below `folder` that hold a journal, or its stand-in in `configDir` (hidden folders are not entered). */
export async function subfoldersWithJournals(folder: string, configDir: string): Promise<string[]> {
  const found: string[] = [];
  const visit = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const child = path.join(dir, entry.name);
      const journals = [path.join(child, JOURNAL_DIR), settingsJournalDir(configDir, child)];
      if ((await Promise.all(journals.map(journalFiles))).some((files) => files.length > 0)) found.push(child);
      await visit(child);
    }
  };
  await visit(folder);
  return found;
}

/**
 * The journal files of a journal folder, by name: the writers' files and the compressed ones
 * (`.jsonl.gz`), a plain file left beside its compressed copy by a crash counted once.
 */
export async function journalFiles(dir: string): Promise<string[]> {
  const names = new Set(await readdir(dir).catch(() => [] as string[]));
  return [...names]
    .filter((name) => name.endsWith('.jsonl.gz') || (name.endsWith('.jsonl') && !names.has(`${name}.gz`)))
    .sort()
    .map((name) => path.join(dir, name));
}

/** A journal file's text (a compressed one unpacked); a file that cannot be read is empty. */
export async function readJournalFile(file: string): Promise<string> {
  try {
    const bytes = await readFile(file);
    return (file.endsWith('.gz') ? await promisify(gunzip)(bytes) : bytes).toString('utf8');
  } catch {
    return '';
  }
}
