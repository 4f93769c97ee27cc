/**
 * The image table's columns, pure: each column's names (the filter's field names), the words it
 * shows for a row and the number it holds. The app's table and the filter (`shared/filter`), in
 * the renderer and on the command line, read rows through them, so they agree on every cell.
 */
export {
  baseName,
  exportedFromText,
  formatDimensions,
  formatFieldValue,
  formatMeasure,
  formatSizes,
  messageForRow,
} from './cell-text';
export { columnNumber, columnText, isNumberColumn } from './column-text';
export type { Column, ColumnKind } from './column-type';
export { columnByKey, COLUMNS } from './columns';
export {
  isResultColumnKey,
  resultCellSortValue,
  resultCellText,
  resultColumn,
  resultColumnKey,
} from './result-columns';
export { formatResult, resultLabel, resultWhere, unitFromName } from './result-format';
