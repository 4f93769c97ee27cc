import { describe, expect, it } from 'vitest';
import { storedValueText } from '../../../../shared/analysis';
import { formatResult, resultLabel, unitFromName } from '../../../../shared/columns';

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
