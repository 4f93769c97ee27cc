/**
 * Before the unit tests: bundles the write worker into dist/electron from its source, so the
 * save path under test (run from its TypeScript sources, which load the worker from there)
 * runs the worker's current code rather than whatever an earlier build left.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { NODE_BUNDLE_OPTIONS, NODE_EXTRA_ENTRIES } from '../../build/scripts/node-bundle-options.mjs';

const root = path.resolve(__dirname, '../..');

export default async function setup(): Promise<void> {
  await build({
    ...NODE_BUNDLE_OPTIONS,
    absWorkingDir: root,
    entryPoints: { 'write-worker': NODE_EXTRA_ENTRIES['write-worker'] as string },
    outdir: 'dist/electron',
    sourcemap: 'linked',
  });
}
