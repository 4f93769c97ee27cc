/**
 * Table columns of summary values ("radon_velocity · velocity_mean, ROI 1"): made on demand from
 * a result key, since which results exist depends on the folder.
 */
import type { ImageRow } from '../api';
import { parseResultKey } from '../analysis';
import type { Column } from './column-type';
import { formatResult, resultLabel, resultSortValue, resultWhere, unitFromName } from './result-format';

/** Column keys of results start with this; the rest is the result key. */
const PREFIX = 'result:';

/** The column key of a result key. */
export function resultColumnKey(resultKey: string): string {
  return PREFIX + resultKey;
}

/** Whether a column key names a result column. */
export function isResultColumnKey(key: string): boolean {
  return key.startsWith(PREFIX) && parseResultKey(key.slice(PREFIX.length)) !== null;
}

const made = new Map<string, Column>();

/** The column of a result column key (the same object each time); undefined when it is not one. */
export function resultColumn(key: string): Column | undefined {
  const cached = made.get(key);
  if (cached !== undefined) return cached;
  const resultKey = key.slice(PREFIX.length);
  const parts = key.startsWith(PREFIX) ? parseResultKey(resultKey) : null;
  if (parts === null) return undefined;
  const unit = unitFromName(parts.key);
  const column: Column = {
    key,
    label: `${parts.key}${unit ? ` (${unit})` : ''} · ${resultWhere(parts.roiId, parts.channel, parts.occurrence)}`,
    longLabel: resultLabel(resultKey) ?? resultKey,
    group: 'Results',
    kind: 'result',
    description: `${resultLabel(resultKey)}: summary value of the ${parts.analysis} analysis, as CloudScope stored it`,
    minWidth: 150,
    grow: 0,
    align: 'end',
    hideable: true,
    resultKey,
  };
  made.set(key, column);
  return column;
}

/** A row's value in a result column, as the cell shows it. */
export function resultCellText(row: ImageRow, column: Column): string {
  return formatResult(column.resultKey === undefined ? undefined : row.results?.[column.resultKey]);
}

/** The value a result column sorts a row by (NaN and no value last). */
export function resultCellSortValue(row: ImageRow, column: Column): number | null {
  return resultSortValue(column.resultKey === undefined ? undefined : row.results?.[column.resultKey]);
}
