/**
 * Whether the system can still add a native watch. On Linux every watched folder takes one
 * inotify watch, counted per user across all programs; when they run out, @parcel/watcher
 * leaves a new folder unwatched without a word and holds back the event that it came, so a
 * native watch checks here now and then and polls once the answer is no.
 */
import { watch } from 'node:fs';

/** How often a native watch on Linux checks that watches can still be added. */
export const ROOM_CHECK_MS = 1_000;

/** False when adding a watch on `dir` fails for want of watches (ENOSPC) or handles (EMFILE); true otherwise. */
export function canAddWatch(dir: string): boolean {
  try {
    watch(dir, { persistent: false }).close();
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code !== 'ENOSPC' && code !== 'EMFILE';
  }
}
