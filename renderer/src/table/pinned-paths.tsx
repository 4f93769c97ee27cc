/**
 * The path column, kept at the left when the table scrolls sideways. One sticky element holds
 * the paths of the rows in view, drawn over the rows' own path cells (which stay in the rows,
 * for assistive technology, clicks and tooltips). A sticky cell per row made the browser give
 * every row a compositing layer of its own (about a hundred), and redo them at every frame.
 */
import { memo, useEffect, type RefObject } from 'react';
import { useApp } from '../store';
import { PathText } from './path-text';

/** The path of one row, in the row's colours; the mouse goes through it to the row beneath. */
const PinnedPath = memo(function PinnedPath({ path, index, top }: { path: string; index: number; top: number }) {
  const selected = useApp((s) => s.selected.has(path));
  const isCursor = useApp((s) => s.cursor === path);
  const exportedFrom = useApp((s) => s.rows[path]?.exportedFrom);
  return (
    <div
      className={`pinned-path${selected ? ' is-selected' : ''}${isCursor ? ' is-cursor' : ''}${index % 2 ? ' is-odd' : ''}`}
      data-row={index}
      style={{ transform: `translateY(${top}px)` }}
    >
      <div className="cell cell-path">
        <PathText path={path} exportedFrom={exportedFrom} />
      </div>
    </div>
  );
});

/**
 * The pinned paths of `paths` (the rows in view, the first at `start`), `rowHeight` apart, each
 * keyed by its place in the window as the rows are (`slots`: see image-table): the element at a
 * place stays, so the hovered one stays under the mouse when the rows change beneath it. Above
 * them, as high as nothing, the path column's ruler (`ruler`: see use-path-box), there before
 * any row is.
 */
export function PinnedPaths({
  paths,
  start,
  rowHeight,
  slots,
  ruler,
}: {
  paths: readonly string[];
  start: number;
  rowHeight: number;
  slots: number;
  ruler: RefObject<HTMLSpanElement | null>;
}) {
  return (
    <div className="pinned-paths" aria-hidden="true">
      <div className="cell cell-path">
        <span ref={ruler} className="path-text" />
      </div>
      {paths.map((path, offset) => (
        <PinnedPath
          key={(start + offset) % slots}
          path={path}
          index={start + offset}
          top={(start + offset) * rowHeight}
        />
      ))}
    </div>
  );
}

/**
 * Shows the hovered row's pinned path as hovered (the row itself follows `:hover`). Set outside
 * React, so that moving the mouse renders nothing, and kept when the row re-renders.
 */
export function usePinnedHover(body: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = body.current;
    if (element === null) return undefined;
    const show = (row: string | null) => {
      element.querySelector('.pinned-path[data-hover]')?.removeAttribute('data-hover');
      if (row !== null) element.querySelector(`.pinned-path[data-row="${row}"]`)?.setAttribute('data-hover', '');
    };
    // Each time the mouse enters a row's cell (also after the rows moved beneath it)
    const over = (event: MouseEvent) =>
      show((event.target as Element).closest('.table-row')?.id.replace('row-', '') ?? null);
    const leave = () => show(null);
    element.addEventListener('mouseover', over);
    element.addEventListener('mouseleave', leave);
    return () => {
      element.removeEventListener('mouseover', over);
      element.removeEventListener('mouseleave', leave);
    };
  }, [body]);
}
