import { describe, expect, it } from 'vitest';
import {
  FOLDER_TOO_DEEP,
  UNREAD_PATHS_KEPT,
  unreadFormatOf,
  unreadLabel,
  unreadSummary,
  UnreadTally,
} from '../../../shared/unread-files';

describe('unread acquisition files', () => {
  it('knows the microscopy formats by their ending, in any case, and nothing else', () => {
    expect(['x.LOF', 'x.xlif', 'x.oir', 'x.ims', 'x.vsi', 'x.dv', 'p.cs.ome.zarr.zip'].map(unreadFormatOf)).toEqual([
      'LOF',
      'XLIF',
      'OIR',
      'Imaris',
      'VSI',
      'DeltaVision',
      'zipped CloudScope store',
    ]);
    // CZI, ND2, LIF and OIB files and OME-Zarr stores (zipped too) are read: never counted as not read
    for (const name of [
      'x.tif',
      'x.czi',
      'x.nd2',
      'x.lif',
      'x.oib',
      'x.oir.json',
      'p.ome.zarr',
      'p.ome.zarr.zip',
      'notes.txt',
      'oir',
    ])
      expect(unreadFormatOf(name)).toBeNull();
  });

  it('counts every file, names the first ones, and says so in one line', () => {
    const tally = new UnreadTally();
    for (let i = 0; i < UNREAD_PATHS_KEPT + 5; i++) tally.add(`f${i}.oir`, 'OIR');
    tally.add('a.ims', 'Imaris');
    tally.add('b.vsi', 'VSI');
    const unread = tally.result();
    expect(unread.count).toBe(UNREAD_PATHS_KEPT + 7);
    expect(unread.paths).toHaveLength(UNREAD_PATHS_KEPT);
    expect(unreadSummary(unread)).toBe('207 files not read: 205 OIR, 1 Imaris, 1 VSI');
    expect(unreadSummary(new UnreadTally().result())).toBe('');
  });

  it('names a folder too deep to list apart from the files', () => {
    const tally = new UnreadTally();
    tally.add('raw/a.oir', 'OIR');
    tally.add('deep/d', FOLDER_TOO_DEEP);
    expect(unreadSummary(tally.result())).toBe('1 file not read: 1 OIR; 1 folder too deep to list (over 256 levels)');
    expect(unreadLabel(tally.result())).toBe('1 file not read, 1 folder not listed');
    const folderOnly = new UnreadTally();
    folderOnly.add('deep/d', FOLDER_TOO_DEEP);
    expect(unreadLabel(folderOnly.result())).toBe('1 folder not listed');
  });
});
