/**
 * The room a path has in its cell, and the width of text in the cell's font, for cutting it to fit
 * (shared/path-cut). Every path of the table has the same room, the path column's, so one hidden
 * ruler in that column is measured for all of them: the rows' paths are cut as they are first
 * drawn, without each cell asking the browser for its box (which lays out the whole new table in
 * the middle of drawing it, then draws every path again).
 */
import { createContext, useContext, useEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/** A path's room: its width in pixels and the font of its cell (every part but the weight). */
export interface PathBox {
  width: number;
  font: { style: string; size: string; family: string };
}

/** The path column's room, as its ruler last measured it; null before the first layout. */
export const PathBoxContext = createContext<PathBox | null>(null);

/** The room of the table's paths (see {@link usePathRuler}); null before the first layout. */
export function usePathBox(): PathBox | null {
  return useContext(PathBoxContext);
}

/**
 * The path column's room, measured on the element given `ref` (a path's box with no text, in the
 * column) each time the browser lays it out anew; null before the first layout. A change is drawn
 * before the frame is painted, so no path is painted cut for a width it no longer has.
 */
export function usePathRuler(): { ref: RefObject<HTMLSpanElement | null>; box: PathBox | null } {
  const ref = useRef<HTMLSpanElement>(null);
  const [box, setBox] = useState<PathBox | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (element === null) return undefined;
    const observer = new ResizeObserver(([entry]) => {
      if (entry === undefined) return;
      // read after the browser's own layout, so this costs no layout of its own
      const style = getComputedStyle(element);
      const next = {
        width: entry.contentRect.width,
        font: { style: style.fontStyle, size: style.fontSize, family: style.fontFamily },
      };
      flushSync(() => setBox((b) => (b !== null && sameBox(b, next) ? b : next)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, box };
}

function sameBox(a: PathBox, b: PathBox): boolean {
  return (
    a.width === b.width &&
    a.font.style === b.font.style &&
    a.font.size === b.font.size &&
    a.font.family === b.font.family
  );
}

/** A font's 2D context for measuring text (setting a context's font is slow) and the widths it measured. */
interface FontRuler {
  context: CanvasRenderingContext2D | null;
  widths: Map<string, number>;
}

/** The rulers by font. */
const rulers = new Map<string, FontRuler>();

/** Widths kept per font: the folders of a lab's paths repeat from row to row, and are measured once. */
const MAX_WIDTHS = 20_000;

/** The width in pixels of `text` in the box's font at `weight`. */
export function textWidth(text: string, box: PathBox, weight: number): number {
  const font = `${box.font.style} ${weight} ${box.font.size} ${box.font.family}`;
  let ruler = rulers.get(font);
  if (ruler === undefined) {
    const context = document.createElement('canvas').getContext('2d');
    if (context) context.font = font;
    ruler = { context, widths: new Map() };
    rulers.set(font, ruler);
  }
  let width = ruler.widths.get(text);
  if (width === undefined) {
    width = ruler.context?.measureText(text).width ?? 0;
    if (ruler.widths.size >= MAX_WIDTHS) ruler.widths.clear();
    ruler.widths.set(text, width);
  }
  return width;
}
