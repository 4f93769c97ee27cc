/** The images of the opened folder, by relative path, in the order the scan found them. */
import type { StateCreator } from 'zustand/vanilla';
import type { ImageRow } from '../../../../shared/api';
import type { AppState } from '../../app-store';

/** Rows by path plus their scan order. */
export interface RowsSlice {
  /**
   * Rows by path. The object grows in place as rows arrive (a copy of 100,000 entries per
   * batch would freeze the page), so its identity does not change when rows are added:
   * derived state keys on `rowOrder` (a new array when rows are added) and `rowsEpoch`.
   */
  rows: Readonly<Record<string, ImageRow>>;
  rowOrder: readonly string[];
  /** Changes when a row already known is replaced or rows are cleared; adding rows leaves it alone. */
  rowsEpoch: number;
  /** Adds rows, or replaces those already known (same path). */
  addRows(rows: readonly ImageRow[]): void;
  /** Removes rows (images gone from disk). */
  removeRows(paths: readonly string[]): void;
  clearRows(): void;
}

/** The update that adds `incoming` to the rows of `s` (for actions that change more in the same update). */
export function withRows(s: RowsSlice, incoming: readonly ImageRow[]): Partial<RowsSlice> {
  if (incoming.length === 0) return {};
  const rows = s.rows as Record<string, ImageRow>;
  const added: string[] = [];
  let replaced = false;
  for (const row of incoming) {
    if (Object.hasOwn(rows, row.path)) replaced = true;
    else added.push(row.path);
    rows[row.path] = row;
  }
  return {
    rowOrder: added.length > 0 ? s.rowOrder.concat(added) : s.rowOrder,
    rowsEpoch: replaced ? s.rowsEpoch + 1 : s.rowsEpoch,
  };
}

/** Creates the rows slice. */
export const createRowsSlice: StateCreator<AppState, [], [], RowsSlice> = (set) => ({
  rows: {},
  rowOrder: [],
  rowsEpoch: 0,
  addRows: (incoming) => set((s) => withRows(s, incoming)),
  removeRows: (paths) =>
    set((s) => {
      const rows = s.rows as Record<string, ImageRow>;
      const gone = new Set(paths.filter((path) => Object.hasOwn(rows, path)));
      if (gone.size === 0) return {};
      for (const path of gone) delete rows[path];
      return { rowOrder: s.rowOrder.filter((path) => !gone.has(path)), rowsEpoch: s.rowsEpoch + 1 };
    }),
  clearRows: () => set((s) => ({ rows: {}, rowOrder: [], rowsEpoch: s.rowsEpoch + 1 })),
});
