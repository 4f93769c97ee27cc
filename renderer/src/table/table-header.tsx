/**
 * The sticky header row: one sort button per column, and a grip on its right edge that resizes
 * the column (drag) or fits it to its content (double-click). The path column stays pinned at
 * the left when the table scrolls sideways.
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import type { Column } from '../../../shared/columns';
import { type AppStore, selectVisiblePaths, useApp, useAppStore } from '../store';
import { fittedWidth } from './fit-column';

/** How much Shift+←/→ narrows or widens a column. */
const KEY_STEP = 16;

/** Fits the column at `index` to the header and the rows shown. */
function fitColumn(store: AppStore, grid: HTMLElement, column: Column, index: number): void {
  const s = store.getState();
  const rows = selectVisiblePaths(s).map((path) => s.rows[path]!);
  s.setColumnWidth(column.key, fittedWidth(grid, column, index, rows));
}

function HeaderCell({ column, index }: { column: Column; index: number }) {
  const store = useAppStore();
  const direction = useApp((s) => (s.sort?.column === column.key ? s.sort.direction : null));
  const sortBy = useApp((s) => s.sortBy);
  const cell = useRef<HTMLDivElement>(null);
  const drag = useRef<{ x: number; width: number } | null>(null);
  const ariaSort = direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none';

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    drag.current = { x: event.clientX, width: cell.current?.getBoundingClientRect().width ?? column.minWidth };
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current) store.getState().setColumnWidth(column.key, drag.current.width + event.clientX - drag.current.x);
  };
  const endDrag = () => {
    drag.current = null;
  };
  const onDoubleClick = () => {
    const grid = cell.current?.closest<HTMLElement>('[role="grid"]');
    if (grid) fitColumn(store, grid, column, index);
  };

  return (
    <div
      ref={cell}
      role="columnheader"
      aria-colindex={index + 1}
      aria-sort={ariaSort}
      className={`cell cell-head align-${column.align}${column.kind === 'path' ? ' cell-pinned' : ''}`}
      title={column.description}
    >
      <button
        type="button"
        className="sort-button"
        tabIndex={-1}
        data-column={column.key}
        onClick={() => sortBy(column.key)}
      >
        <span className="sort-label">{column.label}</span>
        <svg className={`sort-icon${direction ? ' is-active' : ''}`} viewBox="0 0 10 10" aria-hidden="true">
          {direction === 'desc' ? <path d="M2 3.5l3 3 3-3" /> : <path d="M2 6.5l3-3 3 3" />}
        </svg>
      </button>
      <div
        className="col-resizer"
        aria-hidden="true"
        title="Drag to resize; double-click to fit the content"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        onDoubleClick={onDoubleClick}
      />
    </div>
  );
}

/**
 * Keys inside the header: Left/Right/Home/End move between the sort buttons (Enter or Space
 * sorts), Shift+Left/Right narrow or widen the column, Shift+Enter fits it to its content,
 * Down or Escape return to the rows. The buttons are not Tab stops: a keyboard user reaches
 * them with Up from the first row, as in an ARIA grid.
 */
function headerKeys(store: AppStore, columns: readonly Column[]) {
  return (event: KeyboardEvent<HTMLDivElement>): void => {
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('.sort-button')];
    const at = buttons.findIndex((button) => button === document.activeElement);
    const focusAt = (i: number) => buttons[Math.max(0, Math.min(buttons.length - 1, i))]?.focus();
    const column = columns[at];
    const grid = event.currentTarget.closest<HTMLElement>('[role="grid"]');
    const width = buttons[at]?.parentElement?.getBoundingClientRect().width ?? 0;
    if (event.shiftKey && column && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
      store.getState().setColumnWidth(column.key, width + (event.key === 'ArrowRight' ? KEY_STEP : -KEY_STEP));
    } else if (event.shiftKey && column && grid && event.key === 'Enter') {
      fitColumn(store, grid, column, at);
    } else {
      switch (event.key) {
        case 'ArrowLeft':
          focusAt(at - 1);
          break;
        case 'ArrowRight':
          focusAt(at + 1);
          break;
        case 'Home':
          focusAt(0);
          break;
        case 'End':
          focusAt(buttons.length - 1);
          break;
        case 'ArrowDown':
        case 'Escape':
          grid?.focus();
          break;
        default:
          return;
      }
    }
    event.preventDefault();
  };
}

/** The header row group. */
export function TableHeader({ columns, template }: { columns: readonly Column[]; template: string }) {
  const store = useAppStore();
  return (
    <div role="rowgroup" className="table-head">
      <div
        role="row"
        aria-rowindex={1}
        className="table-row table-row-head"
        style={{ gridTemplateColumns: template }}
        onKeyDown={headerKeys(store, columns)}
      >
        {columns.map((column, index) => (
          <HeaderCell key={column.key} column={column} index={index} />
        ))}
      </div>
    </div>
  );
}
