/** One body row of the image table. */
import { memo, type MouseEvent } from 'react';
import type { ImageRow } from '../../../shared/api';
import { IMAGE_FORMAT_NAMES } from '../../../shared/image-format';
import {
  type Column,
  columnText,
  exportedFromText,
  formatFieldValue,
  formatSizes,
  messageForRow,
} from '../../../shared/columns';
import { activeMark, isChange, type PathEdits, useApp, useAppStore } from '../store';
import { SidecarBadge } from '../kit';
import { PathText } from './path-text';
import { ProblemsCell } from './problems-cell';
import { ResultCell } from './result-cell';
import { ROW_HEIGHT } from './row-height';

/** The path cell's tooltip: the whole path, and for an image of a collection, the file it was exported from on a line of its own. */
function pathTitle(row: ImageRow): string {
  return row.exportedFrom === undefined ? row.path : `${row.path}\n${exportedFromText(row.exportedFrom)}`;
}

function ErrorMark({ row, inline }: { row: ImageRow; inline: boolean }) {
  if (row.errors.length === 0) return null;
  const text = row.errors.join('\n');
  return (
    <span className="row-error-mark" title={text}>
      <svg className="icon icon-small" viewBox="0 0 16 16" aria-hidden="true">
        <path d="M8 1.8l6.6 12H1.4z" />
        <path d="M8 6.5v3.2M8 11.6v.4" />
      </svg>
      {!inline && <span className="sr-only">{text}</span>}
    </span>
  );
}

function FieldCell({ row, edits, column }: { row: ImageRow; edits: PathEdits | undefined; column: Column }) {
  // An invalid sidecar's values are unknown here: its fields' defaults are not shown as its values.
  if (row.sidecar === 'invalid') {
    return <div role="gridcell" className="cell" title="Not read: the sidecar is invalid" />;
  }
  const edit = edits?.[column.key];
  const stored = row.values[column.key];
  const text = edit ? edit.text : formatFieldValue(stored);
  const state = edit?.error ? ' is-invalid' : edit && isChange(edit, stored) ? ' is-modified' : '';
  if (column.field?.type === 'bool') {
    // Without a sidecar there is no flag yet, only the default a new sidecar would get.
    if (row.sidecar === 'missing' && edit === undefined) return <div role="gridcell" className="cell" />;
    const yes = (edit && edit.error === null ? edit.value : stored) !== false;
    return (
      <div role="gridcell" className={`cell align-${column.align}${state}`}>
        {yes ? (
          <>
            <span aria-hidden="true">✓</span>
            <span className="sr-only">Accepted</span>
          </>
        ) : (
          <span className="flag-state">Rejected</span>
        )}
      </div>
    );
  }
  return (
    <div role="gridcell" className={`cell align-${column.align}${state}`} title={text.length > 24 ? text : undefined}>
      {column.field?.multiline ? text.replace(/\s*\n\s*/g, ' ⏎ ') : text}
    </div>
  );
}

interface RowProps {
  path: string;
  index: number;
  top: number;
  columns: readonly Column[];
  template: string;
}

/** A row: selected on click, toggled with Ctrl/Cmd, ranged with Shift. */
export const TableRow = memo(function TableRow({ path, index, top, columns, template }: RowProps) {
  const store = useAppStore();
  const row = useApp((s) => s.rows[path]);
  const edits = useApp((s) => s.edits[path]);
  const selected = useApp((s) => s.selected.has(path));
  const isCursor = useApp((s) => s.cursor === path);
  const disk = useApp((s) => activeMark(s, path)?.change ?? null);
  const removing = useApp((s) => Object.hasOwn(s.removals, path));
  if (!row) return null;

  const onClick = (event: MouseEvent) => {
    const s = store.getState();
    if (event.shiftKey) s.selectRange(path);
    else if (event.ctrlKey || event.metaKey) s.toggleSelected(path);
    else s.selectOnly(path);
  };
  const inlineError = row.header === null && row.errors.length > 0 && columns.some((c) => c.kind === 'dims');

  return (
    <div
      role="row"
      id={`row-${index}`}
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={`table-row${selected ? ' is-selected' : ''}${isCursor ? ' is-cursor' : ''}${index % 2 ? ' is-odd' : ''}`}
      style={{ gridTemplateColumns: template, transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      onClick={onClick}
    >
      {columns.map((column) => {
        switch (column.kind) {
          case 'path':
            return (
              <div key={column.key} role="gridcell" className="cell cell-path" title={pathTitle(row)}>
                {/* Named by the whole path as text (a label would not contain the cut path shown). */}
                <span className="sr-only path-full">{path}</span>
                {row.exportedFrom !== undefined && (
                  <span className="sr-only">{` ${exportedFromText(row.exportedFrom)}`}</span>
                )}
                <PathText path={path} exportedFrom={row.exportedFrom} />
              </div>
            );
          case 'sidecar':
            return (
              <div key={column.key} role="gridcell" className="cell cell-sidecar">
                <SidecarBadge row={row} edits={edits} disk={disk} removing={removing} />
                <ErrorMark row={row} inline={inlineError} />
              </div>
            );
          case 'problems':
            return <ProblemsCell key={column.key} row={row} edits={edits} />;
          case 'dims':
            return (
              <div
                key={column.key}
                role="gridcell"
                className="cell cell-dims"
                title={inlineError ? row.errors.join('\n') : undefined}
              >
                {inlineError ? (
                  <span className="cell-error">{messageForRow(row.errors[0] ?? '', path)}</span>
                ) : (
                  formatSizes(row.header)
                )}
              </div>
            );
          case 'format':
            return (
              <div key={column.key} role="gridcell" className={`cell cell-format format-${row.format}`}>
                {IMAGE_FORMAT_NAMES[row.format]}
              </div>
            );
          case 'dtype':
            return (
              <div key={column.key} role="gridcell" className="cell cell-dtype">
                {row.header?.dtype}
              </div>
            );
          case 'channels':
            return (
              <div key={column.key} role="gridcell" className="cell align-end">
                {row.header?.num_channels}
              </div>
            );
          case 'acquisition':
          case 'catalogue': {
            const text = columnText(row, column);
            return (
              <div
                key={column.key}
                role="gridcell"
                className={`cell align-${column.align}`}
                title={text.length > 24 ? text : undefined}
              >
                {text}
              </div>
            );
          }
          case 'field':
            return <FieldCell key={column.key} row={row} edits={edits} column={column} />;
          case 'result':
            return <ResultCell key={column.key} row={row} column={column} />;
        }
      })}
    </div>
  );
});
