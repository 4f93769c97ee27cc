import { describe, expect, it } from 'vitest';
import { describeDragFill, findDragFills, type ColumnEntry } from '../../../../shared/sheets/drag-fill';

const column = (before: (string | number | null)[], after: (string | number | null)[]): ColumnEntry[] =>
  after.map((value, i) => ({ row: i + 2, before: before[i] ?? null, after: value }));

describe('findDragFills', () => {
  it('finds a run counting up where the column held one value', () => {
    const runs = findDragFills(
      column(['mouse1', 'mouse1', 'mouse1', 'mouse1', 'rat'], ['mouse1', 'mouse2', 'mouse3', 'mouse4', 'rat']),
    );
    expect(runs).toEqual([{ rows: [2, 3, 4, 5], values: ['mouse1', 'mouse2', 'mouse3', 'mouse4'], before: 'mouse1' }]);
    expect(describeDragFill(runs[0]!)).toBe(
      'rows 2–5: "mouse1", "mouse2", …, "mouse4" count up where all held "mouse1" before; a spreadsheet\'s drag-fill may have made them',
    );
  });

  it('finds numbers and runs counting down', () => {
    expect(findDragFills(column([2, 2, 2], [2, 3, 4]))).toHaveLength(1);
    const down = findDragFills(column(['', '', ''], ['m3_x', 'm2_x', 'm1_x']));
    expect(describeDragFill(down[0]!)).toContain('count down where all held "" before');
  });

  it('leaves alone short runs, runs that held different values, unchanged runs and steps other than one', () => {
    expect(findDragFills(column(['a1', 'a1'], ['a1', 'a2']))).toEqual([]);
    expect(findDragFills(column(['m1', 'm2', 'm3'], ['m1', 'm2', 'm3']))).toEqual([]);
    expect(findDragFills(column(['m1', 'm1', 'x'], ['m1', 'm2', 'm3']))).toEqual([]);
    expect(findDragFills(column(['', '', ''], ['m1', 'm3', 'm5']))).toEqual([]);
    expect(findDragFills(column(['', '', ''], ['a1', 'b2', 'c3']))).toEqual([]);
  });
});
