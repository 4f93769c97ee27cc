/**
 * The change journal: where a folder's journal lives, the records of each action's writes
 * (synced by the save path before each rename), and reading them back.
 */
export { JOURNAL_DIR, JOURNAL_OFF, journalPlaces, settingsJournalDir, type JournalPlaces } from './journal-places';
export { journalWrites, type JournalAction } from './journal-writer';
export { FolderJournalReader, readFolderJournal } from './folder-journal';
export { folderHeaderWrites } from './folder-header-writes';
export { headerWritesMarked, latestHeaderWritesOf, type ImageModified } from './latest-header-writes';
export { outsideChanges, type OutsideChanges, type SidecarNow } from './outside-changes';
export { sidecarsSinceLatest, type SidecarSinceLatest } from './sidecars-since-latest';
export { channelTableEntry, type TableBefore } from './channel-table-entry';
export type { FileWriteJournal } from './file-write-entry';
export { instrumentFileEntry } from './instrument-file-entry';
export {
  cancelLine,
  journalHeaderWrite,
  type HeaderJournal,
  type HeaderWriteEntry,
  type HeaderWriteFields,
} from './header-write-entry';
