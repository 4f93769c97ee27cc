// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { FieldRow } from '../../../../renderer/src/kit';
import { draw, type Drawn } from './render';

let drawn: Drawn | null = null;
afterEach(() => drawn?.remove());

/** The field row of a folder path, with `message`. */
const row = (message: string | null, invalid: boolean) => (
  <FieldRow id="folder" label="Folder path" message={message} invalid={invalid}>
    {(control) => <input {...control} className="input" />}
  </FieldRow>
);

describe('FieldRow', () => {
  test('the label names the control; without a message nothing describes it', () => {
    drawn = draw(row(null, false));
    const input = drawn.container.querySelector('input')!;
    expect(drawn.container.querySelector('label')?.htmlFor).toBe('folder');
    expect(input.id).toBe('folder');
    expect(input.hasAttribute('aria-describedby')).toBe(false);
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(drawn.container.querySelectorAll('p')).toHaveLength(0);
  });

  test('a field that can be in error is not marked invalid while no error shows', () => {
    drawn = draw(row(null, true));
    const input = drawn.container.querySelector('input')!;
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(input.hasAttribute('aria-describedby')).toBe(false);
  });

  test('a hint describes the control, quietly', () => {
    drawn = draw(row('Inside the open folder.', false));
    const input = drawn.container.querySelector('input')!;
    const hint = drawn.container.querySelector(`#${input.getAttribute('aria-describedby')}`)!;
    expect(hint.textContent).toBe('Inside the open folder.');
    expect(hint.getAttribute('role')).toBeNull();
    expect(hint.className).toBe('muted small');
  });

  test('an error marks the control invalid and is announced', () => {
    drawn = draw(row('No folder /data/x here.', true));
    const input = drawn.container.querySelector('input')!;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const error = drawn.container.querySelector(`#${input.getAttribute('aria-describedby')}`)!;
    expect(error.textContent).toBe('No folder /data/x here.');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.classList.contains('field-error')).toBe(true);
  });
});
