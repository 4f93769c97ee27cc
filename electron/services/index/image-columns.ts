/**
 * The values of a row the index keeps in columns of their own: what searches filter on most,
 * as the table's columns show them, so that a query can narrow by them before the exact filter.
 */
import type { ImageRow } from '../../../shared/api';
import { instrumentText, objectiveText } from '../../../shared/acquisition/acquisition-text';
import type { ImageColumns } from './index-store';

/** Text, or null when empty. */
function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** A finite number, or null. */
function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** `20250314` (a header's date) as `2025-03-14`; other text as it is. */
function headerDate(date: string | undefined): string | null {
  const parts = /^(\d{4})(\d{2})(\d{2})$/.exec(date ?? '');
  return parts === null ? text(date) : `${parts[1]}-${parts[2]}-${parts[3]}`;
}

/** The filtered columns of `row`: sidecar fields, what the file recorded, the catalogue's names where it has them. */
export function columnsOf(row: ImageRow): ImageColumns {
  const acquisition = row.acquisition;
  return {
    species: text(row.values.species),
    genotype: text(row.values.genotype),
    objective: text(row.catalogue?.objective) ?? text(objectiveText(acquisition?.objective)),
    na: finite(acquisition?.objective?.na),
    acquired: text(acquisition?.acquired_at) ?? headerDate(row.header?.date),
    instrument:
      text(row.catalogue?.instrument) ?? (acquisition === undefined ? null : text(instrumentText(acquisition))),
    sidecar: row.sidecar,
    pixel_size: finite(row.values.physical_unit_x) ?? finite(row.fileCalibration?.x),
  };
}
