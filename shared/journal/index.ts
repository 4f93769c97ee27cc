/** The change journal's record format (docs/journal.md). */
export {
  finishJournalLine,
  isOutsideChange,
  journalChanges,
  journalLine,
  journalLineStart,
  OUTSIDE_ACTION,
  OUTSIDE_TOOL,
  parseJournal,
  sinceLatest,
  type JournalCancel,
  type JournalChange,
  type JournalRecord,
  type JournalVersion,
  type ParsedJournal,
} from './journal-record';
export { outsideChangeKey, withoutRepeatedOutsideChanges } from './outside-change-key';
export { restoreBefore, restoresOf, type RestoreChanges } from './journal-restore';
export {
  takenBackBy,
  takingBack,
  undoOf,
  undoRecord,
  type ContestedField,
  type TakenBack,
  type UndoChanges,
} from './journal-undo';
export { actionName } from './journal-action-name';
export { journalBatches, journalProv, type ProvDocument } from './journal-prov';
export { rebuildFromJournal, type RebuildLine, type RebuildPlan } from './journal-rebuild';
export { damageReason, sidecarDamageText } from './sidecar-damage';
export {
  INSTRUMENT_FILE_KIND,
  keptInstrumentText,
  MAX_KEPT_INSTRUMENT_JSON,
  type InstrumentFileRecord,
} from './instrument-file-record';
export {
  CHANNEL_TABLE_KIND,
  keptBeforeText,
  MAX_KEPT_TABLE_JSON,
  type ChannelTableRecord,
} from './channel-table-record';
export {
  planTableRestore,
  tableRecordOf,
  tableRestoreOf,
  type TableNow,
  type TableRestore,
  type TableRestorePlan,
  type TableRestoreRefusal,
} from './channel-table-restore';
export {
  HEADER_WRITE_KIND,
  headerWriteState,
  type HeaderBytesNow,
  type HeaderWriteRecord,
  type JournaledRange,
} from './header-write-record';
