/**
 * Positional writes that put every byte on disk or fail with the disk's own error. libuv ends
 * a write whose later part fails after an earlier part went through with the count of what
 * went through, dropping the error (a disk that fills part way: `ENOSPC` lost), so each write
 * that comes up short is followed by one of the rest, which meets the error itself.
 */
import type { FileHandle } from 'node:fs/promises';

/** `chunks` without their first `count` bytes. */
function after(chunks: readonly Uint8Array[], count: number): Uint8Array[] {
  const rest: Uint8Array[] = [];
  let skip = count;
  for (const chunk of chunks) {
    if (skip >= chunk.length) skip -= chunk.length;
    else {
      rest.push(chunk.subarray(skip));
      skip = 0;
    }
  }
  return rest;
}

/** Writes every byte of `chunks`, one after the other, at `at` in the open file; rejects with the write's error. */
export async function writeAllAt(handle: FileHandle, chunks: readonly Uint8Array[], at: number): Promise<void> {
  let rest = chunks.filter((chunk) => chunk.length > 0);
  let position = at;
  while (rest.length > 0) {
    const { bytesWritten } = await handle.writev(rest, position);
    if (bytesWritten <= 0) throw new Error(`the disk took none of the bytes written at ${position}`);
    position += bytesWritten;
    rest = after(rest, bytesWritten);
  }
}
