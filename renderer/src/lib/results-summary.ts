/**
 * What the results summary pools: one value per analysis record (an ROI of an image) for the
 * chosen summary key, grouped by a field of the image or by ROI.
 */
import type { ImageRow } from '../../../shared/api';
import { decodeResultNumber, summarizeGroups, type GroupStats } from '../../../shared/analysis';
import { EDITABLE_FIELDS } from '../../../shared/fields/field-table';
import { formatFieldValue } from './format';
import { matrixKey, resultMatrix, type AnalysisResults } from './result-matrix';

/** Grouping by ROI instead of by a field. */
export const GROUP_BY_ROI = ':roi';

/** Everything pooled in one group. */
export const GROUP_BY_NOTHING = ':none';

/** What to pool: an analysis's summary key, on every ROI or one (`ResultWhere.id`). */
export interface SummaryChoice {
  analysis: string;
  key: string;
  where: string | null;
  /** A field name, {@link GROUP_BY_ROI} or {@link GROUP_BY_NOTHING}. */
  groupBy: string;
}

/** The grouping choices: no grouping, the ROI, then every field of the field table. */
export const GROUPINGS: readonly { value: string; label: string }[] = [
  { value: GROUP_BY_NOTHING, label: 'Nothing (all together)' },
  { value: GROUP_BY_ROI, label: 'ROI' },
  ...EDITABLE_FIELDS.map((f) => ({ value: f.name, label: f.displayName })),
];

/** The results present in some rows, arranged by analysis. */
export function rowsResults(rows: readonly ImageRow[]): AnalysisResults[] {
  const keys = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row.results ?? {})) keys.add(key);
  return resultMatrix(keys);
}

/** A sensible first choice: the mean-like summary key measured most often, grouped by genotype. */
export function defaultChoice(rows: readonly ImageRow[], results: readonly AnalysisResults[]): SummaryChoice | null {
  let best: { analysis: string; key: string; count: number } | null = null;
  for (const analysis of results) {
    for (const key of analysis.keys) {
      let count = 0;
      for (const row of rows)
        for (const where of analysis.wheres)
          if (row.results?.[matrixKey(analysis.analysis, key, where)] !== undefined) count++;
      const score = count * (/mean/.test(key) ? 2 : 1);
      if (best === null || score > best.count) best = { analysis: analysis.analysis, key, count: score };
    }
  }
  return best && { analysis: best.analysis, key: best.key, where: null, groupBy: 'genotype' };
}

/** n, mean, median, SD per group of the chosen values (groups with no record left out). */
export function summarize(
  rows: readonly ImageRow[],
  results: readonly AnalysisResults[],
  choice: SummaryChoice,
): GroupStats[] {
  const analysis = results.find((a) => a.analysis === choice.analysis);
  if (analysis === undefined) return [];
  const wheres = analysis.wheres.filter((w) => choice.where === null || w.id === choice.where);
  const points: { group: string; value: number }[] = [];
  for (const row of rows) {
    for (const where of wheres) {
      const value = row.results?.[matrixKey(analysis.analysis, choice.key, where)];
      if (value === undefined) continue;
      const group =
        choice.groupBy === GROUP_BY_NOTHING
          ? 'All'
          : choice.groupBy === GROUP_BY_ROI
            ? where.label
            : formatFieldValue(row.values[choice.groupBy]);
      points.push({ group, value: decodeResultNumber(value) });
    }
  }
  return summarizeGroups(points);
}
