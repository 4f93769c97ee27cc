/**
 * Keeps Tab inside a modal dialog: a native modal makes the page behind it inert, but Tab past
 * its last control leaves for the browser's own controls; it comes round to the first instead.
 */

/** The controls Tab stops at. */
const TABBABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

/** The controls of `root` that Tab stops at, in order (those not drawn are passed over). */
function tabbable(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (element) => element.tabIndex >= 0 && !element.closest('[hidden], [inert]') && element.getClientRects().length > 0,
  );
}

/**
 * Handles a Tab (`back`: Shift+Tab) pressed inside `root`: from its last control to its first,
 * from its first back to its last. Returns whether it moved the focus (the key is then spent).
 */
export function wrapTab(root: HTMLElement, back: boolean): boolean {
  const stops = tabbable(root);
  if (stops.length === 0) return false;
  const first = stops[0]!;
  const last = stops[stops.length - 1]!;
  const active = root.ownerDocument.activeElement;
  const inside = active instanceof HTMLElement && root.contains(active);
  if (back ? inside && active !== first : inside && active !== last) return false;
  (back ? last : first).focus();
  return true;
}
