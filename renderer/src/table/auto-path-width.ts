/**
 * The path column's width until the user gives it one: fitted to the folder's paths, so that file
 * names show whole and the folders that tell rows apart with them, but never more than a share of
 * the table, so the fields stay in view. Measured when the first rows arrive, when the scan ends
 * and when the table's width changes (not per batch: a fit reads every row).
 */
import { useEffect, useState, type RefObject } from 'react';
import type { Column } from '../../../shared/columns';
import { useApp, useAppStore } from '../store';
import { fittedWidth } from './fit-column';

/** The largest share of the table's width the path column takes by itself. */
const MAX_SHARE = 0.55;

/** The fitted width of `column` (the path column, the grid's first) in `scroller`'s grid, within its share; null before any row. */
export function useAutoPathWidth(scroller: RefObject<HTMLElement | null>, column: Column): number | null {
  const store = useAppStore();
  const hasRows = useApp((s) => s.rowOrder.length > 0);
  const scanning = useApp((s) => s.scan.status === 'scanning');
  const [gridWidth, setGridWidth] = useState<number | null>(null);
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const grid = scroller.current;
    if (grid === null) return undefined;
    // The grid's width is read after the browser's own layouts (as the window or the panel is
    // resized): read while the first rows are drawn, it would lay out the whole new table at once.
    const observer = new ResizeObserver(() => setGridWidth(grid.clientWidth));
    observer.observe(grid);
    return () => observer.disconnect();
  }, [scroller]);
  useEffect(() => {
    const grid = scroller.current;
    if (grid === null || !hasRows || gridWidth === null) return;
    const fit = (room: number) => {
      const { rows, rowOrder } = store.getState();
      const fitted = fittedWidth(
        grid,
        column,
        0,
        rowOrder.map((path) => rows[path]!),
      );
      setWidth(Math.round(Math.max(column.minWidth, Math.min(fitted, room * MAX_SHARE))));
    };
    fit(gridWidth);
  }, [scroller, store, column, hasRows, scanning, gridWidth]);
  return hasRows ? width : null;
}
