import { vi } from 'vitest';

/** happy-dom draws no text: every canvas measures 7 px a character, as the path cells' ruler expects. */
export function stubTextWidth(): void {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({
    font: '',
    measureText: (text: string) => ({ width: text.length * 7 }),
  } as unknown as CanvasRenderingContext2D);
}
