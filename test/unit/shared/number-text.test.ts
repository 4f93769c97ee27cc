import { describe, expect, it } from 'vitest';
import { cleanNumber, numberText, numericText } from '../../../shared/number-text';

describe('numberText', () => {
  it('drops a double’s noise past 15 significant digits', () => {
    expect(numberText(1.4000000000000001)).toBe('1.4');
    expect(numberText(488.00000000000006)).toBe('488');
    expect(numberText(0.09999999999999999)).toBe('0.1');
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(1.6e-7 * 1e6)).toBe('0.16');
  });

  it('writes a float32 widened to a double as the float32 was written', () => {
    expect(numberText(Math.fround(1.4))).toBe('1.4');
    expect(numberText(Math.fround(0.0439))).toBe('0.0439');
    expect(numberText(Math.fround(350))).toBe('350');
  });

  it('keeps short values and integers exactly', () => {
    expect(numberText(2147483648)).toBe('2147483648');
    expect(numberText(0.123456789012)).toBe('0.123456789012');
    expect(numberText(1e-7)).toBe('1e-7');
    expect(numberText(-0)).toBe('0');
    expect(numberText(Number.NaN)).toBe('NaN');
  });

  it('gives numbers JSON writes cleanly', () => {
    expect(JSON.stringify([cleanNumber(0.09999999999999999), cleanNumber(Math.fround(1.4))])).toBe('[0.1,1.4]');
  });
});

describe('numericText', () => {
  it('cleans a number read as text, and keeps any other text', () => {
    expect(numericText('1.4000000000000001')).toBe('1.4');
    expect(numericText('488.00000000000006')).toBe('488');
    expect(numericText('1.40')).toBe('1.40');
    expect(numericText('HC PL APO 63x/1.40')).toBe('HC PL APO 63x/1.40');
    expect(numericText('')).toBe('');
  });
});
