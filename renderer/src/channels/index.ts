/**
 * The folder's channel table: its editor dialog, its history, and its state.
 */
export { channelTableFolder } from './channel-grid';
export { ChannelTableDialog } from './channel-table-dialog';
export { createChannelTableSlice, type ChannelTableSlice } from './channel-table-slice';
export { ChannelTableTimeline } from './channel-table-timeline';
