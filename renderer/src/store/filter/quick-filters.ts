/** The toolbar's quick filters: one at a time, combined with the filter text (both must match). */
import type { QuickFilter } from '../logic/row-sort';

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
