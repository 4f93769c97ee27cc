/** Turning a backend preview (base64 gray or RGB bytes) into canvas pixels. */
import type { PreviewImage } from '../../../shared/api';
import { decodeBase64 } from '../lib/base64';

/**
 * RGBA pixels (opaque) for `ImageData`, from a gray (1 channel) or RGB (3 channels) preview.
 * Missing bytes (a short payload) stay black rather than throwing.
 */
export function previewToRgba(image: PreviewImage): Uint8ClampedArray<ArrayBuffer> {
  const source = decodeBase64(image.data);
  const count = image.width * image.height;
  const rgba = new Uint8ClampedArray(new ArrayBuffer(count * 4));
  for (let p = 0; p < count; p++) {
    const o = p * 4;
    if (image.channels === 1) {
      const v = source[p] ?? 0;
      rgba[o] = v;
      rgba[o + 1] = v;
      rgba[o + 2] = v;
    } else {
      rgba[o] = source[p * 3] ?? 0;
      rgba[o + 1] = source[p * 3 + 1] ?? 0;
      rgba[o + 2] = source[p * 3 + 2] ?? 0;
    }
    rgba[o + 3] = 255;
  }
  return rgba;
}
