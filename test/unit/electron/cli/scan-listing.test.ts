import { describe, expect, it } from 'vitest';
import type { ImageRow } from '../../../../shared/api';
import { listingHeading, listingLine, pathColumnWidth } from '../../../../electron/cli/row-format';

const PATHS = [
  'cells/multi-channel.ome.tif',
  'Thy1-GCaMP6s_cohort-3/mouse01_left-hemisphere/session1_2026-03-04_awake/z-stack_0001.tif',
  'Thy1-GCaMP6s_cohort-3/mouse01_left-hemisphere/session2_2026-03-05_awake/z-stack_0001.tif',
  'stacks/float.tif',
];

/** A row as the listing reads it: a header-less image with an ok sidecar. */
const row = (path: string): ImageRow =>
  ({ path, header: null, sidecar: 'ok', errors: [], format: 'tiff' }) as unknown as ImageRow;

/** The listing of `PATHS` as `acqmeta scan` prints it for `columns` (null: a pipe). */
function listing(columns: number | null): string[] {
  const width = pathColumnWidth(PATHS, columns);
  return [listingHeading(width), ...PATHS.map((p) => listingLine(row(p), width))];
}

describe('the scan listing with long paths', () => {
  it.each([100, 200])('keeps its columns in line on a terminal %i columns wide', (columns) => {
    const lines = listing(columns);
    const at = lines[0]!.indexOf('dims');
    for (const line of lines.slice(1)) expect(line.indexOf(' -  ')).toBe(at - 1);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(columns);
    expect(lines[1]!.startsWith('cells/multi-channel.ome.tif  ')).toBe(true);
  });

  it('cuts a path too long for a terminal as the app does: folders to their start, the name whole', () => {
    const lines = listing(100);
    expect(lines.slice(2, 4).map((l) => l.slice(0, l.indexOf('  ')))).toEqual([
      'Thy1-GC…/mouse01…/session…/z-stack_0001.tif',
      'Thy1-GC…/mouse01…/session…/z-stack_0001.tif',
    ]);
    // 200 columns leave room for the whole path
    expect(listing(200)[2]!.startsWith(`${PATHS[1]}  `)).toBe(true);
  });

  it('in a pipe, shows every path whole, the columns in line at the longest', () => {
    const lines = listing(null);
    const at = lines[0]!.indexOf('dims');
    expect(at).toBe(PATHS[1]!.length + 2);
    for (const [i, line] of lines.slice(1).entries()) expect(line.slice(0, at).trimEnd()).toBe(PATHS[i]);
  });

  it('never cuts a file name: the column is at least the longest name wide', () => {
    const name = `${'n'.repeat(90)}.tif`;
    const width = pathColumnWidth([`a/b/${name}`], 100);
    expect(listingLine(row(`a/b/${name}`), width)).toMatch(new RegExp(`^…${name}  -`));
  });
});
