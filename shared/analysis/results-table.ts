/**
 * The tidy results table of a folder: one row per analysis record of every image, with the
 * image's fields beside it, as pandas, R or Prism users load it to compare groups.
 *
 * Summary numbers keep the text the sidecar has (no round trip through floats); NaN is an
 * empty cell, infinities are `inf` / `-inf` (what pandas and R read as infinite). Every cell
 * is typed by what the sidecar stores: numbers are numbers, everything else is text (which
 * the CSV and TSV files escape against formulas: docs/spreadsheets.md).
 */
import { EDITABLE_FIELDS, type FieldType, type FieldValues } from '../fields/field-table';
import { valueTableCell, type ValueCell, type ValueTable } from '../sheets/sheet-cell';
import { tableNumber, type TableCell } from '../sheets/table-text';
import type { AnalysisEntry, StoredValue } from './analysis-types';
import { storedValueText } from './read-analyses';

/** The file formats of the results table. */
export const RESULTS_FORMATS = ['csv', 'tsv', 'xlsx'] as const;

/** A results table format. */
export type ResultsFormat = (typeof RESULTS_FORMATS)[number];

/** One image's part of the table. */
export interface ResultsSource {
  /** The image path as the table shows it. */
  path: string;
  /** The editable fields as stored. */
  values: FieldValues;
  analyses: readonly AnalysisEntry[];
}

/**
 * A column: what its cells mostly are. `true` and `false` of a `boolean` column go into
 * workbooks as booleans; a number cell is a number in any column.
 */
export interface ResultsColumn {
  name: string;
  kind: 'text' | 'number' | 'boolean';
}

const FIELD_KINDS: Readonly<Record<FieldType, ResultsColumn['kind']>> = {
  str: 'text',
  float: 'number',
  int: 'number',
  bool: 'boolean',
};

/** The table: every row has one cell per column (`''` for a blank cell). */
export interface ResultsTable {
  columns: ResultsColumn[];
  rows: TableCell[][];
}

/** The columns before the summary values: path, the field table's fields, record identity. */
function leadingColumns(): ResultsColumn[] {
  return [
    { name: 'path', kind: 'text' },
    ...EDITABLE_FIELDS.map((f): ResultsColumn => ({ name: f.name, kind: FIELD_KINDS[f.type] })),
    { name: 'analysis', kind: 'text' },
    { name: 'roi_id', kind: 'number' },
    { name: 'channel', kind: 'number' },
  ];
}

/** A summary value as a cell: NaN and null blank, infinities `inf`, numbers as numbers, the rest as text. */
export function summaryCell(value: StoredValue): TableCell {
  if (value.kind === 'null' || (value.kind === 'number' && value.text === 'NaN')) return '';
  if (value.kind !== 'number') return storedValueText(value);
  return tableNumber(value.text.replace('Infinity', 'inf'));
}

/** A record's ROI or channel number as a cell (blank when it has none). */
const indexCell = (index: number | null): TableCell => (index === null ? '' : tableNumber(String(index)));

/**
 * Builds the table: one column per summary key found (first-seen order, blank where a record
 * lacks it). A summary key that repeats a leading column's name gets the prefix `summary_`.
 */
export function buildResultsTable(sources: Iterable<ResultsSource>): ResultsTable {
  const leading = leadingColumns();
  const taken = new Set(leading.map((c) => c.name));
  const summaryColumns = new Map<string, number>();
  const summaryKinds: ResultsColumn[] = [];
  const rows: { lead: TableCell[]; summary: Map<number, TableCell> }[] = [];
  for (const source of sources) {
    const fields = EDITABLE_FIELDS.map((f) => valueTableCell(source.values[f.name], f));
    for (const record of source.analyses) {
      const summary = new Map<number, TableCell>();
      for (const { key, value } of record.summary) {
        let index = summaryColumns.get(key);
        if (index === undefined) {
          index = summaryKinds.length;
          summaryColumns.set(key, index);
          summaryKinds.push({ name: taken.has(key) ? `summary_${key}` : key, kind: 'number' });
        }
        summary.set(index, summaryCell(value));
      }
      const lead = [source.path, ...fields, record.name, indexCell(record.roiId), indexCell(record.channel)];
      rows.push({ lead, summary });
    }
  }
  return {
    columns: [...leading, ...summaryKinds],
    rows: rows.map(({ lead, summary }) => [...lead, ...summaryKinds.map((_, i) => summary.get(i) ?? '')]),
  };
}

/** A cell of the table as a workbook holds it: finite numbers as numbers, flags as booleans, blank as empty. */
function typedCell(cell: TableCell, kind: ResultsColumn['kind']): ValueCell {
  if (typeof cell !== 'string') return Number.isFinite(Number(cell.number)) ? Number(cell.number) : cell.number;
  if (cell === '') return null;
  if (kind === 'boolean' && (cell === 'true' || cell === 'false')) return cell === 'true';
  return cell;
}

/** The table with its header row as typed cells, for a workbook. */
export function resultsSheet(table: ResultsTable): ValueTable {
  return [
    table.columns.map((c) => c.name),
    ...table.rows.map((row) => row.map((cell, i) => typedCell(cell, table.columns[i]?.kind ?? 'text'))),
  ];
}
