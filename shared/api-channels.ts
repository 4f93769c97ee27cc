/**
 * The channel-table methods' types: what the editor reads of the table in force for a folder
 * (with a draft from the image headers), and what it writes back.
 */
import type { SidecarVersion } from './api-types';
import type { ChannelRowChanges } from './channels/channel-diff';
import type { ChannelGroup } from './channels/channel-draft';
import type { ChannelTable } from './channels/channel-table';
import type { TableRestoreRefusal } from './journal';

/** The channel table of a folder of the open folder, as the dialog edits it. */
export interface ChannelTableInfo {
  /** The folder asked about, relative to the open folder (`''` for the open folder itself). */
  folder: string;
  /** Where this folder's own table lives (relative, `/`-separated), whether or not it exists. */
  file: string;
  /** The table in force for the folder's images: its own file, a parent folder's, or null. */
  inForce: string | null;
  /** The folder's own table as read; null when the folder has none (or it cannot be read). */
  table: ChannelTable | null;
  /** The version read of the folder's own table, for the conflict check of a save; null when there is none. */
  version: SidecarVersion | null;
  /** Why the folder's own table cannot be read (malformed CSV, not UTF-8); null when it can. */
  problem: string | null;
  /** A table drafted from the headers of the images of the folder and below: the first group's. */
  draft: ChannelTable;
  /**
   * The images whose headers were read, grouped by the channels they record, the largest first;
   * each group's first image is relative to the open folder. Two or more: the images disagree.
   */
  groups: ChannelGroup[];
  /** How many images the folder and its subfolders hold. */
  images: number;
}

/** A save of a folder's own table: `table: null` removes the file (an undone creation). */
export interface ChannelTableSave {
  folder: string;
  table: ChannelTable | null;
  /** The version the edit was made from (null: there was no file); another one on disk is a CONFLICT. */
  expected: SidecarVersion | null;
  /** What the journal records the write as (the undo step's words: `Undo Channel table of raw`); `Channel table` when absent. */
  action?: string;
}

/** What a save left on disk: the new version, null once the file is removed. */
export interface ChannelTableSaved {
  file: string;
  version: SidecarVersion | null;
}

/** What restoring a channel table to before one of its journal records would write, or why it cannot. */
export interface ChannelTableRestorePlan {
  /** The record named. */
  id: string;
  /** The table, relative to the open folder. */
  file: string;
  /** The record's action and time, as History lists them. */
  action: string;
  time: string;
  /** The restore removes the table (the record created it). */
  removes: boolean;
  /** The rows the restore adds, removes and changes, from the table now to the earlier one, by Channel ID. */
  rows: ChannelRowChanges;
  /** The version the restore writes over (null: no file); `restoreChannelTable` refuses any other. */
  expected: SidecarVersion | null;
  /** Why it cannot be restored (nothing is written); null when it can. */
  refusal: TableRestoreRefusal | null;
}
