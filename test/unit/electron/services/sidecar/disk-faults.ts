/**
 * Test helpers that make the disk refuse writes in ways that hold for root too (the tests and
 * CI run as root, and root ignores permission bits): the immutable attribute (`chattr +i`) and
 * a small tmpfs. Each returns null where the system does not allow it, so the test can say so.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, statSync } from 'node:fs';

const isRoot = process.getuid?.() === 0;

/**
 * Makes a file or folder refuse writes (a folder: no file can be created, renamed or removed
 * in it). Returns the undo, or null when neither `chattr` (as root) nor `chmod` can do it.
 */
export function denyWrites(target: string): (() => void) | null {
  if (!isRoot) {
    const mode = statSync(target).mode & 0o7777;
    chmodSync(target, mode & ~0o222);
    return () => chmodSync(target, mode);
  }
  try {
    execFileSync('chattr', ['+i', target], { stdio: 'ignore' });
  } catch {
    return null; // no chattr, or a file system without the immutable attribute
  }
  return () => execFileSync('chattr', ['-i', target], { stdio: 'ignore' });
}

/** Mounts a tmpfs of `bytes` at `dir` (created); returns the unmount, or null where mounting is not allowed. */
export function smallDisk(dir: string, bytes: number): (() => void) | null {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
  return () => execFileSync('umount', [dir], { stdio: 'ignore' });
}

/** Why a fault test did not run, for its skip message. */
export const CANNOT_DENY = 'this system cannot make a file refuse writes (needs chattr +i as root, or a non-root user)';
export const CANNOT_MOUNT = 'mounting a small tmpfs is not allowed here (needs root and mount permission)';
