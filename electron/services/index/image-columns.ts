/**
 * The values of a row the index keeps in columns of their own: what searches filter on most,
 * each as the filter language reads that column of the table (`shared/columns`), so that a
 * query narrowed by them finds every row the exact filter passes.
 */
import type { ImageRow } from '../../../shared/api';
import { columnByKey, columnNumber, columnText } from '../../../shared/columns';
import { dateSpan } from '../../../shared/filter';
import type { ImageColumns } from './schema';

/** The column's text as the filter searches it (lower case, an objective's `×` as `x`); null when empty. */
function searched(row: ImageRow, key: string): string | null {
  const text = columnText(row, columnByKey(key)!).toLowerCase().replaceAll('×', 'x');
  return text === '' ? null : text;
}

/** The number the column holds for the row, as the filter compares it. */
function numberIn(row: ImageRow, key: string): number | null {
  const value = columnNumber(row, columnByKey(key)!);
  return value !== null && Number.isFinite(value) ? value : null;
}

/** The filtered columns of `row`. */
export function columnsOf(row: ImageRow): ImageColumns {
  const acquired = searched(row, 'acquired');
  const days = acquired === null ? null : dateSpan(acquired);
  return {
    species: searched(row, 'species'),
    genotype: searched(row, 'genotype'),
    objective: searched(row, 'objective'),
    na: numberIn(row, 'na'),
    acquired,
    instrument: searched(row, 'instrument'),
    sidecar: searched(row, 'sidecar') ?? '',
    pixel_size: numberIn(row, 'physical_unit_x'),
    catalogue_instrument: searched(row, 'catalogue_instrument'),
    catalogue_objective: searched(row, 'catalogue_objective'),
    acquired_first: days?.first ?? null,
    acquired_last: days?.last ?? null,
  };
}
