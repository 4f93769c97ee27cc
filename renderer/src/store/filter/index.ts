/**
 * Filtering the table's rows: the filter box's language, the search index that makes it fast,
 * the toolbar's quick filters, and the rows and counts they leave visible.
 */
export { parseFilter, type FilterQuery } from './filter-query';
export { QUICK_FILTERS, quickFilterLabel, type QuickFilter } from './quick-filters';
export { prepareForFilter } from './search-index';
export { selectQuickCounts, selectVisiblePaths } from './visible-rows';
