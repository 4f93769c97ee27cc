// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ProgressFooter } from '../../../../renderer/src/kit';
import { draw, user, type Drawn } from './render';

let drawn: Drawn | null = null;
afterEach(() => drawn?.remove());

const buttons = () => [...drawn!.container.querySelectorAll('button')];

describe('ProgressFooter', () => {
  test('the bar, the step in words, the item under way, the note, and Cancel focused first', () => {
    const cancel = vi.fn();
    drawn = draw(
      <ProgressFooter
        label="Images written"
        progress={{ done: 3, total: 40, current: 'b.tif' }}
        text="3 of 40 images written"
        note="Cancel stops between two files."
        onCancel={cancel}
        cancelLabel="Cancel export"
      />,
    );
    const bar = drawn.container.querySelector('progress')!;
    expect([bar.getAttribute('aria-label'), bar.getAttribute('value'), bar.getAttribute('max')]).toEqual([
      'Images written',
      '3',
      '40',
    ]);
    const texts = [...drawn.container.querySelectorAll('p')].map((p) => p.textContent);
    expect(texts).toEqual(['3 of 40 images written', 'b.tif', 'Cancel stops between two files.']);
    expect(drawn.container.querySelector('[aria-live="polite"]')?.textContent).toBe('3 of 40 images written');
    const [button] = buttons();
    expect(button?.textContent).toBe('Cancel export');
    expect(button?.hasAttribute('data-autofocus')).toBe(true);
    user(() => button!.click());
    expect(cancel).toHaveBeenCalledTimes(1);
  });

  test('before its first step the bar has no value; Close beside the job’s own Cancel, which can be held back', () => {
    drawn = draw(
      <ProgressFooter label="Planes written" progress={null} text="Starting…" onCancel={() => {}} cancelLabel="Close">
        <button type="button" disabled>
          Cancel conversion
        </button>
      </ProgressFooter>,
    );
    expect(drawn.container.querySelector('progress')?.hasAttribute('value')).toBe(false);
    expect(buttons().map((b) => [b.textContent, b.disabled])).toEqual([
      ['Cancel conversion', true],
      ['Close', false],
    ]);
  });

  test('a cancel held back cannot be clicked', () => {
    const cancel = vi.fn();
    drawn = draw(
      <ProgressFooter
        label="Images done"
        progress={{ done: 0, total: 2, current: 'a.tif' }}
        text="Cancelling…"
        onCancel={cancel}
        cancelLabel="Cancel writing"
        cancelDisabled
      />,
    );
    const [button] = buttons();
    expect(button?.disabled).toBe(true);
    user(() => button!.click());
    expect(cancel).not.toHaveBeenCalled();
  });
});
