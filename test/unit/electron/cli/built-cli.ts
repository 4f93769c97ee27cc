/**
 * Test helper: bundles the command line and the scanner's worker side by side, as
 * build/scripts/build.mjs does into dist/electron, but into a temporary directory.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { bundleEntries } from '../services/tiff/build-worker';

/** What one run of the command printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The bundles: `cli.cjs` and the scan worker's in one temporary directory. */
export interface BuiltCli {
  /** The bundled scan worker, for scanners made inside tests. */
  workerScript: string;
  /** Runs `acqmeta <args>` in `cwd`; with `timeoutMs`, a run that takes longer is killed (code -1). */
  run(args: readonly string[], cwd: string, timeoutMs?: number): Promise<CliRun>;
  remove(): Promise<void>;
}

/** Bundles electron/cli/acqmeta.ts and electron/services/tiff/scan-worker.ts with esbuild. */
export async function buildCli(): Promise<BuiltCli> {
  const { outdir, remove } = await bundleEntries({ cli: 'electron/cli/acqmeta.ts', 'scan-worker': 'electron/services/tiff/scan-worker.ts' });
  const cli = path.join(outdir, 'cli.cjs');
  return {
    workerScript: path.join(outdir, 'scan-worker.cjs'),
    run: (args, cwd, timeoutMs) =>
      new Promise((resolve) => {
        // the scan cache of test runs stays with the bundles, out of the user's cache folder
        const env = { ...process.env, ACQMETA_CACHE_DIR: path.join(outdir, 'cache') };
        execFile(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env, timeout: timeoutMs, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
          const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
          resolve({ code, stdout, stderr });
        });
      }),
    remove,
  };
}
