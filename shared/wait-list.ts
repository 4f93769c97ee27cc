/**
 * Waiters released together when something happens, each given up after its own timeout: how
 * the backend waits for a listener and the browser client for its event stream.
 */

/** Promises released together by `releaseAll`, or one by one by their timeouts. */
export interface WaitList {
  /** Resolves at the next `releaseAll`, or after `timeoutMs`. */
  wait(timeoutMs: number): Promise<void>;
  releaseAll(): void;
}

/** A wait list whose timeouts run on `later` (returns a cancel function, or nothing). */
export function createWaitList(later: (done: () => void, ms: number) => (() => void) | void): WaitList {
  const waiting = new Set<() => void>();
  return {
    wait(timeoutMs) {
      return new Promise<void>((resolve) => {
        const done = () => {
          if (typeof cancel === 'function') cancel(); // a `later` typed to return void may return anything
          waiting.delete(done);
          resolve();
        };
        waiting.add(done);
        const cancel: unknown = later(done, timeoutMs); // `later` calls `done` on a later turn, never now
      });
    },
    releaseAll() {
      for (const done of [...waiting]) done();
    },
  };
}
