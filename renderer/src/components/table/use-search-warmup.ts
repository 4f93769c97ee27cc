/**
 * Prepares the filter's per-row search texts in small slices once a scan is done, so the first
 * keystroke in the filter box does not pay for 100,000 rows at once.
 */
import { useEffect } from 'react';
import { prepareSearchTexts } from '../../store/row-filter';
import { useApp, useAppStore } from '../../store/store-context';

/** Rows prepared per slice; slices run between other work. */
const SLICE = 5000;

/** Starts the preparation whenever a scan finishes (a new scan stops the one under way). */
export function useSearchWarmup(): void {
  const store = useAppStore();
  const done = useApp((s) => s.scan.status === 'done');
  useEffect(() => {
    if (!done) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const step = (from: number) => {
      const { rows, rowOrder } = store.getState();
      const next = prepareSearchTexts(rows, rowOrder, from, SLICE);
      if (next !== null) timer = setTimeout(() => step(next), 0);
    };
    timer = setTimeout(() => step(0), 0);
    return () => clearTimeout(timer);
  }, [done, store]);
}
