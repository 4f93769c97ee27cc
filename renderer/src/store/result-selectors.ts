/** Derived state about the folder's analysis results. */
import type { AppState } from './app-store';
import { memo } from './selectors';

/** Every result key of the folder's rows, in the order first met. */
export const selectResultKeys = memo(
  (s: AppState) => [s.rows, s.rowOrder] as const,
  (rows, order): readonly string[] => {
    const keys = new Set<string>();
    for (const path of order) {
      const results = rows[path]?.results;
      if (results) for (const key of Object.keys(results)) keys.add(key);
    }
    return [...keys];
  },
);
