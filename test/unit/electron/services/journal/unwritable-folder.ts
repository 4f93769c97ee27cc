/**
 * Test helper: a folder nothing can be created in, as a user meets a read-only share.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmdirSync } from 'node:fs';
import path from 'node:path';

function writable(dir: string): boolean {
  const probe = path.join(dir, '.probe');
  try {
    mkdirSync(probe);
  } catch {
    return false;
  }
  rmdirSync(probe);
  return true;
}

/**
 * Makes `dir` unwritable by its permission bits (0555) or, for root who passes over those, by
 * the immutable attribute (chattr +i: EPERM for root too), checking that it worked. Returns how,
 * and how to undo it; null when neither works for this user on this file system.
 */
export function makeUnwritable(dir: string): { how: string; undo: () => void } | null {
  chmodSync(dir, 0o555);
  if (!writable(dir)) return { how: 'chmod 555', undo: () => chmodSync(dir, 0o755) };
  chmodSync(dir, 0o755);
  try {
    execFileSync('chattr', ['+i', dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
  const undo = (): void => void execFileSync('chattr', ['-i', dir], { stdio: 'ignore' });
  if (!writable(dir)) return { how: 'chattr +i', undo };
  undo();
  return null;
}
