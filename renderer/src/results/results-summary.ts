/**
 * What the results summary pools: the chosen summary key of every analysis record (an ROI of an
 * image), grouped by a field of the image or by ROI, and counted per ROI, per image or per
 * animal (the mean of each image, or of each animal's images, first).
 */
import type { ImageRow } from '../../../shared/api';
import {
  decodeResultNumber,
  sampleValues,
  summarizeGroups,
  type GroupStats,
  type Measurement,
  type SampleUnit,
} from '../../../shared/analysis';
import { EDITABLE_FIELDS } from '../../../shared/fields/field-table';
import { formatFieldValue } from '../../../shared/columns';
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
  /** What each value is: an ROI's record, an image's mean or an animal's mean. */
  unit: SampleUnit;
  /** The field naming each image's animal (for `unit` `animal`); `''` until one is chosen. */
  animalField: string;
}

/** The figures per group, and what was left out before them. */
export interface ResultsSummary {
  groups: GroupStats[];
  /** Records left out because their value is NaN or infinite. */
  notFinite: number;
  /** Images left out of the animals' means because their animal field is empty. */
  withoutAnimal: number;
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
  return (
    best && { analysis: best.analysis, key: best.key, where: null, groupBy: 'genotype', unit: 'roi', animalField: '' }
  );
}

/** n, mean, median, SD per group of the chosen values, each value one `choice.unit` (groups with no record left out). */
export function summarize(
  rows: readonly ImageRow[],
  results: readonly AnalysisResults[],
  choice: SummaryChoice,
): ResultsSummary {
  const analysis = results.find((a) => a.analysis === choice.analysis);
  if (analysis === undefined) return { groups: [], notFinite: 0, withoutAnimal: 0 };
  const wheres = analysis.wheres.filter((w) => choice.where === null || w.id === choice.where);
  const measurements: Measurement[] = [];
  for (const row of rows) {
    const animal = choice.unit === 'animal' ? formatFieldValue(row.values[choice.animalField]).trim() : '';
    for (const where of wheres) {
      const value = row.results?.[matrixKey(analysis.analysis, choice.key, where)];
      if (value === undefined) continue;
      const group =
        choice.groupBy === GROUP_BY_NOTHING
          ? 'All'
          : choice.groupBy === GROUP_BY_ROI
            ? where.label
            : formatFieldValue(row.values[choice.groupBy]);
      measurements.push({ group, image: row.path, animal, value: decodeResultNumber(value) });
    }
  }
  const sample = sampleValues(measurements, choice.unit);
  return { groups: summarizeGroups(sample.values), notFinite: sample.notFinite, withoutAnimal: sample.withoutAnimal };
}
