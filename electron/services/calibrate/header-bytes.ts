/**
 * An image file's header write on disk: planned from the file as it is, written in the order
 * that keeps every reader on the old header or the new one (appended bytes first and synced,
 * then the link), reverted byte for byte, and the file's bytes where a journal record touched it.
 * Only the header is ever read: never a strip or a tile.
 */
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import type { HeaderBytesNow, HeaderWriteRecord } from '../../../shared/journal';
import {
  planHeaderWrite,
  type HeaderCalibration,
  type HeaderPatch,
  type HeaderPlan,
} from '../../../shared/tiff-calibration';
import { atWritePoint, stampOf, writeAllAt, type FileStamp } from '../disk';
import { withFileSource } from '../tiff';

/** A plan and the file it was made from. */
export interface PlannedFile {
  plan: HeaderPlan;
  stamp: FileStamp;
}

/** The plan of writing `wanted` into the TIFF at `absPath`, from its header as it is now. */
export async function planFile(absPath: string, wanted: HeaderCalibration): Promise<PlannedFile> {
  return withFileSource(absPath, async (source) => ({
    plan: planHeaderWrite(source, absPath.split(/[\\/]/).pop() ?? '', wanted),
    stamp: source.stamp,
  }));
}

/** SHA-256 of byte arrays one after another, in hex. */
export function sha256Of(parts: readonly Uint8Array[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

/** The hex text of bytes, as a journal record keeps a range. */
export function hexOf(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

async function readAt(handle: FileHandle, offset: number, length: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(bytes, done, length - done, offset + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return bytes.subarray(0, done);
}

/** What the file at `absPath` holds where `record` wrote (see `headerWriteState`). */
export async function bytesNow(absPath: string, record: HeaderWriteRecord): Promise<HeaderBytesNow> {
  const handle = await open(absPath, 'r');
  try {
    const { size, mtimeMs } = await handle.stat();
    const ranges = await Promise.all(record.ranges.map((r) => readAt(handle, r.offset, r.old.length / 2)));
    const { offset, length } = record.appended;
    const appended = offset + length <= size ? await readAt(handle, offset, length) : null;
    const linked = record.ranges.map((r) => Uint8Array.from(Buffer.from(r.new, 'hex')));
    return {
      size,
      mtime: Math.round(mtimeMs),
      ranges: ranges.map(hexOf),
      sha256: appended === null ? null : sha256Of([...ranges, appended]),
      linkedSha256: appended === null ? null : sha256Of([...linked, appended]),
    };
  } finally {
    await handle.close();
  }
}

/** Fails as a conflict (`CHANGED`) when the file open as `handle` is no longer the one `stamp` describes. */
export async function checkUnchanged(handle: FileHandle, stamp: FileStamp): Promise<void> {
  const now = stampOf(await handle.stat());
  if (now.size !== stamp.size || now.mtimeMs !== stamp.mtimeMs || now.ino !== stamp.ino)
    throw Object.assign(new Error('the file changed since its header was read'), { code: 'CHANGED' });
}

/**
 * The modification time a header write gives its file, journaled before the write: an even
 * second (every file system, FAT's two-second clock too, keeps it exactly), so that any later
 * change, a pixel's included, shows as another time without a pixel being read.
 */
export function writeTime(): number {
  return Math.floor(Date.now() / 2000) * 2000;
}

/**
 * Writes `patch`: the appended bytes past the old end, synced, then the replaced ranges (the
 * link readers follow), then the file's modification time set to `mtime` (its journal
 * record's). A kill between the two leaves the old header in force and the appended bytes
 * unread. Resolves once linked, to the link's sync, under way: the caller reads the header back
 * meanwhile (from the page cache) and awaits it before it reports the write done. Data syncs:
 * the file's new length is synced with its bytes, and its times need not be (a time lost makes
 * an undo refuse, the safe side). (`absPath` names the file at the write gate's points.)
 */
export async function writePatch(
  handle: FileHandle,
  patch: HeaderPatch,
  absPath: string,
  mtime: number,
): Promise<{ linkSynced: Promise<void> }> {
  await writeAllAt(handle, [patch.appended], patch.appendAt);
  await handle.datasync();
  await atWritePoint('header-appended', absPath);
  for (const range of patch.replaced) await writeAllAt(handle, [range.new], range.offset);
  await handle.utimes(new Date(), new Date(mtime));
  const linkSynced = handle.datasync();
  // awaited by the caller; until then a failure is not taken as unhandled
  linkSynced.catch(() => undefined);
  await atWritePoint('header-linked', absPath);
  return { linkSynced };
}

/**
 * Puts the ranges' bytes `bytes` back at their offsets, synced, then cuts the file to `size`:
 * the link first, so a kill in between leaves a file whose old header is in force. With
 * `mtime`, the file's modification time is then set to it (see {@link writeTime}).
 */
export async function putBack(
  absPath: string,
  ranges: readonly { offset: number; bytes: Uint8Array }[],
  size: number,
  mtime?: number,
): Promise<void> {
  const handle = await open(absPath, 'r+');
  try {
    for (const range of ranges) await writeAllAt(handle, [range.bytes], range.offset);
    await handle.datasync();
    await handle.truncate(size);
    await handle.datasync();
    if (mtime !== undefined) await handle.utimes(new Date(), new Date(mtime));
  } finally {
    await handle.close();
  }
}
