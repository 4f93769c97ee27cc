/**
 * The table's acquisition columns (hidden until chosen): what the microscope recorded, read
 * from the image file. Their names and values are the exports' too
 * (`shared/acquisition/acquisition-columns.ts`); here they get their widths and filter input.
 * Their text is what the filter searches (`objective:63x`, `channel:GFP` or its dye,
 * `acquired:2026-03`); NA, Z step and Interval are numbers (`na:>1.2`).
 */
import {
  ACQUISITION_VALUE_COLUMNS,
  type AcquisitionColumn,
  type AcquisitionColumnKey,
} from '../acquisition/acquisition-columns';

/** One acquisition column of the table: the shared column, its width and how the filter reads what is typed. */
export interface AcquisitionColumnSpec extends AcquisitionColumn {
  minWidth: number;
  /** Turns what is typed after `key:` into the search text's way of writing it (`63×` → `63x`). */
  typed?: (value: string) => string;
}

/** Each column's width and filter input, by key (a column added in shared/ must be given one here). */
const TABLE_LAYOUT: Record<AcquisitionColumnKey, Pick<AcquisitionColumnSpec, 'minWidth' | 'typed'>> = {
  instrument: { minWidth: 140 },
  objective: { minWidth: 130, typed: (value) => value.replaceAll('×', 'x') },
  na: { minWidth: 60 },
  channel: { minWidth: 180 },
  zstep: { minWidth: 96 },
  interval: { minWidth: 96 },
  acquired: { minWidth: 165 },
};

/** The acquisition columns in display order. */
export const ACQUISITION_COLUMNS: readonly AcquisitionColumnSpec[] = ACQUISITION_VALUE_COLUMNS.map((column) => ({
  ...column,
  ...TABLE_LAYOUT[column.key],
}));
