/**
 * The folder's results table: collected from the sidecars, written as a file.
 */
export { collectResults, type CollectedResults, type LeftOut } from './collect-results';
export { resultsFile, type ResultsFile } from './results-file';
