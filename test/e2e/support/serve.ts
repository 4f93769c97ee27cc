/**
 * Browser mode's server as the end-to-end tests start it: `serve` from dist/, with the compiled
 * code of its bundle kept in one folder of the run that every server shares.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Links the run's one folder of compiled code into `cacheDir`, where the server keeps it (`code`). */
function shareCompiledCode(cacheDir: string | undefined): void {
  if (cacheDir === undefined || existsSync(path.join(cacheDir, 'code'))) return;
  const shared = path.join(tmpdir(), 'acqmeta-e2e-code');
  mkdirSync(shared, { recursive: true });
  mkdirSync(cacheDir, { recursive: true });
  symlinkSync(shared, path.join(cacheDir, 'code'));
}

/** Starts `serve` on `folder` with its settings in `configDir` and `env` added to its environment; resolves with the URL it prints. */
export async function startServer(
  folder: string,
  configDir: string,
  env: Readonly<Record<string, string>>,
): Promise<{ url: string; server: ChildProcess }> {
  shareCompiledCode(env.ACQMETA_CACHE_DIR);
  const server = spawn(
    process.execPath,
    [path.join(ROOT, 'dist/electron/serve.cjs'), '--root', folder, '--config-dir', configDir],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...env },
    },
  );
  const lines = createInterface({ input: server.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    lines.on('line', (line) => {
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
    server.once('exit', (code) => reject(new Error(`serve exited with ${code} before printing its URL`)));
  });
  return { url, server };
}

/**
 * Starts and stops one server on an empty folder before the tests: it writes its compiled code
 * as it stops, so that every test's server finds it (a server that found none writes it only
 * when it stops, after its test has removed the folder it was given).
 */
export async function compileServerCode(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'acqmeta-e2e-compile-'));
  mkdirSync(path.join(work, 'folder'));
  const { server } = await startServer(path.join(work, 'folder'), path.join(work, 'settings'), {
    ACQMETA_CACHE_DIR: path.join(work, 'cache'),
  });
  const stopped = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await stopped;
  rmSync(work, { recursive: true, force: true });
}
