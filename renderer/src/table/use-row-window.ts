/**
 * The table draws only the rows in view. This hook follows the scrolling element (scroll events,
 * resizes) and answers which rows to draw and how to bring one into view, in constant time
 * whatever the number of rows (`lib/row-window`).
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { rowsInView, scrollTopToShow, windowSlots, type ListView, type RowRange } from './row-window';

/** Rows drawn beyond each edge of the view, so a quick scroll does not show blank space. */
const OVERSCAN = 8;

/** What the table needs to draw its body. */
export interface RowWindow {
  /** The rows to draw. */
  range: RowRange;
  /** The height of all rows together. */
  totalHeight: number;
  /** How many rows the range can hold at most while the view keeps its height (see row-window's windowSlots). */
  slots: number;
}

/** Before the table is measured: at the top, as high as the window at most (enough rows for the first frame). */
function firstGuess(): ListView {
  return { scrollTop: 0, viewHeight: window.innerHeight, bodyTop: 0 };
}

function readView(scroller: HTMLElement, body: HTMLElement | null): ListView {
  return { scrollTop: scroller.scrollTop, viewHeight: scroller.clientHeight, bodyTop: body?.offsetTop ?? 0 };
}

/**
 * The rows of `count` equal-height rows (in `body`, inside `scroller`) to draw now. When
 * `follow` changes to a row's index, the list scrolls as little as needed to show that row.
 */
export function useRowWindow(
  scroller: RefObject<HTMLElement | null>,
  body: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  follow: number,
): RowWindow {
  // The latest view, read on every scroll; the state changes only when another row comes into view.
  const [view, setView] = useState<ListView | null>(null);
  const latest = useRef<ListView>(firstGuess());

  useEffect(() => {
    const element = scroller.current;
    if (element === null) return undefined;
    const update = () => {
      const next = readView(element, body.current);
      latest.current = next;
      setView((shown) => (shown !== null && sameRows(shown, next, rowHeight) ? shown : next));
    };
    // The resize observer's first call measures the table once the browser has laid it out
    // (reading its size here would make the browser lay out the whole window at once).
    element.addEventListener('scroll', update, { passive: true });
    const resizes = new ResizeObserver(update);
    resizes.observe(element);
    return () => {
      element.removeEventListener('scroll', update);
      resizes.disconnect();
    };
  }, [scroller, body, rowHeight]);

  useEffect(() => {
    const element = scroller.current;
    const top = follow < 0 ? null : scrollTopToShow(follow, latest.current, rowHeight);
    if (top === null || element === null) return;
    element.scrollTo({ top });
    latest.current = { ...latest.current, scrollTop: top }; // its scroll event comes only with the next frame
  }, [follow, scroller, rowHeight]);

  // No rows beyond the view before it is measured: the first rows are drawn, laid out and painted
  // in one task, and those out of view join in a task of their own once the view is known.
  const shown = view ?? firstGuess();
  const overscan = view === null ? 0 : OVERSCAN;
  return {
    range: rowsInView(shown, rowHeight, count, overscan),
    totalHeight: count * rowHeight,
    slots: windowSlots(shown.viewHeight, rowHeight, overscan),
  };
}

function sameRows(a: ListView, b: ListView, rowHeight: number): boolean {
  const firstRow = (v: ListView) => Math.floor((v.scrollTop - v.bodyTop) / rowHeight);
  return a.viewHeight === b.viewHeight && a.bodyTop === b.bodyTop && firstRow(a) === firstRow(b);
}
