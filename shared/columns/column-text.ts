/**
 * The text each column shows for a row (stored values, without pending edits): what the filter
 * searches and what "fit to content" measures.
 */
import type { HeaderValues, ImageRow, SidecarState } from '../api';
import { IMAGE_FORMAT_NAMES } from '../image-format';
import type { Column } from './column-type';
import { exportedFromText, formatFieldValue, formatSizes, messageForRow } from './cell-text';
import { resultCellSortValue, resultCellText } from './result-columns';

/** The sidecar badge's words (`Unsaved` replaces them while a row has unsaved changes). */
const SIDECAR_LABELS: Readonly<Record<SidecarState, string>> = {
  missing: 'None',
  ok: 'Saved',
  invalid: 'Invalid',
};

/** Dimension texts by header sizes: a folder has few distinct shapes, and parsing each row's costs time at 100,000 rows. */
const sizesTexts = new Map<string, string>();

function sizesText(header: HeaderValues): string {
  const key = `${header.sizes}\u0000${header.dims}\u0000${header.shape}`;
  let text = sizesTexts.get(key);
  if (text === undefined) {
    text = formatSizes(header);
    if (sizesTexts.size > 10_000) sizesTexts.clear();
    sizesTexts.set(key, text);
  }
  return text;
}

/** What `column` shows for `row`: the dims column shows the read error of an unreadable image. */
export function columnText(row: ImageRow, column: Column): string {
  switch (column.kind) {
    case 'path':
      return row.exportedFrom === undefined ? row.path : `${row.path} ${exportedFromText(row.exportedFrom)}`;
    case 'sidecar':
      return SIDECAR_LABELS[row.sidecar];
    case 'problems': {
      const count = storedProblemCount(row);
      return count === 0 ? '' : String(count);
    }
    case 'format':
      return IMAGE_FORMAT_NAMES[row.format];
    case 'dims':
      return row.header ? sizesText(row.header) : messageForRow(row.errors[0] ?? '', row.path);
    case 'dtype':
      return row.header?.dtype ?? '';
    case 'channels':
      return row.header ? String(row.header.num_channels) : '';
    case 'acquisition':
      return row.acquisition === undefined ? '' : column.acquisition!.text(row.acquisition);
    case 'catalogue':
      return row.catalogue?.[column.catalogue!] ?? '';
    case 'field':
      // An invalid sidecar's values are unknown: the table shows none (never the defaults).
      if (row.sidecar === 'invalid') return '';
      // A yes/no field reads as the table shows it (the accept/reject flag: ✓ or "Rejected").
      if (column.field?.type === 'bool') {
        if (row.sidecar === 'missing') return '';
        return row.values[column.key] === false ? 'rejected' : 'accepted';
      }
      return formatFieldValue(row.values[column.key]);
    case 'result':
      return resultCellText(row, column);
  }
}

/** How many problems a row has as stored: read errors and what the lab profile finds. */
function storedProblemCount(row: ImageRow): number {
  return row.errors.length + row.profileProblems.length;
}

/** The number a numeric column holds for a row (null when empty or not a number column). */
export function columnNumber(row: ImageRow, column: Column): number | null {
  if (column.kind === 'channels') return row.header?.num_channels ?? null;
  if (column.kind === 'problems') return storedProblemCount(row);
  if (column.kind === 'result') return resultCellSortValue(row, column);
  if (column.kind === 'acquisition') return (row.acquisition && column.acquisition!.number?.(row.acquisition)) ?? null;
  const value = column.kind === 'field' ? row.values[column.key] : null;
  return typeof value === 'number' ? value : null;
}

/** Whether a column holds numbers (so `>`, `<`, `=` compare them). */
export function isNumberColumn(column: Column): boolean {
  return (
    column.kind === 'channels' ||
    column.kind === 'problems' ||
    column.kind === 'result' ||
    column.acquisition?.number !== undefined ||
    column.field?.type === 'float' ||
    column.field?.type === 'int'
  );
}
