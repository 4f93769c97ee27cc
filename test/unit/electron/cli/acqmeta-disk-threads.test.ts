/**
 * The command line syncs each sidecar it writes in Node's thread pool, sized before the pool
 * starts (16 threads, so that many syncs wait on the disk together); a size the user set in
 * the environment is kept. Counted as the threads the process has when it exits (Linux).
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labCopyPerTest } from '../services/folder/lab-folder';
import { buildCli, type BuiltCli } from './built-cli';

const onLinux = process.platform === 'linux';

describe.runIf(onLinux)('acqmeta thread pool', () => {
  let cli: BuiltCli;
  let counter: string;
  const copy = labCopyPerTest();
  beforeAll(async () => {
    cli = await buildCli();
    counter = path.join(path.dirname(cli.cliScript), 'count-threads.cjs');
    await writeFile(
      counter,
      "process.on('exit', () => require('fs').writeSync(2, `threads=${require('fs').readdirSync('/proc/self/task').length}\\n`));\n",
    );
  });
  afterAll(() => cli.remove());

  /** The threads of an `acqmeta set` run (one sidecar written) when it exits. */
  const threadsOfASave = (poolSize?: string): Promise<number> =>
    new Promise((resolve, reject) => {
      const env = { ...process.env, ACQMETA_CACHE_DIR: cli.cacheDir, UV_THREADPOOL_SIZE: poolSize };
      if (poolSize === undefined) delete env.UV_THREADPOOL_SIZE;
      const launcher = path.join(path.dirname(cli.cliScript), 'cli-launch.cjs');
      execFile(
        process.execPath,
        ['--require', counter, launcher, 'set', 'lab/cells/multi-channel.ome.tif', '--set', 'species=rat'],
        { cwd: copy.base, env },
        (error, _stdout, stderr) => {
          const threads = /threads=(\d+)/.exec(stderr)?.[1];
          if (error !== null || threads === undefined)
            reject(new Error(`acqmeta set failed: ${error?.message ?? ''} ${stderr}`));
          else resolve(Number(threads));
        },
      );
    });

  it('runs its file-system calls in 16 threads, or as many as the environment says', async () => {
    const sized = await threadsOfASave();
    const four = await threadsOfASave('4');
    const eight = await threadsOfASave('8');
    expect(eight - four).toBe(4);
    expect(sized - four).toBe(12);
  });
});
