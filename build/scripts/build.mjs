// Builds everything the app, the server and the command line run from: dist/.
// Node-side entry points are bundled by esbuild into CommonJS for Node 20 and Electron;
// the renderer is built by Vite. `--node-only` skips the renderer (used by unit tests).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { NODE_BUNDLE_OPTIONS, withLoadedBundles } from './node-bundle-options.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const nodeOnly = process.argv.includes('--node-only');

/** Node-side entry points: output name in dist/electron/ → source file. */
const NODE_ENTRIES = withLoadedBundles({
  main: 'electron/main/main.ts',
  preload: 'electron/main/preload.ts',
  cli: 'electron/cli/acqmeta.ts',
  'cli-launch': 'electron/cli/launch.ts',
  serve: 'electron/server/serve-launch.ts',
  'serve-main': 'electron/server/serve.ts',
  'scan-worker': 'electron/services/tiff/scan-worker.ts',
});

await build({
  ...NODE_BUNDLE_OPTIONS,
  absWorkingDir: root,
  entryPoints: NODE_ENTRIES,
  outdir: 'dist/electron',
  sourcemap: 'linked',
});

if (!nodeOnly) {
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'renderer/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}
