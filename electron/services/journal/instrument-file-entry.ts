/**
 * The journal record of one microscope description write, made before the file is replaced
 * (or removed): who, which action, the file, its text before and after, the versions.
 */
import type { SidecarVersion } from '../../../shared/api';
import { INSTRUMENT_FILE_KIND, keptInstrumentText, type InstrumentFileRecord } from '../../../shared/journal';
import type { JournalEntry } from '../sidecar';
import { fileWriteEntry, type FileWriteJournal } from './file-write-entry';

/**
 * The journal entry of writing `after` (null: removing the file) over `before` (null: no file)
 * at `absFile`; null when the journal is off there. Its line lacks `after`, which the write adds.
 */
export async function instrumentFileEntry(
  journal: FileWriteJournal,
  absFile: string,
  before: { text: string | null; version: SidecarVersion | null },
  after: string | null,
): Promise<JournalEntry | null> {
  const fields: Pick<InstrumentFileRecord, 'beforeText' | 'afterText'> = {
    ...keptInstrumentText('beforeText', before.text),
    ...keptInstrumentText('afterText', after),
  };
  return fileWriteEntry(journal, absFile, INSTRUMENT_FILE_KIND, fields, before.version);
}
