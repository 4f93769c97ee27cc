/**
 * n, mean, median and standard deviation per group: a quick look at pooled results, not a
 * statistics package.
 */

import { compareNatural } from '../text-order';

/** One measured value and the group it belongs to. */
export interface GroupedValue {
  group: string;
  value: number;
}

/** The figures of one group; finite values only (NaN and infinities are counted apart). */
export interface GroupStats {
  group: string;
  n: number;
  mean: number | null;
  median: number | null;
  /** Sample standard deviation (n − 1); null below two values. */
  sd: number | null;
  /** Values left out because they are NaN or infinite. */
  notFinite: number;
  /** The finite values, ascending (for a strip plot). */
  values: number[];
}

/** The median of ascending values. */
function medianOf(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Figures for one group's values. */
export function statsOf(group: string, all: readonly number[]): GroupStats {
  const values = all.filter(Number.isFinite).sort((a, b) => a - b);
  const n = values.length;
  const mean = n === 0 ? null : values.reduce((sum, v) => sum + v, 0) / n;
  const sd = mean === null || n < 2 ? null : Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (n - 1));
  return { group, n, mean, median: medianOf(values), sd, notFinite: all.length - n, values };
}

/** Figures per group, groups in natural order with the empty group (no value) last. */
export function summarizeGroups(points: Iterable<GroupedValue>): GroupStats[] {
  const groups = new Map<string, number[]>();
  for (const { group, value } of points) {
    const list = groups.get(group);
    if (list) list.push(value);
    else groups.set(group, [value]);
  }
  const names = [...groups.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : compareNatural(a, b)));
  return names.map((name) => statsOf(name, groups.get(name) ?? []));
}
