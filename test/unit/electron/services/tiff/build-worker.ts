/**
 * Test helper: bundles Node entry points from their TypeScript sources, as
 * build/scripts/build.mjs does, so tests run the code under test rather than a stale dist/.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { NODE_BUNDLE_OPTIONS } from '../../../../../build/scripts/node-bundle-options.mjs';

const root = path.resolve(__dirname, '../../../../..');

/** Bundles `entryPoints` (output name → source file) into `<outdir>/<name>.cjs` in a temporary folder. */
export async function bundleEntries(entryPoints: Record<string, string>): Promise<{ outdir: string; remove: () => Promise<void> }> {
  const outdir = await mkdtemp(path.join(tmpdir(), 'acqmeta-bundle-'));
  await build({ ...NODE_BUNDLE_OPTIONS, absWorkingDir: root, entryPoints, outdir });
  return { outdir, remove: () => rm(outdir, { recursive: true, force: true }) };
}

/** The scan worker's bundles: the worker and the preview decoder it loads next to it. */
export const WORKER_ENTRIES = {
  'scan-worker': 'electron/services/tiff/scan-worker.ts',
  'preview-decoder': 'electron/services/tiff/decode-plane.ts',
};

/** Bundles electron/services/tiff/scan-worker.ts (and its preview decoder); returns the script path and a cleanup. */
export async function buildScanWorker(): Promise<{ script: string; dispose: () => Promise<void> }> {
  const { outdir, remove } = await bundleEntries(WORKER_ENTRIES);
  return { script: path.join(outdir, 'scan-worker.cjs'), dispose: remove };
}
