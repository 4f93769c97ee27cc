/** What the command line and the app say before a to-do's items: plain words, no zero count. */
import { describe, expect, it } from 'vitest';
import { todoHeadline } from '../../../../shared/submission';

const item = (required: boolean) => ({ required });

describe('todoHeadline', () => {
  it('says nothing is left, nothing required is left, or how many required items are', () => {
    expect(todoHeadline([])).toBe('Nothing left to do.');
    expect(todoHeadline([item(false)])).toBe('Nothing required is left. 1 optional item:');
    expect(todoHeadline([item(true), item(true)])).toBe('2 required items left:');
    expect(todoHeadline([item(true), item(false), item(false)])).toBe('1 required item and 2 optional items left:');
    expect(todoHeadline(Array.from({ length: 1200 }, () => item(true)))).toBe('1,200 required items left:');
  });
});
