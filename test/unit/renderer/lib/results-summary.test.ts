import { describe, expect, it } from 'vitest';
import { niceAxis } from '../../../../renderer/src/lib/nice-ticks';
import { resultMatrix } from '../../../../renderer/src/lib/result-matrix';
import {
  defaultChoice,
  GROUP_BY_NOTHING,
  GROUP_BY_ROI,
  rowsResults,
  summarize,
} from '../../../../renderer/src/lib/results-summary';
import { makeRow } from '../store/fake-client';

const rows = [
  makeRow(
    'a.tif',
    { genotype: 'WT' },
    {
      results: {
        'radon_velocity/1/0/velocity_mean': 1,
        'radon_velocity/2/0/velocity_mean': 3,
        'radon_velocity/1/0/num_windows': 50,
      },
    },
  ),
  makeRow(
    'b.tif',
    { genotype: 'KO' },
    { results: { 'radon_velocity/1/0/velocity_mean': 2, 'radon_velocity/2/0/velocity_mean': 'NaN' } },
  ),
  makeRow('c.tif', { genotype: '' }, { results: { 'radon_velocity/1/0/velocity_mean': 5 } }),
  makeRow('d.tif', { genotype: 'WT' }),
];

describe('results summary', () => {
  const results = rowsResults(rows);

  it('pools one value per record, grouped by a field, by ROI or not at all', () => {
    const choice = { analysis: 'radon_velocity', key: 'velocity_mean', where: null, groupBy: 'genotype' };
    expect(summarize(rows, results, choice).map((g) => [g.group, g.n, g.mean, g.notFinite])).toEqual([
      ['KO', 1, 2, 1],
      ['WT', 2, 2, 0],
      ['', 1, 5, 0],
    ]);
    expect(summarize(rows, results, { ...choice, groupBy: GROUP_BY_ROI }).map((g) => [g.group, g.values])).toEqual([
      ['ROI 1', [1, 2, 5]],
      ['ROI 2', [3]],
    ]);
    const roi2 = results[0]?.wheres[1]?.id ?? '';
    expect(summarize(rows, results, { ...choice, where: roi2, groupBy: GROUP_BY_NOTHING })).toMatchObject([
      { group: 'All', n: 1, notFinite: 1 },
    ]);
  });

  it('starts with the mean-like value measured most often', () => {
    expect(defaultChoice(rows, results)).toEqual({
      analysis: 'radon_velocity',
      key: 'velocity_mean',
      where: null,
      groupBy: 'genotype',
    });
    expect(defaultChoice([], [])).toBeNull();
  });

  it('arranges result keys by analysis, summary key and ROI', () => {
    const matrix = resultMatrix(['d/2/0/x', 'd/1/0/x', 'd//0/y', 'r/1/1/v/2', 'junk']);
    expect(matrix.map((a) => [a.analysis, a.keys, a.wheres.map((w) => w.label)])).toEqual([
      ['d', ['x', 'y'], ['ROI 1', 'ROI 2', 'no ROI']],
      ['r', ['v'], ['ROI 1, channel 1 (record 2)']],
    ]);
    expect(matrix[0]?.present.has('d//0/y')).toBe(true);
  });
});

describe('niceAxis', () => {
  it('covers the values with 1, 2 or 5 times a power of ten', () => {
    expect(niceAxis(0.92, 2.47)).toEqual({ min: 0.5, max: 2.5, ticks: [0.5, 1, 1.5, 2, 2.5] });
    expect(niceAxis(3, 3).ticks).toEqual([2.6, 2.8, 3, 3.2, 3.4]);
    expect(niceAxis(0, 0).ticks).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(niceAxis(120, 0).ticks).toEqual([0, 50, 100, 150]);
  });
});
