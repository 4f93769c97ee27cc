import { describe, expect, it } from 'vitest';
import { storedValueText } from '../../../../shared/analysis';
import { formatFigure, formatResult, resultLabel, unitFromName } from '../../../../renderer/src/lib/result-format';

describe('result names and values', () => {
  it('take units from names, never for counts and ratios', () => {
    expect(unitFromName('diameter_um_mean')).toBe('µm');
    expect(unitFromName('speed_um_per_s')).toBe('µm/s');
    expect(unitFromName('duration_ms')).toBe('ms');
    expect(unitFromName('velocity_mean')).toBe('');
    expect(unitFromName('num_windows')).toBe('');
    expect(unitFromName('diameter_um_cv')).toBe('');
  });

  it('show stored values as written and row values in 6 digits', () => {
    expect(storedValueText({ kind: 'number', text: '1e-05' })).toBe('1e-05');
    expect(storedValueText({ kind: 'number', text: 'NaN' })).toBe('NaN');
    expect(storedValueText({ kind: 'boolean', value: false })).toBe('false');
    expect(storedValueText({ kind: 'null' })).toBe('null');
    expect(formatResult(1.74263643202636)).toBe('1.74264');
    expect(formatResult('-Infinity')).toBe('-Infinity');
    expect(formatResult(undefined)).toBe('');
    expect(resultLabel('diameter/2/1/diameter_um_mean/2')).toBe(
      'diameter · diameter_um_mean, ROI 2, channel 1 (record 2)',
    );
    expect(resultLabel('not a key')).toBeNull();
  });
});

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
