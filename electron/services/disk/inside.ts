/**
 * Containment test for real (symlink-resolved) paths.
 */
import path from 'node:path';

/** Whether `candidate` is `root` itself or lies under it; both must be absolute real paths. */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  if (relative === '..' || relative.startsWith(`..${path.sep}`)) return false;
  return !path.isAbsolute(relative);
}
