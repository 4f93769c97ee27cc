/** The room a path has in its cell, and the width of text in the cell's font, for cutting it to fit (shared/path-cut). */
import { useLayoutEffect, useState, type RefObject } from 'react';

/** A path's room: its width in pixels and the font of its cell (every part but the weight). */
export interface PathBox {
  width: number;
  font: { style: string; size: string; family: string };
}

/** One observer for every path on screen (a hundred or so), each element with its own callback. */
const resized = new WeakMap<Element, (width: number) => void>();
let observer: ResizeObserver | null = null;

function observeWidth(element: Element, onWidth: (width: number) => void): () => void {
  observer ??= new ResizeObserver((entries) => {
    for (const entry of entries) resized.get(entry.target)?.(entry.contentRect.width);
  });
  resized.set(element, onWidth);
  observer.observe(element);
  return () => {
    observer?.unobserve(element);
    resized.delete(element);
  };
}

/** The width and font of `ref`'s element, kept up to date as its column is resized; null before the first layout. */
export function usePathBox(ref: RefObject<HTMLElement | null>): PathBox | null {
  const [box, setBox] = useState<PathBox | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return undefined;
    const style = getComputedStyle(element);
    const font = { style: style.fontStyle, size: style.fontSize, family: style.fontFamily };
    const update = (width: number) => setBox((b) => (b !== null && b.width === width ? b : { width, font }));
    update(element.getBoundingClientRect().width);
    return observeWidth(element, update);
  }, [ref]);
  return box;
}

/** A 2D context per font, for measuring text (setting a context's font is slow). */
const contexts = new Map<string, CanvasRenderingContext2D | null>();

/** The width in pixels of `text` in the box's font at `weight`. */
export function textWidth(text: string, box: PathBox, weight: number): number {
  const font = `${box.font.style} ${weight} ${box.font.size} ${box.font.family}`;
  let context = contexts.get(font);
  if (context === undefined) {
    context = document.createElement('canvas').getContext('2d');
    if (context) context.font = font;
    contexts.set(font, context);
  }
  return context?.measureText(text).width ?? 0;
}
