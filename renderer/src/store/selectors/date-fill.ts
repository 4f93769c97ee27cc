/**
 * Images whose Date field is empty while their file records when it was acquired: the editor
 * offers to fill Date from the acquisition (pure; used with `useShallow` or the sliced memo).
 */
import { acquisitionDay } from '../../../../shared/acquisition/dates';
import type { AppState } from '../../app-store';
import { isEditable } from '../logic/edit-logic';
import { effectiveValues } from '../logic/field-state';
import { slicedOverPaths } from '../memo/sliced-memo';

type Rows = Pick<AppState, 'rows' | 'edits'>;

/** The day to fill in the image's empty Date field; null when there is nothing to offer. */
export function dateToFill(s: Rows, path: string): string | null {
  const row = s.rows[path];
  if (row === undefined || !isEditable(row)) return null;
  const day = acquisitionDay(row.acquisition?.acquired_at);
  if (day === null) return null;
  const date = effectiveValues(row, s.edits[path]).date;
  return date === undefined || date === null || String(date).trim() === '' ? day : null;
}

/** The offer for many images: how many get a date, and the day when it is one for all. */
export interface DateFillOffer {
  count: number;
  /** The one day every offered image gets; null when they differ. */
  day: string | null;
}

/** The offer for `paths`, once per change of rows or edits; null while a long selection is read for the first time. */
export function selectDateFill(paths: readonly string[]): (s: AppState) => DateFillOffer | null {
  return slicedOverPaths(
    paths,
    'date-fill',
    (s) => [s.rows, s.rowsEpoch, s.edits] as const,
    (rows, _epoch, edits) => {
      const offer: DateFillOffer = { count: 0, day: null };
      return {
        add(path) {
          const day = dateToFill({ rows, edits }, path);
          if (day === null) return;
          offer.day = offer.count === 0 || offer.day === day ? day : null;
          offer.count++;
        },
        result: () => ({ ...offer }),
      };
    },
  );
}
