/**
 * Paths typed or saved on another system: a path from a table names a file when the two are
 * the same under Unicode NFC (`shared/same-name.ts`), though their bytes differ.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { sameNameKey } from '../../../shared/same-name';

/**
 * The path on disk that `relPath` (relative, `/`-separated) names under NFC, component by
 * component: a component found as written is kept, else it is the one entry of its folder whose
 * NFC form is the same. Null when a component matches no entry, or several.
 */
export async function pathOnDisk(root: string, relPath: string): Promise<string | null> {
  const found: string[] = [];
  for (const component of relPath.split('/')) {
    const entries = await readdir(path.join(root, ...found)).catch(() => null);
    if (entries === null) return null;
    if (entries.includes(component)) {
      found.push(component);
      continue;
    }
    const key = sameNameKey(component);
    const same = entries.filter((entry) => sameNameKey(entry) === key);
    if (same.length !== 1) return null;
    found.push(same[0] as string);
  }
  return found.join('/');
}
