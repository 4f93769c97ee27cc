/**
 * Browser mode: `npm run -s serve -- --root <folder> [--port <n>]` serves the app on
 * 127.0.0.1 and prints the one URL (token included) to open in a browser.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBackend } from '../services/backend';
import { watchSetting } from '../services/watch';
import { createRecentFolders } from '../services/folder/recent-folders';
import { startServer, type RunningServer } from './http-server';
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
  const configDir = mkdtempSync(path.join(tmpdir(), 'acqmeta-serve-'));
  const backend = createBackend({
    door: 'browser',
    initialFolder: args.root,
    allowedRoots: [args.root],
    recent: createRecentFolders(configDir),
    watch: watchSetting(process.env.ACQMETA_WATCH),
  });
  const token = randomBytes(32).toString('base64url');
  let server: RunningServer;
  try {
    server = await startServer({ backend, rendererDir: RENDERER_DIR, token, port: args.port });
  } catch (error) {
    await backend.close();
    rmSync(configDir, { recursive: true, force: true });
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
      void server
        .close()
        .then(() => backend.close())
        .finally(() => {
          rmSync(configDir, { recursive: true, force: true });
          resolve(0);
        });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

void main().then((code) => process.exit(code));
