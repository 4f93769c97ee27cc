/** Channel tables on disk (`acqmeta.channels.csv`): read, written, and the one in force for an image. */
export {
  channelTableInForce,
  channelTableProblem,
  unreadableChannelTable,
  writeChannelTableFile,
  type LoadedChannelTable,
} from './channel-table-file';
