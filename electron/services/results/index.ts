/**
 * The folder's results table: collected from the sidecars, written as a file.
 */
export { collectResults, type CollectedResults } from './collect-results';
export { resultsFile } from './results-file';
