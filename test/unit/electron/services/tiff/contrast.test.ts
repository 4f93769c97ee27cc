import { describe, expect, it } from 'vitest';
import { autoContrast, fitSize, percentileRange } from '../../../../../electron/services/tiff/contrast';

describe('auto-contrast', () => {
  it('stretches 12-bit data in a 16-bit container to the full 8 bits', () => {
    const values = Uint16Array.from({ length: 1000 }, (_, i) => 1000 + i * 3);
    const out = autoContrast(values);
    expect(out[0]).toBe(0);
    expect(out[999]).toBe(255);
    expect(out[500]).toBeGreaterThan(120);
    expect(out[500]).toBeLessThan(135);
  });

  it('ignores the outer 0.5 % so a few hot pixels do not flatten the image', () => {
    const values = new Float32Array(1000).map((_, i) => i / 1000);
    values[0] = -1e9;
    values[999] = 1e9;
    const [lo, hi] = percentileRange(values) ?? [0, 0];
    expect(lo).toBeGreaterThan(-1);
    expect(hi).toBeLessThan(1);
  });

  it('skips NaN and infinities in float images', () => {
    const out = autoContrast(Float64Array.from([NaN, 0, 1, Infinity, 2]));
    expect(Array.from(out)).toEqual([0, 0, 128, 0, 255]);
  });

  it('keeps a constant plane gray instead of black', () => {
    expect(Array.from(autoContrast(Uint8Array.from([220, 220])))).toEqual([220, 220]);
  });

  it('inverts for min-is-white images', () => {
    expect(Array.from(autoContrast(Uint8Array.from([0, 1]), true, [0, 1]))).toEqual([255, 0]);
  });
});

describe('fitSize', () => {
  it('fits the longer side and never enlarges', () => {
    expect(fitSize(2000, 1000, 500)).toEqual({ width: 500, height: 250 });
    expect(fitSize(16, 12, 512)).toEqual({ width: 16, height: 12 });
    expect(fitSize(7795, 1, 100)).toEqual({ width: 100, height: 1 });
  });

  it('keeps up to 64 pixels (at most maxSize) on the short side of a long, thin image: a line scan keeps its columns', () => {
    expect(fitSize(24, 3000, 512)).toEqual({ width: 24, height: 512 });
    expect(fitSize(30000, 100, 512)).toEqual({ width: 512, height: 64 });
    expect(fitSize(1024, 100, 512)).toEqual({ width: 512, height: 64 });
    expect(fitSize(2000, 100, 32)).toEqual({ width: 32, height: 32 });
    expect(fitSize(400, 200, 32)).toEqual({ width: 32, height: 16 });
  });
});
