/** Locates the Electron binary the `electron` npm package installed, if any. */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Path of the Electron executable, or null where it was never downloaded (as on CI here). */
export function electronBinary(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const packageDir = path.dirname(require.resolve('electron/package.json'));
    const relative = readFileSync(path.join(packageDir, 'path.txt'), 'utf8').trim();
    const binary = path.join(packageDir, 'dist', relative);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}
