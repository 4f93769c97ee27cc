/**
 * A file of the lab folder put in an upload byte for byte: a hard link where the disk makes one
 * (no bytes move, and they cannot differ), else a copy streamed in chunks, synced, then read
 * back and compared by SHA-256 with the source, so that a folder of any size needs little memory.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { link, open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { NO_LINKS } from '../disk';

/** The SHA-256 of the file at `file`, read as a stream; each chunk's length goes to `onBytes`. */
async function hashFile(file: string, signal?: AbortSignal, onBytes?: (n: number) => void): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { signal })) {
    hash.update(chunk as Buffer);
    onBytes?.((chunk as Buffer).length);
  }
  return hash.digest('hex');
}

/** Copies `source` to the new file `target` (which must not exist) in chunks; resolves to the source's SHA-256. */
async function streamCopy(
  source: string,
  target: string,
  signal: AbortSignal | undefined,
  onBytes: (n: number) => void,
): Promise<string> {
  const hash = createHash('sha256');
  const handle = await open(target, 'wx');
  try {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        handle.write(chunk).then(() => {
          onBytes(chunk.length);
          done();
        }, done);
      },
    });
    await pipeline(createReadStream(source, { signal }), sink, { signal });
    await handle.sync();
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

/**
 * Puts `source` at `target` (a new path): linked, or copied and verified; resolves to which.
 * `onBytes` hears the source's bytes as they are done (all at once for a link).
 */
export async function placeFile(
  source: string,
  target: string,
  size: number,
  onBytes: (n: number) => void,
  signal?: AbortSignal,
): Promise<'linked' | 'copied'> {
  signal?.throwIfAborted();
  try {
    await link(source, target);
    onBytes(size);
    return 'linked';
  } catch (error) {
    if (!NO_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
  }
  const copied = await streamCopy(source, target, signal, onBytes);
  if ((await hashFile(target, signal)) !== copied)
    throw new Error(`${target}: the copy reads back different from ${source}`);
  return 'copied';
}
