/** How the table is shown: sort, filters, columns, theme and the editor panel's width. */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from '../../app-store';
import type { QuickFilter } from '../filter';
import type { SortSpec } from '../logic/row-sort';
import { DEFAULT_VISIBLE_COLUMNS } from '../../lib/columns';

/** The theme the user chose; `system` follows `prefers-color-scheme`. */
export type ThemeChoice = 'system' | 'light' | 'dark';

/** Narrowest and widest editor panel, in CSS pixels. */
export const PANEL_WIDTH = { min: 340, max: 760, initial: 400 } as const;

/** Narrowest and widest a table column can be made, in CSS pixels. */
export const COLUMN_WIDTH = { min: 40, max: 1200 } as const;

/** View state and actions. */
export interface ViewSlice {
  sort: SortSpec | null;
  filterText: string;
  quickFilter: QuickFilter | null;
  visibleColumns: readonly string[];
  /** Widths the user gave columns (by key); the others take their default width. */
  columnWidths: Readonly<Record<string, number>>;
  theme: ThemeChoice;
  panelWidth: number;
  /** Whether the editor shows the image header (collapsed by people who only edit). */
  headerOpen: boolean;
  /**
   * Whether the editor shows what the microscope recorded (the Acquisition section); null until
   * the user opens or closes it, and then open only in a window with room for it.
   */
  acquisitionOpen: boolean | null;
  /**
   * Whether the editor shows the preview and its ROIs; null until the user opens or closes it,
   * when it is shown only in a window large enough for it above the fields (see use-preview-open).
   */
  previewOpen: boolean | null;
  /** Increments when the filter box should take focus (menu "Find", Ctrl/Cmd+F). */
  findRequest: number;
  /** Sorts by a column; again on the same column reverses the direction. */
  sortBy(column: string): void;
  setFilterText(text: string): void;
  /** Turns a quick filter on (turning the others off), or off when it is on. */
  toggleQuickFilter(filter: QuickFilter): void;
  setColumnVisible(key: string, visible: boolean): void;
  /** Sets a column's width (kept within `COLUMN_WIDTH`). */
  setColumnWidth(key: string, width: number): void;
  resetColumnWidths(): void;
  setTheme(theme: ThemeChoice): void;
  /** Switches to the opposite of the theme shown now. */
  toggleTheme(systemIsDark: boolean): void;
  setPanelWidth(width: number): void;
  setHeaderOpen(open: boolean): void;
  setAcquisitionOpen(open: boolean): void;
  setPreviewOpen(open: boolean): void;
  requestFind(): void;
}

/** Creates the view slice. */
export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  sort: null,
  filterText: '',
  quickFilter: null,
  visibleColumns: DEFAULT_VISIBLE_COLUMNS,
  columnWidths: {},
  theme: 'system',
  panelWidth: PANEL_WIDTH.initial,
  headerOpen: true,
  acquisitionOpen: null,
  previewOpen: null,
  findRequest: 0,

  sortBy: (column) =>
    set((s) => ({
      sort: { column, direction: s.sort?.column === column && s.sort.direction === 'asc' ? 'desc' : 'asc' },
    })),
  setFilterText: (filterText) => set({ filterText }),
  toggleQuickFilter: (filter) => set((s) => ({ quickFilter: s.quickFilter === filter ? null : filter })),
  setColumnVisible: (key, visible) =>
    set((s) => ({
      visibleColumns: visible
        ? s.visibleColumns.includes(key)
          ? s.visibleColumns
          : [...s.visibleColumns, key]
        : s.visibleColumns.filter((k) => k !== key),
    })),
  setColumnWidth: (key, width) =>
    set((s) => ({
      columnWidths: {
        ...s.columnWidths,
        [key]: Math.round(Math.min(COLUMN_WIDTH.max, Math.max(COLUMN_WIDTH.min, width))),
      },
    })),
  resetColumnWidths: () => set({ columnWidths: {} }),
  setTheme: (theme) => set({ theme }),
  toggleTheme: (systemIsDark) =>
    set((s) => {
      const dark = s.theme === 'dark' || (s.theme === 'system' && systemIsDark);
      return { theme: dark ? 'light' : 'dark' };
    }),
  setPanelWidth: (width) =>
    set({ panelWidth: Math.round(Math.min(PANEL_WIDTH.max, Math.max(PANEL_WIDTH.min, width))) }),
  setHeaderOpen: (headerOpen) => set({ headerOpen }),
  setAcquisitionOpen: (acquisitionOpen) => set({ acquisitionOpen }),
  setPreviewOpen: (previewOpen) => set({ previewOpen }),
  requestFind: () => set((s) => ({ findRequest: s.findRequest + 1 })),
});
