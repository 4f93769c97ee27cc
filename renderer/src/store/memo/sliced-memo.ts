/**
 * Derived state over a long list of paths (a selection of 100,000 images), computed the first
 * time in slices between frames, so that selecting them does not freeze the page: until it is
 * ready the selector gives null (the editor says it is reading the images). Once it has a
 * value, a change of its inputs (an edit, a replaced row) computes it again at once, as `memo`
 * does, so what is shown never lags behind what was typed.
 */
import type { AppState } from '../../app-store';
import { sameInputs, selectorOf } from './grow-memo';

/** A computation over paths, one path at a time. */
export interface PathFold<T> {
  add(path: string): void;
  result(): T;
}

/**
 * Lists up to this long are computed at once, with no pause a user would see; longer ones in
 * slices the first time, so that selecting 100,000 images does not freeze the page.
 */
export const FOLDED_AT_ONCE = 5_000;

/** The longest a slice runs before it lets the page draw (ms). */
const SLICE_MS = 8;
/** Paths folded between two looks at the clock. */
const CHECK_EVERY = 500;

/** Runs `step` soon, after the page has had a chance to draw (a timer: tests run it with fake timers). */
const later = (step: () => void): void => void setTimeout(step, 0);

/**
 * A selector of the fold `start(...inputs)` over `paths`: null while the first computation of a
 * long list is under way; `s.backgroundResultReady()` tells the store when it is done.
 */
function slicedMemo<A extends unknown[], T>(
  paths: readonly string[],
  inputs: (s: AppState) => readonly [...A],
  start: (...inputs: A) => PathFold<T>,
): (s: AppState) => T | null {
  type Inputs = readonly [...A];
  let last: { inputs: Inputs; value: T } | null = null;
  let job: { inputs: Inputs; cancelled: boolean } | null = null;
  const foldAll = (args: Inputs): T => {
    const fold = start(...(args as A));
    for (const path of paths) fold.add(path);
    return fold.result();
  };
  return (s) => {
    const args = inputs(s);
    if (last !== null && sameInputs(args, last.inputs)) return last.value;
    if (last !== null || paths.length <= FOLDED_AT_ONCE) {
      if (job !== null) job.cancelled = true;
      job = null;
      last = { inputs: args, value: foldAll(args) };
      return last.value;
    }
    if (job !== null && sameInputs(job.inputs, args)) return null;
    if (job !== null) job.cancelled = true;
    const mine = { inputs: args, cancelled: false };
    job = mine;
    const fold = start(...(args as A));
    let next = 0;
    const step = (): void => {
      if (mine.cancelled) return;
      const until = performance.now() + SLICE_MS;
      while (next < paths.length) {
        const end = Math.min(paths.length, next + CHECK_EVERY);
        for (; next < end; next++) fold.add(paths[next] as string);
        if (performance.now() >= until) break;
      }
      if (next < paths.length) return later(step);
      last = { inputs: mine.inputs, value: fold.result() };
      job = null;
      s.backgroundResultReady();
    };
    later(step);
    return null;
  };
}

/** The {@link slicedMemo} named `name` of `paths` (one per list and name, so every component reading it shares it). */
export function slicedOverPaths<A extends unknown[], T>(
  paths: readonly string[],
  name: string,
  inputs: (s: AppState) => readonly [...A],
  start: (...inputs: A) => PathFold<T>,
): (s: AppState) => T | null {
  return selectorOf(paths, name, () => slicedMemo(paths, inputs, start));
}
