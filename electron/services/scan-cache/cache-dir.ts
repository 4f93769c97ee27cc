/**
 * Where the scan cache lives: one per-user cache folder shared by the app, browser mode and
 * the command line.
 */
import { homedir } from 'node:os';
import path from 'node:path';

/**
 * `ACQMETA_CACHE_DIR` when set, else the platform's cache location: `$XDG_CACHE_HOME/acqmeta`
 * (default `~/.cache/acqmeta`) on Linux, `~/Library/Caches/AcqMeta` on macOS,
 * `%LOCALAPPDATA%\AcqMeta\Cache` on Windows.
 */
export function defaultCacheDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home = homedir(),
): string {
  const chosen = env.ACQMETA_CACHE_DIR;
  if (chosen !== undefined && chosen !== '') return path.resolve(chosen);
  if (platform === 'win32')
    return path.win32.join(env.LOCALAPPDATA || path.win32.join(home, 'AppData', 'Local'), 'AcqMeta', 'Cache');
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Caches', 'AcqMeta');
  const xdg = env.XDG_CACHE_HOME;
  return path.posix.join(
    xdg !== undefined && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(home, '.cache'),
    'acqmeta',
  );
}
