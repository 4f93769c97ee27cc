/** A table cell showing one summary value of the row's analyses. */
import type { ImageRow } from '../../../shared/api';
import { type Column, resultCellText } from '../../../shared/columns';

/** The value in 6 significant digits (all of it on hover); NaN and Infinity muted, as words. */
export function ResultCell({ row, column }: { row: ImageRow; column: Column }) {
  const value = column.resultKey === undefined ? undefined : row.results?.[column.resultKey];
  const text = resultCellText(row, column);
  return (
    <div
      role="gridcell"
      className={`cell align-end cell-number${typeof value === 'string' ? ' is-not-finite' : ''}`}
      title={value === undefined ? undefined : String(value)}
    >
      {text}
    </div>
  );
}
