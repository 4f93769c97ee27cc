/**
 * Before the unit tests: bundles the write and convert workers into dist/electron from their
 * sources, so the save path and conversions under test (run from their TypeScript sources,
 * which load the workers from there) run the workers' current code rather than whatever an
 * earlier build left; and gives the run its own temporary folder, removed after it.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { NODE_BUNDLE_OPTIONS, NODE_EXTRA_ENTRIES } from '../../build/scripts/node-bundle-options.mjs';
import { useRunTempFolder } from '../run-temp-folder';

const root = path.resolve(__dirname, '../..');

export default async function setup(): Promise<() => void> {
  const removeTempFolder = useRunTempFolder();
  await build({
    ...NODE_BUNDLE_OPTIONS,
    absWorkingDir: root,
    entryPoints: {
      'write-worker': NODE_EXTRA_ENTRIES['write-worker'] as string,
      'convert-worker': NODE_EXTRA_ENTRIES['convert-worker'] as string,
    },
    outdir: 'dist/electron',
    sourcemap: 'linked',
  });
  return removeTempFolder;
}
