/**
 * Browser mode: `npm run -s serve -- --root <folder> [--port <n>]` serves the app on
 * 127.0.0.1 and prints the one URL (token included) to open in a browser. Bundled to
 * dist/electron/serve-main.cjs, which the launcher (serve-launch.ts) runs.
 */
import '../services/process-tuning'; // first: before anything runs
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createBackend } from '../services/backend';
import { createRecentFolders, defaultConfigDir } from '../services/folder';
import { watchSetting } from '../services/watch';
import { defaultCacheDir } from '../services/scan-cache';
import { startServer, type RunningServer } from './http-server';
import { stopWithLauncher } from './own-session';
import { parseServeArgs, SERVE_USAGE } from './serve-args';

/** dist/electron when bundled: the renderer is built next to it. */
const RENDERER_DIR = path.join(__dirname, '..', 'renderer');

async function main(): Promise<number> {
  const args = parseServeArgs(process.argv.slice(2), process.cwd());
  if ('error' in args) {
    process.stderr.write(`${args.error}\n${SERVE_USAGE}\n`);
    return 2;
  }
  if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    process.stderr.write(`The user interface is not built (${RENDERER_DIR} is missing): run npm run build first.\n`);
    return 1;
  }
  // The desktop app's settings folder (per user), so recent folders and presets are kept across runs.
  const configDir = args.configDir ?? defaultConfigDir();
  const backend = createBackend({
    door: 'browser',
    initialFolder: args.root,
    allowedRoots: [args.root],
    recent: createRecentFolders(configDir),
    configDir,
    cacheDir: defaultCacheDir(),
    watch: watchSetting(process.env.ACQMETA_WATCH),
  });
  const token = randomBytes(32).toString('base64url');
  let server: RunningServer;
  try {
    server = await startServer({ backend, rendererDir: RENDERER_DIR, token, port: args.port });
  } catch (error) {
    await backend.close();
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(
      code === 'EADDRINUSE'
        ? `Port ${args.port} is already in use: choose another with --port, or leave --port out to use a free one.\n`
        : `Could not start the server: ${(error as Error).message}\n`,
    );
    return 1;
  }
  process.stdout.write(`AcqMeta is serving ${args.root} at ${server.url}\n`);

  return new Promise<number>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.off('disconnect', stop);
      void server
        .close()
        .then(() => backend.close())
        .finally(() => resolve(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    stopWithLauncher(stop);
  });
}

void main().then((code) => process.exit(code));
