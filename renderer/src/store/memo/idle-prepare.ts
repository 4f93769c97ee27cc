/**
 * Prepares, in the page's idle time, what the first filter and the first opened editor need
 * for the rows that arrive (the folder's search index: see `prepareForFilter`; the values in
 * use: `prepareSuggestions`), so that neither does it for 100,000 rows in one long task while
 * the user waits.
 */
import type { AppStore } from '../../app-store';
import { prepareForFilter } from '../filter';
import { prepareSuggestions } from '../selectors/edit-selectors';

/** Runs `work` when the page is idle, with the time it may take (ms). */
export type IdleScheduler = (work: (timeLeft: () => number) => void) => void;

/** `requestIdleCallback` where the page has it; nothing elsewhere (tests). */
function whenIdle(work: (timeLeft: () => number) => void): void {
  if (typeof requestIdleCallback === 'function')
    requestIdleCallback((deadline) => work(() => deadline.timeRemaining()));
}

/** Rows prepared per check of the time left. */
const CHUNK = 250;

/** Keeps preparing rows as they arrive; returns the unsubscribe. */
export function prepareWhenIdle(store: AppStore, idle: IdleScheduler = whenIdle): () => void {
  let scheduled = false;
  const work = (timeLeft: () => number): void => {
    scheduled = false;
    const s = store.getState();
    const rows = { rows: s.rows, order: s.rowOrder, epoch: s.rowsEpoch };
    for (const step of [() => prepareForFilter(rows, CHUNK), () => prepareSuggestions(s, CHUNK)]) {
      let done = false;
      while (!done && timeLeft() > 1) done = step();
      if (!done) return schedule();
    }
  };
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    idle(work);
  };
  schedule();
  return store.subscribe((s, previous) => {
    if (s.rowOrder !== previous.rowOrder || s.rows !== previous.rows || s.rowsEpoch !== previous.rowsEpoch) schedule();
  });
}
