// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { DataTable, type Column } from '../../../../renderer/src/kit';
import { cells, draw, type Drawn } from './render';

interface Image {
  path: string;
  size: number;
}

const COLUMNS: Column<Image>[] = [
  { header: 'Image', rowHeader: true, className: 'mono', cell: (image) => image.path },
  { header: 'Size', className: 'num', headerClassName: 'num', cell: (image) => `${image.size} MB` },
];

let drawn: Drawn | null = null;
afterEach(() => drawn?.remove());

describe('DataTable', () => {
  test('heads each column and each row, and counts what it does not list', () => {
    drawn = draw(
      <DataTable
        caption="Images"
        columns={COLUMNS}
        rows={[
          { path: 'a.tif', size: 12 },
          { path: 'b.tif', size: 3 },
        ]}
        rowKey={(image) => image.path}
        more="and 4 more images"
      />,
    );
    const table = drawn.container.querySelector('table')!;
    expect(table.caption?.textContent).toBe('Images');
    expect(cells(table)).toEqual([['Image', 'Size'], ['a.tif', '12 MB'], ['b.tif', '3 MB'], ['and 4 more images']]);
    expect([...table.querySelectorAll('thead th')].map((th) => th.getAttribute('scope'))).toEqual(['col', 'col']);
    expect([...table.querySelectorAll('tbody th')].map((th) => [th.getAttribute('scope'), th.textContent])).toEqual([
      ['row', 'a.tif'],
      ['row', 'b.tif'],
    ]);
    expect(table.querySelector('tbody tr:last-child td')?.getAttribute('colspan')).toBe('2');
  });

  test('says its empty words instead of an empty table', () => {
    drawn = draw(
      <DataTable columns={COLUMNS} rows={[]} rowKey={(image) => image.path} empty="No image is taken back." />,
    );
    expect(drawn.container.querySelector('table')).toBeNull();
    expect(drawn.container.textContent).toBe('No image is taken back.');
  });

  test('without empty words, an empty table is not drawn at all', () => {
    drawn = draw(<DataTable label="Errors" columns={COLUMNS} rows={[]} rowKey={(image) => image.path} />);
    expect(drawn.container.innerHTML).toBe('');
  });

  test('headed when empty, it draws its caption and header with no rows', () => {
    drawn = draw(<DataTable caption="By sex" headedWhenEmpty columns={COLUMNS} rows={[]} rowKey={(i) => i.path} />);
    const table = drawn.container.querySelector('table')!;
    expect(table.caption?.textContent).toBe('By sex');
    expect(cells(table)).toEqual([['Image', 'Size']]);
  });

  test('a column kept to one line marks its header and cells nowrap, beside their own class', () => {
    const columns: Column<Image>[] = [COLUMNS[0]!, { ...COLUMNS[1]!, nowrap: true }];
    drawn = draw(
      <DataTable label="Sizes" columns={columns} rows={[{ path: 'a.tif', size: 1 }]} rowKey={(i) => i.path} />,
    );
    const table = drawn.container.querySelector('table')!;
    expect([...table.querySelectorAll('th, td')].map((cell) => cell.className)).toEqual([
      '',
      'num nowrap',
      'mono',
      'num nowrap',
    ]);
  });

  test('a headless table names itself and lists only its rows', () => {
    drawn = draw(
      <DataTable label="Facts" headless columns={COLUMNS} rows={[{ path: 'a.tif', size: 1 }]} rowKey={(i) => i.path} />,
    );
    const table = drawn.container.querySelector('table')!;
    expect(table.getAttribute('aria-label')).toBe('Facts');
    expect(cells(table)).toEqual([['a.tif', '1 MB']]);
  });
  test('a cell says its full text on hover; a plain table has its own class and look alone', () => {
    const columns: Column<Image>[] = [
      { ...COLUMNS[0]!, title: (image) => `${image.path} (on disk)` },
      { header: 'Size', cell: (image) => image.size, title: (image) => (image.size > 5 ? 'large' : undefined) },
    ];
    const rows = [
      { path: 'a.tif', size: 12 },
      { path: 'b.tif', size: 3 },
    ];
    drawn = draw(
      <DataTable plain className="tags-table" caption="Tags" columns={columns} rows={rows} rowKey={(i) => i.path} />,
    );
    const table = drawn.container.querySelector('table')!;
    expect(table.className).toBe('tags-table');
    expect(table.caption?.className).toBe('');
    expect(
      [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.getAttribute('title'))),
    ).toEqual([
      ['a.tif (on disk)', 'large'],
      ['b.tif (on disk)', null],
    ]);
  });

  test('a row with nothing to show has words across its cells after the first', () => {
    const rows = [
      { path: 'a.tif', size: 12 },
      { path: 'overview.tif', size: 0 },
    ];
    drawn = draw(
      <DataTable
        label="Preview"
        columns={[...COLUMNS, { header: 'Kind', cell: () => 'stack' }]}
        rows={rows}
        rowKey={(i) => i.path}
        spanned={(image) => (image.size === 0 ? 'No match: left as it is' : undefined)}
      />,
    );
    const table = drawn.container.querySelector('table')!;
    expect(cells(table)).toEqual([
      ['Image', 'Size', 'Kind'],
      ['a.tif', '12 MB', 'stack'],
      ['overview.tif', 'No match: left as it is'],
    ]);
    expect(table.querySelector('tbody tr:last-child td')?.getAttribute('colspan')).toBe('2');
  });
});
