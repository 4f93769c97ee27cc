// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { ReviewList, type ReviewGroup } from '../../../../renderer/src/kit';
import { cells, draw, type Drawn } from './render';

const GROUPS: ReviewGroup[] = [
  {
    key: 'Objective',
    label: 'Objective',
    changes: [
      { key: '1', before: '10x', after: '20x', count: 5 },
      { key: '2', before: '40x', after: '20x', count: 2 },
      { key: '3', before: '', after: '20x', count: 1 },
      { key: '4', before: '63x', after: '20x', count: 4 },
    ],
  },
  { key: 'Stain', label: 'Stain', changes: [{ key: '1', before: 'DAPI', after: 'Hoechst', count: 12 }] },
];

let drawn: Drawn | null = null;
afterEach(() => drawn?.remove());

describe('ReviewList', () => {
  test('each change old → new under its group, with its count; a group past `shown` ends in one counted line', () => {
    drawn = draw(
      <ReviewList
        caption="Changes"
        groups={GROUPS}
        groupHeader="Field"
        countHeader="Images"
        shown={2}
        rest={(hidden) => `${hidden} other changes`}
      />,
    );
    const table = drawn.container.querySelector('table')!;
    expect(table.caption?.textContent).toBe('Changes');
    expect(cells(table)).toEqual([
      ['Field', 'Old → new', 'Images'],
      ['Objective', '10x → 20x', '5'],
      ['', '40x → 20x', '2'],
      ['', '2 other changes', '5'],
      ['Stain', 'DAPI → Hoechst', '12'],
    ]);
    const first = table.querySelector('tbody tr')!;
    expect(first.querySelector('.review-old')?.textContent).toBe('10x');
    expect(first.querySelector('.review-new')?.textContent).toBe('20x');
  });

  test('cells between the group and the change, and no count column unless asked', () => {
    drawn = draw(
      <ReviewList
        caption="Header values"
        groupHeader="Image"
        cellHeaders={['Value', 'Where']}
        groups={[
          {
            key: 'a.tif',
            label: 'a.tif',
            changes: [{ key: 'x', before: '1', after: '0.5', cells: ['Pixel width', 'ImageJ description'] }],
          },
        ]}
      />,
    );
    expect(cells(drawn.container.querySelector('table')!)).toEqual([
      ['Image', 'Value', 'Where', 'Old → new'],
      ['a.tif', 'Pixel width', 'ImageJ description', '1 → 0.5'],
    ]);
  });
});
