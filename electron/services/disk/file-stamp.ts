/**
 * A file's identity on disk: what the scan cache compares to tell an unchanged file.
 */
import type { Stats } from 'node:fs';

/** Size, modification time and inode of a file as it was read. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

/** The stamp of a `stat` result. */
export function stampOf(stats: Pick<Stats, 'size' | 'mtimeMs' | 'ino'>): FileStamp {
  return { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino };
}

/** Whether two stamps (null: no file) describe the same file contents. */
export function sameStamp(a: FileStamp | null, b: FileStamp | null): boolean {
  if (a === null || b === null) return a === b;
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}
