// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { wrapTab } from '../../../../renderer/src/kit/focus-trap';
import { draw, type Drawn } from './render';

let drawn: Drawn | null = null;
afterEach(() => drawn?.remove());

/** A dialog's controls: a field, a disabled button Tab passes over, OK and Cancel. */
function controls(): HTMLElement {
  drawn = draw(
    <div>
      <input aria-label="Name" />
      <button type="button" disabled>
        Apply
      </button>
      <button type="button">OK</button>
      <button type="button">Cancel</button>
    </div>,
  );
  return drawn.container.firstElementChild as HTMLElement;
}

/** The name of the control with the focus: its text, or its aria-label. */
const focused = () => {
  const active = document.activeElement as HTMLElement;
  return active.textContent || active.getAttribute('aria-label');
};

describe('wrapTab', () => {
  test('Tab on the last control comes round to the first', () => {
    const root = controls();
    root.querySelectorAll('button')[2]!.focus();
    expect(wrapTab(root, false)).toBe(true);
    expect(focused()).toBe('Name');
  });

  test('Shift+Tab on the first control goes round to the last', () => {
    const root = controls();
    root.querySelector('input')!.focus();
    expect(wrapTab(root, true)).toBe(true);
    expect(focused()).toBe('Cancel');
  });

  test('between the first and the last, Tab is left to the browser', () => {
    const root = controls();
    root.querySelectorAll('button')[1]!.focus();
    expect(wrapTab(root, false)).toBe(false);
    expect(wrapTab(root, true)).toBe(false);
    expect(focused()).toBe('OK');
  });

  test('with the focus outside, Tab brings it in', () => {
    const root = controls();
    (document.activeElement as HTMLElement | null)?.blur();
    expect(wrapTab(root, false)).toBe(true);
    expect(focused()).toBe('Name');
  });
});
