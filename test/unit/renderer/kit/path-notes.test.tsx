// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { PathNotes } from '../../../../renderer/src/kit';
import { draw, type Drawn } from './render';

let drawn: Drawn | null = null;
afterEach(() => drawn?.remove());

describe('PathNotes', () => {
  test('files with what is said of them, a file alone, words alone, under the title and its count', () => {
    drawn = draw(
      <PathNotes
        title="Not read"
        notes={[
          { path: 'a.tif', text: 'not a TIFF' },
          { path: 'extras/x.txt', text: '' },
          { path: '', text: 'channels.tsv: cannot be used as a channel table' },
        ]}
      />,
    );
    const section = drawn.container.querySelector('section')!;
    expect(section.querySelector('h3')?.textContent).toBe('Not read (3)');
    expect(section.getAttribute('aria-labelledby')).toBe(section.querySelector('h3')?.id);
    const items = [...section.querySelectorAll('li')];
    expect(items.map((item) => item.textContent)).toEqual([
      'a.tif: not a TIFF',
      'extras/x.txt',
      'channels.tsv: cannot be used as a channel table',
    ]);
    expect(items.map((item) => item.querySelectorAll('.mono').length)).toEqual([1, 1, 0]);
  });

  test('the count of many is written with a thousands separator, the first 50 listed and the rest counted', () => {
    const notes = Array.from({ length: 1234 }, (_, i) => ({ path: `f${i}.tif`, text: '' }));
    drawn = draw(<PathNotes title="Not allowed" notes={notes} />);
    expect(drawn.container.querySelector('h3')?.textContent).toBe('Not allowed (1,234)');
    const items = [...drawn.container.querySelectorAll('li')];
    expect(items).toHaveLength(51);
    expect(items[50]?.textContent).toBe('and 1,184 more files');
  });
});
