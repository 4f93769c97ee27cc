/**
 * The journal record of a calibration written into an image file's header, made before the
 * first byte of the image is written, and the line that takes it back when the write did not
 * happen (docs/journal.md).
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { HEADER_WRITE_KIND, journalLine, type HeaderWriteRecord } from '../../../shared/journal';
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

/** A header write's record, ready to append: its journal folder, its id and its line. */
export interface HeaderWriteEntry {
  dir: string;
  id: string;
  line: string;
}

/** The entry of a header write into the image at `imagePath`, its folder's mark set; null when the journal is off there. */
export async function headerWriteEntry(
  journal: HeaderJournal,
  imagePath: string,
  fields: HeaderWriteFields,
): Promise<HeaderWriteEntry | null> {
  const place = await journal.places.placeFor(imagePath);
  if (place === null) return null;
  markHeaderWrite(place.dir);
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
  return { dir: place.dir, id, line: journalLine(record) };
}

/** The line that takes back the record `id` (its write did not happen). */
export function cancelLine(id: string): string {
  return journalLine({ cancel: id });
}
