/**
 * Analysis results: the results dialog with its summary and plots, and the result columns.
 */
export { ResultColumnList } from './result-column-list';
export { ResultsButton } from './results-button';
export { createResultsSlice, type ResultsSlice } from './results-slice';
