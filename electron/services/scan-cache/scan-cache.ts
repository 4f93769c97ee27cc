/**
 * The scan cache: what the last scan of a folder read (each TIFF's header summary with the
 * file's size, modification time and inode; each sidecar's values with its size and
 * modification time), so that reopening a folder reads only what changed.
 *
 * One file per folder in the per-user cache folder, JSON Lines in scan order: a header line
 * (format, folder, reader and field-table fingerprints: any difference and the file is ignored),
 * then one line per image. Lines are parsed as the scan asks for them, so the first rows do not
 * wait for the whole file. The new file is written as the scan goes and put in place at the end:
 * a complete scan replaces the old one (forgetting deleted images), a cancelled one keeps the old
 * lines it did not reach. Until a scan keeps something the old file does not have, nothing is
 * written: a folder that did not change keeps its file as it is. A damaged file or line is a
 * miss, never an error.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat, utimes, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { EDITABLE_FIELDS } from '../../../shared/fields/field-table';
import { decodeRecord, encodeRecord, type CachedImage } from './cache-record';

/** The cache of one folder during one scan. */
export interface ScanCache {
  /** What the last scan kept for an image, if anything; each path is taken at most once. */
  take(relPath: string): CachedImage | undefined;
  /** Keeps what this scan read of an image, for the next one (an image it took unchanged keeps its line as it was). */
  keep(relPath: string, image: CachedImage): void;
  /** Puts the new cache in place: `complete` replaces the old one, else its untaken lines are kept. */
  finish(complete: boolean): Promise<void>;
}

/**
 * Version of the file layout and of what the readers put in it; a file of another version is
 * ignored. Raised when a reader learns a fact: an unchanged image's line would lack it.
 */
const FORMAT = 'acqmeta-scan-cache/5';
/** Cache files kept, so the cache stays bounded on disk; the least recently written beyond this are deleted. */
const MAX_FOLDERS = 64;
/** Lines buffered before they are written. */
const FLUSH_LINES = 512;

/** A cache that keeps nothing (scans without a cache folder). */
export const NO_SCAN_CACHE: ScanCache = { take: () => undefined, keep: () => undefined, finish: async () => undefined };

/** The field table as the cache depends on it: names, types and defaults in order. */
function fieldsFingerprint(): string {
  const text = JSON.stringify(EDITABLE_FIELDS.map((f) => [f.name, f.type, f.default]));
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** The cache file of a folder (by its real path). */
export function cacheFileFor(dir: string, realRoot: string): string {
  return path.join(dir, `${createHash('sha256').update(realRoot).digest('hex').slice(0, 32)}.jsonl`);
}

/** Reads lines of the old cache file on demand. */
class OldLines {
  private pos = 0;
  private readonly parsed = new Map<string, CachedImage>();
  /** Where the line each taken image was read from starts, to write it again as it is (a number: no copy of the text is held). */
  readonly lineStartOf = new WeakMap<CachedImage, number>();

  constructor(private readonly buffer: Buffer) {}

  /** Whether every line was parsed and taken. */
  allTaken(): boolean {
    return this.pos >= this.buffer.length && this.parsed.size === 0;
  }

  take(relPath: string): CachedImage | undefined {
    const early = this.parsed.get(relPath);
    if (early !== undefined) {
      this.parsed.delete(relPath);
      return early;
    }
    // the scan usually asks in the order the lines were written: each ask parses one line
    while (this.pos < this.buffer.length) {
      const record = this.nextLine();
      if (record === null) continue;
      if (record.relPath === relPath) return record.image;
      this.parsed.set(record.relPath, record.image);
    }
    return undefined;
  }

  /** The text of the line that starts at `start`. */
  lineAt(start: number): string {
    const end = this.buffer.indexOf(10, start);
    return this.buffer.toString('utf8', start, end < 0 ? this.buffer.length : end);
  }

  /** The lines not taken, encoded again (parsed ones) or as they were. */
  *untaken(): Generator<string> {
    for (const [relPath, image] of this.parsed) yield encodeRecord(relPath, image);
    this.parsed.clear();
    while (this.pos < this.buffer.length) {
      const start = this.pos;
      const record = this.nextLine();
      if (record !== null) yield this.buffer.toString('utf8', start, this.pos).trimEnd();
    }
  }

  private nextLine(): { relPath: string; image: CachedImage } | null {
    const end = this.buffer.indexOf(10, this.pos);
    const stop = end < 0 ? this.buffer.length : end;
    const start = this.pos;
    const line = this.buffer.toString('utf8', start, stop);
    this.pos = stop + 1;
    const record = line === '' ? null : decodeRecord(line);
    if (record !== null) this.lineStartOf.set(record.image, start);
    return record;
  }
}

async function readOld(file: string, header: string): Promise<OldLines | null> {
  const buffer = await readFile(file).catch(() => null);
  if (buffer === null) return null;
  const firstEnd = buffer.indexOf(10);
  if (firstEnd < 0 || buffer.toString('utf8', 0, firstEnd) !== header) return null;
  return new OldLines(buffer.subarray(firstEnd + 1));
}

/** Deletes the least recently written cache files beyond {@link MAX_FOLDERS}. */
async function prune(dir: string): Promise<void> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.jsonl'));
  if (names.length <= MAX_FOLDERS) return;
  const dated = await Promise.all(
    names.map(async (name) => ({ name, mtimeMs: (await stat(path.join(dir, name)).catch(() => null))?.mtimeMs ?? 0 })),
  );
  dated.sort((a, b) => b.mtimeMs - a.mtimeMs);
  await Promise.all(dated.slice(MAX_FOLDERS).map(({ name }) => rm(path.join(dir, name), { force: true })));
}

/**
 * Opens the cache of the folder whose real path is `realRoot`, in `dir` (null: no cache, every
 * call does nothing). `readerId` identifies the header reader's code (see TiffScanner.readerId).
 */
export async function openScanCache(dir: string | null, realRoot: string, readerId: string): Promise<ScanCache> {
  if (dir === null) return NO_SCAN_CACHE;
  const file = cacheFileFor(dir, realRoot);
  const header = JSON.stringify({ format: FORMAT, root: realRoot, reader: readerId, fields: fieldsFingerprint() });
  const old = await readOld(file, header);
  const temp = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
  let pending: string[] = [header];
  let handle: Promise<FileHandle | null> | null = null;
  let writes: Promise<void> = Promise.resolve();
  let failed = false;
  /** Where the old lines this scan kept as they were start, while it kept nothing else (null once it did). */
  let unchanged: number[] | null = old === null ? null : [];

  /** From here on the new file differs from the old: the lines kept so far go out after all. */
  const diverge = (): void => {
    for (const start of unchanged ?? []) pending.push((old as OldLines).lineAt(start));
    unchanged = null;
  };

  const flush = (): void => {
    if (failed || pending.length === 0) return;
    const chunk = `${pending.join('\n')}\n`;
    pending = [];
    handle ??= mkdir(dir, { recursive: true }).then(() => open(temp, 'w'));
    const opened = handle;
    writes = writes.then(async () => {
      const fh = await opened;
      if (fh !== null) await fh.write(chunk);
    });
    writes = writes.catch(() => {
      failed = true; // a cache that cannot be written is no cache; the scan goes on
    });
  };

  return {
    take: (relPath) => old?.take(relPath),
    keep(relPath, image) {
      const start = old?.lineStartOf.get(image);
      if (start !== undefined && unchanged !== null) {
        unchanged.push(start);
        return;
      }
      diverge();
      pending.push(start !== undefined ? (old as OldLines).lineAt(start) : encodeRecord(relPath, image));
      if (pending.length >= FLUSH_LINES) flush();
    },
    async finish(complete) {
      if (unchanged !== null && (old?.allTaken() === true || !complete)) {
        // every image kept as the old file has it (a cancelled scan: some of them): the file stays, marked as used
        await utimes(file, new Date(), new Date()).catch(() => undefined);
        return;
      }
      diverge();
      if (!complete && old !== null) for (const line of old.untaken()) pending.push(line);
      flush();
      await writes;
      const fh = handle === null ? null : await handle.catch(() => null);
      await fh?.close().catch(() => undefined);
      if (failed || fh === null) {
        await rm(temp, { force: true });
        return;
      }
      await rename(temp, file).catch(() => rm(temp, { force: true }));
      await prune(dir);
    },
  };
}
