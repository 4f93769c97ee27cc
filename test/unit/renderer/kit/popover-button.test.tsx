// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { PopoverButton } from '../../../../renderer/src/kit';
import { draw, user, type Drawn } from './render';

let drawn: Drawn | null = null;
afterEach(() => drawn?.remove());

const button = () => drawn!.container.querySelector('button')!;
const popover = () => drawn!.container.querySelector('[role="dialog"]');

function help() {
  return (
    <PopoverButton
      className="help"
      buttonClassName="btn btn-icon"
      buttonLabel="Filter syntax"
      title="How to filter"
      face="?"
      label="Filter syntax"
      popoverClassName="help-popover"
    >
      <p>Every term must match.</p>
    </PopoverButton>
  );
}

describe('PopoverButton', () => {
  test('closed, the button says so; a click opens the popover named for assistive technology', () => {
    drawn = draw(help());
    expect(button().getAttribute('aria-label')).toBe('Filter syntax');
    expect(button().getAttribute('aria-expanded')).toBe('false');
    expect(popover()).toBeNull();
    user(() => button().click());
    expect(button().getAttribute('aria-expanded')).toBe('true');
    expect(popover()?.getAttribute('aria-label')).toBe('Filter syntax');
    expect(popover()?.className).toBe('popover help-popover');
    expect(popover()?.textContent).toBe('Every term must match.');
  });

  test('Escape closes it and gives the focus back to its button; so does a press outside', () => {
    drawn = draw(help());
    user(() => button().click());
    user(() => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' })));
    expect(popover()).toBeNull();
    expect(document.activeElement).toBe(button());
    user(() => button().click());
    user(() => document.body.dispatchEvent(new Event('pointerdown', { bubbles: true })));
    expect(popover()).toBeNull();
  });
});
