/** Units normalised to the model's (µm, nm, s): converted values rounded, others kept as written. */
import { describe, expect, it } from 'vitest';
import { lengthInMicrons, timeInSeconds, wavelengthInNm } from '../../../../shared/acquisition/units';

describe('acquisition units', () => {
  it('rounds a converted value to 12 significant digits', () => {
    expect(lengthInMicrons('0.1', 'mm')).toBe(100);
    expect(wavelengthInNm('0.000488', 'mm')).toBe(488);
    expect(timeInSeconds('1.1', 'ms')).toBe(0.0011);
  });

  it('keeps a value in the model’s own unit exactly as written', () => {
    expect(lengthInMicrons('0.16250000000000001', 'µm')).toBe(0.16250000000000001);
    expect(lengthInMicrons('0.1234567890123456', 'um')).toBe(0.1234567890123456);
    expect(wavelengthInNm('488.00000000000006', 'nm')).toBe(488.00000000000006);
    expect(timeInSeconds('0.30000000000000004', 's')).toBe(0.30000000000000004);
  });

  it('gives nothing for an unknown unit or a value that is not a positive number', () => {
    expect(lengthInMicrons('1', 'furlong')).toBeUndefined();
    expect(lengthInMicrons('-1', 'µm')).toBeUndefined();
    expect(timeInSeconds('soon', 's')).toBeUndefined();
  });
});
