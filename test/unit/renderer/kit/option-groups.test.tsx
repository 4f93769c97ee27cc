// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { CheckGroup, RadioGroup } from '../../../../renderer/src/kit';
import { draw, user, type Drawn } from './render';

let drawn: Drawn | null = null;
afterEach(() => drawn?.remove());

describe('RadioGroup and CheckGroup', () => {
  test('radios under their legend are one group of their own; a checkbox under its legend with its hint', () => {
    const pick = vi.fn();
    const check = vi.fn();
    drawn = draw(
      <>
        <RadioGroup
          legend="Compression"
          value="zlib"
          onChange={pick}
          choices={[
            { value: 'zlib', label: 'zlib', hint: 'Lossless' },
            { value: 'none', label: 'None', hint: 'Largest' },
          ]}
        />
        <RadioGroup legend="Ending" value="a" onChange={pick} choices={[{ value: 'a', label: '.a' }]} />
        <CheckGroup
          legend="Existing files"
          text={{ label: 'Replace existing files', hint: 'Off: skipped' }}
          checked={false}
          onChange={check}
        />
      </>,
    );
    const groups = [...drawn.container.querySelectorAll('fieldset')];
    expect(groups.map((group) => group.querySelector('legend')?.textContent)).toEqual([
      'Compression',
      'Ending',
      'Existing files',
    ]);
    const [zlib, none, a] = [...drawn.container.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(zlib!.name).toBe(none!.name);
    expect(a!.name).not.toBe(zlib!.name);
    expect([zlib!.checked, none!.checked, a!.checked]).toEqual([true, false, true]);
    user(() => none!.click());
    expect(pick).toHaveBeenCalledWith('none');
    expect(groups[2]!.textContent).toBe('Existing filesReplace existing filesOff: skipped');
    user(() => groups[2]!.querySelector('input')!.click());
    expect(check).toHaveBeenCalledWith(true);
  });
});
