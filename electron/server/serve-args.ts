/**
 * Command-line options of `serve`: `--root <folder>` (required), `--port <n>` and
 * `--config-dir <folder>` (where the recent-folders list is kept).
 */
import { statSync } from 'node:fs';
import path from 'node:path';

/** Parsed options. */
export interface ServeArgs {
  /** Absolute path of the folder to serve. */
  root: string;
  /** 0 picks a free port. */
  port: number;
  /** Where settings (the recent folders) are kept; null: the per-user folder the desktop app uses. */
  configDir: string | null;
}

/** How to call `serve`, shown with every argument error. */
export const SERVE_USAGE = 'Usage: npm run -s serve -- --root <folder> [--port <n>] [--config-dir <folder>]';

const OPTIONS = ['--root', '--port', '--config-dir'];

/** Parses and checks the arguments; the result is a message for the user on failure. */
export function parseServeArgs(argv: readonly string[], cwd: string): ServeArgs | { error: string } {
  let root: string | null = null;
  let port = 0;
  let configDir: string | null = null;
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = splitFlag(argv[i] ?? '');
    const value = inline ?? argv[i + 1];
    if (!OPTIONS.includes(flag)) return { error: `Unknown option ${flag}.` };
    if (value === undefined || value === '') return { error: `${flag} needs a value.` };
    if (inline === undefined) i += 1;
    if (flag === '--root') {
      root = path.resolve(cwd, value);
    } else if (flag === '--config-dir') {
      configDir = path.resolve(cwd, value);
    } else {
      if (!/^\d+$/.test(value) || Number(value) > 65535)
        return { error: `--port must be a number from 0 to 65535, not ${value}.` };
      port = Number(value);
    }
  }
  if (root === null) return { error: '--root <folder> is required.' };
  const info = statSync(root, { throwIfNoEntry: false });
  if (info === undefined) return { error: `The folder ${root} does not exist.` };
  if (!info.isDirectory()) return { error: `${root} is not a folder.` };
  return { root, port, configDir };
}

function splitFlag(arg: string): [string, string | undefined] {
  const eq = arg.indexOf('=');
  return eq > 0 && arg.startsWith('--') ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
}
