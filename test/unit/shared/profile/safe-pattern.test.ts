import { describe, expect, it } from 'vitest';
import { compileSafePattern } from '../../../../shared/profile';

const test = (source: string, value: string) => {
  const result = compileSafePattern(source);
  if (!result.ok) throw new Error(result.message);
  return result.pattern.test(value);
};

describe('compileSafePattern', () => {
  it.each([
    ['^(WT|Thy1-GCaMP6s)$', 'WT', true],
    ['^(WT|Thy1-GCaMP6s)$', 'WT2', false],
    ['GFP', 'Cx3cr1-GFP', true], // like RegExp.test: a match anywhere
    ['^P\\d+$', 'P30', true],
    ['^\\u00b5m$', 'µm', true], // JavaScript's \\u escape
    ['^\\u{1F42D}$', '🐭', true],
    ['^[A-Z]+[0-9]+$', 'CA1', true],
    ['^[A-Z]+[0-9]+$', 'ca1', false],
  ])('/%s/ on %j is %s', (source, value, expected) => {
    expect(test(source, value)).toBe(expected);
  });

  it('answers the classic catastrophic pattern (a+)+$ on a long value at once, and correctly', () => {
    // A backtracking engine takes about 2^n steps here: with 5,000 letters, never.
    expect(test('(a+)+$', `${'a'.repeat(5000)}!`)).toBe(false);
    expect(test('(a+)+$', `!${'a'.repeat(5000)}`)).toBe(true);
    expect(test('^(a+)+$', `${'a'.repeat(5000)}!`)).toBe(false);
    expect(test('^(a|a)*$', `${'a'.repeat(5000)}!`)).toBe(false);
    expect(test('^(a+)+$', 'a'.repeat(5000))).toBe(true);
  });

  it.each([
    ['(?=a)b', /cannot be run in linear time \(lookaround and backreferences are not supported\)/],
    ['(?<!a)b', /cannot be run in linear time/],
    ['(a)\\1', /cannot be run in linear time/],
    ['(a', /^not a valid regular expression: /],
    ['a{2,1}', /^not a valid regular expression: /],
  ])('refuses /%s/ with a reason', (source, reason) => {
    const result = compileSafePattern(source);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(reason);
  });
});
