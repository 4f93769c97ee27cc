import { describe, expect, it } from 'vitest';
import { UNREAD_PATHS_KEPT, unreadFormatOf, unreadSummary, UnreadTally } from '../../../shared/unread-files';

describe('unread acquisition files', () => {
  it('knows the microscopy formats by their ending, in any case, and nothing else', () => {
    expect(
      ['x.czi', 'x.ND2', 'x.lif', 'x.oib', 'x.oir', 'x.ims', 'x.vsi', 'x.dv', 'p.ome.zarr'].map(unreadFormatOf),
    ).toEqual(['CZI', 'ND2', 'LIF', 'OIB', 'OIR', 'Imaris', 'VSI', 'DeltaVision', 'OME-Zarr']);
    for (const name of ['x.tif', 'x.lsm', 'x.czi.json', 'notes.txt', 'czi']) expect(unreadFormatOf(name)).toBeNull();
  });

  it('counts every file, names the first ones, and says so in one line', () => {
    const tally = new UnreadTally();
    for (let i = 0; i < UNREAD_PATHS_KEPT + 5; i++) tally.add(`f${i}.czi`, 'CZI');
    tally.add('a.lif', 'LIF');
    tally.add('b.nd2', 'ND2');
    const unread = tally.result();
    expect(unread.count).toBe(UNREAD_PATHS_KEPT + 7);
    expect(unread.paths).toHaveLength(UNREAD_PATHS_KEPT);
    expect(unreadSummary(unread)).toBe('207 files not read: 205 CZI, 1 ND2, 1 LIF');
    expect(unreadSummary(new UnreadTally().result())).toBe('');
  });
});
