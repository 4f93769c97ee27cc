/**
 * Reading one journal file safely: only a regular file whose real path is inside the journaled
 * folder, opened without blocking, read as a stream (a compressed one unpacked as it comes) and
 * given up past the limits below, so that a hostile or damaged file costs little and hangs nothing.
 */
import { constants } from 'node:fs';
import { lstat, open, realpath, type FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { diskErrorReason, isInside } from '../disk';

/**
 * Most bytes a journal file may hold (unpacked). A writer closes its file past 1 MiB, so a
 * real file is 1 MiB and one record; a busy lab's years of writes are spread over many files.
 */
export const MAX_JOURNAL_FILE_BYTES = 8 * 1024 * 1024;

/** Longest line: a record of a sidecar whose every field changed holds the old and new values of a few KB of fields. */
export const MAX_JOURNAL_LINE_BYTES = 1024 * 1024;

/** Most lines a journal file may hold: records are over 200 bytes each, so a real (1 MiB) file has about 5,000. */
export const MAX_JOURNAL_FILE_LINES = 100_000;

/** Longest a journal file's reading may take: 8 MiB from a slow network share (1 MB/s) takes 8 s. */
export const JOURNAL_READ_TIME_LIMIT_MS = 30_000;

/** A journal file's text (from byte `from` on), or why it was left out, in words. */
export type JournalFileText = { text: string } | { problem: string };

/** Why a reading was given up. */
class Refusal extends Error {}

/**
 * The text of the journal file `file` from byte `from` (of the file as stored) on, `within`:
 * the folder its real path must be inside. A file gone meanwhile is empty. A plain file read on
 * from `from` (the end of its `linesBefore` whole lines read before) is held to the limits whole.
 */
export async function readJournalFile(
  file: string,
  within: string,
  from = 0,
  linesBefore = 0,
): Promise<JournalFileText> {
  const leftOut = (why: string) => ({ problem: `journal file ${file} ${why}; left out` });
  let handle: FileHandle | null = null;
  try {
    const entry = await lstat(file);
    if (!entry.isFile() && !entry.isSymbolicLink()) return leftOut('is not a regular file');
    if (!isInside(await realpath(within), await realpath(file))) return leftOut(`is a link out of ${within}`);
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    if (!(await handle.stat()).isFile()) return leftOut('is not a regular file');
    const source = handle.createReadStream({ start: from, autoClose: false });
    return { text: await boundedText(source, file.endsWith('.gz'), from, linesBefore) };
  } catch (error) {
    if (error instanceof Refusal) return leftOut(error.message);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { text: '' };
    return leftOut(`could not be read (${diskErrorReason(error)})`);
  } finally {
    await handle?.close();
  }
}

/**
 * The text `source` gives (unpacked when `gzipped`), refused past the size, line length and line
 * count limits (counted from `sizeBefore` and `linesBefore`) or the time limit.
 */
async function boundedText(
  source: Readable,
  gzipped: boolean,
  sizeBefore: number,
  linesBefore: number,
): Promise<string> {
  const chunks: Buffer[] = [];
  let refusal: Refusal | null = null;
  const refuse = (why: string) => {
    refusal = new Refusal(why);
    return refusal;
  };
  let size = sizeBefore;
  let lines = linesBefore;
  let lineBytes = 0;
  const take = async (input: AsyncIterable<Buffer>) => {
    for await (const chunk of input) {
      size += chunk.length;
      if (size > MAX_JOURNAL_FILE_BYTES) throw refuse(`is too large (over ${mib(MAX_JOURNAL_FILE_BYTES)} unpacked)`);
      for (let at = 0; ;) {
        const end = chunk.indexOf(0x0a, at);
        lineBytes += (end === -1 ? chunk.length : end) - at;
        if (lineBytes > MAX_JOURNAL_LINE_BYTES) throw refuse(`has a line over ${mib(MAX_JOURNAL_LINE_BYTES)}`);
        if (end === -1) break;
        lines += 1;
        if (lines > MAX_JOURNAL_FILE_LINES) throw refuse(`has over ${MAX_JOURNAL_FILE_LINES} lines`);
        lineBytes = 0;
        at = end + 1;
      }
      chunks.push(chunk);
    }
  };
  const signal = AbortSignal.timeout(JOURNAL_READ_TIME_LIMIT_MS);
  try {
    await (gzipped ? pipeline(source, createGunzip(), take, { signal }) : pipeline(source, take, { signal }));
  } catch (error) {
    // a refusal is reported by Node 20's pipeline as an abort of the stream
    throw refusal ?? (signal.aborted ? new Refusal(`took over ${JOURNAL_READ_TIME_LIMIT_MS / 1000} s to read`) : error);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function mib(bytes: number): string {
  return `${bytes / (1024 * 1024)} MiB`;
}
