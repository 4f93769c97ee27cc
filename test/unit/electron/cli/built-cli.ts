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

/** How one run is made. */
export interface RunOptions {
  /** A run that takes longer is killed (code -1): for hang tests. */
  timeoutMs?: number;
  /** Variables set for this run beside the test process's own (a settings folder, …). */
  env?: Readonly<Record<string, string>>;
}

/** The bundles: `cli.cjs`, its launcher and the scan worker's in one temporary directory. */
export interface BuiltCli {
  /** The bundled scan worker, for scanners made inside tests. */
  workerScript: string;
  /** The bundled command line (what the launcher runs). */
  cliScript: string;
  /** The per-user cache folder the runs use (`ACQMETA_CACHE_DIR`). */
  cacheDir: string;
  /** Runs `acqmeta <args>` in `cwd`, with `options` (see {@link RunOptions}). */
  run(args: readonly string[], cwd: string, options?: RunOptions): Promise<CliRun>;
  remove(): Promise<void>;
}

/**
 * Bundles electron/cli/acqmeta.ts, its launcher electron/cli/launch.ts and
 * electron/services/tiff/scan-worker.ts with esbuild; runs go through the launcher, as
 * `bin/acqmeta.cjs` does.
 */
export async function buildCli(): Promise<BuiltCli> {
  const { outdir, remove } = await bundleEntries({
    cli: 'electron/cli/acqmeta.ts',
    'cli-launch': 'electron/cli/launch.ts',
    'scan-worker': 'electron/services/tiff/scan-worker.ts',
  });
  const launcher = path.join(outdir, 'cli-launch.cjs');
  // the caches of test runs stay with the bundles, out of the user's cache folder
  const cacheDir = path.join(outdir, 'cache');
  return {
    workerScript: path.join(outdir, 'scan-worker.cjs'),
    cliScript: path.join(outdir, 'cli.cjs'),
    cacheDir,
    run: (args, cwd, { timeoutMs, env: own } = {}) =>
      new Promise((resolve) => {
        const env = { ...process.env, ACQMETA_CACHE_DIR: cacheDir, ...own };
        execFile(
          process.execPath,
          [launcher, ...args],
          { cwd, encoding: 'utf8', env, timeout: timeoutMs, killSignal: 'SIGKILL' },
          (error, stdout, stderr) => {
            const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
            resolve({ code, stdout, stderr });
          },
        );
      }),
    remove,
  };
}
