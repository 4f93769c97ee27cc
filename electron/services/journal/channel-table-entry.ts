/**
 * The journal record of one channel table write, made before the file is replaced (or
 * removed): who, which action, the rows changed by Channel ID, the versions, and the earlier
 * table's text when it is small enough to rebuild it from (docs/journal.md).
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { SidecarVersion } from '../../../shared/api';
import { channelRowChanges } from '../../../shared/channels/channel-diff';
import type { ChannelTable } from '../../../shared/channels/channel-table';
import { CHANNEL_TABLE_KIND, keptBeforeText, type ChannelTableRecord } from '../../../shared/journal';
import type { JournalEntry } from '../sidecar';
import type { JournalPlaces } from './journal-places';
import { journalAuthor, journalVersion } from './journal-writer';

/** Where a channel table write is journaled, and as what. */
export interface ChannelTableJournal {
  places: JournalPlaces;
  /** The program and its door (`AcqMeta`). */
  tool: string;
  /** What the person did: `Channel table of raw`, `Undo Channel table of raw`. */
  action: string;
}

/** The table file as it was before the write: its text, the table read from it, its version (all null: no file). */
export interface TableBefore {
  text: string | null;
  table: ChannelTable | null;
  version: SidecarVersion | null;
}

/**
 * The journal entry of writing `after` (null: removing the file) over `before` at `absFile`;
 * null when the journal is off there. Its line lacks `after`, which the write adds.
 */
export async function channelTableEntry(
  journal: ChannelTableJournal,
  absFile: string,
  before: TableBefore,
  after: ChannelTable | null,
): Promise<JournalEntry | null> {
  const place = await journal.places.placeFor(absFile);
  if (place === null) return null;
  const id = randomUUID();
  const record: Omit<ChannelTableRecord, 'after'> = {
    kind: CHANNEL_TABLE_KIND,
    id,
    batch: randomUUID(),
    time: new Date().toISOString(),
    ...journalAuthor(),
    tool: journal.tool,
    action: journal.action,
    file: path.relative(place.root, absFile).split(path.sep).join('/'),
    rows: channelRowChanges(before.table, after),
    ...keptBeforeText(before.text),
    before: journalVersion(before.version),
  };
  // `after` goes last, added by the write once it knows the version (finishJournalLine)
  return { dir: place.dir, id, lineStart: JSON.stringify(record).slice(0, -1) };
}
