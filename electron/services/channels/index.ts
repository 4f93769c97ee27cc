/** Channel tables on disk (`acqmeta.channels.csv`): read, written, drafted from headers, and the one in force for an image. */
export {
  channelTableInForce,
  channelTableProblem,
  unreadableChannelTable,
  writeChannelTableFile,
  type LoadedChannelTable,
} from './channel-table-file';
export { draftForFolder, DRAFT_IMAGES, type FolderDraft } from './folder-draft';
