import { describe, expect, it } from 'vitest';
import { EDITABLE_FIELDS } from '../../../../shared/fields/field-table';
import { omeroTable } from '../../../../shared/sheets/omero-table';
import { formatTableVerbatim, parseTableVerbatim } from '../../../../shared/sheets/table-text';

const defaults = Object.fromEntries(EDITABLE_FIELDS.map((f) => [f.name, f.default]));

describe('omeroTable', () => {
  it('names datasets by folder and images by file name, with a "# header" row of column types', () => {
    const { table, emptyNumbers } = omeroTable(
      [
        { path: 'top.tif', values: { ...defaults, species: 'mouse', depth: 75, branch_order: 2 } },
        { path: 'raw/day1/m3.ome.tif', values: { ...defaults, depth: 0.5, branch_order: 3, note: 'two\nlines' } },
      ],
      'lab',
    );
    const header = table[1]!;
    const col = (name: string) => header.indexOf(name);
    expect(table[0]!.slice(0, 2)).toEqual(['# header s', 's']);
    expect(table[0]![col('species')]).toBe('s');
    expect(table[0]![col('depth')]).toBe('d');
    expect(table[0]![col('branch_order')]).toBe('l');
    expect(header.slice(0, 3)).toEqual(['Dataset Name', 'Image Name', 'species']);
    expect(table[2]!.slice(0, 3)).toEqual(['lab', 'top.tif', 'mouse']);
    expect(table[3]!.slice(0, 2)).toEqual(['raw/day1', 'm3.ome.tif']);
    expect(table[2]![col('depth')]).toBe('75.0');
    expect(table[3]![col('note')]).toBe('two\nlines');
    expect(emptyNumbers).toEqual([]);
  });

  it('makes a whole-number column with empty cells a double column and names it for --allow_nan', () => {
    const { table, emptyNumbers } = omeroTable([{ path: 'a.tif', values: defaults }], 'lab');
    expect(table[0]![table[1]!.indexOf('branch_order')]).toBe('d');
    expect(emptyNumbers).toEqual(['depth', 'branch_order']);
  });

  it('writes text as it is, for populate to store as it is, and counts the cells a spreadsheet would run', () => {
    const note = '=HYPERLINK("http://evil.example","click")';
    const { table, formulaLike } = omeroTable(
      [
        { path: '@raw/-m1.tif', values: { ...defaults, note, genotype: "'WT", depth: -5 } },
        { path: 'b.tif', values: { ...defaults, genotype: '+1' } },
      ],
      'lab',
    );
    // populate reads the file with Python's csv.reader (comma, double quotes doubled) and stores
    // a string column's cell as it is: the same cells as RFC 4180 reading gives.
    const stored = parseTableVerbatim(formatTableVerbatim(table, 'csv'), 'csv');
    const col = (name: string) => table[1]!.indexOf(name);
    expect(stored[2]!.slice(0, 2)).toEqual(['@raw', '-m1.tif']);
    expect([stored[2]![col('note')], stored[2]![col('genotype')], stored[2]![col('depth')]]).toEqual([
      note,
      "'WT",
      '-5.0',
    ]);
    expect(stored[3]![col('genotype')]).toBe('+1');
    expect(formulaLike).toBe(4);
  });
});
