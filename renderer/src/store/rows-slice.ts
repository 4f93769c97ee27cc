/** The images of the opened folder, by relative path, in the order the scan found them. */
import type { StateCreator } from 'zustand/vanilla';
import type { ImageRow } from '../../../shared/api';
import type { AppState } from './app-store';

/** Rows by path plus their scan order. */
export interface RowsSlice {
  rows: Readonly<Record<string, ImageRow>>;
  rowOrder: readonly string[];
  /** Adds rows, or replaces those already known (same path). */
  addRows(rows: readonly ImageRow[]): void;
  /** Removes rows (images gone from disk). */
  removeRows(paths: readonly string[]): void;
  clearRows(): void;
}

/** Creates the rows slice. */
export const createRowsSlice: StateCreator<AppState, [], [], RowsSlice> = (set) => ({
  rows: {},
  rowOrder: [],
  addRows: (incoming) =>
    set((s) => {
      if (incoming.length === 0) return {};
      const rows = { ...s.rows };
      const added: string[] = [];
      for (const row of incoming) {
        if (!(row.path in rows)) added.push(row.path);
        rows[row.path] = row;
      }
      return { rows, rowOrder: added.length > 0 ? [...s.rowOrder, ...added] : s.rowOrder };
    }),
  removeRows: (paths) =>
    set((s) => {
      const gone = new Set(paths.filter((path) => path in s.rows));
      if (gone.size === 0) return {};
      const rows = { ...s.rows };
      for (const path of gone) delete rows[path];
      return { rows, rowOrder: s.rowOrder.filter((path) => !gone.has(path)) };
    }),
  clearRows: () => set({ rows: {}, rowOrder: [] }),
});
