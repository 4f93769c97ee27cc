/**
 * Finding a folder's change journals: its own, those of its subfolders, and their stand-ins in
 * the settings folder; those above it, which are never read, to be named.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { isZarrStoreName } from '../../../shared/ngff/store-name';
import { JOURNAL_DIR, settingsJournalDir } from './journal-places';

/** The journal folders of the journaled folder `root`, each with the folder its files' real paths must be inside. */
export function journalDirsOf(root: string, configDir: string): [dir: string, within: string][] {
  const standIn = settingsJournalDir(configDir, root);
  return [
    [path.join(root, JOURNAL_DIR), root],
    [standIn, standIn],
  ];
}

/** The journal folders above `folder` that hold journal files (not read: a journal is never taken from above). */
export async function journalsAbove(folder: string, configDir: string): Promise<string[]> {
  const above: string[] = [];
  for (let dir = path.resolve(folder); path.dirname(dir) !== dir;) {
    dir = path.dirname(dir);
    for (const [journal] of journalDirsOf(dir, configDir))
      if ((await journalFiles(journal)).length > 0) above.push(journal);
  }
  return above;
}

/**
 * The folders below `folder` that hold a journal, or its stand-in in `configDir` (hidden folders
 * and Zarr stores are not entered), in the order of a depth-first walk. The subfolders of a
 * folder are looked into at once: a scan waits on this walk before its first rows.
 */
export async function subfoldersWithJournals(folder: string, configDir: string): Promise<string[]> {
  const visit = async (dir: string): Promise<string[]> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    const children = entries
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && !isZarrStoreName(entry.name))
      .map((entry) => path.join(dir, entry.name));
    const found = await Promise.all(
      children.map(async (child) => {
        const [journals, below] = await Promise.all([
          Promise.all(journalDirsOf(child, configDir).map(([journal]) => journalFiles(journal))),
          visit(child),
        ]);
        return journals.some((files) => files.length > 0) ? [child, ...below] : below;
      }),
    );
    return found.flat();
  };
  return visit(folder);
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
