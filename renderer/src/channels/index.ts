/**
 * The folder's channel table: its editor dialog, its history, and its state.
 */
import { lazyComponent } from '../lib/lazy-component';

export { channelTableFolder } from './channel-grid';
/** The `ChannelTableDialog` of `channel-table-dialog.tsx`, fetched when it is first drawn. */
export const ChannelTableDialog = lazyComponent(() =>
  import('./channel-table-dialog').then((m) => m.ChannelTableDialog),
);
export { createChannelTableSlice, type ChannelTableSlice } from './channel-table-slice';
export { ChannelTableTimeline } from './channel-table-timeline';
