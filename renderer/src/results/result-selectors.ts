/** Derived state about the folder's analysis results. */
import { type AppState, growMemo, memo } from '../store';

/** The result keys of the rows of `paths` added to `keys`, in the order first met. */
function addKeys(s: AppState, paths: readonly string[], keys: Set<string>): Set<string> {
  for (const path of paths) {
    const results = s.rows[path]?.results;
    if (results) for (const key of Object.keys(results)) keys.add(key);
  }
  return keys;
}

/** The folder's result keys as a set, extended as rows stream in (a new wrapper when it grows). */
const selectKeySet = growMemo<{ keys: Set<string> }, readonly []>({
  inputs: () => [] as const,
  full: (s, order) => ({ keys: addKeys(s, order, new Set()) }),
  grow: (s, previous, added) => {
    const before = previous.keys.size;
    addKeys(s, added, previous.keys);
    return previous.keys.size === before ? previous : { keys: previous.keys };
  },
});

/** Every result key of the folder's rows, in the order first met. */
export const selectResultKeys = memo(
  (s: AppState) => [selectKeySet(s)] as const,
  ({ keys }): readonly string[] => [...keys],
);
