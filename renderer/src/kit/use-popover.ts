/** A popover's state, and its closing: a pointer press outside it, or Escape (which returns the focus to its button). */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

/**
 * Whether a popover is open, with the refs to give its root element and its button; while open,
 * a press outside the root or Escape closes it.
 */
export function usePopover() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, root, button, close);
  return { open, setOpen, root, button };
}

/** While `open`, calls `close` on a press outside `root` or on Escape; Escape also focuses `button`. */
function useDismiss(
  open: boolean,
  root: RefObject<HTMLElement | null>,
  button: RefObject<HTMLElement | null>,
  close: () => void,
): void {
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) close();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      close();
      button.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open, root, button, close]);
}
