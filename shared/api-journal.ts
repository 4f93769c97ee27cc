/** The change journal as the API returns it (`getJournal`), part of the contract in `api.ts`. */
import type { ChannelTableRecord, HeaderWriteRecord, InstrumentFileRecord, JournalRecord } from './journal';

/** The change journal's records of some of the open folder's images, and the lines that could not be read. */
export interface FolderJournal {
  records: JournalRecord[];
  /** Each unreadable journal line, in words (a line cut short by a crash). */
  problems: string[];
  /** The records of channel table writes, oldest first; absent when there are none. */
  tables?: ChannelTableRecord[];
  /** The records of microscope description writes (`acqmeta.instruments/`), oldest first; absent when there are none. */
  instruments?: InstrumentFileRecord[];
  /** The records of calibrations written into image headers, oldest first; absent when there are none. */
  headers?: HeaderWriteRecord[];
}
