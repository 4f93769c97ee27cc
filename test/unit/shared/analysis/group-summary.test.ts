import { describe, expect, it } from 'vitest';
import { summarizeGroups } from '../../../../shared/analysis';

describe('summarizeGroups', () => {
  it('gives n, mean, median and sample SD per group, in natural order with no value last', () => {
    const stats = summarizeGroups([
      { group: 'WT', value: 1 },
      { group: '', value: 5 },
      { group: 'APP/PS1', value: 2 },
      { group: 'WT', value: 4 },
      { group: 'WT', value: 2 },
      { group: 'WT', value: NaN },
      { group: 'WT', value: Infinity },
    ]);
    expect(stats.map((s) => s.group)).toEqual(['APP/PS1', 'WT', '']);
    expect(stats[1]).toEqual({
      group: 'WT',
      n: 3,
      mean: 7 / 3,
      median: 2,
      sd: expect.closeTo(Math.sqrt(7 / 3), 12),
      notFinite: 2,
      values: [1, 2, 4],
    });
    expect(stats[0]).toMatchObject({ n: 1, mean: 2, median: 2, sd: null });
  });

  it('takes the middle pair for an even count and has no figures for a group of NaN only', () => {
    const [even, empty] = summarizeGroups([
      { group: 'a', value: 4 },
      { group: 'a', value: 1 },
      { group: 'a', value: 3 },
      { group: 'a', value: 2 },
      { group: 'b', value: NaN },
    ]);
    expect(even?.median).toBe(2.5);
    expect(empty).toMatchObject({ n: 0, mean: null, median: null, sd: null, notFinite: 1 });
  });
});
