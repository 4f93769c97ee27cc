// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { RadioRows } from '../../../../renderer/src/kit';
import { draw, user, type Drawn } from './render';

let drawn: Drawn | null = null;
afterEach(() => drawn?.remove());

describe('RadioRows', () => {
  test('a choice with a hint shows it under its label; one without is a single line; one held back cannot be chosen', () => {
    const change = vi.fn();
    drawn = draw(
      <RadioRows
        name="scope"
        value="folder"
        onChange={change}
        choices={[
          { value: 'folder', label: 'All 12 images of the folder' },
          { value: 'selection', label: 'The 0 selected images', disabled: true },
          { value: 'xlsx', label: 'Excel workbook (.xlsx)', hint: 'Numbers as number cells' },
        ]}
      />,
    );
    const rows = [...drawn.container.querySelectorAll('label')];
    expect(rows.map((row) => [row.textContent, row.className])).toEqual([
      ['All 12 images of the folder', 'check-row'],
      ['The 0 selected images', 'check-row'],
      ['Excel workbook (.xlsx)Numbers as number cells', 'check-row choice-row'],
    ]);
    const radios = [...drawn.container.querySelectorAll('input')];
    expect(radios.map((radio) => [radio.name, radio.checked, radio.disabled])).toEqual([
      ['scope', true, false],
      ['scope', false, true],
      ['scope', false, false],
    ]);
    user(() => radios[2]!.click());
    expect(change).toHaveBeenCalledWith('xlsx');
  });
});
