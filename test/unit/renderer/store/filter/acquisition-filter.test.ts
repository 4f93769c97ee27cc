import { describe, expect, it } from 'vitest';
import type { Acquisition } from '../../../../../shared/acquisition/acquisition-types';
import { columnByKey, columnText } from '../../../../../shared/columns';
import { sortValue } from '../../../../../renderer/src/lib/columns';
import { selectVisiblePaths } from '../../../../../renderer/src/store/filter';
import { makeRow, storeWithRows } from '../fake-client';

import formats from '../../../../fixtures/formats/expected.json';

/** Acquisitions read by independent readers from real vendor files (see test/fixtures/SOURCES.md). */
const expected = formats as unknown as Record<string, { acquisition: Acquisition }>;
const acquisition = (name: string): Acquisition => expected[name]!.acquisition;

function setup() {
  return storeWithRows([
    makeRow('nikon.nd2', {}, { acquisition: acquisition('nd2/pims_nd2_cluster.nd2') }),
    makeRow('leica.lif', {}, { acquisition: acquisition('lif/readlif_testdata_2channel_xz.lif') }),
    makeRow('zeiss.czi', {}, { acquisition: acquisition('czi/czitools_WellD6_S1.czi') }),
    makeRow('plain.tif'),
  ]).store;
}

describe('filtering by what the microscope recorded', () => {
  it('finds images by objective (63x as 63×), NA, channel and acquisition month', () => {
    const store = setup();
    const shown = (text: string) => {
      store.getState().setFilterText(text);
      return selectVisiblePaths(store.getState());
    };
    expect(shown('objective:63x')).toEqual(['leica.lif']);
    expect(shown('objective:63×')).toEqual(['leica.lif']);
    expect(shown('objective:"apo λ 60x"')).toEqual(['nikon.nd2']);
    expect(shown('na:>0.9')).toEqual(['nikon.nd2', 'leica.lif']);
    expect(shown('channel:AF488')).toEqual(['zeiss.czi']);
    expect(shown('channel:FITC')).toEqual(['leica.lif']);
    expect(shown('acquired:2014-06')).toEqual(['nikon.nd2']);
    expect(shown('interval:<1')).toEqual(['leica.lif']);
    expect(shown('instrument:""')).toEqual(['plain.tif']);
  });

  it('shows the values as the table cells read, and sorts numbers as numbers', () => {
    const nd2 = makeRow('nikon.nd2', {}, { acquisition: acquisition('nd2/pims_nd2_cluster.nd2') });
    const cell = (key: string) => columnText(nd2, columnByKey(key)!);
    expect(['instrument', 'objective', 'na', 'channel', 'zstep', 'acquired'].map(cell)).toEqual([
      'Nikon Ti',
      'Plan Apo λ 60x (NA 0.95)',
      '0.95',
      '5-FAM/pH 9.0 488/525, FM 4-64/2% CHAPS 561/700',
      '0.5',
      '2014-06-18 13:55 UTC',
    ]);
    expect(sortValue(nd2, columnByKey('na')!)).toBe(0.95);
    expect(sortValue(makeRow('plain.tif'), columnByKey('na')!)).toBeNull();
  });
});
