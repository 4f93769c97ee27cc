/**
 * Test helper: bundles the scan worker from its TypeScript source, as build/scripts/build.mjs
 * does, so pool tests run the code under test rather than a stale dist/.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(__dirname, '../../../../..');

/** Bundles electron/services/tiff/scan-worker.ts; returns the script path and a cleanup. */
export async function buildScanWorker(): Promise<{ script: string; dispose: () => void }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'acqmeta-scan-worker-'));
  const script = path.join(dir, 'scan-worker.cjs');
  await build({
    absWorkingDir: root,
    entryPoints: ['electron/services/tiff/scan-worker.ts'],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
  return { script, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
