/** Moving one step between the ends of the history, or out of it, found by identity. */
import type { History, HistoryStep } from './history';

/**
 * The history with `step` moved from one end to the other, as `moved` (a file step with the
 * version its write left); unchanged when the step is no longer there (the history was cleared).
 */
export function moveStep(history: History, step: HistoryStep, from: 'past' | 'future', moved = step): History {
  const { past, future } = history;
  if (!(from === 'past' ? past : future).includes(step)) return history;
  return from === 'past'
    ? { past: past.filter((x) => x !== step), future: [moved, ...future] }
    : { past: [...past, moved], future: future.filter((x) => x !== step) };
}

/** The history without `step`, at whichever end it is. */
export function dropStep(history: History, step: HistoryStep): History {
  return { past: history.past.filter((x) => x !== step), future: history.future.filter((x) => x !== step) };
}
