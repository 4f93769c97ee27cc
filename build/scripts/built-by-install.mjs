// Whether `npm test` may use the dist/ that `npm ci` built moments before, rather than build again.
import { statSync } from 'node:fs';
import path from 'node:path';

/**
 * Whether dist/ under `root` is the build that `npm ci` made in the same `.ci/run` that began at
 * `started` (seconds since the epoch; NaN or 0 outside `.ci/run`): `npm ci` runs the `prepare`
 * script, `npm run build`, on the clean clone, so both halves written since the run began were
 * built from the sources the clone still holds, and building again would make the same files.
 */
export function builtByInstall(root, started) {
  if (!Number.isFinite(started) || started <= 0) return false;
  try {
    return ['dist/electron/cli.cjs', 'dist/renderer/index.html'].every(
      (file) => statSync(path.join(root, file)).mtimeMs / 1000 >= started,
    );
  } catch {
    return false;
  }
}
