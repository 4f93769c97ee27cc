/** Text comparison by the user's locale, its collator made on first use. */

/**
 * Compares texts with an `Intl.Collator` of `options`, made the first time it compares: the
 * page's first `Intl` object loads the locale's data (10–25 ms of the page's start here), which a
 * comparison made at load would spend before the first rows.
 */
export function lazyCollator(options?: Intl.CollatorOptions): (a: string, b: string) => number {
  let collator: Intl.Collator | null = null;
  return (a, b) => (collator ??= new Intl.Collator(undefined, options)).compare(a, b);
}

/** Natural order, case and accents aside: `img2` before `img10` (paths, groups, column values). */
export const compareNatural = lazyCollator({ numeric: true, sensitivity: 'base' });
