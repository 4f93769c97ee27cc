/**
 * Which folders the window may ask to open by path: only those the user already chose — in the
 * native dialog, with `--open`, from the recent list — and the bundled sample. A compromised page
 * therefore cannot make the backend open (and write sidecars into) any other folder; `openFolder`
 * without a path shows the native dialog, where the user decides. Kept free of Electron.
 */
import path from 'node:path';
import type { ApiError } from '../../../shared/api';

/** Null when the `openFolder` request may run, else the refusal to send back. */
export function vetOpenFolder(request: unknown, chosen: readonly string[]): ApiError | null {
  if (typeof request !== 'object' || request === null || !('path' in request)) return null;
  const wanted = (request as { path: unknown }).path;
  if (wanted === undefined) return null;
  if (
    typeof wanted === 'string' &&
    path.isAbsolute(wanted) &&
    chosen.some((folder) => path.resolve(folder) === path.resolve(wanted))
  ) {
    return null;
  }
  return {
    code: 'OUTSIDE_FOLDER',
    message: 'Only folders chosen with Open Folder…, recent folders and the sample folder can be opened.',
  };
}
