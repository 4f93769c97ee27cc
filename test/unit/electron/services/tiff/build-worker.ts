/**
 * Test helper: bundles Node entry points from their TypeScript sources, as
 * build/scripts/build.mjs does, so tests run the code under test rather than a stale dist/
 * (through a cache keyed by the sources' content, so each test file does not rebuild them).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withLoadedBundles } from '../../../../../build/scripts/node-bundle-options.mjs';
import { copyCachedBundles } from './bundle-cache';

/**
 * Bundles `entryPoints` (output name → source file) into `<outdir>/<name>.cjs` in a temporary
 * folder (in its subfolder `under`, as dist/electron, when given), with the bundles they load
 * beside them (exceljs, the command line's commands).
 */
export async function bundleEntries(
  entryPoints: Record<string, string>,
  under = '',
): Promise<{ outdir: string; remove: () => Promise<void> }> {
  const folder = await mkdtemp(path.join(tmpdir(), 'acqmeta-bundle-'));
  const outdir = path.join(folder, under);
  await copyCachedBundles(withLoadedBundles(entryPoints), outdir);
  return { outdir, remove: () => rm(folder, { recursive: true, force: true }) };
}

/** Bundles electron/services/tiff/scan-worker.ts; returns the script path and a cleanup. */
export async function buildScanWorker(): Promise<{ script: string; dispose: () => Promise<void> }> {
  const { outdir, remove } = await bundleEntries({ 'scan-worker': 'electron/services/tiff/scan-worker.ts' });
  return { script: path.join(outdir, 'scan-worker.cjs'), dispose: remove };
}
