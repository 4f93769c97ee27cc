import { vi } from 'vitest';

/** The texts measured since the last {@link stubTextWidth}, in order. */
const measured: string[] = [];

/** One context for every canvas: the page keeps the contexts it made from one test to the next. */
const context = {
  font: '',
  measureText: (text: string) => {
    measured.push(text);
    return { width: text.length * 7 };
  },
};

/**
 * happy-dom draws no text: every canvas measures 7 px a character, as the path cells' ruler
 * expects. Returns the texts measured from now on.
 */
export function stubTextWidth(): readonly string[] {
  measured.length = 0;
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(context as unknown as CanvasRenderingContext2D);
  return measured;
}
