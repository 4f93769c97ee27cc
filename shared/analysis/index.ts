/**
 * What CloudScope measured: ROIs and analysis records read from a sidecar's lossless tree, the
 * compact result values of a table row, the folder's results table and per-group figures.
 * Pure and read-only: nothing here writes a sidecar.
 */
export type * from './analysis-types';
export { summarizeGroups, statsOf, type GroupedValue, type GroupStats } from './group-summary';
export { sampleValues, SAMPLE_UNITS, type Measurement, type SampleUnit, type SampleValues } from './sample-units';
export { readAnalyses, readRois, storedValue, storedValueText } from './read-analyses';
export {
  decodeResultNumber,
  parseResultKey,
  resultKey,
  resultNumber,
  resultValues,
  type ResultKeyParts,
} from './result-values';
export {
  buildResultsTable,
  RESULTS_FORMATS,
  resultsSheet,
  summaryCell,
  type ResultsColumn,
  type ResultsFormat,
  type ResultsSource,
  type ResultsTable,
} from './results-table';
