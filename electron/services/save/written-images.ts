/**
 * The images the save path wrote, kept until a door takes them after its batch of writes and
 * hands them to the facility index.
 */
import type { ImageEntry } from '../folder';
import type { SidecarListing } from '../sidecar';

/** Kept on the process, not in this module: each command's bundle has its own copy of the module, and the command line's runner, which takes them, another. */
const KEY = Symbol.for('acqmeta.written-images');

function written(): Map<string, ImageEntry> {
  const process = globalThis as { [KEY]?: Map<string, ImageEntry> };
  return (process[KEY] ??= new Map());
}

/** Notes that the image of `entry` was written; `sidecar`: its sidecar as it now is (absent: as last noted, else as listed). */
export function noteWritten(entry: ImageEntry, sidecar?: SidecarListing): void {
  const noted = written().get(entry.absPath);
  written().set(entry.absPath, { ...entry, sidecar: sidecar ?? noted?.sidecar ?? entry.sidecar });
}

/** The images written since the last call (each once, as last noted), forgotten here. */
export function takeWritten(): ImageEntry[] {
  const images = [...written().values()];
  written().clear();
  return images;
}
