/**
 * The journal record of one channel table write, made before the file is replaced (or
 * removed): who, which action, the rows changed by Channel ID, the versions, and the earlier
 * table's text when it is small enough to rebuild it from (docs/journal.md).
 */
import type { SidecarVersion } from '../../../shared/api';
import { channelRowChanges } from '../../../shared/channels/channel-diff';
import type { ChannelTable } from '../../../shared/channels/channel-table';
import { CHANNEL_TABLE_KIND, keptBeforeText, type ChannelTableRecord } from '../../../shared/journal';
import type { JournalEntry } from '../sidecar';
import { fileWriteEntry, type FileWriteJournal } from './file-write-entry';

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
  journal: FileWriteJournal,
  absFile: string,
  before: TableBefore,
  after: ChannelTable | null,
): Promise<JournalEntry | null> {
  const fields: Pick<ChannelTableRecord, 'rows' | 'beforeText'> = {
    rows: channelRowChanges(before.table, after),
    ...keptBeforeText(before.text),
  };
  return fileWriteEntry(journal, absFile, CHANNEL_TABLE_KIND, fields, before.version);
}
