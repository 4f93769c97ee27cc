import { describe, expect, it } from 'vitest';
import { EDITABLE_FIELDS, type FieldValues } from '../../../../shared/fields/field-table';
import type { SheetTable } from '../../../../shared/sheets/sheet-cell';
import {
  planRows,
  readLayout,
  readRows,
  type RowTarget,
  type TableLayout,
} from '../../../../shared/sheets/table-import';

const defaults: FieldValues = Object.fromEntries(EDITABLE_FIELDS.map((f) => [f.name, f.default]));
const image = (values: FieldValues = {}): RowTarget => ({ kind: 'image', values: { ...defaults, ...values } });

function layoutOf(table: SheetTable): TableLayout {
  const read = readLayout(table);
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return read.layout;
}

describe('readLayout', () => {
  it('takes columns by sidecar key or display name, in any order', () => {
    const layout = layoutOf([['Genotype', 'PATH', 'physical_unit_x', '']]);
    expect(layout.pathColumn).toBe(1);
    expect(layout.fields.map((f) => f?.name ?? null)).toEqual(['genotype', null, 'physical_unit_x', null]);
  });

  it('names every unknown or repeated column, on row 1', () => {
    expect(readLayout([['path', 'colour', 'cell_type', 'Cell type']])).toEqual({
      ok: false,
      errors: [
        { row: 1, column: 'colour', message: 'unknown column "colour"' },
        { row: 1, column: 'Cell type', message: '"Cell type" and "cell_type" are both Cell type' },
      ],
    });
    expect(readLayout([['species']])).toMatchObject({ ok: false, errors: [{ row: 1, column: null }] });
  });
});

describe('readRows', () => {
  it('keeps row numbers, skips blank rows and reports short rows, stray values and repeated paths', () => {
    const table: SheetTable = [
      ['path', 'species', ''],
      ['a.tif', 'rat', null],
      [],
      ['', ' ', null],
      ['b.tif'],
      ['c.tif', 'x', 'oops'],
      ['a.tif', 'mouse', ''],
    ];
    const { rows, errors } = readRows(table, layoutOf(table));
    expect(rows.map((r) => [r.row, r.path])).toEqual([
      [2, 'a.tif'],
      [6, 'c.tif'],
    ]);
    expect(errors).toEqual([
      { row: 5, column: null, message: '1 cells, the header has 3' },
      { row: 6, column: null, message: 'a value in column 3, which has no header' },
      { row: 7, column: 'path', message: 'a.tif is also on row 2' },
    ]);
  });
});

describe('planRows', () => {
  const table: SheetTable = [
    ['path', 'genotype', 'depth'],
    ['a.tif', 'mouse1', '75.0'],
    ['b.tif', 'mouse2', 'deep'],
    ['gone.tif', 'x', ''],
    ['c.tif', 'mouse3', ''],
    ['bad.tif', 'y', ''],
  ];
  const layout = layoutOf(table);
  const { rows } = readRows(table, layout);
  const targets: RowTarget[] = [
    image({ genotype: 'mouse1', depth: 75 }),
    image({ genotype: 'mouse1' }),
    { kind: 'unmatched', message: 'gone.tif does not exist: no image here.' },
    image({ genotype: 'mouse1', depth: 3 }),
    { kind: 'error', message: 'invalid sidecar, left as it is: not valid JSON' },
  ];

  it('lists every change, every error with row and column, unmatched rows and drag-fill runs', () => {
    const { preview, rowChanges } = planRows(layout, rows, targets);
    expect(preview.rows).toBe(5);
    expect(preview.changes).toEqual([
      { path: 'b.tif', field: 'genotype', before: 'mouse1', after: 'mouse2' },
      { path: 'c.tif', field: 'genotype', before: 'mouse1', after: 'mouse3' },
      { path: 'c.tif', field: 'depth', before: 3, after: null },
    ]);
    expect(preview.errors).toEqual([
      { row: 3, column: 'depth', message: 'b.tif: Depth: must be a number in µm (got "deep")' },
      { row: 6, column: 'path', message: 'bad.tif: invalid sidecar, left as it is: not valid JSON' },
    ]);
    expect(preview.warnings).toEqual([
      {
        kind: 'drag-fill',
        row: 2,
        column: 'genotype',
        message: expect.stringMatching(
          /^rows 2–5: "mouse1", "mouse2", "mouse3" count up where all held "mouse1" before/,
        ),
      },
      {
        kind: 'unmatched-path',
        row: 4,
        column: 'path',
        message: 'gone.tif does not exist: no image here. The row is left out.',
      },
    ]);
    expect(rowChanges).toEqual([
      { row: 3, path: 'b.tif', changes: { genotype: 'mouse2' } },
      { row: 5, path: 'c.tif', changes: { genotype: 'mouse3', depth: null } },
    ]);
  });

  it('changes nothing for a row that shows what is stored', () => {
    const { preview } = planRows(layout, rows.slice(0, 1), targets.slice(0, 1));
    expect(preview).toEqual({ rows: 1, changes: [], errors: [], warnings: [] });
  });
});

describe('formula cells of a workbook', () => {
  const hyperlink = { formula: 'HYPERLINK("http://evil.example","click")', result: 'click' };

  it('are refused in the header, in the path column and in a field column, each with its row and column', () => {
    expect(readLayout([['path', { formula: 'A1', result: 'path' }]])).toEqual({
      ok: false,
      errors: [
        {
          row: 1,
          column: null,
          message:
            'the header of column 2 is the formula =A1 (showing "path"); an import takes values, not formulas: replace it by its value (Paste Special › Values) or type the text',
        },
      ],
    });
    const table: SheetTable = [
      ['path', 'note', 'depth'],
      [{ formula: 'B9', result: null }, 'x', null],
      ['a.tif', hyperlink, { formula: 'C1*2', result: '150' }],
    ];
    const layout = layoutOf(table);
    const { rows, errors } = readRows(table, layout);
    expect(errors).toEqual([
      {
        row: 2,
        column: 'path',
        message: expect.stringMatching(/^the path is the formula =B9 \(showing no computed value\); /),
      },
    ]);
    const { preview, rowChanges } = planRows(layout, rows, [image({ note: 'click', depth: 150 })]);
    expect(preview.errors).toEqual([
      {
        row: 3,
        column: 'note',
        message: expect.stringMatching(
          /^a\.tif: Note: the cell is the formula =HYPERLINK\("http:\/\/evil\.example","click"\) \(showing "click"\); an import takes values, not formulas/,
        ),
      },
      {
        row: 3,
        column: 'depth',
        message: expect.stringMatching(/^a\.tif: Depth: the cell is the formula =C1\*2 \(showing "150"\)/),
      },
    ]);
    expect(rowChanges).toEqual([]);
  });
});
