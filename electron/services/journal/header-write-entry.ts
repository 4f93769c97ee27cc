/**
 * The journal record of a calibration written into an image file's header, appended with its
 * folder's mark and synced before the first byte of the image is written, and the line that takes
 * it back when the write did not happen (docs/journal.md).
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { HEADER_WRITE_KIND, journalLine, type HeaderWriteRecord } from '../../../shared/journal';
import { appendJournalInWorker } from '../sidecar';
import { markHeaderWrite } from './header-write-marker';
import type { JournalPlaces } from './journal-places';
import { journalAuthor } from './journal-writer';

/** Where a header write is journaled, and as what. */
export interface HeaderJournal {
  places: JournalPlaces;
  /** The program and its door (`acqmeta`, `AcqMeta`). */
  tool: string;
  /** What the person did: `calibrate --pixel-size 0.5`, `restore --undo <id>`. */
  action: string;
  /** Shared by the records of one action. */
  batch: string;
}

/** What a header write record says of the write itself (the rest is who, when, where). */
export type HeaderWriteFields = Pick<HeaderWriteRecord, 'values' | 'ranges' | 'appended' | 'before' | 'after'>;

/** A header write's record, journaled: its journal folder and its id. */
export interface HeaderWriteEntry {
  dir: string;
  id: string;
}

/**
 * Journals a header write into the image at `imagePath`: its folder's mark set to its record,
 * then the record appended, both synced (at the same time) before this resolves, as they must be
 * before the image's first byte. Resolves to the record's folder and id; null when the journal is off there.
 */
export async function journalHeaderWrite(
  journal: HeaderJournal,
  imagePath: string,
  fields: HeaderWriteFields,
): Promise<HeaderWriteEntry | null> {
  const place = await journal.places.placeFor(imagePath);
  if (place === null) return null;
  const id = randomUUID();
  const record: HeaderWriteRecord = {
    kind: HEADER_WRITE_KIND,
    id,
    batch: journal.batch,
    time: new Date().toISOString(),
    ...journalAuthor(),
    tool: journal.tool,
    action: journal.action,
    path: path.relative(place.root, imagePath).split(path.sep).join('/'),
    ...fields,
  };
  const line = journalLine(record);
  const syncMark = await markHeaderWrite(place.dir, line);
  const [marked, appended] = await Promise.allSettled([syncMark(), appendJournalInWorker(place.dir, line)]);
  if (appended.status === 'rejected') throw appended.reason;
  if (marked.status === 'rejected') {
    // no write follows a record its mark did not cover: taken back, as for any write not made
    await appendJournalInWorker(place.dir, cancelLine(id));
    throw marked.reason;
  }
  return { dir: place.dir, id };
}

/** The line that takes back the record `id` (its write did not happen). */
export function cancelLine(id: string): string {
  return journalLine({ cancel: id });
}
