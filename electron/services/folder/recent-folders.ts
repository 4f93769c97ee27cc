/**
 * The list of recently opened folders, kept as a small JSON file in a config directory.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Recently opened folders, newest first. */
export interface RecentFolders {
  list(): string[];
  /** Moves `folder` to the front, dropping the oldest beyond the limit. */
  add(folder: string): void;
}

/** How many folders the list keeps. */
const MAX_RECENT_FOLDERS = 10;

/** The file name inside the config directory. */
export const RECENT_FOLDERS_FILE = 'recent-folders.json';

/**
 * Opens the store in `configDir` (created on the first `add`).
 *
 * A missing or unreadable file reads as an empty list; a failed write keeps the list in memory.
 */
export function createRecentFolders(configDir: string): RecentFolders {
  const file = path.join(configDir, RECENT_FOLDERS_FILE);
  let folders = readList(file);
  return {
    list: () => [...folders],
    add(folder) {
      folders = [folder, ...folders.filter((f) => f !== folder)].slice(0, MAX_RECENT_FOLDERS);
      try {
        mkdirSync(configDir, { recursive: true });
        const temp = `${file}.${process.pid}.tmp`;
        writeFileSync(temp, `${JSON.stringify(folders, null, 2)}\n`);
        renameSync(temp, file);
      } catch {
        // The list is a convenience: losing it must not stop the folder from opening.
      }
    },
  };
}

function readList(file: string): string[] {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((f): f is string => typeof f === 'string').slice(0, MAX_RECENT_FOLDERS);
  } catch {
    return [];
  }
}
