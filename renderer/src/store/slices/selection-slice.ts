/**
 * Which rows are selected: single and multiple selection, the anchor of shift-click ranges and
 * the cursor (the row keyboard moves start from). Ranges and moves follow the visible order.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from '../../app-store';
import { selectVisiblePaths } from '../filter';

/** A keyboard move of the cursor. */
export type CursorMove = { by: number } | 'first' | 'last';

/** Selection state and actions. */
export interface SelectionSlice {
  selected: ReadonlySet<string>;
  /** Where a shift-click range starts. */
  anchor: string | null;
  /** The row keyboard moves start from (the last one clicked or reached). */
  cursor: string | null;
  selectOnly(path: string): void;
  /** Ctrl/Cmd+click: adds or removes one row. */
  toggleSelected(path: string): void;
  /** Shift+click: selects the visible rows from the anchor to `path`. */
  selectRange(path: string): void;
  /** Selects every row shown (the filter's, not the whole folder). */
  selectAllVisible(): void;
  /** Arrow keys, Home/End, Page keys; `extend` (Shift) grows the range from the anchor. */
  moveCursor(move: CursorMove, extend: boolean): void;
  /** Drops rows that are gone from the selection (and from the anchor and cursor). */
  deselect(paths: readonly string[]): void;
  clearSelection(): void;
  /** Counts results of derived state computed in slices (see sliced-memo), so that components reading them update. */
  backgroundResults: number;
  /** A result computed in slices is ready. */
  backgroundResultReady(): void;
}

function rangeOf(visible: readonly string[], from: string, to: string): string[] | null {
  const a = visible.indexOf(from);
  const b = visible.indexOf(to);
  if (a < 0 || b < 0) return null;
  return visible.slice(Math.min(a, b), Math.max(a, b) + 1);
}

/** Creates the selection slice. */
export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set, get) => ({
  selected: new Set(),
  anchor: null,
  cursor: null,

  selectOnly: (path) => set({ selected: new Set([path]), anchor: path, cursor: path }),

  toggleSelected: (path) =>
    set((s) => {
      const selected = new Set(s.selected);
      if (selected.has(path)) selected.delete(path);
      else selected.add(path);
      return { selected, anchor: path, cursor: path };
    }),

  selectRange: (path) => {
    const { anchor } = get();
    const range = anchor ? rangeOf(selectVisiblePaths(get()), anchor, path) : null;
    if (!range) get().selectOnly(path);
    else set({ selected: new Set(range), cursor: path });
  },

  selectAllVisible: () => {
    const visible = selectVisiblePaths(get());
    set((s) => ({
      selected: new Set(visible),
      cursor: s.cursor ?? visible[0] ?? null,
      anchor: s.anchor ?? visible[0] ?? null,
    }));
  },

  moveCursor: (move, extend) => {
    const visible = selectVisiblePaths(get());
    if (visible.length === 0) return;
    const { cursor, anchor } = get();
    const at = cursor === null ? -1 : visible.indexOf(cursor);
    let index: number;
    if (move === 'first') index = 0;
    else if (move === 'last') index = visible.length - 1;
    else if (at < 0) index = move.by > 0 ? 0 : visible.length - 1;
    else index = Math.min(visible.length - 1, Math.max(0, at + move.by));
    const target = visible[index]!;
    const range = extend && anchor ? rangeOf(visible, anchor, target) : null;
    if (range) set({ selected: new Set(range), cursor: target });
    else get().selectOnly(target);
  },

  deselect: (paths) =>
    set((s) => {
      const gone = new Set(paths);
      if (![...gone].some((path) => s.selected.has(path) || path === s.anchor || path === s.cursor)) return {};
      return {
        selected: new Set([...s.selected].filter((path) => !gone.has(path))),
        anchor: s.anchor !== null && gone.has(s.anchor) ? null : s.anchor,
        cursor: s.cursor !== null && gone.has(s.cursor) ? null : s.cursor,
      };
    }),

  clearSelection: () => set({ selected: new Set(), anchor: null, cursor: null }),

  backgroundResults: 0,
  backgroundResultReady: () => set((s) => ({ backgroundResults: s.backgroundResults + 1 })),
});
