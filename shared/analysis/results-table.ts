/**
 * The tidy results table of a folder: one row per analysis record of every image, with the
 * image's fields beside it, as pandas, R or Prism users load it to compare groups.
 *
 * Summary numbers keep the text the sidecar has (no round trip through floats); NaN is an
 * empty cell, infinities are `inf` / `-inf` (what pandas and R read as infinite).
 */
import { EDITABLE_FIELDS, type FieldType, type FieldValues } from '../fields/field-table';
import { valueText, type SheetCell, type SheetTable } from '../sheets/sheet-cell';
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
 * A column: finite numbers of a `number` column go into spreadsheets as numbers, `true` and
 * `false` of a `boolean` column as booleans; anything else as text.
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

/** The table: every row has one text per column (`''` for a blank cell). */
export interface ResultsTable {
  columns: ResultsColumn[];
  rows: string[][];
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

/** A summary value as a cell: NaN and null blank, infinities `inf`, the rest as stored. */
export function summaryCellText(value: StoredValue): string {
  if (value.kind === 'null' || (value.kind === 'number' && value.text === 'NaN')) return '';
  if (value.kind === 'number' && /^-?Infinity$/.test(value.text)) return value.text.replace('Infinity', 'inf');
  return storedValueText(value);
}

/**
 * Builds the table: one column per summary key found (first-seen order, blank where a record
 * lacks it). A summary key that repeats a leading column's name gets the prefix `summary_`.
 */
export function buildResultsTable(sources: Iterable<ResultsSource>): ResultsTable {
  const leading = leadingColumns();
  const taken = new Set(leading.map((c) => c.name));
  const summaryColumns = new Map<string, number>();
  const summaryKinds: ResultsColumn[] = [];
  const rows: { lead: string[]; summary: Map<number, string> }[] = [];
  for (const source of sources) {
    const fields = EDITABLE_FIELDS.map((f) => valueText(source.values[f.name], f));
    for (const record of source.analyses) {
      const summary = new Map<number, string>();
      for (const { key, value } of record.summary) {
        let index = summaryColumns.get(key);
        if (index === undefined) {
          index = summaryKinds.length;
          summaryColumns.set(key, index);
          summaryKinds.push({ name: taken.has(key) ? `summary_${key}` : key, kind: 'number' });
        }
        summary.set(index, summaryCellText(value));
      }
      const lead = [
        source.path,
        ...fields,
        record.name,
        record.roiId === null ? '' : String(record.roiId),
        record.channel === null ? '' : String(record.channel),
      ];
      rows.push({ lead, summary });
    }
  }
  return {
    columns: [...leading, ...summaryKinds],
    rows: rows.map(({ lead, summary }) => [...lead, ...summaryKinds.map((_, i) => summary.get(i) ?? '')]),
  };
}

/** A cell of the table as a workbook holds it: finite numbers as numbers, flags as booleans, blank as empty. */
function typedCell(text: string, kind: ResultsColumn['kind']): SheetCell {
  if (text === '') return null;
  if (kind === 'number' && Number.isFinite(Number(text))) return Number(text);
  if (kind === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/** The table with its header row as typed cells, for a workbook. */
export function resultsSheet(table: ResultsTable): SheetTable {
  return [
    table.columns.map((c) => c.name),
    ...table.rows.map((row) => row.map((text, i) => typedCell(text, table.columns[i]?.kind ?? 'text'))),
  ];
}
