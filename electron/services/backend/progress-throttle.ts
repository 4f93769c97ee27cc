/** A background job's progress as events: at most one each {@link PROGRESS_EVERY_MS}, the latest kept for the end. */

/** Least time between two progress events of one job. */
export const PROGRESS_EVERY_MS = 100;

/** What a job's progress goes through: `note` each step, `flush` before the job's last event. */
export interface ProgressThrottle<P> {
  note(progress: P): void;
  /** Sends the latest step noted and not yet sent, if any. */
  flush(): void;
}

/** Progress sent through `send`, at most one event each {@link PROGRESS_EVERY_MS}. */
export function throttledProgress<P>(send: (progress: P) => void): ProgressThrottle<P> {
  let sent = 0;
  let pending: P | null = null;
  const sendNow = (progress: P): void => {
    pending = null;
    sent = Date.now();
    send(progress);
  };
  return {
    note: (progress) => {
      if (Date.now() - sent >= PROGRESS_EVERY_MS) sendNow(progress);
      else pending = progress;
    },
    flush: () => {
      if (pending !== null) sendNow(pending);
    },
  };
}
