/**
 * Reading a folder's change journal back: every journal that holds records of its images (the
 * folder's own, those of its subfolders, and their stand-ins in the settings folder; never one
 * above the folder), the records' paths made relative to the folder asked about, oldest first.
 * Kept for an open folder, it is read again incrementally: a file whose size is unchanged is not
 * opened, one that grew is read from the end of its last whole line, one gone is forgotten (a
 * plain file compressed to `.jsonl.gz` is read once more, whole, under its new name).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { FolderJournal } from '../../../shared/api';
import {
  parseJournal,
  withoutRepeatedOutsideChanges,
  type ChannelTableRecord,
  type HeaderWriteRecord,
  type InstrumentFileRecord,
  type JournalRecord,
} from '../../../shared/journal';
import { isInside } from '../disk';
import { defaultConfigDir } from '../folder';
import { readJournalFile } from './journal-file';
import { journalDirsOf, journalFiles, journalsAbove, subfoldersWithJournals } from './read-journals';

/**
 * Most records one reading keeps: a lab writing 200 sidecars every working day for ten years
 * (250 days a year) has 500,000. The files past it are left out, each named.
 */
export const MAX_JOURNAL_RECORDS = 500_000;

/** One journal file as last read. */
interface FileRead {
  /** The file's size then (its whole lines end at `taken`). */
  size: number;
  taken: number;
  lines: number;
  records: JournalRecord[];
  /** Channel-table records, their `file` relative to the folder (empty when outside it). */
  tables: ChannelTableRecord[];
  instruments: InstrumentFileRecord[];
  headers: HeaderWriteRecord[];
  cancelled: string[];
  /** Lines that could not be read, and the last line when it is cut short (not taken: it may be completed). */
  problems: string[];
  torn: string | null;
  /** Why the file is left out (it is not read again). */
  leftOut?: string;
}

/** The journal records of the images under `folder` (absolute), from every journal that holds them. */
export async function readFolderJournal(folder: string, configDir = defaultConfigDir()): Promise<FolderJournal> {
  return new FolderJournalReader(folder, configDir).read();
}

/** A folder's journal, read again incrementally at each {@link read} (one per open folder). */
export class FolderJournalReader {
  private files = new Map<string, FileRead>();
  private last: { journal: FolderJournal; above: string } | null = null;
  private reading: Promise<unknown> = Promise.resolve();

  /** `folder`: absolute; `configDir`: the settings folder holding stand-in journals. */
  constructor(
    private readonly folder: string,
    private readonly configDir: string,
  ) {}

  /** The journal now: what was read before, with the lines appended since (one reading at a time). */
  read(): Promise<FolderJournal> {
    const next = this.reading.then(() => this.readOn());
    this.reading = next.catch(() => undefined);
    return next;
  }

  private async readOn(): Promise<FolderJournal> {
    const { folder, configDir } = this;
    const above = (await journalsAbove(folder, configDir)).map(
      (journal) => `the journal ${journal} is above ${folder} and not read; open (or name) that folder to read it`,
    );
    const roots = [path.resolve(folder), ...(await subfoldersWithJournals(folder, configDir))];
    const files = new Map<string, FileRead>();
    const order: [file: string, root: string][] = [];
    let changed = this.last === null || this.last.above !== above.join('\n');
    for (const root of roots)
      for (const [dir, within] of journalDirsOf(root, configDir))
        for (const file of await journalFiles(dir)) {
          const before = this.files.get(file);
          const now = await this.readFile(file, within, root, before);
          if (now === null) continue;
          changed ||= now !== before;
          files.set(file, now);
          order.push([file, root]);
        }
    changed ||= files.size !== this.files.size;
    this.files = files;
    if (!changed && this.last !== null) return this.last.journal;
    const journal = assemble(
      order.map(([file]) => [file, files.get(file) as FileRead]),
      above,
    );
    this.last = { journal, above: above.join('\n') };
    return journal;
  }

  /** `before` when the file is unchanged (or left out), else it read again from where it stopped; null when gone. */
  private async readFile(file: string, within: string, root: string, before?: FileRead): Promise<FileRead | null> {
    const size = await stat(file).then(
      (s) => s.size,
      (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : -1),
    );
    if (size === null) return null;
    if (before !== undefined && (before.leftOut !== undefined || before.size === size)) return before;
    // a compressed file, or one that shrank (replaced), is read whole
    const from = before === undefined || file.endsWith('.gz') || size < before.taken ? undefined : before;
    const read = await readJournalFile(file, within, from?.taken ?? 0, from?.lines ?? 0);
    const was = from ?? {
      size: 0,
      taken: 0,
      lines: 0,
      records: [],
      tables: [],
      instruments: [],
      headers: [],
      cancelled: [],
      problems: [],
      torn: null,
    };
    if ('problem' in read) return { ...was, size, leftOut: read.problem };
    const end = read.text.lastIndexOf('\n') + 1;
    const parsed = parseJournal(read.text.slice(0, end));
    const problems = [...was.problems];
    for (const line of parsed.unreadable) problems.push(`${file}: line ${was.lines + line} could not be read`);
    const lines = was.lines + (read.text.slice(0, end).match(/\n/g)?.length ?? 0);
    const tail = read.text.slice(end);
    return {
      size,
      taken: was.taken + Buffer.byteLength(read.text.slice(0, end)),
      lines,
      records: [...was.records, ...parsed.records.map((record) => relativeTo(this.folder, root, record))],
      tables: [
        ...was.tables,
        ...parsed.tables.map((table) => ({ ...table, file: relativePath(this.folder, root, table.file) })),
      ],
      instruments: [
        ...was.instruments,
        ...parsed.instruments.map((written) => ({ ...written, file: relativePath(this.folder, root, written.file) })),
      ],
      headers: [
        ...was.headers,
        ...parsed.headers.map((written) => ({ ...written, path: relativePath(this.folder, root, written.path) })),
      ],
      cancelled: [...was.cancelled, ...parsed.cancelled],
      problems,
      torn: tail.trim() === '' ? null : `${file}: line ${lines + 1} was cut short (a write interrupted)`,
    };
  }
}

/** `file` (relative to the journaled folder `root`) made relative to `folder`, `/`-separated; empty when outside it. */
export function relativePath(folder: string, root: string, file: string): string {
  const absolute = path.join(root, ...file.split('/'));
  return isInside(folder, absolute) ? path.relative(folder, absolute).split(path.sep).join('/') : '';
}

/** The record with its path made relative to `folder` (empty when outside it). */
function relativeTo(folder: string, root: string, record: JournalRecord): JournalRecord {
  return { ...record, path: relativePath(folder, root, record.path) };
}

/** The folder's journal from its files' reads, in file order: records (and channel-table records) oldest first, cancelled ones and repeated outside changes left out. */
function assemble(files: [file: string, read: FileRead][], above: string[]): FolderJournal {
  const records: { record: JournalRecord; order: number }[] = [];
  const tables: ChannelTableRecord[] = [];
  const instruments: InstrumentFileRecord[] = [];
  const headers: HeaderWriteRecord[] = [];
  const problems = [...above];
  const cancelled = new Set<string>();
  for (const [file, read] of files) {
    if (records.length >= MAX_JOURNAL_RECORDS) {
      problems.push(`journal file ${file} is past the ${MAX_JOURNAL_RECORDS} records read at most; left out`);
      continue;
    }
    if (read.leftOut !== undefined) {
      problems.push(read.leftOut);
      continue;
    }
    for (const id of read.cancelled) cancelled.add(id);
    problems.push(...read.problems);
    if (read.torn !== null) problems.push(read.torn);
    for (const record of read.records) if (record.path !== '') records.push({ record, order: records.length });
    tables.push(...read.tables.filter((table) => table.file !== ''));
    instruments.push(...read.instruments.filter((written) => written.file !== ''));
    headers.push(...read.headers.filter((written) => written.path !== ''));
  }
  records.sort((a, b) => (a.record.time < b.record.time ? -1 : a.record.time > b.record.time ? 1 : a.order - b.order));
  const kept = records.map((r) => r.record).filter((r) => !cancelled.has(r.id));
  const inOrder = <T extends { id: string; time: string }>(entries: T[]): T[] =>
    entries.filter((t) => !cancelled.has(t.id)).sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  const keptTables = inOrder(tables);
  const keptInstruments = inOrder(instruments);
  const keptHeaders = inOrder(headers);
  return {
    records: withoutRepeatedOutsideChanges(kept),
    problems,
    ...(keptTables.length === 0 ? {} : { tables: keptTables }),
    ...(keptInstruments.length === 0 ? {} : { instruments: keptInstruments }),
    ...(keptHeaders.length === 0 ? {} : { headers: keptHeaders }),
  };
}
