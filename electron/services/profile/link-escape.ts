/**
 * Whether a lab file found for a folder leads elsewhere through a symbolic link: a file in the
 * folder named (opened, or given on the command line) may not lead outside it, and a file
 * found above it may not lead outside its own folder.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from '../disk';
import { leavesFolder } from '../folder';

/** For the folder `root`: why the file at `file` is not read (it links outside where it may); null when it may be read. */
export function linkEscapeCheck(root: string): (file: string) => Promise<string | null> {
  const realRoot = realpath(root).catch(() => root);
  return async (file) => {
    const dir = path.dirname(file);
    const inOpen = isInside(root, dir);
    const base = inOpen ? await realRoot : await realpath(dir).catch(() => dir);
    if (!(await leavesFolder(base, file))) return null;
    return `links outside ${inOpen ? 'the open folder' : 'its own folder'}, so it is not read`;
  };
}
