/**
 * The image table: an ARIA grid, virtualized so that tens of thousands of rows scroll smoothly.
 * The grid element holds keyboard focus; the selected row is its active descendant.
 */
import { useMemo, useRef, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { gridTemplate, minTableWidth, shownColumns } from '../lib/columns';
import { selectVisiblePaths, useApp, useAppStore } from '../store';
import { focusFirstField } from '../kit';
import { useAutoPathWidth } from './auto-path-width';
import { TableHeader } from './table-header';
import { PinnedPaths, usePinnedHover } from './pinned-paths';
import { ROW_HEIGHT } from './row-height';
import { TableRow } from './table-row';
import { PathBoxContext, usePathRuler } from './use-path-box';
import { useRowWindow } from './use-row-window';

/** What an empty table says, over the grid's body (outside the grid, which may hold rows only). */
function EmptyTable({ scanning, total }: { scanning: boolean; total: number }) {
  const store = useAppStore();
  const clear = () => {
    const s = store.getState();
    s.setFilterText('');
    if (s.quickFilter) s.toggleQuickFilter(s.quickFilter);
  };
  if (scanning) return <p className="table-empty">Looking for images…</p>;
  if (total === 0) return <p className="table-empty">No images in this folder.</p>;
  return (
    <p className="table-empty">
      No image matches the filter.{' '}
      <button type="button" className="btn btn-link" onClick={clear}>
        Clear filter
      </button>
    </p>
  );
}

/** Moves focus from the rows up to the header: the sorted column's button, else the first. */
function focusSortButton(grid: HTMLElement): void {
  const sorted = grid.querySelector<HTMLElement>('[role="columnheader"]:not([aria-sort="none"]) .sort-button');
  (sorted ?? grid.querySelector<HTMLElement>('.sort-button'))?.focus();
}

/** The table of images. */
export function ImageTable() {
  const store = useAppStore();
  const paths = useApp(selectVisiblePaths);
  const visibleKeys = useApp(useShallow((s) => s.visibleColumns));
  const givenWidths = useApp((s) => s.columnWidths);
  const cursor = useApp((s) => s.cursor);
  const scanning = useApp((s) => s.scan.status === 'scanning');
  const total = useApp((s) => s.rowOrder.length);
  const columns = useMemo(() => shownColumns(visibleKeys), [visibleKeys]);
  const scroller = useRef<HTMLDivElement>(null);
  const autoPath = useAutoPathWidth(scroller, columns[0]!);
  const widths = givenWidths.path === undefined && autoPath !== null ? { ...givenWidths, path: autoPath } : givenWidths;
  const template = gridTemplate(columns, widths);
  const body = useRef<HTMLDivElement>(null);
  const cursorIndex = cursor === null ? -1 : paths.indexOf(cursor);
  const rows = useRowWindow(scroller, body, paths.length, ROW_HEIGHT, cursorIndex);
  usePinnedHover(body);
  const ruler = usePathRuler();
  const inView = paths.slice(rows.range.start, rows.range.end);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    const s = store.getState();
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 400) / ROW_HEIGHT) - 2);
    const mod = event.ctrlKey || event.metaKey;
    const moves: Record<string, () => void> = {
      ArrowDown: () => s.moveCursor({ by: 1 }, event.shiftKey),
      ArrowUp: () =>
        cursorIndex <= 0 && !event.shiftKey
          ? focusSortButton(event.currentTarget)
          : s.moveCursor({ by: -1 }, event.shiftKey),
      PageDown: () => s.moveCursor({ by: page }, event.shiftKey),
      PageUp: () => s.moveCursor({ by: -page }, event.shiftKey),
      Home: () => s.moveCursor('first', event.shiftKey),
      End: () => s.moveCursor('last', event.shiftKey),
      Enter: () => void focusFirstField(),
    };
    if (mod && event.key.toLowerCase() === 'a') {
      s.selectAllVisible();
    } else if (mod && event.key === ' ' && s.cursor) {
      s.toggleSelected(s.cursor);
    } else {
      const move = moves[event.key];
      if (!move) return;
      move();
    }
    event.preventDefault();
  };

  const width = minTableWidth(columns, widths);
  return (
    <div className="table-area">
      <span id="grid-keys" className="sr-only">
        Arrow keys move through the images and the editor follows; Shift extends the selection; Enter goes to the first
        field; Up from the first image reaches the column headers, where Enter sorts and Shift with the arrows resizes a
        column. Question mark lists every shortcut.
      </span>
      <div
        ref={scroller}
        className="table-scroll"
        role="grid"
        aria-label="Images"
        aria-multiselectable="true"
        aria-rowcount={paths.length + 1}
        aria-colcount={columns.length}
        aria-activedescendant={cursorIndex >= 0 ? `row-${cursorIndex}` : undefined}
        aria-describedby="grid-keys"
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <div className="table-inner" style={{ minWidth: width }}>
          <TableHeader columns={columns} template={template} />
          <div
            ref={body}
            role="rowgroup"
            className="table-body"
            style={{ height: rows.totalHeight, gridTemplateColumns: template }}
          >
            <PathBoxContext.Provider value={ruler.box}>
              <PinnedPaths
                paths={inView}
                start={rows.range.start}
                rowHeight={ROW_HEIGHT}
                slots={rows.slots}
                ruler={ruler.ref}
              />
              {inView.map((path, offset) => {
                const index = rows.range.start + offset;
                // keyed by its place in the window, a row element shows the next image to come there:
                // a filter or a sort updates the rows drawn instead of replacing them (a scroll, one row)
                return (
                  <TableRow
                    key={index % rows.slots}
                    path={path}
                    index={index}
                    top={index * ROW_HEIGHT}
                    columns={columns}
                    template={template}
                  />
                );
              })}
            </PathBoxContext.Provider>
          </div>
        </div>
      </div>
      {paths.length === 0 && <EmptyTable scanning={scanning} total={total} />}
    </div>
  );
}
