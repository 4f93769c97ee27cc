/**
 * Browser mode's server keeps V8's compiled code of its bundle in the per-user cache folder, as
 * the command line does: the first start writes it when the server stops, the next start uses
 * it as it is and serves the same page.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleServe } from './served-bundle';

describe('npm run serve', () => {
  let launcherScript = '';
  let removeBundle = async () => {};
  const work = mkdtempSync(path.join(tmpdir(), 'acqmeta-serve-code-'));
  const codeDir = path.join(work, 'cache', 'code');

  beforeAll(async () => {
    ({ launcherScript, remove: removeBundle } = await bundleServe());
    mkdirSync(path.join(work, 'folder'));
  }, 60_000);

  afterAll(async () => {
    await removeBundle();
    rmSync(work, { recursive: true, force: true });
  });

  /** Starts the server, fetches its page, stops it with Ctrl+C; resolves with the page and the exit code. */
  async function serveOnce(): Promise<{ page: string; code: number | null }> {
    const launcher = spawn(
      process.execPath,
      [launcherScript, '--root', path.join(work, 'folder'), '--config-dir', path.join(work, 'config')],
      { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ACQMETA_CACHE_DIR: path.join(work, 'cache') } },
    );
    const exit = new Promise<number | null>((resolve) => launcher.once('exit', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: launcher.stdout! }).on('line', (line) => {
        const match = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(line);
        if (match) resolve(match[1]!);
      });
      void exit.then((code) => reject(new Error(`serve exited with ${code}`)));
    });
    const page = await (await fetch(url)).text();
    launcher.kill('SIGINT');
    return { page, code: await exit };
  }

  /** The cache files in the code folder, with their size and inode (a file written again gets a new one). */
  const cacheFiles = () =>
    readdirSync(codeDir, { withFileTypes: true }).map(({ name }) => {
      const { size, ino } = statSync(path.join(codeDir, name));
      return { name, size, ino };
    });

  it('is written when the server first stops and used as it is by the next start', async () => {
    const first = await serveOnce();
    expect(first).toEqual({ page: expect.stringContaining('AcqMeta test page'), code: 0 });
    const written = cacheFiles();
    expect(written).toEqual([
      {
        name: expect.stringMatching(/^serve-main\.cjs-[0-9a-f]+\.v8cache$/),
        size: expect.any(Number),
        ino: expect.any(Number),
      },
    ]);
    expect(written[0]!.size).toBeGreaterThan(100_000);
    expect(await serveOnce()).toEqual(first);
    expect(cacheFiles()).toEqual(written);
  }, 60_000);
});
