/** Channel tables on disk (`acqmeta.channels.csv`): read, written, restored from the journal, and the one in force for an image. */
export {
  channelTableInForce,
  channelTableProblem,
  unreadableChannelTable,
  writeChannelTableFile,
  type LoadedChannelTable,
} from './channel-table-file';
export { planChannelTableRestore, writeTableRestore, type PlannedTableRestore } from './channel-table-restore';
