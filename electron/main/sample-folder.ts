/**
 * The bundled sample folder, offered as "Open Sample Folder".
 *
 * The app opens a private copy in the user's data folder, so edits never touch the read-only
 * installed files (or, in development, the checked-in build/sample-folder).
 */
import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';

/** Where the bundled sample lives: resources when packaged, build/ in development. */
export function bundledSampleFolder(packaged: boolean, resourcesPath: string, projectRoot: string): string {
  return packaged ? path.join(resourcesPath, 'sample-folder') : path.join(projectRoot, 'build', 'sample-folder');
}

/** Copies the sample into `userDataDir` once; returns the copy, or null when there is no sample. */
export function prepareSampleFolder(bundled: string, userDataDir: string): string | null {
  const copy = path.join(userDataDir, 'Sample Folder');
  if (existsSync(copy)) return copy;
  if (!existsSync(bundled)) return null;
  try {
    cpSync(bundled, copy, { recursive: true });
    return copy;
  } catch {
    return null;
  }
}
