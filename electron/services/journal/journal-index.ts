/**
 * What the journals of an open folder last recorded of each image: its latest record and the
 * last value journaled of each field. Read incrementally: each refresh reads only the lines
 * appended since the last one (the journals are append-only).
 */
import path from 'node:path';
import type { FieldValue } from '../../../shared/fields/field-table';
import { outsideChangeKey, parseJournal, type JournalRecord, type ParsedJournal } from '../../../shared/journal';
import { folderOfImage } from '../../../shared/ngff/store-name';
import { isInside } from '../disk';
import { readJournalFile } from './journal-file';
import { journalDirsOf, journalFiles, subfoldersWithJournals } from './read-journals';

/** One image's journaled state. */
export interface JournaledImage {
  latest: JournalRecord;
  /** The last value each journaled field was given. */
  values: Map<string, FieldValue>;
  /** The latest record as it was written, while its write is taken not to have landed (see {@link JournalIndex.notLanded}). */
  unlanded?: JournalRecord;
}

/** The journaled state of the images of a folder, from its own journal and those of its subfolders (never one above it). */
export class JournalIndex {
  private readonly read = new Map<string, number>();
  private readonly images = new Map<string, JournaledImage>();
  /** The outside changes recorded (see `outsideChangeKey`), paths relative to the root. */
  private readonly outside = new Set<string>();
  /** Folders below the root found holding a journal (looked for once, by {@link findSubfolderJournals}). */
  private below: string[] = [];

  /** `root`: the open folder; `configDir`: the settings folder holding stand-in journals. */
  constructor(
    private readonly root: string,
    private readonly configDir: string,
  ) {}

  /** The journaled state of an image (path relative to the root, `/`-separated); undefined when never journaled. */
  get(imagePath: string): JournaledImage | undefined {
    return this.images.get(imagePath);
  }

  /** Whether an outside-change record of the same change as `record` (of the image `imagePath`) was read. */
  holdsOutsideChange(record: JournalRecord, imagePath: string): boolean {
    const key = outsideChangeKey(record, imagePath);
    return key !== null && this.outside.has(key);
  }

  /** Every journaled image's path. */
  paths(): string[] {
    return [...this.images.keys()];
  }

  /** Looks once through the folder's subfolders for journals of their own (a walk of the tree). */
  async findSubfolderJournals(): Promise<void> {
    this.below = await subfoldersWithJournals(this.root, this.configDir);
  }

  /**
   * Looks for journals in the folders of images it holds no record of, and in theirs up to the
   * root (a writer given one image journals in that image's folder, perhaps after the open);
   * resolves to whether it found one it did not know.
   */
  async findJournalsOf(imagePaths: readonly string[]): Promise<boolean> {
    const looked = new Set([this.root, ...this.below]);
    let found = false;
    for (const imagePath of imagePaths) {
      if (this.images.has(imagePath)) continue;
      for (let dir = folderOfImage(path.join(this.root, ...imagePath.split('/'))); !looked.has(dir);) {
        looked.add(dir);
        if (!isInside(this.root, dir)) break;
        const journals = journalDirsOf(dir, this.configDir).map(([journal]) => journalFiles(journal));
        if ((await Promise.all(journals)).some((files) => files.length > 0)) {
          this.below.push(dir);
          found = true;
        }
        dir = path.dirname(dir);
      }
    }
    return found;
  }

  /** Reads the lines appended to the journals since the last refresh. */
  async refresh(): Promise<void> {
    for (const dir of [this.root, ...this.below]) {
      for (const [journal, within] of journalDirsOf(dir, this.configDir))
        for (const file of await journalFiles(journal))
          if (file.endsWith('.gz')) await this.readCompressed(file, dir, within);
          else await this.readFrom(file, dir, within);
    }
  }

  /** Notes a record appended by this process (so that it is not read as news). */
  note(record: JournalRecord, journalRoot: string): void {
    this.add(record, journalRoot);
  }

  /** A compressed journal file is complete: read once (its records may have been read from its plain file: the same again). */
  private async readCompressed(file: string, journalRoot: string, within: string): Promise<void> {
    if (this.read.has(file)) return;
    this.read.set(file, 0);
    const read = await readJournalFile(file, within);
    if ('text' in read) this.take(parseJournal(read.text), journalRoot);
  }

  /** Reads the whole lines appended to a plain journal file since the last refresh; one left out is not read again. */
  private async readFrom(file: string, journalRoot: string, within: string): Promise<void> {
    const from = this.read.get(file) ?? 0;
    if (from === Infinity) return;
    const read = await readJournalFile(file, within, from);
    if ('problem' in read) {
      this.read.set(file, Infinity);
      return;
    }
    const whole = read.text.slice(0, read.text.lastIndexOf('\n') + 1);
    if (whole === '') return;
    this.read.set(file, from + Buffer.byteLength(whole));
    this.take(parseJournal(whole), journalRoot);
  }

  /**
   * Notes that the latest record of an image never landed (its sidecar still holds what the
   * record found: the write was cut short): the image is as before that record.
   */
  notLanded(imagePath: string): void {
    const image = this.images.get(imagePath);
    if (image === undefined || image.unlanded !== undefined) return;
    image.unlanded = image.latest;
    for (const change of image.latest.changes) image.values.set(change.field, change.old);
    image.latest = { ...image.latest, changes: [], after: image.latest.before };
  }

  /**
   * Whether the sidecar (its SHA-256, null: gone) holds what a record taken as not landed
   * wrote: then its write was in flight, not cut short, and the record is the latest again.
   */
  landedLate(imagePath: string, sha256: string | null): boolean {
    const image = this.images.get(imagePath);
    const record = image?.unlanded;
    if (image === undefined || record === undefined || sha256 !== (record.after?.sha256 ?? null)) return false;
    for (const change of record.changes) image.values.set(change.field, change.new);
    image.latest = record;
    image.unlanded = undefined;
    return true;
  }

  /** Takes a file's records, and forgets an image whose latest record a cancel line takes back. */
  private take({ records, cancelled }: ParsedJournal, journalRoot: string): void {
    for (const record of records) this.add(record, journalRoot);
    if (cancelled.length === 0) return;
    const ids = new Set(cancelled);
    for (const [key, image] of this.images) if (ids.has(image.latest.id)) this.images.delete(key);
  }

  private add(record: JournalRecord, journalRoot: string): void {
    const image = path.join(journalRoot, ...record.path.split('/'));
    if (!isInside(this.root, image)) return;
    const key = path.relative(this.root, image).split(path.sep).join('/');
    const outside = outsideChangeKey(record, key);
    if (outside !== null) this.outside.add(outside);
    const known = this.images.get(key);
    if (known !== undefined && known.latest.time > record.time) return;
    const values = known?.values ?? new Map<string, FieldValue>();
    for (const change of record.changes) values.set(change.field, change.new);
    this.images.set(key, { latest: record, values });
  }
}
