/**
 * The journal entry of a write of a folder's own file that is not a sidecar (a channel table, a
 * microscope description), made before the file is replaced or removed: the fields every such
 * record has (who, when, which action, the file, the version before), and the kind's own.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { SidecarVersion } from '../../../shared/api';
import type { JournalEntry } from '../sidecar';
import type { JournalPlaces } from './journal-places';
import { journalAuthor, journalVersion } from './journal-writer';

/** Where a file write is journaled, and as what. */
export interface FileWriteJournal {
  places: JournalPlaces;
  /** The program and its door (`AcqMeta`). */
  tool: string;
  /** What the person did: `Channel table of raw`, `Undo Channel table of raw`. */
  action: string;
}

/**
 * The entry of a write at `absFile` over the version `before` (null: no file), its record of
 * `kind` with `fields` (the kind's own); null when the journal is off there. Its line lacks
 * `after`, which the write adds once it knows the version (finishJournalLine).
 */
export async function fileWriteEntry(
  journal: FileWriteJournal,
  absFile: string,
  kind: string,
  fields: Record<string, unknown>,
  before: SidecarVersion | null,
): Promise<JournalEntry | null> {
  const place = await journal.places.placeFor(absFile);
  if (place === null) return null;
  const id = randomUUID();
  const record = {
    kind,
    id,
    batch: randomUUID(),
    time: new Date().toISOString(),
    ...journalAuthor(),
    tool: journal.tool,
    action: journal.action,
    file: path.relative(place.root, absFile).split(path.sep).join('/'),
    ...fields,
    before: journalVersion(before),
  };
  return { dir: place.dir, id, lineStart: JSON.stringify(record).slice(0, -1) };
}
