/**
 * The channel table dialog: a folder's `acqmeta.channels.csv` (or a draft of it from the image
 * headers) edited as a grid, checked as it is typed, and saved with the version read, as one
 * step of the one undo history. Undo and redo of that step write the table back through
 * {@link ChannelTableSlice.writeFileStep}.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { ChannelTableInfo, SidecarVersion } from '../../../shared/api';
import { channelTableProblems, type ChannelTableProblem } from '../../../shared/channels/channel-check';
import type { ChannelTable } from '../../../shared/channels/channel-table';
import { folderLabel } from '../lib/format';
import { type AppState, describeFileStep, type FileStep, recordStep } from '../store';
import {
  channelSaveBlocker,
  channelTableFolder,
  groupDraft,
  newChannelRow,
  startingTable,
  tidyChannelTable,
} from './channel-grid';

/** The dialog's state: the folder, what was read of it, and the grid being edited. */
export interface ChannelTableEditor {
  /** Relative to the open folder; `''` for the open folder. */
  folder: string;
  /** What was read; null while it is being read. */
  info: ChannelTableInfo | null;
  /** The group of images (0-based, largest first) whose channels a draft started from. */
  group: number;
  /** The grids as typed for the other groups a draft was started from, by group: picking one again brings its grid back. */
  groupGrids: Readonly<Record<number, ChannelTable>>;
  /** The grid as typed. */
  table: ChannelTable;
  /** What is wrong in the grid, as it would be saved. */
  problems: ChannelTableProblem[];
  saving: boolean;
  /** Why the last save failed; `conflict`: the file changed on disk since it was read. */
  failure: { conflict: boolean; message: string } | null;
}

/** Channel table state and actions. */
export interface ChannelTableSlice {
  /** The dialog, while it is open. */
  channelTable: ChannelTableEditor | null;
  /** Opens the dialog for `folder`, by default the folder of the selected images (else the open folder), and reads it. */
  openChannelTable(folder?: string): Promise<void>;
  /**
   * Starts the draft again from another group of images (0-based, see `ChannelTableInfo.groups`):
   * the grid becomes that group's as last typed, or its draft, and the grid left is kept for its
   * group. Nothing happens while the folder has its own table or a save is under way.
   */
  startFromGroup(group: number): void;
  /** Sets one cell of the grid (0-based row). */
  editChannelCell(row: number, column: string, text: string): void;
  /** Adds a row at the end, with the next free Channel ID. */
  addChannel(): void;
  /** Removes one row (0-based). */
  removeChannel(row: number): void;
  /**
   * Reads the folder's table again after a conflict: `theirs` shows it in the grid, `mine` keeps
   * the grid and saves over the version now on disk.
   */
  reloadChannelTable(keep: 'theirs' | 'mine'): Promise<void>;
  /** Saves the grid (when nothing blocks it) and records the undo step; false when it was not saved. */
  submitChannelTable(): Promise<boolean>;
  closeChannelTable(): void;
  /**
   * Writes one side of a file step back (undo: `before`, redo: `after`) over the version
   * `expected`, by default the one the step wrote; the step as written now, `conflict` when the
   * file is another version, or null, with a notice, when the write failed. An instrument
   * description's step is written by `writeInstrumentStep` (instrument-catalogue-slice.ts), the
   * dataset values' by `writeDatasetStep` (dataset-slice.ts).
   */
  writeFileStep(
    file: FileStep,
    side: 'before' | 'after',
    expected?: SidecarVersion | null,
  ): Promise<FileStep | 'conflict' | null>;
}

const EMPTY: ChannelTable = { columns: [], rows: [] };

/** Creates the channel table slice. */
export const createChannelTableSlice: StateCreator<AppState, [], [], ChannelTableSlice> = (set, get) => {
  /**
   * Reads the folder's table; calls `apply` with it while the dialog is still open for that
   * folder. A failure closes a dialog still reading, and is shown in one that has a grid to keep.
   */
  async function read(folder: string, apply: (editor: ChannelTableEditor, info: ChannelTableInfo) => void) {
    const result = await get().client.getChannelTable({ folder });
    const editor = get().channelTable;
    if (editor?.folder !== folder) return;
    if (result.ok) {
      apply(editor, result.payload);
    } else if (editor.info === null) {
      set({ channelTable: null });
      get().notify('error', `The channel table of ${folderLabel(folder)} could not be read: ${result.error.message}`);
    } else {
      set({ channelTable: { ...editor, failure: { conflict: false, message: result.error.message } } });
    }
  }

  /** Puts a new grid in the open dialog, checked. */
  function setGrid(update: (table: ChannelTable) => ChannelTable): void {
    const editor = get().channelTable;
    if (!editor?.info || editor.saving) return;
    const table = update(editor.table);
    set({ channelTable: { ...editor, table, problems: channelTableProblems(tidyChannelTable(table)) } });
  }

  /** Shows `info` in the dialog: its table in the grid, or (`keepGrid`) the grid as it is. */
  function show(editor: ChannelTableEditor, info: ChannelTableInfo, keepGrid: boolean): void {
    const table = keepGrid ? editor.table : startingTable(info);
    const group = keepGrid ? editor.group : 0;
    const groupGrids = keepGrid ? editor.groupGrids : {};
    const problems = channelTableProblems(tidyChannelTable(table));
    set({ channelTable: { ...editor, info, group, groupGrids, table, problems, saving: false, failure: null } });
  }

  return {
    channelTable: null,

    openChannelTable: async (folder = channelTableFolder(get().selected)) => {
      set({
        channelTable: {
          folder,
          info: null,
          group: 0,
          groupGrids: {},
          table: EMPTY,
          problems: [],
          saving: false,
          failure: null,
        },
      });
      await read(folder, (editor, info) => show(editor, info, false));
    },

    startFromGroup: (group) => {
      const editor = get().channelTable;
      const draft = editor?.info ? groupDraft(editor.info, group) : null;
      if (!editor || draft === null || editor.saving || group === editor.group) return;
      const { [group]: typed, ...others } = editor.groupGrids;
      const table = typed ?? draft;
      const groupGrids = { ...others, [editor.group]: editor.table };
      const problems = channelTableProblems(tidyChannelTable(table));
      set({ channelTable: { ...editor, group, groupGrids, table, problems } });
    },

    editChannelCell: (row, column, text) =>
      setGrid((table) => ({
        ...table,
        rows: table.rows.map((cells, i) => (i === row ? { ...cells, [column]: text } : cells)),
      })),

    addChannel: () => setGrid((table) => ({ ...table, rows: [...table.rows, newChannelRow(table)] })),

    removeChannel: (row) => setGrid((table) => ({ ...table, rows: table.rows.filter((_, i) => i !== row) })),

    reloadChannelTable: async (keep) => {
      const editor = get().channelTable;
      if (!editor?.info || editor.saving) return;
      await read(editor.folder, (current, info) => show(current, info, keep === 'mine'));
    },

    submitChannelTable: async () => {
      const editor = get().channelTable;
      const info = editor?.info;
      if (!editor || !info || editor.saving || channelSaveBlocker(info, editor.table, editor.problems) !== null)
        return false;
      const table = tidyChannelTable(editor.table);
      set({ channelTable: { ...editor, saving: true, failure: null } });
      const result = await get().client.saveChannelTable({
        folder: editor.folder,
        table,
        expected: info.version,
        action: describeFileStep(editor),
      });
      if (!result.ok) {
        const current = get().channelTable;
        const failure = { conflict: result.error.code === 'CONFLICT', message: result.error.message };
        if (current) set({ channelTable: { ...current, saving: false, failure } });
        return false;
      }
      const { file, version } = result.payload;
      set({ channelTable: null });
      // A table that could not be read cannot be written back: its save is not undoable.
      if (info.problem === null) {
        const step: FileStep = {
          kind: 'channel-table',
          folder: editor.folder,
          before: info.table,
          after: table,
          written: version,
        };
        set((s) => ({
          history: recordStep(s.history, { action: 'Channel table', changes: [], coalesceKey: null, file: step }),
        }));
      }
      get().notify('success', `Saved ${file}.`);
      return true;
    },

    closeChannelTable: () => {
      if (!get().channelTable?.saving) set({ channelTable: null });
    },

    writeFileStep: async (file, side, expected = file.written) => {
      if (file.kind === 'instrument-file') return get().writeInstrumentStep(file, side, expected);
      if (file.kind === 'dataset') return get().writeDatasetStep(file, side, expected);
      const table = file[side];
      const undone = `${side === 'before' ? 'Undo' : 'Redo'} ${describeFileStep(file)}`;
      const action = expected === file.written ? undone : `${undone}, over another program's version`;
      const result = await get().client.saveChannelTable({ folder: file.folder, table, expected, action });
      if (result.ok) return { ...file, written: result.payload.version };
      if (result.error.code === 'CONFLICT') return 'conflict';
      const verb = side === 'before' ? 'undo' : 'redo';
      get().notify(
        'error',
        `Could not ${verb} the channel table of ${folderLabel(file.folder)}: ${result.error.message}`,
      );
      return null;
    },
  };
};
