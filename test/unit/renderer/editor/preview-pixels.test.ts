import { describe, expect, it } from 'vitest';
import { previewToRgba } from '../../../../renderer/src/editor/preview-pixels';

const b64 = (bytes: number[]) => btoa(String.fromCharCode(...bytes));

describe('previewToRgba', () => {
  it('spreads gray bytes over opaque RGBA pixels', () => {
    const rgba = previewToRgba({
      width: 2,
      height: 1,
      channels: 1,
      data: b64([10, 200]),
      sourceWidth: 2,
      sourceHeight: 1,
    });
    expect([...rgba]).toEqual([10, 10, 10, 255, 200, 200, 200, 255]);
  });

  it('copies RGB bytes and leaves missing bytes black', () => {
    const rgba = previewToRgba({
      width: 2,
      height: 1,
      channels: 3,
      data: b64([1, 2, 3, 4]),
      sourceWidth: 2,
      sourceHeight: 1,
    });
    expect([...rgba]).toEqual([1, 2, 3, 255, 4, 0, 0, 255]);
  });
});
