/**
 * A progress indicator on stderr, redrawn at most ten times a second.
 */
import type { CliIo } from './cli-io';

/** Counts work done; draws nothing unless stderr is a terminal. */
export interface Progress {
  tick(): void;
  /** Erases the indicator. */
  end(): void;
}

/** Starts an indicator reading `<verb> <done>[/<total>] images`. */
export function startProgress(io: CliIo, verb: string, total: number | null): Progress {
  let done = 0;
  let drawn = 0;
  if (!io.showProgress) return { tick: () => undefined, end: () => undefined };
  return {
    tick() {
      done++;
      const now = Date.now();
      if (now - drawn < 100) return;
      drawn = now;
      io.progress(`${verb} ${done}${total === null ? '' : `/${total}`} images`);
    },
    end() {
      if (drawn > 0) io.progress('');
    },
  };
}
