/** The toolbar's quick filters: one at a time, combined with the filter text (both must match). */
import type { ImageRow } from '../../../../shared/api';
import { rowHasChanges, type EditMap } from '../logic/edit-logic';
import { lacksField, problemCount, type LiveProblems } from '../logic/problem-logic';

/** The quick filters of the toolbar (one at a time, combined with the filter text). */
export type QuickFilter = 'missing' | 'invalid' | 'unsaved' | 'warnings' | 'not-ready';

/** Whether a row passes a quick filter (`live`: the profile's problems with pending edits). */
export function matchesQuick(row: ImageRow, edits: EditMap, quick: QuickFilter, live: LiveProblems = {}): boolean {
  switch (quick) {
    case 'missing':
      return row.sidecar === 'missing';
    case 'invalid':
      return row.sidecar === 'invalid' || Object.values(edits[row.path] ?? {}).some((e) => e.error !== null);
    case 'unsaved':
      return rowHasChanges(row, edits[row.path]);
    case 'warnings':
      return row.errors.length > 0;
    case 'not-ready':
      return problemCount(row, edits[row.path], live) > 0;
  }
}

/** Whether a row passes the Completeness view's field filter: it lacks or breaks field `gap` (null: every row passes). */
export function matchesGap(row: ImageRow, edits: EditMap, live: LiveProblems, gap: string | null): boolean {
  return gap === null || lacksField(row, edits[row.path], live, gap);
}

/** A quick filter as the toolbar shows it. */
export interface QuickFilterInfo {
  filter: QuickFilter;
  label: string;
  title: string;
}

/** Every quick filter, in toolbar order. */
export const QUICK_FILTERS: readonly QuickFilterInfo[] = [
  { filter: 'missing', label: 'No sidecar', title: 'Images without a .json sidecar yet' },
  { filter: 'invalid', label: 'Invalid', title: 'Corrupt sidecars and values that cannot be saved as typed' },
  { filter: 'unsaved', label: 'Unsaved', title: 'Images with changes not saved yet' },
  {
    filter: 'warnings',
    label: 'Warnings',
    title:
      'Images marked with a warning: a calibration that differs from the file’s, or problems reading the image or its sidecar',
  },
  {
    filter: 'not-ready',
    label: 'Not ready',
    title:
      'Images the lab profile finds a problem with (a required field empty, a value it does not allow), a value that cannot be saved, or a warning',
  },
];

/** The label of a quick filter. */
export function quickFilterLabel(filter: QuickFilter): string {
  return QUICK_FILTERS.find((q) => q.filter === filter)?.label ?? filter;
}
