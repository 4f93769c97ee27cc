// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { DataTable, numberColumn, removeColumn, type Column } from '../../../../renderer/src/kit';
import { cells, draw, user, type Drawn } from './render';

let drawn: Drawn | null = null;
afterEach(() => drawn?.remove());

describe('the grid columns', () => {
  test('each row numbered from 1 as its header, and a button named for the row removes it unless held back', () => {
    const remove = vi.fn();
    const columns: Column<string>[] = [
      numberColumn(),
      removeColumn({ label: (id) => `Remove ${id}`, disabled: (id) => id === 'Cy5', remove }),
      { header: 'Channel ID', cell: (id) => id },
    ];
    drawn = draw(<DataTable columns={columns} rows={['DAPI', 'Cy5']} rowKey={(id) => id} />);
    const table = drawn.container.querySelector('table')!;
    expect(cells(table)).toEqual([
      ['#', 'Remove', 'Channel ID'],
      ['1', '', 'DAPI'],
      ['2', '', 'Cy5'],
    ]);
    expect([...table.querySelectorAll('tbody th')].map((th) => th.getAttribute('scope'))).toEqual(['row', 'row']);
    const buttons = [...table.querySelectorAll('button')];
    expect(buttons.map((b) => [b.getAttribute('aria-label'), b.title, b.disabled])).toEqual([
      ['Remove DAPI', 'Remove DAPI', false],
      ['Remove Cy5', 'Remove Cy5', true],
    ]);
    user(() => buttons[0]!.click());
    user(() => buttons[1]!.click());
    expect(remove.mock.calls).toEqual([['DAPI', 0]]);
  });
});
