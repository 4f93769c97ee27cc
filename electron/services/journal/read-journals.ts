/**
 * Reading a folder's change journal back: every journal that holds records of its images (the
 * folder's own, those of its subfolders, and their stand-ins in the settings folder; never one
 * above the folder), the records' paths made relative to the folder asked about, oldest first.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { FolderJournal } from '../../../shared/api';
import { parseJournal, type ChannelTableRecord, type JournalRecord } from '../../../shared/journal';
import { isInside } from '../disk';
import { defaultConfigDir } from '../folder';
import { readJournalFile } from './journal-file';
import { JOURNAL_DIR, settingsJournalDir } from './journal-places';

/**
 * Most records one reading keeps: a lab writing 200 sidecars every working day for ten years
 * (250 days a year) has 500,000. The files past it are left out, each named.
 */
export const MAX_JOURNAL_RECORDS = 500_000;

/** The journal records of the images under `folder` (absolute), from every journal that holds them. */
export async function readFolderJournal(folder: string, configDir = defaultConfigDir()): Promise<FolderJournal> {
  const roots = [path.resolve(folder), ...(await subfoldersWithJournals(folder, configDir))];
  const records: { record: JournalRecord; order: number }[] = [];
  const tables: ChannelTableRecord[] = [];
  const problems: string[] = [];
  const cancelled = new Set<string>();
  for (const journal of await journalsAbove(folder, configDir))
    problems.push(`the journal ${journal} is above ${folder} and not read; open (or name) that folder to read it`);
  for (const root of roots) {
    for (const [dir, within] of journalDirsOf(root, configDir)) {
      for (const file of await journalFiles(dir)) {
        if (records.length >= MAX_JOURNAL_RECORDS) {
          problems.push(`journal file ${file} is past the ${MAX_JOURNAL_RECORDS} records read at most; left out`);
          continue;
        }
        const read = await readJournalFile(file, within);
        if ('problem' in read) {
          problems.push(read.problem);
          continue;
        }
        const parsed = parseJournal(read.text);
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
        for (const table of parsed.tables) {
          const file = path.join(root, ...table.file.split('/'));
          if (isInside(folder, file))
            tables.push({ ...table, file: path.relative(folder, file).split(path.sep).join('/') });
        }
      }
    }
  }
  records.sort((a, b) => (a.record.time < b.record.time ? -1 : a.record.time > b.record.time ? 1 : a.order - b.order));
  const kept = tables
    .filter((t) => !cancelled.has(t.id))
    .sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  return {
    records: records.map((r) => r.record).filter((r) => !cancelled.has(r.id)),
    problems,
    ...(kept.length === 0 ? {} : { tables: kept }),
  };
}

/** The journal folders of the journaled folder `root`, each with the folder its files' real paths must be inside. */
export function journalDirsOf(root: string, configDir: string): [dir: string, within: string][] {
  const standIn = settingsJournalDir(configDir, root);
  return [
    [path.join(root, JOURNAL_DIR), root],
    [standIn, standIn],
  ];
}

/** The journal folders above `folder` that hold journal files (not read: a journal is never taken from above). */
async function journalsAbove(folder: string, configDir: string): Promise<string[]> {
  const above: string[] = [];
  for (let dir = path.resolve(folder); path.dirname(dir) !== dir;) {
    dir = path.dirname(dir);
    for (const [journal] of journalDirsOf(dir, configDir))
      if ((await journalFiles(journal)).length > 0) above.push(journal);
  }
  return above;
}

/** The folders below `folder` that hold a journal, or its stand-in in `configDir` (hidden folders are not entered). */
export async function subfoldersWithJournals(folder: string, configDir: string): Promise<string[]> {
  const found: string[] = [];
  const visit = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const child = path.join(dir, entry.name);
      const journals = journalDirsOf(child, configDir).map(([journal]) => journalFiles(journal));
      if ((await Promise.all(journals)).some((files) => files.length > 0)) found.push(child);
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
