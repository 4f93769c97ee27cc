/** Keeps the view preferences (sort, columns and their widths, theme, panel width, header, acquisition and preview shown, review size, recent name patterns) across sessions. */
import type { StoreApi } from 'zustand/vanilla';
import { COLUMNS, isResultColumnKey } from '../../shared/columns';
import { MAX_RECENT_PATTERNS, type NamesSlice } from './bulk';
import { COLUMN_WIDTH, PANEL_WIDTH, type SaveSlice, type ViewSlice } from './store';

/** The part of `localStorage` the preferences need. */
export type PrefsStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** Key of the preferences in storage. */
export const PREFS_KEY = 'acqmeta.view.v1';

type Prefs = Pick<
  ViewSlice,
  'sort' | 'visibleColumns' | 'columnWidths' | 'theme' | 'panelWidth' | 'headerOpen' | 'acquisitionOpen' | 'previewOpen'
> &
  Pick<SaveSlice, 'reviewAbove'> &
  Pick<NamesSlice, 'recentPatterns'>;

function pick(s: Prefs): Prefs {
  return {
    sort: s.sort,
    visibleColumns: s.visibleColumns,
    columnWidths: s.columnWidths,
    theme: s.theme,
    panelWidth: s.panelWidth,
    headerOpen: s.headerOpen,
    acquisitionOpen: s.acquisitionOpen,
    previewOpen: s.previewOpen,
    reviewAbove: s.reviewAbove,
    recentPatterns: s.recentPatterns,
  };
}

const isWidth = (w: unknown): w is number =>
  typeof w === 'number' && Number.isFinite(w) && w >= COLUMN_WIDTH.min && w <= COLUMN_WIDTH.max;

/** The stored preferences that are still valid; anything unknown or malformed is ignored. */
export function readPrefs(storage: PrefsStorage): Partial<Prefs> {
  let raw: unknown;
  try {
    raw = JSON.parse(storage.getItem(PREFS_KEY) ?? 'null');
  } catch {
    return {};
  }
  if (typeof raw !== 'object' || raw === null) return {};
  const r = raw as Record<string, unknown>;
  const prefs: Partial<Prefs> = {};
  const keys = new Set(COLUMNS.map((c) => c.key));
  const known = { has: (key: string) => keys.has(key) || isResultColumnKey(key) };
  if (Array.isArray(r.visibleColumns)) {
    prefs.visibleColumns = r.visibleColumns.filter((k): k is string => typeof k === 'string' && known.has(k));
  }
  if (typeof r.columnWidths === 'object' && r.columnWidths !== null) {
    prefs.columnWidths = Object.fromEntries(
      Object.entries(r.columnWidths).filter(([key, w]) => known.has(key) && isWidth(w)),
    );
  }
  if (typeof r.headerOpen === 'boolean') prefs.headerOpen = r.headerOpen;
  if (typeof r.acquisitionOpen === 'boolean') prefs.acquisitionOpen = r.acquisitionOpen;
  if (typeof r.previewOpen === 'boolean') prefs.previewOpen = r.previewOpen;
  if (Array.isArray(r.recentPatterns))
    prefs.recentPatterns = r.recentPatterns
      .filter((p): p is string => typeof p === 'string')
      .slice(0, MAX_RECENT_PATTERNS);
  if (typeof r.reviewAbove === 'number' && Number.isInteger(r.reviewAbove) && r.reviewAbove >= 1)
    prefs.reviewAbove = r.reviewAbove;
  if (r.theme === 'system' || r.theme === 'light' || r.theme === 'dark') prefs.theme = r.theme;
  if (typeof r.panelWidth === 'number' && r.panelWidth >= PANEL_WIDTH.min && r.panelWidth <= PANEL_WIDTH.max)
    prefs.panelWidth = r.panelWidth;
  const sort = r.sort as Record<string, unknown> | null | undefined;
  if (sort === null) prefs.sort = null;
  else if (
    sort &&
    typeof sort.column === 'string' &&
    known.has(sort.column) &&
    (sort.direction === 'asc' || sort.direction === 'desc')
  ) {
    prefs.sort = { column: sort.column, direction: sort.direction };
  }
  return prefs;
}

/** Applies the stored preferences to the store and writes them back whenever they change. */
export function persistViewPrefs<S extends Prefs>(store: StoreApi<S>, storage: PrefsStorage): void {
  store.setState(readPrefs(storage) as Partial<S>);
  let last = pick(store.getState());
  store.subscribe((state) => {
    const next = pick(state);
    if ((Object.keys(next) as (keyof Prefs)[]).every((k) => next[k] === last[k])) return;
    last = next;
    try {
      storage.setItem(PREFS_KEY, JSON.stringify(next));
    } catch {
      // Storage full or disabled: preferences simply do not persist.
    }
  });
}
