/**
 * The per-user settings folder, without Electron: where the desktop app keeps its settings
 * (Electron's `appData` + `AcqMeta`, as electron/main/main.ts sets it), so browser mode and the
 * desktop app share one recent-folders list.
 */
import os from 'node:os';
import path from 'node:path';
import { ApiFailure } from '../../../shared/errors';
import { diskErrorReason } from '../disk';

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

/**
 * Runs `write`, which makes or writes something in the settings folder `configDir`; a disk
 * failure becomes an `IO` failure that says `what` could not be kept in which folder, and why.
 */
export async function keepInSettings<T>(configDir: string, what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === undefined) throw error;
    throw new ApiFailure('IO', `${what} cannot be kept in the settings folder ${configDir}: ${diskErrorReason(error)}`);
  }
}
