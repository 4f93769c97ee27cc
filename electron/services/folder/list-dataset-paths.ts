/**
 * A dataset folder listed as HuBMAP's `directory_validator.py` lists it (its `get_files`,
 * an `os.walk` that does not follow links): every entry that is not a folder, hidden names
 * included, as a `/`-separated path relative to the folder; and `dir/` for each folder below
 * the top that holds no such entry directly (even when it holds folders).
 *
 * A link to a folder is neither walked nor listed, so the walk never leaves the folder; a
 * link to anything else, a dangling link, a FIFO or a socket is listed by name and never
 * opened. The walk is bounded in paths, and a folder it cannot read is an error naming it
 * rather than a silent gap. A folder more than {@link MAX_LISTED_DEPTH} levels deep is listed
 * as `dir/` and not walked into, so the check names it and still checks the rest.
 */
import type { Dir, Dirent } from 'node:fs';
import { opendir, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_LISTED_DEPTH } from '../../../shared/unread-files';
import { diskErrorReason } from '../disk';

/** The most paths one listing holds: a dataset of a million files is not a folder to check here. */
export const MAX_DATASET_PATHS = 1_000_000;

/** Is this entry a folder as `os.walk` sees it (links followed), without walking into links? */
async function isFolder(dir: string, dirent: Dirent): Promise<boolean> {
  if (dirent.isDirectory()) return true;
  if (!dirent.isSymbolicLink()) return false;
  return stat(path.join(dir, dirent.name)).then(
    (info) => info.isDirectory(),
    () => false,
  );
}

/** Lists `root` (see the module comment), at most `limit` paths; throws an error naming the folder it cannot read or the bound it passed. */
export async function listDatasetPaths(root: string, limit = MAX_DATASET_PATHS): Promise<string[]> {
  const paths: string[] = [];
  const stack: string[] = [''];
  while (stack.length > 0) {
    const rel = stack.pop() as string;
    const dir = rel === '' ? root : path.join(root, rel);
    let entries: Dir;
    try {
      entries = await opendir(dir, { bufferSize: 256 });
    } catch (error) {
      throw new Error(`${rel === '' ? '.' : rel}: cannot be listed: ${diskErrorReason(error)}`, { cause: error });
    }
    let files = 0;
    // Read entry by entry: a folder of millions of names is refused without holding them all.
    for await (const dirent of entries) {
      if (paths.length + stack.length >= limit) {
        throw new Error(`more than ${limit.toLocaleString('en')} files: too many to check`);
      }
      const relPath = rel === '' ? dirent.name : `${rel}/${dirent.name}`;
      if (!(await isFolder(dir, dirent))) {
        files++;
        paths.push(relPath);
      } else if (dirent.isDirectory()) {
        if (relPath.split('/').length > MAX_LISTED_DEPTH) paths.push(`${relPath}/`);
        else stack.push(relPath);
      }
    }
    if (files === 0 && rel !== '') paths.push(`${rel}/`);
  }
  return paths;
}
