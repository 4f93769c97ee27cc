/**
 * The journal record of one microscope description write, made before the file is replaced
 * (or removed): who, which action, the file, its text before and after, the versions.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { SidecarVersion } from '../../../shared/api';
import { INSTRUMENT_FILE_KIND, keptInstrumentText, type InstrumentFileRecord } from '../../../shared/journal';
import type { JournalEntry } from '../sidecar';
import type { ChannelTableJournal } from './channel-table-entry';
import { journalAuthor, journalVersion } from './journal-writer';

/**
 * The journal entry of writing `after` (null: removing the file) over `before` (null: no file)
 * at `absFile`; null when the journal is off there. Its line lacks `after`, which the write adds.
 */
export async function instrumentFileEntry(
  journal: ChannelTableJournal,
  absFile: string,
  before: { text: string | null; version: SidecarVersion | null },
  after: string | null,
): Promise<JournalEntry | null> {
  const place = await journal.places.placeFor(absFile);
  if (place === null) return null;
  const id = randomUUID();
  const record: Omit<InstrumentFileRecord, 'after'> = {
    kind: INSTRUMENT_FILE_KIND,
    id,
    batch: randomUUID(),
    time: new Date().toISOString(),
    ...journalAuthor(),
    tool: journal.tool,
    action: journal.action,
    file: path.relative(place.root, absFile).split(path.sep).join('/'),
    ...keptInstrumentText('beforeText', before.text),
    ...keptInstrumentText('afterText', after),
    before: journalVersion(before.version),
  };
  // `after` goes last, added by the write once it knows the version (finishJournalLine)
  return { dir: place.dir, id, lineStart: JSON.stringify(record).slice(0, -1) };
}
