import { describe, expect, it } from 'vitest';
import { formatFigure } from '../../../../renderer/src/lib/result-format';

describe('formatFigure', () => {
  it('gives summary figures 4 significant digits, trailing zeros kept, whole numbers from 10,000', () => {
    expect(formatFigure(1.9182171356899185)).toBe('1.918');
    expect(formatFigure(0.44304057870656)).toBe('0.4430');
    expect(formatFigure(12.5)).toBe('12.50');
    expect(formatFigure(-0.000123456)).toBe('-0.0001235');
    expect(formatFigure(0.00000012345)).toBe('1.235e-7');
    expect(formatFigure(9999.96)).toBe('10000');
    expect(formatFigure(-12345.6)).toBe('-12,346');
    expect(formatFigure(0)).toBe('0');
  });
});
