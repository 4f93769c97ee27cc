/**
 * The table's columns and filters of what images matched in the lab's microscope catalogue:
 * `instrument:` and `objective:` search the recorded value and the catalogue's name alike,
 * `objective:none` finds the images that matched none, and the columns show the names.
 */
import { describe, expect, it } from 'vitest';
import type { Acquisition } from '../../../../../shared/acquisition/acquisition-types';
import { columnByKey, COLUMNS, columnText } from '../../../../../shared/columns';
import { sortValue } from '../../../../../renderer/src/lib/columns';
import { parseFilter, selectVisiblePaths } from '../../../../../renderer/src/store/filter';
import { makeRow, storeWithRows } from '../fake-client';

const recorded = (objective: string, model: string): Acquisition => ({
  instrument: { model },
  objective: { name: objective },
  sources: ['ome'],
});

const ROWS = [
  makeRow(
    'a.czi',
    {},
    {
      acquisition: recorded('Plan-Apochromat 63x/1.4 Oil', 'LSM 880'),
      catalogue: { instrument: 'LSM880', objective: 'LSM880 obj 3' },
    },
  ),
  makeRow(
    'b.czi',
    {},
    { acquisition: recorded('Plan-Apochromat 63x/1.4 Oil', 'LSM 880'), catalogue: { instrument: 'LSM880' } },
  ),
  makeRow('c.nd2', {}, { acquisition: recorded('Plan Apo λ 60x', 'Nikon Ti') }),
  makeRow('d.tif'),
];

function shownBy(text: string): readonly string[] {
  const { store } = storeWithRows(ROWS);
  store.getState().setFilterText(text);
  return selectVisiblePaths(store.getState());
}

describe('filtering by what the catalogue matched', () => {
  it('searches the catalogue’s name beside the recorded one, in any case', () => {
    expect(shownBy('objective:"obj 3"')).toEqual(['a.czi']);
    expect(shownBy('OBJECTIVE:lsm880')).toEqual(['a.czi']);
    expect(shownBy('objective:63x')).toEqual(['a.czi', 'b.czi']);
    expect(shownBy('instrument:lsm880')).toEqual(['a.czi', 'b.czi']);
    expect(shownBy('instrument:"lsm 880"')).toEqual(['a.czi', 'b.czi']);
    expect(shownBy('objective:="lsm880 obj 3"')).toEqual(['a.czi']);
    expect(shownBy('-instrument:lsm880')).toEqual(['c.nd2', 'd.tif']);
  });

  it('finds the images that matched nothing with none, and by the catalogue columns’ own names', () => {
    expect(shownBy('objective:none')).toEqual(['b.czi', 'c.nd2', 'd.tif']);
    expect(shownBy('-objective:none')).toEqual(['a.czi']);
    expect(shownBy('instrument:none')).toEqual(['c.nd2', 'd.tif']);
    expect(shownBy('"catalogue objective":obj')).toEqual(['a.czi']);
    expect(shownBy('catalogue_objective:"apochromat"')).toEqual([]);
    expect(parseFilter('objective:""').terms).toEqual([{ negate: false, kind: 'empty', column: 'objective' }]);
  });

  it('shows the names in two columns of their own, blank when unmatched, sorted by name', () => {
    const objective = columnByKey('catalogue_objective')!;
    expect(ROWS.map((row) => columnText(row, objective))).toEqual(['LSM880 obj 3', '', '', '']);
    expect(ROWS.map((row) => columnText(row, columnByKey('catalogue_instrument')!))).toEqual([
      'LSM880',
      'LSM880',
      '',
      '',
    ]);
    expect(sortValue(ROWS[1]!, objective)).toBeNull();
    expect(COLUMNS.filter((c) => c.group === 'Lab catalogue').map((c) => c.label)).toEqual([
      'Catalogue microscope',
      'Catalogue objective',
    ]);
  });
});
