/**
 * The latest header write of each image of an open folder, for the recovery of writes cut short
 * when the app scans it, without reading the folder's whole journal: opening a folder whose
 * journal had grown to 80 MB of sidecar records parsed it all before the first rows (some 11 s of
 * CPU), and read it again for the outside-change check. Only the journal folders whose mark says
 * a header write was journaled there are read, and of their lines only header write records and
 * cancel lines are parsed.
 */
import path from 'node:path';
import type { HeaderWriteRecord } from '../../../shared/journal';
import { defaultConfigDir } from '../folder';
import { relativePath } from './folder-journal';
import { headerLinesOf } from './header-lines';
import { headerWritesSince } from './header-write-marker';
import { journalDirsOf, journalFiles, subfoldersWithJournals } from './read-journals';

/**
 * The latest header write record (not taken back) of each image under `folder` (absolute), by
 * its path relative to `folder` (`/`-separated), from the journals `readFolderJournal(folder)`
 * reads whose folder holds a header write mark; empty, after a look at each journal folder's
 * mark, when none does.
 */
export async function folderHeaderWrites(
  folder: string,
  configDir = defaultConfigDir(),
): Promise<Map<string, HeaderWriteRecord>> {
  const found: HeaderWriteRecord[] = [];
  const cancelled = new Set<string>();
  for (const root of [path.resolve(folder), ...(await subfoldersWithJournals(folder, configDir))])
    for (const [dir, within] of journalDirsOf(root, configDir)) {
      if (!(await headerWritesSince(dir, Number.NEGATIVE_INFINITY))) continue;
      for (const file of await journalFiles(dir)) {
        const lines = await headerLinesOf(file, within);
        for (const id of lines.cancelled) cancelled.add(id);
        for (const record of lines.headers) {
          const relPath = relativePath(folder, root, record.path);
          if (relPath !== '') found.push({ ...record, path: relPath });
        }
      }
    }
  found.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  return new Map(found.filter((record) => !cancelled.has(record.id)).map((record) => [record.path, record]));
}
