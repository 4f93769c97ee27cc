/** A row that scrolls sideways instead of wrapping: edges that say there is more, and the mouse wheel. */
import { useEffect, type RefObject } from 'react';

/**
 * Marks `ref`'s element with `data-more-left` and `data-more-right` while some of its content
 * is out of view on that side (the CSS fades that edge), and scrolls it sideways with a
 * mouse's vertical wheel. Keyboard focus scrolls a chip into view by itself. `children` changes
 * whenever the element's children do (they are then observed afresh).
 */
export function useSideScroll(ref: RefObject<HTMLElement | null>, children: string): void {
  useEffect(() => {
    const element = ref.current;
    if (element === null) return undefined;
    const mark = () => {
      element.toggleAttribute('data-more-left', element.scrollLeft > 0.5);
      element.toggleAttribute('data-more-right', element.scrollLeft + element.clientWidth < element.scrollWidth - 0.5);
    };
    const wheel = (event: WheelEvent) => {
      if (Math.abs(event.deltaY) <= Math.abs(event.deltaX) || element.scrollWidth <= element.clientWidth) return;
      element.scrollLeft += event.deltaY;
      event.preventDefault();
    };
    // The row's width changes with the window, its content's with the counts and chips shown.
    const resizes = new ResizeObserver(mark);
    resizes.observe(element);
    for (const child of element.children) resizes.observe(child);
    element.addEventListener('scroll', mark, { passive: true });
    element.addEventListener('wheel', wheel, { passive: false });
    mark();
    return () => {
      resizes.disconnect();
      element.removeEventListener('scroll', mark);
      element.removeEventListener('wheel', wheel);
    };
  }, [ref, children]);
}
