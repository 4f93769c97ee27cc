/**
 * A {@link ZarrStore} over a folder on this machine, confined to it: a key is a plain relative
 * path, and no symbolic link inside the store is followed (a link could lead anywhere, and a
 * store written by a microscope or an exporter holds none). Reads are synchronous and bounded,
 * for the scan worker thread that runs them (see file-source.ts for why synchronous).
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { NgffLinkError, NgffReadError, type ByteRange } from '../../../shared/ngff/types';
import { blockBeforeRead, THREAD_READ_DELAY_MS } from '../disk';
import { lookInStore } from './store-entry';
import { boundedRange, SyncZarrStore } from './sync-zarr-store';

/**
 * Reads a regular file, whole or the `range` of it, of at most `maxBytes`; the caller has checked
 * every step of its path, and `checked` is what it found at the last.
 */
function readBounded(file: string, checked: Stats, key: string, maxBytes: number, range?: ByteRange): Uint8Array {
  // O_NOFOLLOW: a link swapped in at the last step after the check is refused, not followed
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new NgffReadError(`${key} is not a file`);
    // a folder on the way swapped for a link after the check leads to another file
    if (stat.ino !== checked.ino || stat.dev !== checked.dev)
      throw new NgffReadError(`${key} changed while it was opened`);
    const { start, length } = boundedRange(stat.size, range, key, maxBytes);
    const bytes = new Uint8Array(length);
    let done = 0;
    while (done < bytes.length) {
      blockBeforeRead(THREAD_READ_DELAY_MS);
      const n = readSync(fd, bytes, done, bytes.length - done, start + done);
      if (n === 0) break;
      done += n;
    }
    return bytes.subarray(0, done);
  } finally {
    closeSync(fd);
  }
}

/** The keys of a store folder at `root` (the store's own path, inside the open folder); a link on the way fails. */
export class LocalZarrStore extends SyncZarrStore {
  constructor(private readonly root: string) {
    super();
  }

  protected readKey(key: string, maxBytes: number, range?: ByteRange): Uint8Array | null {
    const entry = lookInStore(this.root, key);
    if (entry === null) return null;
    if ('link' in entry) throw new NgffLinkError(entry.link);
    return readBounded(entry.path, entry.stats, key, maxBytes, range);
  }
}
