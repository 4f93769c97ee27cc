// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { NextDialogButton } from '../../../../renderer/src/kit';
import { draw, user, type Drawn } from './render';

let drawn: Drawn | null = null;
afterEach(() => drawn?.remove());

describe('NextDialogButton', () => {
  test('says it opens a dialog, and a click closes this one before the next opens', () => {
    const calls: string[] = [];
    drawn = draw(
      <NextDialogButton title="Build the upload" leave={() => calls.push('leave')} open={() => calls.push('open')}>
        Build upload…
      </NextDialogButton>,
    );
    const button = drawn.container.querySelector('button')!;
    expect([button.textContent, button.getAttribute('aria-haspopup'), button.title]).toEqual([
      'Build upload…',
      'dialog',
      'Build the upload',
    ]);
    user(() => button.click());
    expect(calls).toEqual(['leave', 'open']);
  });
});
