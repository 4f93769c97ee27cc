/**
 * The arithmetic of a list of equal-height rows under a sticky header: which rows are in view,
 * and where to scroll to bring one into view. Constant time whatever the number of rows, so a
 * table that grows by thousands of rows a second costs nothing here.
 */

/** Where the list is scrolled, in CSS pixels of the scrolling element. */
export interface ListView {
  /** The scrolling element's `scrollTop`. */
  scrollTop: number;
  /** Its visible height (`clientHeight`). */
  viewHeight: number;
  /** Where the first row starts in the scrolled content: the height of the sticky header above it. */
  bodyTop: number;
}

/** The rows to draw: indices `start` (included) to `end` (excluded). */
export interface RowRange {
  start: number;
  end: number;
}

/** The rows of `count` that intersect the view, widened by `overscan` rows on each side. */
export function rowsInView(view: ListView, rowHeight: number, count: number, overscan: number): RowRange {
  const top = view.scrollTop - view.bodyTop;
  const first = Math.floor(top / rowHeight);
  const last = Math.ceil((top + view.viewHeight) / rowHeight);
  return { start: clamp(first - overscan, 0, count), end: clamp(last + overscan, 0, count) };
}

/**
 * The most rows {@link rowsInView} gives for a view `viewHeight` high, wherever it is scrolled:
 * drawn rows can take their key from `index % windowSlots(...)`, each key once (see image-table).
 */
export function windowSlots(viewHeight: number, rowHeight: number, overscan: number): number {
  return Math.max(1, Math.ceil(viewHeight / rowHeight) + 1 + 2 * overscan);
}

/**
 * The `scrollTop` that brings row `index` fully into view, moving as little as possible (below
 * the sticky header at the top, above the bottom edge); null when it is in view already.
 */
export function scrollTopToShow(index: number, view: ListView, rowHeight: number): number | null {
  const rowTop = view.bodyTop + index * rowHeight;
  if (rowTop < view.scrollTop + view.bodyTop) return rowTop - view.bodyTop;
  if (rowTop + rowHeight > view.scrollTop + view.viewHeight) return rowTop + rowHeight - view.viewHeight;
  return null;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
