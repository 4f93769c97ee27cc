import { describe, expect, it } from 'vitest';
import { cloudscopeDims, pythonDict, pythonTuple } from '../../../../shared/tiff/header-values';

describe('CloudScope axis rules', () => {
  it('keeps TCZYX axes and turns samples into channels', () => {
    expect(cloudscopeDims('TZCYX')).toBe('TZCYX');
    expect(cloudscopeDims('YXS')).toBe('YXC');
    expect(cloudscopeDims('SYX')).toBe('CYX');
  });

  it('falls back on the rank for other letters', () => {
    expect(cloudscopeDims('QYX')).toBe('ZYX');
    expect(cloudscopeDims('IYX')).toBe('ZYX');
    expect(cloudscopeDims('QSYX')).toBe('CZYX');
    expect(cloudscopeDims('IZCYX')).toBe('TCZYX');
    expect(cloudscopeDims('YX')).toBe('YX');
  });
});

describe('Python reprs', () => {
  it('prints tuples like Python', () => {
    expect(pythonTuple([2, 512, 512])).toBe('(2, 512, 512)');
    expect(pythonTuple([5])).toBe('(5,)');
    expect(pythonTuple(['C', 'Y', 'X'])).toBe("('C', 'Y', 'X')");
    expect(pythonTuple([])).toBe('()');
  });

  it('prints dict(zip(dims, shape)) like Python, repeated keys included', () => {
    expect(pythonDict(['C', 'Y', 'X'], [2, 512, 512])).toBe("{'C': 2, 'Y': 512, 'X': 512}");
    expect(pythonDict(['C', 'Y', 'X', 'C'], [2, 8, 8, 3])).toBe("{'C': 3, 'Y': 8, 'X': 8}");
  });
});
