/**
 * The per-user settings folder, without Electron: where the desktop app keeps its settings
 * (Electron's `appData` + `AcqMeta`, as electron/main/main.ts sets it), so browser mode and the
 * desktop app share one recent-folders list.
 */
import os from 'node:os';
import path from 'node:path';

/** `~/.config/AcqMeta` (or `$XDG_CONFIG_HOME/AcqMeta`), `~/Library/Application Support/AcqMeta`, `%APPDATA%\AcqMeta`. */
export function defaultConfigDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (platform === 'win32')
    return path.win32.join(env.APPDATA || path.win32.join(home, 'AppData', 'Roaming'), 'AcqMeta');
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', 'AcqMeta');
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), 'AcqMeta');
}
