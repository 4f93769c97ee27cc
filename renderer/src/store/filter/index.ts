/**
 * Filtering the table's rows: the filter box's language (`shared/filter`'s, which the command
 * line shares), the search index that makes it fast, the toolbar's quick filters, and the rows
 * and counts they leave visible.
 */
export { parseFilter } from '../../../../shared/filter';
export { QUICK_FILTERS, quickFilterLabel, type QuickFilter } from './quick-filters';
export { prepareForFilter } from './search-index';
export { selectQuickCounts, selectVisiblePaths } from './visible-rows';
