/**
 * A whole file written atomically: a synced temp file in the same folder, then renamed over
 * the file, or linked in its place where an existing file must not be replaced.
 */
import { randomBytes } from 'node:crypto';
import { link, lstat, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** Hard links are not made here (FAT, exFAT, some network shares): a rename after a look is the best there is. */
export const NO_LINKS: ReadonlySet<string> = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/**
 * Writes `data` to `file` through a synced temp file in its folder, so a reader sees the old
 * file or the new one, never half of one. With `replace` false, a file already there is left
 * as it is and the write fails with `EEXIST` (its bytes are never touched: the temp file is
 * linked in, which fails on any existing name, even one made meanwhile). The temp file is
 * removed on any error.
 */
export async function writeWhole(file: string, data: string | Uint8Array, replace = true): Promise<void> {
  const temp = path.join(path.dirname(file), `.acqmeta-${randomBytes(8).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await moveIntoPlace(temp, file, replace);
  } finally {
    await rm(temp, { force: true });
  }
}

/**
 * Puts the finished temp file `temp` in place as `file`: renamed over it with `replace`, else
 * linked in (failing with `EEXIST` on any existing name). `temp` may remain (linked): the
 * caller removes it.
 */
export async function moveIntoPlace(temp: string, file: string, replace: boolean): Promise<void> {
  if (replace) await rename(temp, file);
  else await putInPlace(temp, file);
}

/** Links `temp` in as `file` (failing with `EEXIST` when it exists); where links cannot be made, renames it after a look. */
async function putInPlace(temp: string, file: string): Promise<void> {
  try {
    await link(temp, file);
  } catch (error) {
    if (!NO_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    const there = await lstat(file).then(
      () => true,
      () => false,
    );
    if (there) throw Object.assign(new Error(`EEXIST: file already exists, '${file}'`), { code: 'EEXIST' });
    await rename(temp, file);
  }
}
