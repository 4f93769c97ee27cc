/**
 * The header write records of a journal file, found without parsing its other lines: a folder's
 * journal is mostly sidecar records (a million in 80 MB after a year of bulk sets), and parsing
 * each to find the few header writes among them took seconds of CPU.
 */
import { HEADER_WRITE_KIND, parseJournal, type HeaderWriteRecord } from '../../../shared/journal';
import { readJournalFile } from './journal-file';

/** What a header write record's line holds, and a line taking a record back, as `journalLine` writes them. */
const KEYS = [JSON.stringify(HEADER_WRITE_KIND), '"cancel"'];

/** The header write records of a journal file and the ids its cancel lines take back. */
export interface HeaderLines {
  headers: HeaderWriteRecord[];
  cancelled: string[];
}

/**
 * The header write records (not taken back in the file) and cancel lines of the journal file
 * `file`, read `within` that folder (see `readJournalFile`): only its whole lines holding the
 * text of either are parsed. Nothing when the file cannot be read.
 */
export async function headerLinesOf(file: string, within: string): Promise<HeaderLines> {
  const read = await readJournalFile(file, within);
  if ('problem' in read) return { headers: [], cancelled: [] };
  const text = read.text.slice(0, read.text.lastIndexOf('\n') + 1);
  const starts = new Set<number>();
  for (const key of KEYS)
    for (let at = text.indexOf(key); at !== -1; at = text.indexOf(key, text.indexOf('\n', at) + 1))
      starts.add(text.lastIndexOf('\n', at) + 1);
  const lines = [...starts].sort((a, b) => a - b).map((start) => text.slice(start, text.indexOf('\n', start) + 1));
  const { headers, cancelled } = parseJournal(lines.join(''));
  return { headers, cancelled };
}
