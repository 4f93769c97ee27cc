import { describe, expect, it } from 'vitest';
import { niceAxis } from '../../../../renderer/src/results/nice-ticks';
import { resultMatrix } from '../../../../renderer/src/results/result-matrix';
import {
  defaultChoice,
  GROUP_BY_NOTHING,
  GROUP_BY_ROI,
  rowsResults,
  summarize,
} from '../../../../renderer/src/results/results-summary';
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

  const choice = {
    analysis: 'radon_velocity',
    key: 'velocity_mean',
    where: null,
    groupBy: 'genotype',
    unit: 'roi' as const,
    animalField: '',
  };

  it('pools one value per record, grouped by a field, by ROI or not at all', () => {
    const summary = summarize(rows, results, choice);
    expect(summary.groups.map((g) => [g.group, g.n, g.mean])).toEqual([
      ['KO', 1, 2],
      ['WT', 2, 2],
      ['', 1, 5],
    ]);
    expect(summary.notFinite).toBe(1);
    expect(
      summarize(rows, results, { ...choice, groupBy: GROUP_BY_ROI }).groups.map((g) => [g.group, g.values]),
    ).toEqual([
      ['ROI 1', [1, 2, 5]],
      ['ROI 2', [3]],
    ]);
    const roi2 = results[0]?.wheres[1]?.id ?? '';
    expect(summarize(rows, results, { ...choice, where: roi2, groupBy: GROUP_BY_NOTHING })).toMatchObject({
      groups: [{ group: 'All', n: 1 }],
      notFinite: 1,
    });
  });

  it('averages per image, and per animal by the field that names it', () => {
    const perImage = summarize(rows, results, { ...choice, groupBy: GROUP_BY_NOTHING, unit: 'image' });
    // a.tif: (1 + 3) / 2, b.tif: 2 (its NaN left out), c.tif: 5
    expect(perImage.groups.map((g) => [g.n, g.values])).toEqual([[3, [2, 2, 5]]]);
    const animals = [
      makeRow('m1-a.tif', { genotype: 'WT', age: 'P30', sex: ' m1 ' }, { results: { 'r/1/0/v': 1, 'r/2/0/v': 3 } }),
      makeRow('m1-b.tif', { genotype: 'WT', sex: 'm1' }, { results: { 'r/1/0/v': 6 } }),
      makeRow('m2.tif', { genotype: 'WT', sex: 'm2' }, { results: { 'r/1/0/v': 10 } }),
      makeRow('none.tif', { genotype: 'WT', sex: '' }, { results: { 'r/1/0/v': 100 } }),
    ];
    const perAnimal = summarize(animals, rowsResults(animals), {
      ...choice,
      analysis: 'r',
      key: 'v',
      unit: 'animal',
      animalField: 'sex',
    });
    // m1: images 2 and 6 → 4; m2: 10; none.tif names no animal
    expect(perAnimal).toMatchObject({ groups: [{ group: 'WT', n: 2, values: [4, 10] }], withoutAnimal: 1 });
  });

  it('starts with the mean-like value measured most often', () => {
    expect(defaultChoice(rows, results)).toEqual({
      analysis: 'radon_velocity',
      key: 'velocity_mean',
      where: null,
      groupBy: 'genotype',
      unit: 'roi',
      animalField: '',
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
