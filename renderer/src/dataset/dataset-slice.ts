/**
 * The Dataset panel's state: the open folder's dataset values and people and the lab's people
 * list as read, the save through the backend's dataset writer (the one `acqmeta dataset` uses,
 * journaled) as one step of the one undo history (undo writes the file it replaced back, or
 * removes the one it created), and a write put back from the journal's History.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { DatasetInfo, SidecarVersion } from '../../../shared/api';
import type { DatasetValues } from '../../../shared/dataset';
import { type AppState, type DatasetStep, describeFileStep, recordStep } from '../store';

/** The panel while open: what was read (null while reading), a save under way, and why the last one failed. */
export interface DatasetPanel {
  info: DatasetInfo | null;
  saving: boolean;
  failure: { message: string; conflict: boolean } | null;
}

/** Dataset panel state and actions. */
export interface DatasetSlice {
  datasetPanel: DatasetPanel | null;
  /** Opens the panel and reads the folder's dataset file and the lab's people list (again, when open). */
  openDatasetPanel(): Promise<void>;
  closeDatasetPanel(): void;
  /** Writes `dataset` over the version read as one undo step; closes the panel when written, else shows why not. True once written. */
  saveDatasetPanel(dataset: DatasetValues): Promise<boolean>;
  /**
   * Writes one side of a dataset step back (undo: `before`, redo: `after`) over the version
   * `expected`; the step as written now, or null, with a notice, when the write failed.
   */
  writeDatasetStep(
    file: DatasetStep,
    side: 'before' | 'after',
    expected: SidecarVersion | null,
  ): Promise<DatasetStep | null>;
  /** Puts the dataset file back as it was before the journal record `id` (named `action`), and reads the History again. */
  restoreDatasetWrite(id: string, action: string): Promise<void>;
}

/** Creates the dataset slice. */
export const createDatasetSlice: StateCreator<AppState, [], [], DatasetSlice> = (set, get) => ({
  datasetPanel: null,

  openDatasetPanel: async () => {
    const opened: DatasetPanel = { info: null, saving: false, failure: null };
    set({ datasetPanel: opened });
    const result = await get().client.getDataset({});
    if (get().datasetPanel !== opened) return;
    if (result.ok) return set({ datasetPanel: { ...opened, info: result.payload } });
    set({ datasetPanel: null });
    get().notify('error', `The dataset values could not be read: ${result.error.message}`);
  },

  closeDatasetPanel: () => {
    if (!get().datasetPanel?.saving) set({ datasetPanel: null });
  },

  saveDatasetPanel: async (dataset) => {
    const panel = get().datasetPanel;
    if (panel?.info == null || panel.saving) return false;
    set({ datasetPanel: { ...panel, saving: true, failure: null } });
    const result = await get().client.saveDataset({ dataset, expected: panel.info.version });
    if (result.ok) {
      const before = panel.info.version === null ? null : panel.info.dataset;
      const step: DatasetStep = { kind: 'dataset', before, after: dataset, written: result.payload.version };
      const action = describeFileStep(step);
      set((s) => ({
        datasetPanel: null,
        history: recordStep(s.history, { action, changes: [], coalesceKey: null, file: step }),
      }));
      get().notify('success', `Saved ${panel.info.file}.`);
      return true;
    }
    const conflict = result.error.code === 'CONFLICT';
    const message = conflict
      ? `Another program changed ${panel.info.file} since this panel read it; nothing was written.`
      : result.error.message;
    set((s) => ({
      datasetPanel: s.datasetPanel && { ...s.datasetPanel, saving: false, failure: { message, conflict } },
    }));
    return false;
  },

  writeDatasetStep: async (file, side, expected) => {
    const action = `${side === 'before' ? 'Undo' : 'Redo'} ${describeFileStep(file)}`;
    const result = await get().client.saveDataset({ dataset: file[side], expected, action });
    if (result.ok) return { ...file, written: result.payload.version };
    const why =
      result.error.code === 'CONFLICT'
        ? 'another program changed it since AcqMeta wrote it; open Dataset values to see their version'
        : result.error.message;
    get().notify('error', `Could not ${side === 'before' ? 'undo' : 'redo'} the dataset values: ${why}.`);
    return null;
  },

  restoreDatasetWrite: async (id, action) => {
    const result = await get().client.restoreDataset({ id });
    if (!result.ok) return get().notify('error', `Could not restore before “${action}”: ${result.error.message}`);
    get().notify('success', `Restored the dataset values and people as they were before “${action}”.`);
    const timeline = get().timeline;
    if (timeline !== null) await get().openTimeline(timeline.paths);
  },
});
