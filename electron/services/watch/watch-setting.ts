/**
 * The `ACQMETA_WATCH` setting of the app and browser mode: `auto` (the default), `native`,
 * `poll` (e.g. for a share whose file system type is not recognised) or `off`.
 */
import type { WatchOptions } from './folder-watch';

/** The watch options `ACQMETA_WATCH` asks for; undefined when it says `off`. */
export function watchSetting(value: string | undefined): WatchOptions | undefined {
  switch ((value ?? '').trim().toLowerCase()) {
    case 'off':
      return undefined;
    case 'native':
      return { mode: 'native' };
    case 'poll':
      return { mode: 'poll' };
    default:
      return { mode: 'auto' };
  }
}
